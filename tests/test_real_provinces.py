"""Real disclosures of provinces no template spec describes (shared/corpus/real/provinces): each is
read through the national standard's catalogue alone. Key figures were read off the printed
pages by hand. Skipped with a message where the corpus folder is absent."""
from __future__ import annotations

import shutil
from decimal import Decimal

import duckdb
import pytest

from tests.conftest import SHARED, run_pipeline_isolated

PROVINCES = SHARED / "corpus" / "real" / "provinces"

pytestmark = pytest.mark.skipif(
    not PROVINCES.is_dir(), reason=f"province corpus not found at {PROVINCES} (it lives in shared/, outside the repo)")

BUDGET_KINDS = {"income_expenditure_summary", "income_by_function", "expenditure_by_function",
                "fiscal_grant_summary", "general_public_expenditure", "basic_expenditure_by_economic",
                "three_public_costs", "government_fund_expenditure"}


@pytest.fixture(scope="module")
def provinces(tmp_path_factory):
    base = tmp_path_factory.mktemp("provinces")
    inbox = base / "inbox"
    inbox.mkdir()
    for pdf in sorted(PROVINCES.glob("*/*.pdf")):
        shutil.copy(pdf, inbox / pdf.name)
    summary = run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home")
    assert summary.exit_code == 0, summary.render(0)
    con = duckdb.connect(str(summary.paths.warehouse_file), read_only=True)
    yield con
    con.close()


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def document_id(con, fragment):
    return rows(con, "select document_id from marts.dim_document where file_name like ?", f"%{fragment}%")[0][0]


@pytest.mark.parametrize(("fragment", "template", "kind", "department", "year"), [
    ("bj-audit-bureau", "national_budget", "budget", "北京市审计局", 2026),  # from the form 部门名称 | …
    ("national-public-complaints", "national_budget", "budget", "国家信访局", 2026),
    ("cq-gov-general-office", "national_budget", "budget", "重庆市人民政府办公厅", 2026),
    ("guangzhou-statistics", "national_budget", "budget", "广州市统计局", 2026),
    ("shenzhen-statistics", "national_budget", "budget", "深圳市统计局（本级）", 2026),
    ("changsha-petition", "national_budget", "budget", "长沙市信访局", 2026),
    ("xian-audit-bureau", "national_budget", "budget", "西安市审计局", 2026),
    ("hangzhou-police", "national_budget", "budget", "杭州市公安局", 2026),
    ("foshan-rail-transit", "national_final", "final_accounts", "佛山市轨道交通局", 2019),
    ("southwest-univ", "national_final", "final_accounts", "西南大学", 2024),
])
def test_document_facts(provinces, fragment, template, kind, department, year):
    found = rows(provinces, "select template, document_kind, department_name, fiscal_year from marts.dim_document "
                            "where file_name like ?", f"%{fragment}%")
    assert found == [(template, kind, department, year)]


@pytest.mark.parametrize(("fragment", "missing"), [
    ("bj-audit-bureau", set()),
    ("national-public-complaints", set()),
    ("cq-gov-general-office", set()),
    ("guangzhou-statistics", set()),
    ("changsha-petition", set()),
    ("hangzhou-police", set()),
    # prints 基本支出总表 / 一般公共预算支出表（按经济分类） instead of the standard 06
    ("shenzhen-statistics", {"basic_expenditure_by_economic"}),
])
def test_every_standard_budget_table_is_recognised(provinces, fragment, missing):
    kinds = {r[0] for r in rows(provinces, "select table_id from marts.dim_table_coverage where document_id = ?",
                                document_id(provinces, fragment))}
    assert BUDGET_KINDS - kinds == missing


def test_final_accounts_tables_are_recognised(provinces):
    kinds = [r[0] for r in rows(provinces, "select table_id from marts.dim_table_coverage where document_id = ? "
                                           "order by table_seq", document_id(provinces, "foshan-rail-transit"))]
    assert kinds[:8] == ["final_income_expenditure_summary", "final_income_by_function",
                         "final_expenditure_by_function", "final_fiscal_grant_summary",
                         "final_general_public_expenditure", "final_basic_expenditure_by_economic",
                         "final_three_public_costs", "final_government_fund"]


@pytest.mark.parametrize(("fragment", "page", "total", "overseas", "vehicles", "reception"), [
    # read off the printed pages (万元): 244.848000 / 173.520000 / 65.328000 / 6.000000
    ("bj-audit-bureau", 9, "2448480.00", "1735200.00", "653280.00", "60000.00"),
    # 2026年预算数 block, beside the 2025 one: 394.49 / 184.49 / 200.00 / 10.00
    ("cq-gov-general-office", 20, "3944900.00", "1844900.00", "2000000.00", "100000.00"),
    # the 合计 row over one row per unit: 4,112.82 / blank / 4,011.89 / 100.93
    ("hangzhou-police", 29, "41128200.00", "0.00", "40118900.00", "1009300.00"),
    # printed row-wise, one column per fund: the 合计 column 19.86 / 5.00 / 6.70 / 8.16
    ("guangzhou-statistics", 17, "198600.00", "50000.00", "67000.00", "81600.00"),
    ("national-public-complaints", 16, "1126100.00", "685000.00", "386000.00", "55100.00"),
    # 当年 block in 元: its 合计 332,000.00 adds 会议费 and 培训费; 小计 102,000.00 is the 三公 total
    ("xian-audit-bureau", 35, "102000.00", "0.00", "82000.00", "20000.00"),
])
def test_three_public_costs(provinces, fragment, page, total, overseas, vehicles, reception):
    found = rows(provinces, "select page, total, overseas_travel, vehicle_total, official_reception "
                            "from marts.fct_three_public_costs where document_id = ?", document_id(provinces, fragment))
    assert found == [(page, Decimal(total), Decimal(overseas), Decimal(vehicles), Decimal(reception))]


@pytest.mark.parametrize(("fragment", "table", "total", "basic", "project"), [
    ("cq-gov-general-office", "03", "192301800.00", "90184700.00", "102117100.00"),  # 19,230.18
    ("cq-gov-general-office", "05", "184177000.00", "90184700.00", "93992300.00"),  # 18,417.70
    ("guangzhou-statistics", "05", "94337200.00", "84016700.00", "10320500.00"),
    ("national-public-complaints", "05", "164748200.00", "98808800.00", "65939400.00"),
    ("changsha-petition", "03", "19353600.00", "15179500.00", "4174100.00"),  # 1,935.36
])
def test_expenditure_totals(provinces, fragment, table, total, basic, project):
    found = rows(provinces, "select total, basic_total, project_total from marts.fct_expenditure_by_function "
                            "where document_id = ? and source_table = ? and row_kind = 'total'",
                 document_id(provinces, fragment), table)
    assert found == [(Decimal(total), Decimal(basic), Decimal(project))]


def test_one_cell_codes_are_leveled_by_prefix(provinces):
    # 重庆 prints 7-digit economic sub-items (3010302 under 30103 奖金): the 30103 row is a subtotal
    kinds = dict(rows(provinces, "select dept_econ_code, row_kind from marts.fct_basic_expenditure_by_economic "
                                 "where document_id = ?", document_id(provinces, "cq-gov-general-office")))
    assert (kinds["301"], kinds["30103"], kinds["3010302"], kinds["30101"]) == ("class", "kind", "item", "item")


def test_unknown_columns_and_forms_are_kept_as_cells(provinces):
    did = document_id(provinces, "bj-audit-bureau")
    # 预算03表 prints 政府/部门经济分类 beside the function: kept as labelled cells
    econ = rows(provinces, "select count(*) from marts.fct_table_cells where document_id = ? and table_id = "
                           "'expenditure_by_function' and column_label = '政府支出经济分类科目'", did)[0][0]
    assert econ > 50
    performance = rows(provinces, "select count(*) from marts.fct_table_cells where document_id = ? "
                                  "and table_id = 'project_performance'", did)[0][0]
    assert performance > 100


def test_recognition_carries_its_evidence(provinces):
    found = rows(provinces, "select confidence, why from marts.dim_table_coverage where document_id = ? "
                            "and table_id = 'general_public_expenditure'", document_id(provinces, "cq-gov-general"))
    assert found and found[0][0] == Decimal("1.00") and found[0][1].startswith("title and 8/8 columns")


def test_identities_hold_where_the_document_is_consistent(provinces):
    failing = rows(provinces, "select d.file_name, r.check_name from quality.check_results r "
                              "join marts.dim_document d using (document_id) "
                              "where not r.success and r.check_name like 'T%' and d.file_name similar to "
                              "'.*(cq-gov|guangzhou|changsha|xian|national-public|bj-audit|foshan).*'")
    assert failing == []


def test_image_only_narrative_is_read_by_ocr(provinces):
    # 北京市政务服务和数据管理局's 说明 is scanned (8 pages, no text layer); figures read off pp. 5 and 7
    doc = document_id(provinces, "IMAGE-ONLY")
    assert rows(provinces, "select read_by, len(ocr_pages), department_name, fiscal_year from marts.dim_document "
                           "where document_id = ?", doc) == [("ocr", 8, "北京市政务服务和数据管理局", 2026)]
    figures = set(rows(provinces, "select page, amount from marts.fct_narrative_figures where document_id = ? "
                                  "and unit = '万元'", doc))
    in_yuan = {(page, Decimal(v) * 10000) for page, v in [
        (5, "101673.03"), (5, "99003.18"), (5, "2669.85"), (5, "4950.85"),  # 收入预算, 2025 年初, 增加, 结转
        (7, "80.11"), (7, "8.35"), (7, "51.30"), (7, "7.25"), (7, "21.56"), (7, "12.53"), (7, "9.03"),  # 三公
        (7, "55307.45"), (7, "760.36")]}  # 政府采购, 机关运行经费
    assert in_yuan <= figures
    # its stated rates agree with its stated amounts (2,669.85 / 99,003.18 = 2.7 %; 8.35 / 88.46 = 9.44 %)
    assert rows(provinces, "select check_name, success from quality.check_results where document_id = ? "
                           "and check_name = 'N.growth'", doc) == [("N.growth", True)]
    readings = rows(provinces, "select count(*), count(*) filter (where is_uncertain) from marts.fct_ocr_readings "
                               "where document_id = ?", doc)
    assert readings[0][0] > 40


def test_indentation_levels_a_names_only_table(provinces):
    # 杭州 prints 表5 by name only, levels by indentation (p. 26: 公共安全支出 / ␣公安 / ␣␣行政运行)
    found = dict((name, (kind, cls)) for name, kind, cls in rows(
        provinces, "select function_name, row_kind, function_class from marts.fct_expenditure_by_function "
                   "where document_id = ? and source_table = '05'", document_id(provinces, "hangzhou-police")))
    assert found["公共安全支出"] == ("class", "204")
    assert found["公安"] == ("kind", "204")
    assert found["行政运行"] == ("item", "204")
    assert found["行政单位医疗"] == ("item", "210")


def test_hangzhou_findings_are_the_printed_defects(provinces):
    failing = dict((name, (observed, expected)) for name, observed, expected in rows(
        provinces, "select check_name, observed, expected from quality.check_results "
                   "where document_id = ? and not success", document_id(provinces, "hangzhou-police")))
    # read on the pages: 表10 (pp. 32-33) 合计 106,512.00 over rows adding to 106,313.00 (its 一般公共预算
    # column 77,027.38 over 76,828.38: 199 万元 of projects not listed); 表6 (p. 27) 商品和服务支出
    # 42,896.41 over items adding to 42,896.42, 合计 293,191.86 over 293,191.88; 说明 p. 6 "占61.9%"
    # of 250,110.65 / 404,415.23 = 61.8 %
    assert set(failing) == {"T12.col.total=Σprojects", "X03-12.total", "T06.col.total=Σitems", "N.pct"}
    assert failing["T12.col.total=Σprojects"] == (Decimal("1063130000.00"), Decimal("1065120000.00"))
    assert failing["T06.col.total=Σitems"] == (Decimal("2931918800.00"), Decimal("2931918600.00"))


def test_four_column_groups_read_the_first_expenditure_block(provinces):
    # 西安 p. 22 prints 收入 | 支出功能分类 | 部门经济分类 | 政府经济分类 side by side, each with its 预算数:
    # the function block is the standard's; the two economic blocks are kept as cells
    did = document_id(provinces, "xian-audit-bureau")
    typed = dict(rows(provinces, "select table_id, typed from marts.dim_table_coverage where document_id = ? and "
                                 "table_id in ('income_expenditure_summary', 'fiscal_grant_summary')", did))
    assert typed == {"income_expenditure_summary": True, "fiscal_grant_summary": True}
    lines = dict(rows(provinces, "select item_name, amount from marts.fct_income_expenditure_summary "
                                 "where document_id = ? and line_kind in ('grand_total', 'total', 'carry_over')", did))
    assert lines["收入总计"] == lines["支出总计"] == Decimal("42034723.58")
    assert lines["本年收入合计"] == Decimal("41052896.08") and lines["上年实户资金余额"] == Decimal("981827.50")
    kept = rows(provinces, "select count(*) from marts.fct_table_cells where document_id = ? and table_id = "
                           "'income_expenditure_summary' and column_label like '%部门预算支出经济分类科目%'", did)[0][0]
    assert kept >= 20


def test_general_public_expenditure_by_economic_is_typed(provinces):
    # 深圳 p. 29 一般公共预算支出表（按经济分类）, by 预算单位: 深圳市统计局（本级） 5,417.80 / 4,104.00 / 1,313.80,
    # 301 工资福利支出 3,030.73 万元; 西安 p. 27 合计 40,052,896.08 元
    found = rows(provinces, "select row_kind, dept_econ_code, total, basic_total, project_total "
                            "from marts.fct_general_public_expenditure_by_economic where document_id = ? "
                            "and row_kind in ('unit', 'class') order by row_index",
                 document_id(provinces, "shenzhen-statistics"))
    assert found[:2] == [("unit", None, Decimal("54178000.00"), Decimal("41040000.00"), Decimal("13138000.00")),
                         ("class", "301", Decimal("30307300.00"), Decimal("30307300.00"), Decimal("0.00"))]
    total = rows(provinces, "select total from marts.fct_general_public_expenditure_by_economic "
                            "where document_id = ? and row_kind = 'total'", document_id(provinces, "xian-audit"))
    assert total == [(Decimal("40052896.08"),)]


def test_boxed_words_of_the_narrative_are_read_as_text(provinces):
    # 长沙 rules a box around each figure of its 说明 (p. 5: "2026年本单位收入预算1935.36万元"):
    # they are no tables, and the sentence's figures are read
    did = document_id(provinces, "changsha-petition")
    tables = rows(provinces, "select count(*) from marts.dim_table_coverage where document_id = ?", did)[0][0]
    assert tables == 10  # eight standard tables and two performance forms: the boxed 说明 line is no table
    figures = rows(provinces, "select page, value from marts.fct_narrative_figures where document_id = ? "
                              "and sentence like '%收入预算%1935.36%'", did)
    assert (5, Decimal("1935.36")) in figures


def coverage(con, fragment):
    return rows(con, "select table_id, title, first_page, page_span from marts.dim_table_coverage "
                     "where document_id = ? order by first_page", document_id(con, fragment))


def test_forms_run_over_their_pages_and_end_at_the_next_title(provinces):
    beijing = coverage(provinces, "bj-audit-bureau")
    # 预算表12 on pp. 12-19: its first page ruled with an empty sliver at the left edge the others lack
    assert ("project_performance", "预算表12 项目支出绩效目标表", 12, 8) in beijing
    assert ("department_performance", "预算13表 部门整体支出绩效目标表", 20, 2) in beijing
    xian = coverage(provinces, "xian-audit-bureau")
    # 表15 on pp. 42-43: the merged 年度绩效指标 label printed unruled on p. 43, outside its grid
    assert ("department_performance", "部门整体支出绩效目标表", 42, 2) in xian
    # p. 17 会议费明细表; 培训费明细表 titled at the foot of p. 17, printed on p. 18; the 是否空表
    # checklist (p. 21) after two pages of text is a table of its own
    assert [row for row in xian if 17 <= row[2] <= 21] == [
        ("unclassified", "会议费明细表", 17, 1), ("unclassified", "培训费明细表", 18, 1),
        ("unclassified", "报表目录", 21, 1)]
    assert not [row for row in beijing + xian if row[1].startswith("单位")]
