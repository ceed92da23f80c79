"""The narrative (说明) -> the figures it states: every number with a unit (万元, 元, %, 个, 人,
辆, 台（套）), the clause that names it, its section and its own page, for the cross-checks.

The narrative is every text line outside the ruled tables, wherever it stands (before, between or
after the tables), minus the 目录 and the tables' own titles, unit lines and notes; its lines are
joined the way wrapped Chinese text is (no space), sentences split at 。；, clauses at ，：、.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assets.clean.text import join_wrapped_lines
from assets.extract.model import RawCell, TextLine

# "10,150.48万元": thousands separators are part of the number, not a clause break
FIGURE = re.compile(
    r"(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(万元|元|%|个|人|辆|台[（(]套[)）])(?!以上|以下)")
CLAUSE_BREAK = re.compile(r"[，：；;、。]|(?<!\d)[,:]|[,:](?!\d)")  # not 99,003.18
LEADING_YEAR = re.compile(r"^\s*20\d{2}\s*年(度)?")
PART = re.compile(r"^第[一二三四五六七八九十]+部分")
SECTION = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
PAGE_NUMBER = re.compile(r"^[-—\s]*\d+[-—\s]*$")
SENTENCE_END = re.compile(r"(?<=[。；;])")
# a heading printed without a number (Shanghai: "上海市普陀区商务委员会机构设置", "名词解释")
NAMED_HEADING = re.compile(r"(主要职能|机构设置|名词解释|编制说明|情况说明)$")
TOC_TITLE = re.compile(r"目\s*录")
TOC_ENTRY = re.compile(r"(\d+|[.…·]+)$")
# the lines a table page prints around its table: title (…表), unit, department, note
NOTE_START = re.compile(r"^\s*(注|备注)\s*[:：0-9]|^\s*[（(](无|注\s*[:：])")
TABLE_FURNITURE = re.compile(r"(表|单位\s*[:：]\s*(万元|元))\s*$|编制(部门|单位)\s*[:：]|部门名称\s*[:：]")
PROSE_PUNCTUATION = re.compile(r"[，。；：;]")
ROW_END = re.compile(r"\d[\d,]*\.\d{1,2}\s*$")  # an unruled table row ends in an amount
AMOUNT_CELL = re.compile(r"-?[\d,]+(?:\.\d+)?\s*[%％]?")
OVERFLOW_MARKS = set("，。、；：,.;:）)”’")
PROSE_ROW = 20  # characters: a ruled row this long (or holding a comma or stop) is a line of prose
TITLE_BAND = 60.0  # points above a table's top rule where its title and unit lines stand
NOTE_LINE_GAP = 8.0  # points between the lines of one note paragraph under a table


@dataclass(frozen=True)
class NarrativeFigure:
    """One stated figure: value as printed, its unit, the clause naming it, where it stands."""

    figure_index: int
    part: str
    section: str
    statement: str
    value: Decimal
    unit: str
    sentence: str
    page: int


@dataclass
class Paragraph:
    """The text of one section, its lines joined; `starts` holds (offset, page) where each
    printed page's part of the text begins, so every position maps back to its own page."""

    part: str
    section: str
    text: str
    starts: list[tuple[int, int]]

    def page_at(self, offset: int) -> int:
        return [page for start, page in self.starts if start <= offset][-1]


def lines_to_paragraphs(lines: list[TextLine]) -> list[Paragraph]:
    """Join wrapped lines into paragraphs; a heading line starts a new one and names it."""
    part = section = ""
    paragraphs: list[Paragraph] = []
    after_heading = False
    for line in lines:
        text = line.text.strip()
        if not text or PAGE_NUMBER.match(text):
            continue
        if PART.match(text):
            part, section = text, ""
            continue
        if is_heading(text):
            section = next_section(section, text, after_heading)
            after_heading = True
            continue
        after_heading = False
        if paragraphs and (paragraphs[-1].part, paragraphs[-1].section) == (part, section):
            append_line(paragraphs[-1], text, line.page)
        else:
            paragraphs.append(Paragraph(part, section, join_wrapped_lines(text), [(0, line.page)]))
    return paragraphs


def next_section(section: str, heading: str, after_heading: bool) -> str:
    """The section a heading line opens: 一、… or a named heading starts a section, （一）… a
    subsection; a named heading right under a heading is that heading wrapped ("…经费支" /
    "出预算表情况说明")."""
    if SECTION.match(heading):
        return heading
    if NAMED_HEADING.search(heading) and not SUBSECTION.match(heading):
        return section + heading if after_heading else heading
    return section.split(" / ")[0] + " / " + heading


def append_line(paragraph: Paragraph, text: str, page: int) -> None:
    """Join one more wrapped line to a paragraph, noting where a new page begins."""
    joined = join_wrapped_lines(paragraph.text + "\n" + text)
    if page != paragraph.starts[-1][1]:
        paragraph.starts.append((max(len(joined) - len(join_wrapped_lines(text)), 0), page))
    paragraph.text = joined


def is_heading(text: str) -> bool:
    """A short line that states no figure and holds no full stop, numbered (一、… or （一）…, not
    a paragraph's start) or named like a 说明 heading without a number (…主要职能, …机构设置, 名词解释, …情况说明)."""
    if len(text) >= 40 or FIGURE.search(text) or text[-1] in "，,；;。" or "。" in text:
        return False
    return bool(SECTION.match(text) or SUBSECTION.match(text) or NAMED_HEADING.search(text))


def statement_before(sentence: str, start: int) -> str:
    """The clause that names the figure starting at `start`: back to the last clause break."""
    clause = CLAUSE_BREAK.split(sentence[:start])[-1]
    clause = SUBSECTION.sub("", clause.strip())
    return LEADING_YEAR.sub("", clause).strip().rstrip("为是").strip()


def paragraph_sentences(paragraph: Paragraph) -> list[tuple[int, str]]:
    """The sentences of a paragraph with the offset each starts at."""
    sentences, offset = [], 0
    for sentence in SENTENCE_END.split(paragraph.text):
        sentences.append((offset, sentence))
        offset += len(sentence)
    return sentences


def paragraph_figures(paragraph: Paragraph) -> list[tuple[str, Decimal, str, str, int]]:
    figures = []
    for offset, sentence in paragraph_sentences(paragraph):
        for match in FIGURE.finditer(sentence):
            unit = match.group(2).replace("(", "（").replace(")", "）")
            figures.append((statement_before(sentence, match.start()), Decimal(match.group(1).replace(",", "")),
                            unit, sentence.strip(), paragraph.page_at(offset + match.start())))
    return figures


def table_bands(cells: tuple[RawCell, ...] | list[RawCell]) -> dict[int, list[tuple[float, float]]]:
    """Given the raw cells, return per page the (top, bottom) of each ruled table on it."""
    boxes: dict[tuple[int, int], tuple[float, float]] = {}
    for cell in cells:
        top, bottom = boxes.get((cell.page, cell.table_index), (cell.top, cell.bottom))
        boxes[(cell.page, cell.table_index)] = (min(top, cell.top), max(bottom, cell.bottom))
    bands: dict[int, list[tuple[float, float]]] = {}
    for (page, _), band in sorted(boxes.items()):
        bands.setdefault(page, []).append(band)
    return bands


def toc_pages(lines: list[TextLine]) -> set[int]:
    """The 目录 pages: a page with a 目录 title line, and the pages after it that hold nothing
    but headings and entries ending in a page number (the 目录 continued)."""
    by_page: dict[int, list[str]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line.text.strip())
    pages: set[int] = set()
    for page in sorted(by_page):
        texts = [t for t in by_page[page] if t]
        if any(TOC_TITLE.fullmatch(t) for t in texts) or (
                page - 1 in pages and all(PART.match(t) or is_heading(t) or TOC_ENTRY.search(t) for t in texts)):
            pages.add(page)
    return pages


def is_table_furniture(line: TextLine, bands: list[tuple[float, float]]) -> bool:
    """True for a line of a table page that belongs to a table: beside it, its title or unit line
    just above it, a note or title pattern, or an unruled row (label and amounts, no sentence);
    never a part title (第N部分)."""
    text = line.text.strip()
    if PART.match(text):  # "第四部分 名词解释" just above a boxed text
        return False
    beside = any(top - 1 <= line.top and line.bottom <= bottom + 1 for top, bottom in bands)
    prose = bool(PROSE_PUNCTUATION.search(text))
    above = any(0 <= top - line.bottom <= TITLE_BAND for top, _ in bands) and not prose
    furniture = bool(TABLE_FURNITURE.search(text) or NOTE_START.search(text))
    return beside or above or furniture or (not prose and bool(ROW_END.search(text)))


def table_rows(cells: tuple[RawCell, ...] | list[RawCell]) -> dict[tuple[int, int], list[list[RawCell]]]:
    """Per (page, table), its ruled rows top to bottom, each row's cells with text left to right."""
    rows: dict[tuple[int, int, int], list[RawCell]] = {}
    for cell in cells:
        if cell.text and cell.text.strip():
            rows.setdefault((cell.page, cell.table_index, cell.row), []).append(cell)
    tables: dict[tuple[int, int], list[list[RawCell]]] = {}
    for (page, table, _), row in sorted(rows.items()):
        tables.setdefault((page, table), []).append(sorted(row, key=lambda cell: cell.col))
    return tables


def is_prose_table(rows: list[list[RawCell]]) -> bool:
    """A ruled box around prose, not a table: no cell an amount, no 目录 in it, and at least half
    its rows sentences (a cell with a comma or stop, or of 20+ characters), not a 目录 entry or a
    table's title or unit line."""
    texts = [[cell.text.strip() for cell in row] for row in rows]
    if any(AMOUNT_CELL.fullmatch(text) or TOC_TITLE.fullmatch(text) for row in texts for text in row):
        return False
    prose = [row for row in texts if not TOC_ENTRY.search(row[-1]) and not TABLE_FURNITURE.search("".join(row))
             and any(PROSE_PUNCTUATION.search(text) or len(text) >= PROSE_ROW for text in row)]
    return 2 * len(prose) >= len(texts)


def row_line(row: list[RawCell]) -> TextLine:
    """A ruled row read as the line of text it prints, where it stands."""
    return TextLine(row[0].page, row[0].row, "".join(join_wrapped_lines(cell.text.strip()) for cell in row),
                    min(c.x0 for c in row), min(c.top for c in row), max(c.bottom for c in row),
                    row[0].source, row[0].ocr_confidence)


def prose_boxes(cells: tuple[RawCell, ...] | list[RawCell]) -> tuple[list[RawCell], list[TextLine]]:
    """Split the raw cells into those of real tables and the lines of the ruled boxes of prose
    (a 名词解释 printed in a one-column table, a sentence's words each in a box)."""
    boxes = {key: rows for key, rows in table_rows(cells).items() if is_prose_table(rows)}
    tables = [cell for cell in cells if (cell.page, cell.table_index) not in boxes]
    return tables, [row_line(row) for rows in boxes.values() for row in rows]


def is_overflow_mark(line: TextLine, boxed: list[TextLine]) -> bool:
    """A line of punctuation alone beside a boxed row: a mark printed past the box's right rule,
    which the row's text already holds (国家信访局 2026 p. 37 "…国外城市间交通费、")."""
    return set(line.text.strip()) <= OVERFLOW_MARKS and any(
        row.page == line.page and row.top <= (line.top + line.bottom) / 2 <= row.bottom for row in boxed)


def narrative_lines(lines: list[TextLine], cells: tuple[RawCell, ...] | list[RawCell]) -> list[TextLine]:
    """The narrative: every line outside the ruled tables (and the rows of ruled boxes of prose,
    in reading order), minus the 目录 pages and, on table pages, the tables' titles, unit lines
    and notes (a note's wrapped lines included)."""
    table_cells, boxed = prose_boxes(cells)
    lines = sorted([*(line for line in lines if not is_overflow_mark(line, boxed)), *boxed],
                   key=lambda line: (line.page, line.top))
    bands, skipped = table_bands(table_cells), toc_pages(lines)
    chosen: list[TextLine] = []
    in_note = False
    previous: TextLine | None = None
    for line in lines:
        page_bands = bands.get(line.page)
        if line.page in skipped:
            continue
        if page_bands:
            continues = previous is not None and previous.page == line.page \
                and line.top - previous.bottom <= NOTE_LINE_GAP
            in_note = bool(NOTE_START.search(line.text)) or (in_note and continues)
            previous = line
            if in_note or is_table_furniture(line, page_bands):
                continue
        chosen.append(line)
    return chosen


def document_figures(lines: list[TextLine], cells: tuple[RawCell, ...] | list[RawCell]) -> list[NarrativeFigure]:
    """Every figure stated in the narrative, in reading order, each with the page it stands on."""
    figures = []
    for paragraph in lines_to_paragraphs(narrative_lines(lines, cells)):
        for statement, value, unit, sentence, page in paragraph_figures(paragraph):
            figures.append(NarrativeFigure(len(figures), paragraph.part, paragraph.section,
                                           statement, value, unit, sentence, page))
    return figures
