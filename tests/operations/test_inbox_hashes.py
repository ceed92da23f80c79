"""The inbox scan keeps each file's hash by path, size and modification time in the work folder:
a rescan reads only new or changed files and finds the same documents as a scan from scratch."""
from __future__ import annotations

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
