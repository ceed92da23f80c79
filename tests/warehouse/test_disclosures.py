"""A disclosure printed as two PDFs is one disclosure_id in marts.dim_document even when the PDFs
write the department differently (中共 prefix, spacing, full-width forms) or one prints no year;
a department's own (本级) and consolidated accounts, or two years, stay apart."""
from __future__ import annotations

import duckdb
import pytest

from assets.clean.document_facts import department_key
from warehouse.db import SQL_DIR, ensure_schema, load_models, register_sources, run_sql_file


@pytest.fixture
def con(tmp_path):
    """A working database whose staging tables exist, empty, as a build makes them."""
    con = duckdb.connect()
    ensure_schema(con)
    register_sources(con, tmp_path, set())
    for model in load_models("staging"):
        run_sql_file(con, model.path)
    yield con
    con.close()


def disclosures(con, documents: list[tuple[str, str, int | None, str]]) -> dict[str, str | None]:
    """Load (document_id, department as printed, year, scope) budgets; return their disclosure ids."""
    for document_id, name, year, scope in documents:
        con.execute("insert into staging.stg_documents (document_id, file_name, department_name, "
                    "department_key, fiscal_year, document_kind, scope, page_count, ocr_pages) "
                    "values (?, ?, ?, ?, ?, 'budget', ?, 1, [])",
                    [document_id, f"{document_id}.pdf", name, department_key(name), year, scope])
    run_sql_file(con, SQL_DIR / "marts" / "fct_ocr_readings.sql")
    run_sql_file(con, SQL_DIR / "marts" / "dim_document.sql")
    return dict(con.execute("select document_id, disclosure_id from marts.dim_document").fetchall())


def test_the_department_key_folds_the_ways_one_name_is_printed():
    assert department_key("中共江苏省委办公厅") == department_key("江苏省委办公厅") == "江苏省委办公厅"
    assert department_key("中国共产党 江苏省委 办公厅") == "江苏省委办公厅"
    assert department_key("深圳市统计局（本级）") != department_key("深圳市统计局")
    assert department_key(None) is None and department_key("") is None


def test_two_pdfs_of_one_disclosure_share_it(con):
    ids = disclosures(con, [
        ("narrative", "中共江苏省委办公厅", 2018, "department"),
        ("tables", "江苏省委办公厅", 2018, "department"),
        ("tables_no_year", "江苏省财政厅", None, "department"),
        ("narrative_2019", "江苏省财政厅", 2019, "department"),
    ])
    assert ids["narrative"] == ids["tables"] is not None
    assert ids["tables_no_year"] == ids["narrative_2019"] is not None


def test_other_years_scopes_and_ambiguous_years_stay_apart(con):
    ids = disclosures(con, [
        ("a_2018", "江苏省委办公厅", 2018, "department"),
        ("a_2019", "江苏省委办公厅", 2019, "department"),
        ("a_no_year", "江苏省委办公厅", None, "department"),  # 2018 or 2019: not guessed
        ("own", "深圳市统计局（本级）", 2026, "department"),
        ("consolidated", "深圳市统计局", 2026, "department"),
        ("unit", "深圳市统计局", 2026, "unit"),
    ])
    assert ids["a_2018"] != ids["a_2019"]
    assert ids["a_no_year"] is None
    assert len({ids["own"], ids["consolidated"], ids["unit"]}) == 3
