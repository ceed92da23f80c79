"""Page furniture among a document's text lines: running headers and page numbers, and what is
not furniture (a table's title printed once, a running line that titles the table under it)."""
from __future__ import annotations

from assets.clean.furniture import without_furniture
from assets.extract.model import TextLine


def page(number: int, *texts: tuple[float, str]) -> list[TextLine]:
    return [TextLine(number, i, text, 50.0, top, top + 10) for i, (top, text) in enumerate(texts)]


def test_a_line_at_every_page_top_and_the_page_numbers_are_furniture():
    lines = [line for n in range(1, 5) for line in page(
        n, (20.0, "焦作市人民政府办公室2023年部门预算公开表"), (60.0, f"预算0{n}表"), (80.0, f"第{n}个表的标题表"),
        (560.0, f"- {n} -" if n % 2 else f"第 {n} 页"))]
    kept = [line.text for line in without_furniture(lines, {n: [(100.0, 500.0)] for n in range(1, 5)})]
    # the first printing titles the table under it: kept; the table numbers and titles all stay
    assert kept.count("焦作市人民政府办公室2023年部门预算公开表") == 1
    assert [t for t in kept if t.startswith("预算")] == ["预算01表", "预算02表", "预算03表", "预算04表"]
    assert not any(t.startswith("-") or t.startswith("第 ") for t in kept)


def test_the_same_department_and_unit_line_above_every_table_is_its_heading():
    lines = [line for n in range(1, 6)
             for line in page(n, (40.0, f"预算0{n}表"), (70.0, "部门名称：政府办 单位：万元"))]
    kept = [line.text for line in without_furniture(lines, {n: [(100.0, 500.0)] for n in range(1, 6)})]
    assert kept.count("部门名称：政府办 单位：万元") == 5


def test_a_line_repeated_on_few_pages_or_at_other_heights_stays():
    lines = [line for n in range(1, 7) for line in page(n, (20.0 + n * 5, "部门预算公开"), (300.0, "正文"))]
    lines += [line for n in range(1, 3) for line in page(n, (40.0, "项目支出表"))]
    kept = [line.text for line in without_furniture(lines, {})]
    assert kept.count("部门预算公开") == 6 and kept.count("项目支出表") == 2
