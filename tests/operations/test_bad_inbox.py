"""Bad input never stops good input: one run over an inbox holding every kind of bad file and
odd entry next to the reference; each is quarantined with a one-line reason, the reference loads."""
from __future__ import annotations

import os
import shutil

import duckdb
import pytest

import assets.work_files as work_files
from assets.work_files import read_problem
from tests.conftest import REFERENCE_PDF, run_pipeline_isolated
from tests.pdf_factory import (
    decompression_bomb_pdf, encrypted_pdf, image_only_pdf, kids_loop_pdf, text_pdf, zero_page_pdf,
)

GBK_NAME = os.fsdecode("焦作 预算".encode("gbk") + b".pdf")  # as unzipped from a Windows zip
EXPECTED_REASONS = {
    "not really.pdf": "not a PDF",
    "empty.pdf": "empty file",
    "truncated.pdf": "truncated: the file stops after 20000 bytes",
    "locked.pdf": "encrypted",
    "scanned.pdf": "no text layer",
    "no pages.pdf": "has no pages",
    "kids loop.pdf": "has no pages",
    "annual report.pdf": "no budget table found",
    "long report 200 pages.pdf": "no budget table found",
    "bomb.pdf": "memory limit of 300 MB",
    "焦作 预算.pdf": "file name is not UTF-8",
    "dangling link.pdf": "broken link",
    "unreadable.pdf": "cannot be read (Input/output error)",
    "vanishing.pdf": "left the inbox while it was being scanned",
}


def vanish_during_the_scan(inbox):
    """Wrap file_sha256 so that vanishing.pdf is deleted after the scan listed it."""
    hash_file = work_files.file_sha256

    def hash_and_delete(path):
        (inbox / "vanishing.pdf").unlink(missing_ok=True)
        return hash_file(path)

    return hash_and_delete


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
    zero_page_pdf(inbox / "no pages.pdf")
    kids_loop_pdf(inbox / "kids loop.pdf")
    shutil.copy(REFERENCE_PDF, inbox / GBK_NAME)
    (inbox / "dangling link.pdf").symlink_to(base / "moved away.pdf")
    # every read fails with an I/O error, as on a failing disk, even for root
    (inbox / "unreadable.pdf").symlink_to("/proc/self/mem")
    shutil.copy(REFERENCE_PDF, inbox / "vanishing.pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(work_files, "file_sha256", vanish_during_the_scan(inbox))
        return run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home",
                                     BUDGET_DOC_MEMORY_MB="300")


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


def test_a_file_without_read_permission_says_so():
    assert read_problem(PermissionError(13, "Permission denied")).startswith(
        "cannot be read (permission denied): give the pipeline read access")


def test_a_folder_that_cannot_be_listed_is_an_entry_with_its_reason(tmp_path, monkeypatch):
    locked = tmp_path / "from the archive"
    locked.mkdir()
    (locked / "inside.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4 other")
    scandir = os.scandir

    def refuse_the_locked_folder(path="."):
        if os.fspath(path) == str(locked):  # as chmod 000 does, for anyone but root
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_the_locked_folder)
    found = {item.file_name: item.problem for item in work_files.scan_inbox(tmp_path)}
    assert found["outside.pdf"] == ""
    assert found["from the archive"].startswith("a folder that cannot be listed")


def test_a_quarantined_document_is_a_successful_run_with_its_record(bad_inbox_run):
    from dagster import AssetKey, DagsterInstance, DagsterRunStatus

    instance = DagsterInstance.from_config(str(bad_inbox_run.paths.warehouse_file.parent / "home"))
    runs = instance.get_runs()
    assert runs and {run.status for run in runs} == {DagsterRunStatus.SUCCESS}
    records = instance.fetch_materializations(AssetKey("raw_cells"), limit=100).records
    quarantined = {record.asset_materialization.metadata["file"].value:
                   record.asset_materialization.metadata["quarantined"].value
                   for record in records if "quarantined" in record.asset_materialization.metadata}
    assert "no text layer" in quarantined["scanned.pdf"]
    assert "encrypted" in quarantined["locked.pdf"]
