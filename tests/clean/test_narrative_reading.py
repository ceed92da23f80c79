"""Where the narrative is read: lines outside the tables wherever they stand, minus the 目录 and
the tables' own titles, unit lines and notes; each figure on its own page; digits drawn off the
baseline merged into their line."""
from __future__ import annotations

from assets.clean.narrative import document_figures, narrative_lines
from assets.extract.model import RawCell, TextLine
from assets.extract.page_tables import merge_offset_lines


def line(page: int, index: int, text: str, top: float) -> TextLine:
    return TextLine(page, index, text, 90.0, top, top + 12)


def table_cell(page: int, top: float, bottom: float) -> RawCell:
    return RawCell(page, 0, 0, 0, "合计", 0, 0, False, 90.0, top, 500.0, bottom)


def test_table_furniture_is_not_narrative_and_prose_after_the_table_is():
    lines = [line(1, 0, "目 录", 50), line(1, 1, "一、收支预算总表情况说明……3", 80),
             line(3, 0, "公开01表", 60), line(3, 1, "收支预算总表", 80), line(3, 2, "单位：万元", 100),
             line(3, 3, "注：本表无政府性基金。", 410), line(3, 4, "第三部分 预算情况说明", 450),
             line(3, 5, "收入预算总计 100.00 万元，与上年持平。", 480)]
    kept = [ln.text for ln in narrative_lines(lines, [table_cell(3, 120, 400)])]
    assert kept == ["第三部分 预算情况说明", "收入预算总计 100.00 万元，与上年持平。"]


def test_each_figure_keeps_the_page_it_is_printed_on():
    lines = [line(5, 0, "一、收入预算情况", 60), line(5, 1, "收入预算100.00万元，其中：财政拨款", 80),
             line(6, 0, "收入90.00万元，占90.00%。", 60)]
    pages = [(f.value, f.page) for f in document_figures(lines, [])]
    assert [str(value) for value, _ in pages] == ["100.00", "90.00", "90.00"]
    assert [page for _, page in pages] == [5, 6, 6]


def chars(text: str, x0: float, top: float, size: float = 12.0) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top, "bottom": top + size}
            for i, ch in enumerate(text)]


def text_line(parts: list[tuple[str, float]], top: float, size: float = 12.0) -> dict:
    found = [c for text, x0 in parts for c in chars(text, x0, top, size)]
    return {"text": " ".join(t for t, _ in parts), "chars": found, "x0": found[0]["x0"], "top": top,
            "bottom": top + size}


def test_digits_drawn_below_their_sentence_are_merged_into_it():
    # ONLYOFFICE: "基本支出 万元。" at top 99.6, "2336.91" at top 104.5 filling the gap
    sentence = text_line([("基本支出", 96.0), ("万元。", 96.0 + 4 * 12 + 7 * 6)], 99.6)
    digits = text_line([("2336.91", 96.0 + 4 * 12)], 104.5, size=6.0)
    next_line = text_line([("包括基本工资。", 72.0)], 113.5)
    merged = merge_offset_lines([sentence, digits, next_line])
    assert [m["text"] for m in merged] == ["基本支出2336.91万元。", "包括基本工资。"]


def test_a_numbered_line_with_a_full_stop_inside_is_prose_not_a_heading():
    # 北京 (p. 7): the subsection's first sentence wraps after the number, before its unit
    lines = [line(7, 0, "四、财政拨款“三公”经费预算情况说明", 60),
             line(7, 1, "（三）公务用车购置和运行维护费。2026年预算数21.56", 80),
             line(7, 2, "万元，包括公务用车购置费预算12.53万元、公务用车运行", 100),
             line(7, 3, "维护费预算9.03万元。", 120)]
    figures = [(f.statement, str(f.value)) for f in document_figures(lines, [])]
    assert figures == [("预算数", "21.56"), ("包括公务用车购置费预算", "12.53"), ("公务用车运行维护费预算", "9.03")]


def test_a_digit_group_comma_does_not_end_a_clause():
    lines = [line(5, 0, "二、收入预算情况说明", 60),
             line(5, 1, "2026年度收入预算101,673.03万元，比2025年年初预算数99,003.18万元增加2,669.85万元，"
                        "增长2.7%。", 80)]
    figures = [(f.statement, str(f.value)) for f in document_figures(lines, [])]
    assert figures == [("收入预算", "101673.03"), ("比2025年年初预算数", "99003.18"),
                       ("比2025年年初预算数99,003.18万元增加", "2669.85"), ("增长", "2.7")]
