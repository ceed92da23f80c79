"""The narrative (说明) pages -> the figures they state: every number with a unit (万元, 元, %,
个, 人, 辆, 台（套）), the clause that names it, its section and page, for the cross-checks.

Narrative pages are the pages before the first table; their lines are joined the way wrapped
Chinese text is (no space), sentences split at 。；, clauses at ，：、 and brackets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assets.clean.text import join_wrapped_lines
from assets.extract.model import TextLine

# "10,150.48万元": thousands separators are part of the number, not a clause break
FIGURE = re.compile(
    r"(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(万元|元|%|个|人|辆|台[（(]套[)）])(?!以上|以下)")
CLAUSE_BREAK = re.compile(r"[，,：:；;、。]")
LEADING_YEAR = re.compile(r"^\s*20\d{2}\s*年(度)?")
PART = re.compile(r"^第[一二三四五六七八九十]+部分")
SECTION = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
PAGE_NUMBER = re.compile(r"^[-—\s]*\d+[-—\s]*$")
SENTENCE_END = re.compile(r"(?<=[。；;])")


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
    part: str
    section: str
    page: int
    text: str


def lines_to_paragraphs(lines: list[TextLine]) -> list[Paragraph]:
    """Join wrapped lines into paragraphs; a heading line starts a new one and names it."""
    part = section = ""
    paragraphs: list[Paragraph] = []
    for line in lines:
        text = line.text.strip()
        if not text or PAGE_NUMBER.match(text):
            continue
        if PART.match(text):
            part, section = text, ""
            continue
        if is_heading(text):
            section = text if SECTION.match(text) else section.split(" / ")[0] + " / " + text
            continue
        if paragraphs and (paragraphs[-1].part, paragraphs[-1].section) == (part, section):
            paragraphs[-1].text = join_wrapped_lines(paragraphs[-1].text + "\n" + text)
        else:
            paragraphs.append(Paragraph(part, section, line.page, text))
    return paragraphs


def is_heading(text: str) -> bool:
    """A short numbered line that states no figure: 一、… or （一）… (not a paragraph's start)."""
    numbered = SECTION.match(text) or SUBSECTION.match(text)
    return bool(numbered) and len(text) < 40 and not FIGURE.search(text) and text[-1] not in "，,；;"


def statement_before(sentence: str, start: int) -> str:
    """The clause that names the figure starting at `start`: back to the last clause break."""
    clause = CLAUSE_BREAK.split(sentence[:start])[-1]
    clause = SUBSECTION.sub("", clause.strip())
    return LEADING_YEAR.sub("", clause).strip().rstrip("为是").strip()


def paragraph_figures(paragraph: Paragraph) -> list[tuple[str, Decimal, str, str]]:
    figures = []
    for sentence in SENTENCE_END.split(paragraph.text):
        for match in FIGURE.finditer(sentence):
            unit = match.group(2).replace("(", "（").replace(")", "）")
            figures.append((statement_before(sentence, match.start()), Decimal(match.group(1).replace(",", "")),
                            unit, sentence.strip()))
    return figures


def narrative_lines(lines: list[TextLine], first_table_page: int | None) -> list[TextLine]:
    """The lines of the pages before the first table (the narrative), minus the contents page."""
    last = (first_table_page or 10**6) - 1
    chosen = [ln for ln in lines if ln.page <= last]
    toc_pages = {ln.page for ln in chosen if re.fullmatch(r"目\s*录", ln.text.strip())}
    return [ln for ln in chosen if ln.page not in toc_pages]


def document_figures(lines: list[TextLine], first_table_page: int | None) -> list[NarrativeFigure]:
    """Every figure stated in the narrative, in reading order."""
    figures = []
    for paragraph in lines_to_paragraphs(narrative_lines(lines, first_table_page)):
        for statement, value, unit, sentence in paragraph_figures(paragraph):
            figures.append(NarrativeFigure(len(figures), paragraph.part, paragraph.section,
                                           statement, value, unit, sentence, paragraph.page))
    return figures
