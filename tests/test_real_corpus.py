"""Real published PDFs of other templates (shared/corpus/real, never copied into the repo):
loaded through the whole pipeline, checked against values read off the printed pages by hand.
Skipped with a message where the corpus folder is absent."""
from __future__ import annotations

import shutil
from decimal import Decimal

import duckdb
import pytest

from tests.conftest import SHARED, run_pipeline_isolated

CORPUS = SHARED / "corpus" / "real"
SHANGHAI = ["2025_putuo-gov-office_dept-budget.pdf", "2025_putuo-commerce-commission_dept-budget.pdf",
            "2024_putuo-wanli-subdistrict_dept-budget.pdf", "2024_putuo-welfare-home_unit-budget.pdf"]

pytestmark = pytest.mark.skipif(
    not (CORPUS / "budget").is_dir(),
    reason=f"real corpus not found at {CORPUS} (it lives in shared/, outside the repo)")


@pytest.fixture(scope="module")
def shanghai(tmp_path_factory):
    base = tmp_path_factory.mktemp("shanghai")
    inbox = base / "inbox"
    inbox.mkdir()
    for name in SHANGHAI:
        shutil.copy(CORPUS / "budget" / name, inbox / name)
    summary = run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home")
    assert summary.exit_code == 0, summary.render(0)
    con = duckdb.connect(str(summary.paths.warehouse_file), read_only=True)
    yield con
    con.close()


def one(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def test_template_scope_and_department(shanghai):
    rows = one(shanghai, "select file_name, template, scope, department_name, fiscal_year "
                         "from marts.dim_document order by file_name")
    assert rows == [
        ("2024_putuo-wanli-subdistrict_dept-budget.pdf", "shanghai_budget_9", "department",
         "上海市普陀区人民政府万里街道办事处", 2024),
        ("2024_putuo-welfare-home_unit-budget.pdf", "shanghai_budget_9", "unit", "上海市普陀区社会福利院", 2024),
        ("2025_putuo-commerce-commission_dept-budget.pdf", "shanghai_budget_9", "department",
         "上海市普陀区商务委员会", 2025),
        ("2025_putuo-gov-office_dept-budget.pdf", "shanghai_budget_9", "department",
         "上海市普陀区人民政府办公室", 2025),
    ]


def test_gov_office_three_public_costs_hand_checked(shanghai):
    # page 20, printed in 万元: 合计 867.50, 因公出国(境)费 839.00, 公务接待费 28.50,
    # 公务用车 blank, 机关运行经费预算数 213.28
    rows = one(shanghai, """
        select t.total, t.overseas_travel, t.official_reception, t.vehicle_total, t.operating_costs,
               t.source_unit, t.page
        from marts.fct_three_public_costs t join marts.dim_document d using (document_id)
        where d.file_name = '2025_putuo-gov-office_dept-budget.pdf'""")
    assert rows == [(Decimal("8675000.00"), Decimal("8390000.00"), Decimal("285000.00"),
                     Decimal("0.00"), Decimal("2132800.00"), "万元", 20)]


def test_gov_office_economic_table_hand_checked(shanghai):
    # pages 18-19, printed in 元: 合计 24,606,775.35 = 人员经费 22,473,997.81 + 公用经费 2,132,777.54;
    # 30101 基本工资 2,540,192.00; 302 17 公务接待费 185,000.00
    con = shanghai
    doc = "(select document_id from marts.dim_document where file_name = '2025_putuo-gov-office_dept-budget.pdf')"
    total = one(con, f"select total, personnel, public_funds, source_unit from "
                     f"marts.fct_basic_expenditure_by_economic where document_id = {doc} and row_kind = 'total'")
    assert total == [(Decimal("24606775.35"), Decimal("22473997.81"), Decimal("2132777.54"), "元")]
    items = dict(one(con, f"select dept_econ_code, total from marts.fct_basic_expenditure_by_economic "
                          f"where document_id = {doc} and dept_econ_code in ('30101', '30217')"))
    assert items == {"30101": Decimal("2540192.00"), "30217": Decimal("185000.00")}


def test_gov_office_summary_balances(shanghai):
    # page 8: 收入总计 = 支出总计 = 91,016,775.35 元
    rows = one(shanghai, """
        select side, amount from marts.fct_income_expenditure_summary s
        join marts.dim_document d using (document_id)
        where d.file_name = '2025_putuo-gov-office_dept-budget.pdf' and line_kind = 'grand_total'
        order by side""")
    assert rows == [("expenditure", Decimal("91016775.35")), ("income", Decimal("91016775.35"))]


def test_every_identity_holds_except_the_printed_code_defects(shanghai):
    """Two real defects of the publications, reported, not repaired:
    - the welfare home's 支出预算总表 prints 类 '7' instead of '210' for 2101102 事业单位医疗
      (page 9, again on page 11): a malformed code, and a row that belongs to no 类, so 01's
      医疗卫生 line finds no 03 rows;
    - 万里街道's economic table prints 款 codes without their leading zero ('301' '2' 津贴补贴,
      page 29): malformed 5-digit codes."""
    failed = one(shanghai, """
        select d.file_name, r.check_name from quality.check_results r
        join marts.dim_document d using (document_id) where not r.success order by 1, 2""")
    assert failed == [("2024_putuo-wanli-subdistrict_dept-budget.pdf", "D.econ_code_format"),
                      ("2024_putuo-welfare-home_unit-budget.pdf", "D.function_code_format"),
                      ("2024_putuo-welfare-home_unit-budget.pdf", "X01-03.class")]
    wanli = one(shanghai, """
        select e.dept_econ_code, e.dept_econ_name from marts.fct_basic_expenditure_by_economic e
        join marts.dim_document d using (document_id)
        where d.file_name = '2024_putuo-wanli-subdistrict_dept-budget.pdf' and e.page = 29
          and e.source_row = 5""")
    assert wanli == [("3012", "津贴补贴")]
    printed = one(shanghai, """
        select function_code, function_name, page from marts.fct_expenditure_by_function f
        join marts.dim_document d using (document_id)
        where d.file_name = '2024_putuo-welfare-home_unit-budget.pdf' and function_name = '事业单位医疗'
        order by page""")
    assert printed == [("71102", "事业单位医疗", 9), ("71102", "事业单位医疗", 11)]
    checked = one(shanghai, "select count(*) from quality.check_results")[0][0]
    assert checked >= 40
