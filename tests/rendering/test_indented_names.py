"""Names-only classification tables (no codes printed) whose levels are shown by indentation, as
杭州 prints them: rendered with the indent as cell padding or as leading ideographic spaces, read
back as 类 / 款 / 项 rows; centred labels are not taken for indentation."""
from __future__ import annotations

from decimal import Decimal

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from assets.clean.tables import document_to_tables
from assets.extract.pdf_document import extract_document
from tests.rendering.render_budget import FONT

# (depth, name, total, basic, project): 类 at depth 0, 款 at 1, 项 at 2
ROWS = [
    (0, "一般公共服务支出", "5,140.00", "", "5,140.00"),
    (1, "其他一般公共服务支出", "5,140.00", "", "5,140.00"),
    (2, "其他一般公共服务支出", "5,140.00", "", "5,140.00"),
    (0, "公共安全支出", "2,300.50", "2,000.00", "300.50"),
    (1, "公安", "2,300.50", "2,000.00", "300.50"),
    (2, "行政运行", "2,000.00", "2,000.00", ""),
    (2, "执法办案", "300.50", "", "300.50"),
    (0, "社会保障和就业支出", "120.00", "120.00", ""),
    (1, "行政事业单位养老支出", "120.00", "120.00", ""),
    (2, "行政单位离退休", "120.00", "120.00", ""),
]
EXPECTED_KINDS = ["class", "kind", "item", "class", "kind", "item", "item", "class", "kind", "item"]
STEP = 10  # points per level, 杭州's step


def render(path, indent: str) -> None:
    """indent: 'padding' (the cell's left padding grows), 'spaces' (U+3000 before the name) or
    'centred' (no indentation; names centred in their cells)."""
    cell = ParagraphStyle("c", fontName=FONT, fontSize=9, leading=11)
    title = ParagraphStyle("t", fontName=FONT, fontSize=14, leading=18)
    header = [["功能分类科目名称", "合计", "基本支出", "项目支出"]]
    body = [["合计", "7,560.50", "2,120.00", "5,440.50"]]
    body += [[("\u3000" * depth if indent == "spaces" else "") + name, total, basic, project]
             for depth, name, total, basic, project in ROWS]
    style = [("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
             ("ALIGN", (0, 0), (0, -1), "CENTER" if indent == "centred" else "LEFT")]
    if indent == "padding":
        style += [("LEFTPADDING", (0, r + 2), (0, r + 2), 4 + STEP * depth) for r, (depth, *_) in enumerate(ROWS)]
    table = Table([[Paragraph(text, cell) if r < 1 else text for text in row]
                   for r, row in enumerate(header + body)], colWidths=[180, 90, 90, 90])
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("2026年部门一般公共预算支出预算表", title),
        Paragraph("部门名称：测试局　　单位：万元", cell), table])


def function_table(path):
    document = document_to_tables(extract_document(path))
    return next(t for t in document.tables if t.table_id == "general_public_expenditure")


@pytest.mark.parametrize("indent", ["padding", "spaces"])
def test_indentation_gives_the_levels_of_a_names_only_table(indent, tmp_path):
    render(tmp_path / "indented.pdf", indent)
    table = function_table(tmp_path / "indented.pdf")
    body = [row for row in table.rows if row.kind != "total"]
    assert [row.values["name"] for row in body] == [name for _, name, *_ in ROWS]
    assert [row.kind for row in body] == EXPECTED_KINDS
    items = [row.values["total"] for row in body if row.kind == "item"]
    assert sum(items) == Decimal("7560.50")  # the 合计: the leaves add up, the heads are not counted


def test_centred_names_are_not_read_as_indentation(tmp_path):
    render(tmp_path / "centred.pdf", "centred")
    table = function_table(tmp_path / "centred.pdf")
    assert {row.kind for row in table.rows if row.kind != "total"} == {"item"}
