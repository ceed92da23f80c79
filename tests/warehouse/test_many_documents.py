"""Several documents in one warehouse: every one loaded, a re-run changes nothing, a removed PDF's
rows disappear. The second document is the reference with bytes appended after %%EOF (same
tables, another content hash), so each mart must hold exactly twice the rows."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import REFERENCE_PDF, mart_fingerprint, two_document_inbox

def count(path, table: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def inbox_and_warehouse(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    inbox = two_document_inbox(tmp_path / "inbox")
    shutil.copy(REFERENCE_PDF, inbox / "a duplicate.pdf")  # same bytes as a.pdf: one document
    return inbox, tmp_path / "wh" / "budget.duckdb"


def test_documents_accumulate_rerun_is_identical_and_removal_cleans(inbox_and_warehouse):
    from pipelines.run import run_pipeline

    inbox, warehouse = inbox_and_warehouse
    first = run_pipeline(str(inbox), str(warehouse))
    assert first.exit_code == 0, first.render(0)
    assert count(warehouse, "marts.dim_document") == 2
    assert count(warehouse, "marts.fct_projects") == 2 * 28
    assert count(warehouse, "marts.fct_basic_expenditure_detail") == 2 * 175
    before = mart_fingerprint(warehouse)

    again = run_pipeline(str(inbox), str(warehouse))
    assert [status for _, status in again.documents] == ["up to date", "up to date"]
    assert mart_fingerprint(warehouse) == before

    (inbox / "b.pdf").unlink()
    after_removal = run_pipeline(str(inbox), str(warehouse))
    assert after_removal.exit_code == 0
    assert count(warehouse, "marts.dim_document") == 1
    assert count(warehouse, "marts.fct_projects") == 28
    assert count(warehouse, "quality.check_results") == count(
        warehouse, "(select distinct check_name from quality.check_results)")
