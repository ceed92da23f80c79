"""Grid repairs for word-processor layouts (Jiangsu 2017/2019), on hand-made grids: printed
columns cut into several grid columns, side-by-side lists whose rows do not line up, two tables
in one ruling, a table printed twice, merged label/number cells."""
from __future__ import annotations

from decimal import Decimal

from assets.clean.grid import PageGrid, collapse_split_columns, join_split_rows
from assets.clean.headers import find_header
from assets.clean.headings import split_at_inner_titles
from assets.clean.narrative import FIGURE
from assets.clean.rows import type_values
from assets.clean.tables import CleanTable, keep_one_printing
from assets.templates.spec import load_templates


def grid(texts, origins=None, columns=None) -> PageGrid:
    n_rows, n_cols = len(texts), len(texts[0])
    origins = origins or tuple(tuple((r, c) for c in range(n_cols)) for r in range(n_rows))
    columns = columns or tuple((40.0 * c, 40.0 * c + 40) for c in range(n_cols))
    return PageGrid(1, 0, 0.0, 100.0, tuple(map(tuple, texts)), tuple(map(tuple, origins)), columns)


def spec(table_id: str, template: str = "jiangsu_budget_12"):
    return next(t for tpl in load_templates() if tpl.template == template for t in tpl.tables if t.id == table_id)


def test_a_printed_column_cut_in_three_is_one_column_again():
    # "2040401" is one merged cell over grid columns 0-2; the name over 3-4; amounts alone in 5
    texts = [["科目代码", "科目代码", "科目代码", "功能科目名称", "功能科目名称", "金额"],
             ["2040401", "2040401", "2040401", "行政运行", "行政运行", "12,268.62"]]
    origins = [[(0, 0), (0, 0), (0, 0), (0, 3), (0, 3), (0, 5)],
               [(1, 0), (1, 0), (1, 0), (1, 3), (1, 3), (1, 5)]]
    collapsed = collapse_split_columns(grid(texts, origins))
    assert collapsed.texts == (("科目代码", "功能科目名称", "金额"), ("2040401", "行政运行", "12,268.62"))
    assert collapsed.columns == ((0.0, 120.0), (120.0, 200.0), (200.0, 240.0))


def test_an_empty_column_of_normal_width_stays():
    # a continuation page: the 政府性基金 column has no amounts, but it is a column
    texts = [["(一)一般公共服务支出", "2654.46", ""], ["(二)外交支出", "", ""]]
    assert collapse_split_columns(grid(texts)).n_cols == 3


def test_rows_of_side_by_side_lists_are_joined_where_a_merged_cell_ties_them():
    # 收入 | 支出用途: "2.政府性基金预" / "算" and "三、单位预留机动经" / "费", 3,990.40 across both
    texts = [["项目名称", "项目名称", "金额"],
             ["2.政府性基金预", "三、单位预留机动经", ""],
             ["2.政府性基金预", "三、单位预留机动经", "3,990.40"],
             ["算", "费", "3,990.40"],
             ["算", "费", ""],
             ["二、财政专户", "", ""]]
    origins = [[(0, 0), (0, 1), (0, 2)],
               [(1, 0), (1, 1), (1, 2)],
               [(1, 0), (1, 1), (2, 2)],
               [(3, 0), (3, 1), (2, 2)],
               [(3, 0), (3, 1), (4, 2)],
               [(5, 0), (5, 1), (5, 2)]]
    joined = join_split_rows(grid(texts, origins), body_start=1)
    assert joined.texts[1] == ("2.政府性基金预\n算", "三、单位预留机动经\n费", "3,990.40")
    assert joined.texts[2] == joined.texts[3] == joined.texts[4] == ("", "", "")  # folded, provenance kept
    assert joined.texts[5] == ("二、财政专户", "", "")


def test_two_tables_in_one_ruling_are_cut_at_the_inner_title():
    texts = [["收入合计", "13,649.07", "支出合计"],
             ["收入预算总表", "收入预算总表", "收入预算总表"],
             ["项目名称", "", "金额"]]
    upper, lower = split_at_inner_titles(grid(texts))
    assert upper.texts == (("收入合计", "13,649.07", "支出合计"),)
    assert lower.texts[0] == ("收入预算总表", "收入预算总表", "收入预算总表")
    assert lower.top == upper.bottom  # no page text falls between the two parts
    # a one-column 目录 listing table titles is a list, not several tables
    contents = grid([["目 录"], ["1. 2025年部门财务收支预算总表"], ["2. 2025年部门收入预算总表"]])
    assert split_at_inner_titles(contents) == [contents]


def test_a_header_cut_by_borders_and_a_spanning_header_cell_are_read():
    # 公开05表 (2019): the code header spans two grid columns, the second holds the name's overflow;
    # the last header row is printed twice where the neighbouring list cut it
    texts = [["功能科目代码", "功能科目代码", "功能科目名称", "金额"],
             ["功能科目代码", "功能科目代码", "功能科目名称", "金额"],
             ["204", "公共安全支出", "公共安全支出", "16,593.12"]]
    origins = [[(0, 0), (0, 0), (0, 2), (0, 3)],
               [(1, 0), (1, 0), (1, 2), (1, 3)],
               [(2, 0), (2, 1), (2, 1), (2, 3)]]
    header = find_header(grid(texts, origins), spec("fiscal_grant_expenditure"))
    assert header.body_start == 2
    assert header.mapping == {0: "function_code", 2: "name", 3: "total"}


def test_a_merged_cell_read_into_a_text_and_an_amount_column_goes_to_its_own():
    issues: list[str] = []
    values = type_values({"expense_item": "当年支出小计", "expense_amount": "当年支出小计",
                          "use_item": "1,512.23", "use_amount": "1,512.23"},
                         spec("income_expenditure_summary"), "p.1", issues)
    assert values["expense_amount"] is None and values["use_item"] is None
    assert values["expense_item"] == "当年支出小计" and values["use_amount"] == Decimal("1512.23")
    assert issues == []


def test_a_table_printed_twice_is_loaded_once_and_the_other_printing_named():
    def table(pages, n_rows):
        return CleanTable("fiscal_grant_basic_by_economic", None, "财政拨款基本支出预算表", "万元", None,
                          pages, "", (), (), tuple(range(n_rows)))
    first, second = table((11,), 2), table((13, 14, 15), 24)
    [kept] = keep_one_printing((first, second))
    assert kept.pages == (13, 14, 15)
    assert kept.issues == ("also printed on page(s) 11 with 2 rows: that printing is not loaded",)


def test_narrative_numbers_keep_their_thousands_separator():
    found = [m.group(1) for m in FIGURE.finditer("预算总计 10,150.48万元，与上年相比增加 1,003.69 万元,增长 10.97%")]
    assert found == ["10,150.48", "1,003.69", "10.97"]
