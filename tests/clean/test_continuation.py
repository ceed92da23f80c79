"""Continuation pages and merged labels cut by a page break, on hand-made grids and rows: which
page table carries a table on, and when the two parts of a cut label are one label."""
from __future__ import annotations

from dataclasses import replace

from assets.clean.continuation import carried_on, cut_label_keys, join_cut_labels
from assets.clean.grid import PageGrid
from assets.clean.headings import make_heading
from assets.clean.rows import RawRow
from assets.templates.spec import load_templates

COLUMNS = ((30.0, 90.0), (90.0, 135.0), (135.0, 330.0), (330.0, 390.0))
DETAIL = next(t for tpl in load_templates() if tpl.template == "henan_budget_15"
              for t in tpl.tables if t.id == "basic_expenditure_detail")
UNTITLED = make_heading((), ())


def page(texts, columns=COLUMNS, open_foot=frozenset()) -> PageGrid:
    origins = tuple(tuple((r, c) for c in range(len(texts[0]))) for r in range(len(texts)))
    return PageGrid(2, 0, 36.0, 500.0, tuple(map(tuple, texts)), origins, columns, open_foot)


def row(page_number, r, unit, item="行政运行", first=False) -> RawRow:
    return RawRow(page_number, r, {"unit_name": unit, "category": "人员类", "item_name": item, "total": "1.00"},
                  first)


def test_an_untitled_grid_with_the_same_columns_carries_the_table_on():
    body = page([["", "", "医疗保险金（行政）", "49.57"]])
    assert carried_on(COLUMNS, DETAIL, "07", body, UNTITLED, None) is not None


def test_columns_within_a_point_still_line_up():
    shifted = tuple((a + 0.8, b + 0.8) for a, b in COLUMNS)
    assert carried_on(COLUMNS, DETAIL, "07", page([["", "", "x", "1.00"]], shifted), UNTITLED, None) is not None


def test_a_grid_ruled_past_the_table_is_a_new_table():
    other = ((30.0, 90.0), (90.0, 330.0), (330.0, 600.0))
    assert carried_on(COLUMNS, DETAIL, "07", page([["a", "b", "1.00"]], other), UNTITLED, None) is None


def test_a_new_title_starts_a_new_table():
    titled = make_heading(("预算08表", "支出经济分类部门表"), ())
    assert carried_on(COLUMNS, DETAIL, "07", page([["", "", "x", "1.00"]]), titled, None) is None


def test_a_title_no_kind_knows_starts_a_new_table():
    # 西安 p. 18: "培训费明细表" (left at the foot of p. 17) above a grid like 会议费明细表's
    titled = make_heading(("培训费明细表", "单位：万元"), ())
    assert carried_on(COLUMNS, None, None, page([["1", "培训", "x", "1.00"]]), titled, None) is None
    assert carried_on(COLUMNS, None, None, page([["1", "培训", "x", "1.00"]]), UNTITLED, None) is not None


def test_a_label_column_left_unruled_at_the_left_edge_comes_out_blank():
    # 西安 p. 43: the merged 年度绩效指标 of p. 42 is printed as text left of the grid
    narrower = page([["产出指标", "x", "1.00"]], COLUMNS[1:])
    aligned = carried_on(COLUMNS, DETAIL, "07", narrower, UNTITLED, None)
    assert aligned is not None and aligned.texts == (("", "产出指标", "x", "1.00"),)
    inner_gap = page([["a", "x", "1.00"]], (COLUMNS[0], COLUMNS[2], COLUMNS[3]))
    assert carried_on(COLUMNS, DETAIL, "07", inner_gap, UNTITLED, None) is None


def test_the_same_title_again_above_a_headerless_grid_carries_the_table_on():
    again = make_heading(("预算07表", "2023年一般公共预算基本支出明细表"), ())
    assert carried_on(COLUMNS, DETAIL, "07", page([["", "", "x", "1.00"]]), again, DETAIL) is not None


def test_the_same_title_above_its_header_again_is_a_second_printing():
    again = make_heading(("预算07表", "2023年一般公共预算基本支出明细表"), ())
    header = [["项目单位", "类型", "项目名称", "合计"], ["", "", "x", "1.00"]]
    columns = COLUMNS
    spec = replace(DETAIL, columns=DETAIL.columns[:4])
    assert carried_on(columns, spec, "07", page(header), again, spec) is None
    continued = make_heading(("预算07表（续）", "2023年一般公共预算基本支出明细表"), ())
    assert carried_on(columns, spec, "07", page(header), continued, spec) is not None


def test_a_label_cut_by_the_page_break_is_joined_on_both_pages():
    before = [row(1, 20, "焦作市接待办公室"), row(1, 21, "焦作市园林绿"), row(1, 22, "焦作市园林绿")]
    after = [row(2, 0, "化服务中心", first=True), row(2, 1, "化服务中心"), row(2, 2, "")]
    joined_before, joined_after = join_cut_labels(before, after, frozenset({"unit_name"}))
    assert [r.texts["unit_name"] for r in joined_before] == [
        "焦作市接待办公室", "焦作市园林绿\n化服务中心", "焦作市园林绿\n化服务中心"]
    assert [r.texts["unit_name"] for r in joined_after] == ["焦作市园林绿\n化服务中心"] * 2 + [""]


def test_a_label_closed_at_the_foot_of_the_page_is_not_joined():
    before = [row(1, 22, "焦作市接待办公室")]
    after = [row(2, 0, "焦作市人民政府研究室", first=True)]
    assert join_cut_labels(before, after, frozenset()) == (before, after)


def test_a_label_printed_again_on_the_next_page_is_not_doubled():
    before = [row(1, 22, "焦作市接待办公室")]
    after = [row(2, 0, "焦作市接待办公室", first=True)]
    assert join_cut_labels(before, after, frozenset({"unit_name"})) == (before, after)


def test_only_merged_label_columns_left_open_at_the_foot_are_cut():
    mapping = {0: "unit_name", 1: "category", 2: "item_name", 3: "total"}
    grid = page([["焦作市园林绿", "人员类", "x", "1.00"]], open_foot=frozenset({0, 2}))
    assert cut_label_keys(grid, mapping, DETAIL) == frozenset({"unit_name"})
    assert cut_label_keys(grid, mapping, None) == frozenset()


def test_a_wider_grid_is_a_new_table_not_cut_to_the_table():
    wider = (*COLUMNS, (390.0, 450.0), (450.0, 510.0))
    assert carried_on(COLUMNS, DETAIL, "07", page([["", "", "x", "1", "2", "3"]], wider), UNTITLED, None) is None


def test_a_column_merged_over_two_columns_on_the_next_page_still_lines_up():
    merged = ((30.0, 135.0), (135.0, 330.0), (330.0, 390.0))  # one page's rows all merge 0-1
    assert carried_on(COLUMNS, DETAIL, "07", page([["合计", "", "1.00"]], merged), UNTITLED, None) is not None
