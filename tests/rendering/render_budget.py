"""Render budget tables from a truth-file description into a PDF with reportlab, so tests can
make their own documents: another producer and font than the reference, chosen layouts, and
numbers altered on purpose. Each table gets its printed number, title and unit lines, then a
ruled grid whose merged header cells are real spans."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"  # a CID font reportlab ships: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass
class Layout:
    """How to print: page orientation, font size, header repeated on continuation pages."""

    landscape: bool = True
    font_size: float = 8
    repeat_header: bool = True
    width_scale: float = 1.0  # < 1: narrower columns, so more names and numbers wrap
    narrative: list[str] = field(default_factory=list)


def table_grid(table: dict) -> tuple[list[list[str]], list[tuple], int]:
    """The header rows (with span commands) and body rows of one truth-file table."""
    n_cols = len(table["columns"])
    n_header = max(h["r"] + h["rs"] for h in table["header"]) if table["header"] else 0
    rows = [[""] * n_cols for _ in range(n_header)]
    spans = []
    for cell in table["header"]:
        rows[cell["r"]][cell["c"]] = cell["text"]
        if cell["rs"] > 1 or cell["cs"] > 1:
            spans.append(("SPAN", (cell["c"], cell["r"]),
                          (cell["c"] + cell["cs"] - 1, cell["r"] + cell["rs"] - 1)))
    rows += [["" if v is None else v for v in row["cells"]] for row in table["rows"]]
    return rows, spans, n_header


def table_flowables(table: dict, layout: Layout, width: float) -> list:
    style = ParagraphStyle("t", fontName=FONT, fontSize=layout.font_size + 4, leading=layout.font_size + 8)
    small = ParagraphStyle("s", fontName=FONT, fontSize=layout.font_size + 1, leading=layout.font_size + 4)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=layout.font_size, leading=layout.font_size + 2,
                          wordWrap="CJK")  # wrap inside the cell, as spreadsheet exports do
    rows, spans, n_header = table_grid(table)
    weights = table.get("layout", {}).get("widths") or [1] * len(rows[0])
    widths = [width * w / sum(weights) for w in weights]
    wrapped = [[Paragraph(text, cell) if text else "" for text in row] for row in rows]
    grid = Table(wrapped, colWidths=widths, repeatRows=n_header if layout.repeat_header else 0)
    grid.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, layout.font_size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *spans,
    ]))
    return [Paragraph(table["code_line"], small), Paragraph(table["title"], style),
            Paragraph(f"{table['dept_label']}　　{table['unit_label']}", small), Spacer(1, 4), grid,
            *[Paragraph(note, small) for note in table.get("footnotes", [])], PageBreak()]


def render_budget(path: Path, tables: list[dict], layout: Layout | None = None) -> Path:
    """Write `tables` (truth-file table dicts, possibly edited) as one budget PDF."""
    layout = layout or Layout()
    size = landscape(A4) if layout.landscape else A4
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=30, rightMargin=30,
                            topMargin=30, bottomMargin=30)
    body = ParagraphStyle("b", fontName=FONT, fontSize=11, leading=16)
    story: list = [Paragraph(text, body) for text in layout.narrative]
    if layout.narrative:
        story.append(PageBreak())
    for table in tables:
        story += table_flowables(table, layout, (size[0] - 60) * layout.width_scale)
    doc.build(story)
    return path
