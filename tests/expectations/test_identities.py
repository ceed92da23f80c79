"""Identity specs load; a deliberately broken copy of the reference warehouse fails exactly the
expected checks, naming the broken row; the untouched one fails only the two known soft ones."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal

import duckdb
import pytest

from expectations.identities import IdentitySpecError, expand, load_identities
from expectations.run import run_identities

KNOWN_SOFT_FAILURES = {"S06-07.人员类=人员经费", "S06-07.公用经费=公用经费", "S12-14.task_names",
                       "S12-15.names", "S15.code_format"}


def test_identity_ids_are_unique_and_expanded():
    ids = [identity.id for identity in load_identities()]
    assert len(ids) == len(set(ids))
    assert {"T03.row.合计=基本+项目", "T05.row.合计=基本+项目", "X05-06.personnel"} <= set(ids)


def test_unknown_key_is_rejected():
    with pytest.raises(IdentitySpecError, match="unknown key 'sq'"):
        expand({"id": "x", "group": "hard", "guards": "m", "description": "d", "sq": ""}, "f.toml", ("t",))


@pytest.fixture
def broken_copy(warehouse, pipeline_run, tmp_path):
    summary, _ = pipeline_run
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(summary.paths.warehouse_file, path)  # the published file is read-only
    con = duckdb.connect(str(path))
    yield con
    con.close()


def failures(con) -> dict[str, str]:
    return {r.check_name: r.details for r in run_identities(con, load_identities()) if not r.success}


def test_altered_cell_fails_its_row_and_column_identities(broken_copy):
    broken_copy.execute(
        "update marts.fct_expenditure_by_function set total = total + 5000 "
        "where source_table = '05' and function_code = '2010301'")
    failed = failures(broken_copy)
    # the row, its column total, the narrative's 一般公共服务支出 figure (Σ 05 rows of 类 201), and
    # 05 = 03 cell by cell (all this document's funds are 一般公共预算)
    assert set(failed) - KNOWN_SOFT_FAILURES == {
        "T05.row.合计=基本+项目", "T05.col.total=Σitems", "N-05.values", "X03=05.cells"}
    row_failure = json.loads(failed["T05.row.合计=基本+项目"])["failures"]
    assert len(row_failure) == 1
    assert "2010301" in row_failure[0]["subject"]
    assert row_failure[0]["gap"] == "-5000.00"


def test_gap_within_one_printed_unit_is_tolerated(broken_copy):
    # 0.01 万元 = 100 元 is the printed precision of these tables: a 1 元 drift is rounding.
    broken_copy.execute(
        "update marts.fct_three_public_costs set total = total + 1")
    assert set(failures(broken_copy)) == KNOWN_SOFT_FAILURES


def test_three_public_costs_break_is_named(broken_copy):
    broken_copy.execute("update marts.fct_three_public_costs set official_reception = 0")
    # the table's own sum, and the narrative that still says 公务接待费 281.85 万元
    assert set(failures(broken_copy)) - KNOWN_SOFT_FAILURES == {"T09.三公=3parts", "N-09.values"}


def test_narrative_that_disagrees_with_table_09_is_named(broken_copy):
    broken_copy.execute(
        "update marts.fct_narrative_figures set amount = 2900000.00 where statement = '公务接待费'")
    failed = failures(broken_copy)
    # against table 09, against its own "减少11.00万元，下降3.76%" (11 / (290 + 11) = 3.65 %), and
    # against the 三公 total stated before it (0 + 111.00 + 290.00 ≠ 392.85)
    assert set(failed) - KNOWN_SOFT_FAILURES == {"N-09.values", "N.growth", "N.sum"}
    assert "公务接待费" in json.loads(failed["N-09.values"])["failures"][0]["subject"]
    [sum_failure] = json.loads(failed["N.sum"])["failures"]
    assert sum_failure["subject"].startswith("三公 392.85万元")
    assert sum_failure["gap"] == "81500.00"  # 290.00 - 281.85 万元


def test_table_04_line_that_disagrees_with_01_is_named(broken_copy):
    broken_copy.execute("update staging.stg_fiscal_grant_summary set total = total + 10000 "
                        "where expense_item like '%教育%'")
    [failure] = json.loads(failures(broken_copy)["X01-04.function"])["failures"]
    assert failure["subject"].startswith("205 ") and failure["gap"] == "10000.00"


def test_table_07_row_without_unit_is_named(broken_copy):
    broken_copy.execute("update marts.fct_basic_expenditure_detail set unit_name = null "
                        "where row_kind = 'item' and row_index = (select min(row_index) "
                        "from marts.fct_basic_expenditure_detail where row_kind = 'item')")
    failed = failures(broken_copy)
    assert set(failed) - KNOWN_SOFT_FAILURES == {"T07.units"}


def test_project_of_the_wrong_type_breaks_the_table_15_blocks(broken_copy):
    # 办公耗材 (焦作市人民政府办公室, 2.00 万元) moved from 其他运转类 to 特定目标类 in table 12
    broken_copy.execute("update marts.fct_projects set project_type = '特定目标类' "
                        "where project_name = '办公耗材'")
    failed = failures(broken_copy)
    assert {"X12-15.group", "X12-15.unit", "X03-12.其他运转类", "X03-12.特定目标类"} <= set(failed)
    groups = json.loads(failed["X12-15.group"])["failures"]
    assert sorted((f["subject"].split()[2], f["gap"]) for f in groups) == [
        ("其他运转类", "-20000.00"), ("特定目标类", "20000.00")]
    [unit] = json.loads(failed["X12-15.unit"])["failures"]
    assert "103101 焦作市人民政府办公室" in unit["subject"] and unit["gap"] == "-20000.00"


def test_structural_check_blocks_when_a_mart_loses_a_documents_rows(broken_copy):
    from assets.defs.warehouse_models import MART_SOURCES, documents_without_rows, warehouse_models

    tables = MART_SOURCES["fct_three_public_costs"]
    assert documents_without_rows(broken_copy, "fct_three_public_costs", tables) == []
    broken_copy.execute("delete from marts.fct_three_public_costs")
    assert len(documents_without_rows(broken_copy, "fct_three_public_costs", tables)) == 1
    [spec] = [s for s in warehouse_models.check_specs if s.name == "fct_three_public_costs__loaded"]
    assert spec.blocking


PERFORMANCE = ("update marts.fct_narrative_figures set {change} where page = 11 and sentence like '%涉及项目28%' "
               "and unit = '{unit}'")


def test_performance_amount_of_the_projects_against_table_12(broken_copy):
    # p. 11 (预算绩效管理): "项目支出 527.22 万元，涉及项目28 个"; table 12: 28 projects, 合计 527.22
    broken_copy.execute(PERFORMANCE.format(change="amount = 5372200.00", unit="万元"))
    failed = failures(broken_copy)
    [failure] = json.loads(failed["N-12.performance"])["failures"]
    assert failure["subject"] == "项目支出 (p.11, 28 projects)" and failure["gap"] == "100000.00"


def test_performance_amount_of_another_number_of_projects_is_not_evaluated(broken_copy):
    broken_copy.execute(PERFORMANCE.format(change="amount = 5372200.00", unit="万元"))
    broken_copy.execute(PERFORMANCE.format(change="value = 27", unit="个"))
    failed = failures(broken_copy)
    assert "N-12.performance" not in failed and "N-12.count" in failed


def restate(con, where: str, statement: str, amount: Decimal) -> None:
    """The narrative figure `where` picks, restated as `statement` with `amount` (元)."""
    con.execute(f"update marts.fct_narrative_figures set statement = ?, amount = ? where {where}", [statement, amount])


# (the figure restated, as what, the identity that compares it, its subject, the table's amount, the
# change that gives the table a second row of that name)
RESTATED = {
    # the 绩效 section's 公用经费 figure as 办公耗材, a project of 12 (2.00 万元)
    "project": ("page = 11 and sentence like '公用经费支出%'", "其中办公耗材", "N-12.performance",
                "其中办公耗材 (p.11)", Decimal("20000.00"),
                "update marts.fct_projects set project_name = '办公耗材' where project_name = '报刊杂志费'"),
    # p. 9's 教育支出 (10.28 万元, all of it 2050803 培训支出) as that 项 named without its 款
    "item": ("page = 9 and statement in ('教育支出', '2. 培训支出（项）')", "2. 培训支出（项）", "N-05.items",
             "2. 培训支出（项） (p.9)", Decimal("102800.00"),
             "update marts.fct_expenditure_by_function set function_name = '培训支出' "
             "where source_table = '05' and function_code = '2101102'"),
}


@pytest.mark.parametrize("case", RESTATED)
def test_a_project_or_item_named_with_its_amount_against_its_row(broken_copy, case):
    where, statement, identity, subject, amount, _ = RESTATED[case]
    restate(broken_copy, where, statement, amount + 10000)
    [failure] = json.loads(failures(broken_copy)[identity])["failures"]
    assert failure["subject"] == subject and failure["gap"] == "10000.00"
    restate(broken_copy, where, statement, amount)
    assert identity not in failures(broken_copy)


@pytest.mark.parametrize("case", RESTATED)
def test_a_name_printed_on_two_rows_is_not_evaluated(broken_copy, case):
    where, statement, identity, _, amount, second_row = RESTATED[case]
    restate(broken_copy, where, statement, amount + 10000)
    broken_copy.execute(second_row)
    assert identity not in failures(broken_copy)


# a 款 row 进修及培训 above 2050803 培训支出 in 05 (the reference prints its 项 rows only): by its code,
# or, in a names-only table (Hangzhou prints no code), as the 款 row printed above it
KIND_ROW = {
    "coded": ["insert into marts.fct_expenditure_by_function select * replace ('20508' as function_code, "
              "'进修及培训' as function_name, 'kind' as row_kind) from marts.fct_expenditure_by_function "
              "where source_table = '05' and function_code = '2050803'"],
    "names only": ["update marts.fct_expenditure_by_function set function_code = null where source_table = '05'",
                   "update marts.fct_expenditure_by_function set row_kind = 'kind', function_name = '进修及培训' "
                   "where source_table = '05' and row_index = 2"],
}


@pytest.mark.parametrize("table", KIND_ROW)
def test_an_item_marked_with_its_kind_unquoted_against_its_row(broken_copy, table):
    for change in KIND_ROW[table]:
        broken_copy.execute(change)
    where = "page = 9 and (statement = '教育支出' or statement like '%（项）支出')"
    restate(broken_copy, where, "2．进修及培训（款）培训支出（项）支出", Decimal("112800.00"))
    [failure] = json.loads(failures(broken_copy)["N-05.items"])["failures"]
    assert failure["subject"] == "2．进修及培训（款）培训支出（项）支出 (p.9)" and failure["gap"] == "10000.00"
    # another 款 marked: the 项 is not taken by its name alone
    restate(broken_copy, where, "2．培训（款）培训支出（项）支出", Decimal("112800.00"))
    assert "N-05.items" not in failures(broken_copy)
