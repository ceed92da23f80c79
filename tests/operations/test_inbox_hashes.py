"""The inbox scan keeps each file's hash by path, size and modification time in the work folder:
a rescan reads only new or changed files and finds the same documents as a scan from scratch."""
from __future__ import annotations

import pytest

import assets.work_files as work_files
from tests.pdf_factory import text_pdf


def test_a_saved_scan_hashes_only_new_or_changed_files(tmp_path, monkeypatch):
    inbox, data_dir = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    for name in ("a", "b"):
        text_pdf(inbox / f"{name}.pdf", text=f"document {name}")
    work_files.scan_inbox(inbox, data_dir, save=True)
    text_pdf(inbox / "b.pdf", pages=2, text="document b, replaced")
    text_pdf(inbox / "c.pdf", text="document c")
    hashed = []
    file_sha256 = work_files.file_sha256
    monkeypatch.setattr(work_files, "file_sha256", lambda path: hashed.append(path.name) or file_sha256(path))

    cached = work_files.scan_inbox(inbox, data_dir, save=True)

    assert sorted(hashed) == ["b.pdf", "c.pdf"]
    assert cached == work_files.scan_inbox(inbox)  # no cache: every file hashed again
    assert len({item.document_id for item in cached}) == 3


@pytest.mark.parametrize(("folder", "module"), [("EXTRACT_DIR", "ocr/page.py"), ("SPEC_DIR", "titles.py")])
def test_a_change_in_any_module_of_the_code_redoes_the_documents(folder, module, tmp_path, monkeypatch):
    """The OCR code lives in assets/extract/ocr/ and the titles' shapes in assets/templates/titles.py:
    a change there must make every document stale, as a change of assets/extract/*.py does. Before,
    only the top folder's .py files (and the templates' .toml files) were hashed."""
    code = tmp_path / "code"
    (code / module).parent.mkdir(parents=True, exist_ok=True)
    (code / module).write_text("DPI = 200\n")
    monkeypatch.setattr(work_files, folder, code)
    before = work_files.extractor_version()
    (code / module).write_text("DPI = 300\n")
    assert work_files.extractor_version() != before
