"""Recognising the national standard's table kinds: titles in every numbering style of DESIGN §8,
headers read by vocabulary (unknown columns kept, the previous year's columns told apart, column
numbers skipped), and rows leveled by their codes. Hand-made grids: no corpus needed."""
from __future__ import annotations

import pytest

from assets.clean.grid import PageGrid
from assets.clean.headings import make_heading
from assets.clean.recognition import normalise_title, recognise, title_candidates
from assets.clean.rows import RawRow, rows_to_clean_rows
from assets.templates.spec import generic_template

NATIONAL = generic_template("budget")


def grid(*rows: tuple[str, ...], page: int = 1) -> PageGrid:
    width = len(rows[0])
    return PageGrid(page=page, table_index=0, top=100, bottom=500, texts=rows,
                    origins=tuple(tuple((r, c) for c in range(width)) for r in range(len(rows))),
                    columns=tuple((c * 10.0, c * 10.0 + 10) for c in range(width)))


@pytest.mark.parametrize("printed", [
    "预算01表 收支总表", "预算表1 收支总表", "表1 收支总表", "表 1：2026年收支总表", "表01 收支总表",
    "表一 2026年部门收支总表", "公开表1 收支总表", "公开01表 收支总表", "部门公开表1 部门收支总表",
    "附表1 收支总表", "收支总表（预算表1）", "一、收支总表", "2026年度部门收支总表",
    "表1：2026年市级部门收支总表",
    # the publishing body named before the year, or before 部门/单位
    "焦作市人民政府办公室2023年部门收支总表", "表1 中共江苏省委办公厅2019年部门预算收支总表",
    "北京市审计局部门收支总表", "西南大学单位收支总表",
])
def test_numbering_years_and_prefixes_normalise_away(printed):
    assert normalise_title(printed) == "收支总表"


@pytest.mark.parametrize("printed", ["一般公共预算支出表", "财政拨款收支总表", "政府性基金预算支出表", "项目支出表"])
def test_a_kind_s_own_name_is_no_body_prefix(printed):
    assert normalise_title(printed) == printed


def test_unit_and_department_lines_are_not_titles():
    heading = make_heading(("表1", "收支总体情况表", "单位名称：广州市统计局 单位：万元"), ())
    assert title_candidates(heading) == ["收支总体情况表"]


def test_a_year_on_its_own_line_joins_the_title():
    heading = make_heading(("2024", "年度一般公共预算财政拨款支出决算表"), ())
    assert "一般公共预算财政拨款支出决算表" in title_candidates(heading)


@pytest.mark.parametrize(("title", "kind"), [
    ("2026年部门收支总体情况表", "income_expenditure_summary"),
    ("表3 本年支出总体情况表", "expenditure_by_function"),
    ("表5 一般公共预算支出情况表（按功能分类科目）", "general_public_expenditure"),
    ("部门公开表6 一般公共预算基本支出表", "basic_expenditure_by_economic"),
    ("表8 财政拨款安排的行政经费及“三公”经费预算表", "three_public_costs"),
    ("预算07表 政府性基金预算支出表", "government_fund_expenditure"),
    ("表9 国有资本经营预算支出预算表", "state_capital_expenditure"),
])
def test_kind_from_title_and_header(title, kind):
    page = grid(
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        ("201", "一般公共服务支出", "10.00", "6.00", "4.00"),
    ) if kind not in {"income_expenditure_summary", "three_public_costs"} else grid(
        ("收入", "收入", "支出", "支出"), ("项目", "预算数", "项目", "预算数"),
        ("一、一般公共预算拨款", "10.00", "一、一般公共服务支出", "10.00"),
    ) if kind == "income_expenditure_summary" else grid(
        ("合计", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置及运行费", "公务接待费"),
        ("合计", "因公出国(境)费", "小计", "公务用车运行费", "公务接待费"),
        ("3.00", "1.00", "1.50", "1.50", "0.50"),
    )
    found = recognise(page, make_heading((title,), ()), NATIONAL)
    assert found is not None and found.spec.id == kind and found.header is not None


def test_the_header_decides_between_kinds_that_share_a_title():
    # 收入总表 by function code, against Jiangsu's list of income sources under the same title
    by_function = grid(("科目编码", "科目名称", "合计", "一般公共预算"), ("201", "一般公共服务支出", "1.00", "1.00"))
    found = recognise(by_function, make_heading(("收入总表",), ()), NATIONAL)
    assert found.spec.id == "income_by_function" and "runner-up" in found.why


def test_a_table_printed_row_wise_is_read_down_its_columns():
    # 广州's 三公 table: the items down the first column, one column per fund
    page = grid(
        ("项目", "合计", "一般公共预算", "政府性基金预算"),
        ("行政经费", "839.21", "839.21", "0.00"),
        ("“三公”经费", "19.86", "19.86", "0.00"),
        ("其中：（一）因公出国（境）支出", "5.00", "5.00", "0.00"),
        ("（二）公务用车购置及运行维护支出", "6.70", "6.70", "0.00"),
        ("1.公务用车购置费", "0.00", "0.00", "0.00"),
        ("2.公务用车运行维护费", "6.70", "6.70", "0.00"),
        ("（三）公务接待费支出", "8.16", "8.16", "0.00"),
    )
    found = recognise(page, make_heading(("财政拨款安排的行政经费及“三公”经费预算表",), ()), NATIONAL)
    assert found.spec.id == "three_public_costs" and "row-wise" in found.why
    assert found.grid.texts[1][:3] == ("合计", "839.21", "19.86")  # the 合计 column, now a row
    assert set(found.header.mapping.values()) == {"total", "overseas_travel", "vehicle_total", "vehicle_purchase",
                                                  "vehicle_operation", "official_reception"}
    assert dict(found.header.extras) == {0: "项目", 1: "行政经费"}


def test_unknown_columns_are_kept_and_the_previous_year_told_apart():
    page = grid(
        ("功能分类科目", "功能分类科目", "2025年预算数", "2026年预算数", "2026年预算数", "2026年预算数", "增减(%)"),
        ("科目编码", "科目名称", "2025年预算数", "合计", "基本支出", "项目支出", "增减(%)"),
        ("201", "一般公共服务支出", "9.00", "10.00", "6.00", "4.00", "11.11"),
    )
    found = recognise(page, make_heading(("一般公共预算支出表",), ()), NATIONAL)
    assert found.header.mapping == {0: "function_code", 1: "name", 2: "prior_total", 3: "total",
                                    4: "basic_total", 5: "project_total"}
    assert found.header.extras == ((6, "增减(%)"),)


def test_a_row_of_column_numbers_is_header_not_body():
    page = grid(("功能分类科目名称", "合计", "基本支出", "项目支出"), ("**", "1", "2", "3"),
                ("合计", "10.00", "6.00", "4.00"))
    found = recognise(page, make_heading(("表5：2026年市级部门一般公共预算支出预算表",), ()), NATIONAL)
    assert found.header.body_start == 2


def test_a_title_whose_header_does_not_read_keeps_its_kind_as_cells():
    page = grid(("项目", "合计", "一般公共预算", "政府性基金预算"), ("因公出国(境)费", "1.00", "1.00", ""))
    found = recognise(page, make_heading(("财政拨款安排的行政经费及“三公”经费预算表",), ()), NATIONAL)
    assert found.spec.id == "three_public_costs" and found.header is None and "header not read" in found.why


def raw(*rows: dict[str, str]) -> list[RawRow]:
    return [RawRow(1, i, texts, i == 0) for i, texts in enumerate(rows)]


def kinds_of(spec_id: str, *rows: dict[str, str]) -> list[tuple[str, str]]:
    spec = next(s for s in NATIONAL.tables if s.id == spec_id)
    clean, issues = rows_to_clean_rows(raw(*rows), spec)
    assert not issues
    return [(r.kind, r.values.get("function_code") or r.values.get("dept_econ_code") or "") for r in clean]


def test_one_cell_codes_are_leveled_by_the_next_code():
    rows = [{"dept_econ_code": c, "dept_econ_name": n, "total": t} for c, n, t in [
        ("", "合计", "9.00"), ("301", "工资福利支出", "9.00"), ("30103", "奖金", "5.00"),
        ("3010302", "公务员年度考核奖", "5.00"), ("30101", "基本工资", "4.00")]]
    assert kinds_of("basic_expenditure_by_economic", *rows) == [
        ("total", ""), ("class", "301"), ("kind", "30103"), ("item", "3010302"), ("item", "30101")]


def test_codes_printed_in_the_name_are_split_off():
    rows = [{"name": n, "total": "1.00"} for n in ("[208]社会保障和就业支出", "2080501-行政单位离退休")]
    spec = next(s for s in NATIONAL.tables if s.id == "general_public_expenditure")
    clean, _ = rows_to_clean_rows(raw(*rows), spec)
    assert [(r.values["function_code"], r.values["name"]) for r in clean] == [
        ("208", "社会保障和就业支出"), ("2080501", "行政单位离退休")]


def test_a_code_merged_across_the_three_code_columns_is_one_code():
    row = {"func_class": "20502", "func_kind": "20502", "func_item": "20502", "name": "普通教育", "total": "1.00"}
    assert kinds_of("general_public_expenditure", row) == [("item", "20502")]


def test_a_kind_row_printed_without_its_class_inherits_it():
    spec = next(s for s in NATIONAL.tables if s.id == "expenditure_by_function")
    rows = [{"func_class": "201", "func_kind": "", "func_item": "", "name": "一般公共服务支出", "total": "2.00"},
            {"func_class": "", "func_kind": "40", "func_item": "", "name": "信访事务", "total": "2.00"}]
    clean, _ = rows_to_clean_rows(raw(*rows), spec)
    assert [(r.kind, r.values["func_class"], r.values["func_kind"]) for r in clean] == [
        ("class", "201", None), ("kind", "201", "40")]


@pytest.mark.parametrize("title", ["2026年部门收入构成表", "报表目录", "是否空表", "单位：万元"])
def test_charts_checklists_and_unit_lines_are_no_table_kind(title):
    page = grid(("报表", "报表名称", "是否空表"), ("表1", "部门综合预算收支总表", "否"))
    assert recognise(page, make_heading((title,), ()), NATIONAL) is None


def test_a_note_in_brackets_is_attached_to_its_table():
    from assets.clean.headings import notes_below
    from assets.extract.model import TextLine

    text = "（注：2026年国家信访局部门预算中没有使用政府性基金预算拨款安排的支出。）"
    note = TextLine(14, 0, text, 40.0, 300.0, 312.0)
    assert notes_below([note]) == (note.text,)


def test_a_qualified_parent_label_reads_as_the_standards_own():
    # 上海's 收支总表: 本年收入 / 本年支出 over 项目 | 预算数, the 单位预算 expenditure side split
    page = grid(
        ("本年收入", "本年收入", "本年支出", "本年支出", "本年支出", "本年支出", "本年支出"),
        ("项目", "预算数", "项目", "预算数", "预算数", "预算数", "预算数"),
        ("", "", "", "合计", "基本支出", "基本支出", "项目支出"),
        ("", "", "", "", "人员经费", "公用经费", ""),
        ("一、财政拨款收入", "9,501,164", "二、社会保障和就业支出", "11,281,624", "6,540,674", "2,120,950",
         "2,620,000"),
    )
    found = recognise(page, make_heading(("2024年预算单位财务收支预算总表",), ()), NATIONAL)
    assert found.spec.id == "income_expenditure_summary"
    assert found.header.body_start == 4 and not found.header.extras
    assert list(found.header.mapping.values()) == [
        "income_item", "income_amount", "expense_item", "expense_amount",
        "expense_personnel", "expense_public_funds", "expense_project"]


def test_a_qualifier_on_the_previous_years_parent_does_not_make_it_this_years():
    page = grid(
        ("科目编码", "科目名称", "上年预算数", "本年预算数"),
        ("", "", "合计", "合计"),
        ("201", "一般公共服务支出", "9.00", "10.00"),
    )
    found = recognise(page, make_heading(("表5 一般公共预算支出表",), ()), NATIONAL)
    assert found.spec.id == "general_public_expenditure"
    assert found.header.mapping.get(3) == "total" and found.header.mapping.get(2) != "total"


def test_three_item_and_amount_pairs_side_by_side_all_map():
    # 江苏's 收支总表: 收入 | 支出 by function (功能分类) | 支出 by use (支出用途)
    page = grid(
        ("收入", "收入", "功能分类", "功能分类", "支出用途", "支出用途"),
        ("项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"),
        ("一、财政拨款", "13,649.07", "一、一般公共服务支出", "10,528.33", "一、基本支出", "7,666.68"),
    )
    found = recognise(page, make_heading(("公开01表 收支预算总表",), ()), NATIONAL)
    assert found.spec.id == "income_expenditure_summary" and not found.header.extras
    assert list(found.header.mapping.values()) == [
        "income_item", "income_amount", "expense_item", "expense_amount", "use_item", "use_amount"]
