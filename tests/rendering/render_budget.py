"""Render budget tables from a truth-file description into a PDF with reportlab, so tests can
make their own documents: another producer and font than the reference, chosen layouts, and
numbers altered on purpose. Each table gets its printed number, title and unit lines, then a
ruled grid whose merged header cells are real spans.

A table with merged body cells (07's unit and type labels) is cut into pages here rather than
by reportlab, which never breaks a span: each span is drawn as one box per page with its
label in its first row, or, for `label_cut`, with its label split across the page break."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# A CID font reportlab ships: no font file needed. It is the only shipped one that maps every
# simplified character of the truth (MSung-Light, HeiseiMin-W3, HYSMyeongJo-Medium drop some),
# so fonts vary through `number_font`, the font of amounts and codes.
FONT = "STSong-Light"
AMOUNT = re.compile(r"-?[\d,]+\.\d+")
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
MARGIN = 30
FRAME_PADDING = 6  # SimpleDocTemplate's frame padding on each side
SAFETY = 24  # points kept free on each page: a moved label may make its row one line taller


@dataclass
class Layout:
    """How to print: page orientation, font size, header repeated on continuation pages."""

    landscape: bool = True
    font_size: float = 8
    repeat_header: bool = True
    width_scale: float = 1.0  # < 1: narrower columns, so more names and numbers wrap
    narrative: list[str] = field(default_factory=list)
    number_font: str | None = None  # e.g. "Helvetica", "Times-Roman", "Courier"
    tilt: float = 0.0  # column widths moved from every third column to its neighbours
    label_cut: int | None = None  # split a merged label cut by a page break after this many characters
    cut_span: int = 0  # which label crossing a page break is cut: 0 the first one, 1 the next…
    word_like: bool = False  # continuation pages without a rule above their first row (Word)
    running_title: bool = False  # continuation pages titled again: "预算07表（续）" and the title
    rules: str = "grid"  # "grid"; "three_line": rules above and under the header and at the foot; "none"
    spreadsheet_align: bool = False  # amounts right-aligned, header labels centred (else all left)
    flow: bool = False  # tables follow one another on a page (else each starts a page)
    unruled: tuple[str, ...] = ()  # tables printed without any rule whatever `rules` says


@dataclass(frozen=True)
class Merge:
    """A vertically merged body cell: first body row, column, number of rows."""

    r: int
    c: int
    rs: int


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


def column_widths(table: dict, layout: Layout, width: float) -> list[float]:
    n_cols = len(table["columns"])
    weights = table.get("layout", {}).get("widths") or [1] * n_cols
    weights = [w * (1 + layout.tilt * ((i % 3) - 1)) for i, w in enumerate(weights)]
    return [width * w / sum(weights) for w in weights]


def styles(layout: Layout) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Title, small (code, 部门 and unit lines, notes) and cell styles."""
    title = ParagraphStyle("t", fontName=FONT, fontSize=layout.font_size + 4, leading=layout.font_size + 8)
    small = ParagraphStyle("s", fontName=FONT, fontSize=layout.font_size + 1, leading=layout.font_size + 4)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=layout.font_size, leading=layout.font_size + 2,
                          wordWrap="CJK")  # wrap inside the cell, as spreadsheet exports do
    return title, small, cell


def aligned(style: ParagraphStyle, text: str, header: bool, layout: Layout) -> ParagraphStyle:
    """The cell style as a spreadsheet aligns it: header labels centred, amounts to the right."""
    if not layout.spreadsheet_align:
        return style
    if header:
        return ParagraphStyle("h", parent=style, alignment=TA_CENTER)
    return ParagraphStyle("n", parent=style, alignment=TA_RIGHT) if AMOUNT.fullmatch(text) else style


def cell_flowable(text: str, style: ParagraphStyle, layout: Layout, header: bool = False):
    if not text:
        return ""
    style = aligned(style, text, header, layout)
    if layout.number_font and not any(ord(ch) > 0x2E80 for ch in text):
        return Paragraph(f'<font name="{layout.number_font}">{escape(text)}</font>', style)
    return Paragraph(text, style)


def heading_flowables(table: dict, layout: Layout) -> list:
    title, small, _ = styles(layout)
    return [Paragraph(table["code_line"], small), Paragraph(table["title"], title),
            Paragraph(f"{table['dept_label']}　　{table['unit_label']}", small), Spacer(1, 4)]


def table_flowables(table: dict, layout: Layout, width: float, height: float) -> list:
    _, small, cell = styles(layout)
    rows, spans, n_header = table_grid(table)
    widths = column_widths(table, layout, width)
    if table.get("body_merges") or layout.word_like or layout.running_title:
        grids = paged_grids(table, layout, widths, height)
    else:
        wrapped = [[cell_flowable(text, cell, layout, r < n_header) for text in row] for r, row in enumerate(rows)]
        grid = Table(wrapped, colWidths=widths, repeatRows=n_header if layout.repeat_header else 0)
        grid.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, layout.font_size),
            *ruling("none" if table["id"] in layout.unruled else layout.rules, n_header),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *spans,
        ]))
        grids = [grid]
    return [*heading_flowables(table, layout), *grids,
            *[Paragraph(note, small) for note in table.get("footnotes", [])],
            Spacer(1, 3 * layout.font_size) if layout.flow else PageBreak()]


def ruling(rules: str, n_header: int) -> list[tuple]:
    """The rules of a grid printed in one piece: every cell boxed, a three-line table (a rule
    above the header, one under it and one under the last row) or none at all."""
    line = (0.5, colors.black)
    if rules == "grid":
        return [("GRID", (0, 0), (-1, -1), *line)]
    if rules == "three_line":
        return [("LINEABOVE", (0, 0), (-1, 0), *line), ("LINEBELOW", (0, n_header - 1), (-1, n_header - 1), *line),
                ("LINEBELOW", (0, -1), (-1, -1), *line)]
    return []


def row_heights(rows: list[list], widths: list[float]) -> list[float]:
    grid = Table(rows, colWidths=widths)
    grid.wrap(sum(widths), 1e6)
    return list(grid._rowHeights)


def paginate(heights: list[float], n_header: int, first: float, later: float, repeat: bool) -> list[range]:
    """Cut the body rows into pages: the first page holds `first` points, the others `later`."""
    header = sum(heights[:n_header])
    pages, start, used, room = [], n_header, header, first
    for r in range(n_header, len(heights)):
        if used + heights[r] > room - SAFETY and r > start:
            pages.append(range(start, r))
            start, used, room = r, header if repeat else 0, later
        used += heights[r]
    pages.append(range(start, len(heights)))
    return pages


def body_merges(table: dict, n_header: int) -> list[Merge]:
    return [Merge(m["r"] + n_header, m["c"], m["rs"]) for m in table.get("body_merges", [])]


def place_labels(rows: list[list[str]], merges: list[Merge], pages: list[range],
                 cut: int | None, cut_span: int = 0) -> None:
    """Print each merged label once, in its span's first row; with `cut`, the `cut_span`-th label
    of column 0 whose span crosses a page break is printed split: its first `cut` characters
    in the last row above the break, the rest in the first row below."""
    for m in merges:
        for r in range(m.r + 1, m.r + m.rs):
            rows[r][m.c] = ""
    if cut is None:
        return
    foot = {p[-1] for p in pages[:-1]}
    crossing = [(m, r) for m in merges if m.c == 0 for r in range(m.r, m.r + m.rs - 1) if r in foot]
    m, r = crossing[cut_span]
    label, rows[m.r][m.c] = rows[m.r][m.c], ""
    rows[r][m.c], rows[r + 1][m.c] = label[:cut], label[cut:]


def page_style(rows: range, merges: list[Merge], header: int, n_cols: int, word_like: bool) -> list[tuple]:
    """Rules of one page's part: every column ruled, a rule under each row except inside a span.
    A span cut by the page break stays open on both sides of the break, as a spreadsheet prints
    it; `word_like` leaves the whole first row of a continuation part without a rule above."""
    local = {r: i + header for i, r in enumerate(rows)}
    inside = {(r, m.c) for m in merges for r in range(m.r, m.r + m.rs - 1)}
    style = [("LINEBEFORE", (0, 0), (-1, -1), 0.5, colors.black),
             ("LINEAFTER", (-1, 0), (-1, -1), 0.5, colors.black),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if header:
        style.append(("GRID", (0, 0), (-1, header - 1), 0.5, colors.black))
    elif not word_like:
        style += [("LINEABOVE", (c, 0), (c, 0), 0.5, colors.black)
                  for c in range(n_cols) if (rows[0] - 1, c) not in inside]
    style += [("LINEBELOW", (c, i), (c, i), 0.5, colors.black)
              for r, i in local.items() for c in range(n_cols) if (r, c) not in inside]
    return style


def running_title(table: dict, layout: Layout) -> list:
    """What a continuation page prints above its part with `running_title`."""
    if not layout.running_title:
        return []
    title, small, _ = styles(layout)
    return [Paragraph(table["code_line"] + "（续）", small), Paragraph(table["title"], title), Spacer(1, 4)]


def flowables_height(flowables: list, width: float, height: float) -> float:
    return sum(f.wrap(width, height)[1] for f in flowables)


def paged_grids(table: dict, layout: Layout, widths: list[float], height: float) -> list:
    """The table as one reportlab Table per page, with PageBreaks between them."""
    _, _, cell = styles(layout)
    rows, spans, n_header = table_grid(table)
    merges = body_merges(table, n_header)
    first = height - flowables_height(heading_flowables(table, layout), sum(widths), height)
    later = height - flowables_height(running_title(table, layout), sum(widths), height)
    place_labels(rows, merges, [range(n_header, len(rows))], None)
    heights = row_heights([[cell_flowable(t, cell, layout) for t in row] for row in rows], widths)
    pages = paginate(heights, n_header, first, later, layout.repeat_header)
    rows = table_grid(table)[0]
    place_labels(rows, merges, pages, layout.label_cut, layout.cut_span)
    parts: list = []
    for n, page in enumerate(pages):
        header = n_header if n == 0 or layout.repeat_header else 0
        part = [[cell_flowable(t, cell, layout) for t in row] for row in rows[:header] + [rows[r] for r in page]]
        grid = Table(part, colWidths=widths)
        grid.setStyle(TableStyle([*page_style(page, merges, header, len(widths), layout.word_like and n > 0),
                                  *(spans if header else [])]))
        if grid.wrap(sum(widths), height)[1] > (first if n == 0 else later):
            raise ValueError(f"table {table['id']}: page part {n} does not fit its page")
        parts += [PageBreak(), *running_title(table, layout), grid] if parts else [grid]
    return parts


def render_budget(path: Path, tables: list[dict], layout: Layout | None = None) -> Path:
    """Write `tables` (truth-file table dicts, possibly edited) as one budget PDF."""
    layout = layout or Layout()
    size = landscape(A4) if layout.landscape else A4
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN)
    body = ParagraphStyle("b", fontName=FONT, fontSize=11, leading=16)
    story: list = [Paragraph(text, body) for text in layout.narrative]
    if layout.narrative:
        story.append(PageBreak())
    height = size[1] - 2 * MARGIN - 2 * FRAME_PADDING
    for table in tables:
        story += table_flowables(table, layout, (size[0] - 2 * MARGIN) * layout.width_scale, height)
    doc.build(story)
    return path
