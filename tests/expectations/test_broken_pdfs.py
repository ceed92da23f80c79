"""PDFs rendered from the reference's truth by reportlab (another producer, font and layout),
one untouched and two with numbers altered in chosen cells, loaded in one run: the untouched
one fails no identity, each altered one fails exactly the identities its change breaks, with the
altered row named."""
from __future__ import annotations

import copy
import json

import duckdb
import pytest

from tests.conftest import run_pipeline_isolated
from tests.rendering.render_budget import Layout, render_budget

RENDERED = ("01", "03", "05", "06", "09", "13")
NARRATIVE = ["第二部分", "九、“三公”经费支出预算情况说明",
             "2023年“三公”经费支出预算为392.85万元。", "（三）公务接待费281.85万元。"]
# only the tables above are rendered: the template's others are missing on purpose
MISSING_TABLES = "C.tables_disclosed"


def edited(tables: dict, code: str, row: int, column: int, value: str) -> list[dict]:
    changed = copy.deepcopy(tables)
    changed[code]["rows"][row]["cells"][column] = value
    return [changed[c] for c in RENDERED]


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory, truth_tables):
    base = tmp_path_factory.mktemp("broken")
    inbox = base / "inbox"
    inbox.mkdir()
    layout = Layout(narrative=NARRATIVE)
    render_budget(inbox / "untouched.pdf", [truth_tables[c] for c in RENDERED], layout)
    # 09: 公务接待费 281.85 -> 291.85
    render_budget(inbox / "reception.pdf", edited(truth_tables, "09", 0, 5, "291.85"), layout)
    # 05: row 行政运行 (2010301) 合计 2323.05 -> 2333.05
    render_budget(inbox / "function_row.pdf", edited(truth_tables, "05", 2, 5, "2333.05"), layout)
    summary = run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home")
    assert summary.exit_code == 0, summary.render(0)
    con = duckdb.connect(str(summary.paths.warehouse_file), read_only=True)
    rows = con.execute("""
        select d.file_name, r.check_name, r.details from quality.check_results r
        join marts.dim_document d using (document_id) where not r.success""").fetchall()
    con.close()
    failures: dict[str, dict[str, list]] = {"untouched.pdf": {}, "reception.pdf": {}, "function_row.pdf": {}}
    for name, check, details in rows:
        failures[name][check] = json.loads(details)["failures"]
    return failures


def test_untouched_rendering_breaks_no_identity(broken_run):
    assert set(broken_run["untouched.pdf"]) == {MISSING_TABLES}


def test_altered_reception_fails_the_09_sum_and_the_narrative(broken_run):
    failed = broken_run["reception.pdf"]
    assert set(failed) - {MISSING_TABLES} == {"T09.三公=3parts", "N-09.values"}
    assert failed["T09.三公=3parts"][0]["gap"] == "100000.00"  # 10.00 万元 more than 392.85
    assert "公务接待费" in failed["N-09.values"][0]["subject"]


def test_altered_function_row_fails_its_row_and_column(broken_run):
    failed = broken_run["function_row.pdf"]
    assert set(failed) - {MISSING_TABLES} == {"T05.row.合计=基本+项目", "T05.col.total=Σitems"}
    assert [f["subject"] for f in failed["T05.row.合计=基本+项目"]] == ["row 2 2010301 行政运行"]
    assert [f["subject"] for f in failed["T05.col.total=Σitems"]] == ["column total"]
