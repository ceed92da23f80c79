"""Bad input never stops good input: one run over an inbox holding every kind of bad file next
to the reference; each bad file is quarantined with a one-line reason, the reference loads."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import REFERENCE_PDF, run_pipeline_isolated
from tests.pdf_factory import decompression_bomb_pdf, encrypted_pdf, image_only_pdf, text_pdf

EXPECTED_REASONS = {
    "not really.pdf": "not a PDF",
    "empty.pdf": "empty file",
    "truncated.pdf": "damaged or truncated",
    "locked.pdf": "encrypted",
    "scanned.pdf": "no text layer",
    "annual report.pdf": "no budget table found",
    "long report 200 pages.pdf": "no budget table found",
    "bomb.pdf": "memory limit",
}


@pytest.fixture(scope="module")
def bad_inbox_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad_inbox")
    inbox = base / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "焦作 政府办 2023 预算.pdf")   # spaces and Chinese
    shutil.copy(REFERENCE_PDF, inbox / "copy of the same file.pdf")  # duplicate content
    (inbox / "not really.pdf").write_text("<html>a web page saved as .pdf</html>")
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "truncated.pdf").write_bytes(REFERENCE_PDF.read_bytes()[:20_000])
    encrypted_pdf(inbox / "locked.pdf")
    image_only_pdf(inbox / "scanned.pdf")
    text_pdf(inbox / "annual report.pdf")
    text_pdf(inbox / "long report 200 pages.pdf", pages=200)
    decompression_bomb_pdf(inbox / "bomb.pdf", megabytes=400)
    return run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home", BUDGET_DOC_MEMORY_MB="300")


def test_every_bad_file_is_quarantined_with_its_reason(bad_inbox_run):
    statuses = dict(bad_inbox_run.documents)
    for name, reason in EXPECTED_REASONS.items():
        assert statuses[name].startswith("quarantined: "), (name, statuses[name])
        assert reason in statuses[name], (name, statuses[name])


def test_the_good_document_loads_once(bad_inbox_run):
    statuses = dict(bad_inbox_run.documents)
    loaded = [name for name, status in statuses.items() if status == "loaded"]
    # the two copies have one content hash: one document, under the first name in sorted order
    assert loaded == ["copy of the same file.pdf"]
    assert bad_inbox_run.exit_code == 0
    con = duckdb.connect(str(bad_inbox_run.paths.warehouse_file), read_only=True)
    assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == 1
    reasons = con.execute("select file_name, reason from quality.quarantine").fetchall()
    con.close()
    assert {name for name, _ in reasons} == set(EXPECTED_REASONS)
    assert all("\n" not in reason for _, reason in reasons)
