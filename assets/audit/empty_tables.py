"""Tables printed without one amount -> a finding unless the document says the table is empty:
a note in, under or beside it (本表无数据, 故本表为空表, 无…支出) or a 说明 sentence saying it has none."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence
from assets.audit.structure import MIN_SENTENCES
from assets.clean.narrative import AMOUNT_CELL
from assets.clean.tables import CleanDocument, CleanTable
from assets.extract.model import ExtractedDocument

# "本表无数据", "故本表为空表", "此表为空", "本表本年无发生额", "本部门无该项目", "没有使用政府性基金预算拨款安排的支出"
EMPTY_NOTE = re.compile(r"无数据|空表|表为空|无发生额|如无数字|无该项"
                        r"|(?:无|没有|未)[^，。；]{0,30}(?:支出|收入|收支|预算|安排|项目|资金)")
# what an empty table is about, as its title names it and a 说明 sentence would say it has none of
SUBJECTS = ("政府性基金", "国有资本经营", "三公", "上年结转", "结转", "政府采购", "机关运行", "项目支出",
            "财政专户", "绩效")
NONE_WORDS = r"无|没有|未安排|未使用|不涉及"
ZERO = r"(?<![\d.])0(?:\.0+)?\s*万元"
UNKNOWN_KIND = "unclassified"


@dataclass(frozen=True)
class EmptyTable:
    """A table printed with no amount: its kind, title, first page and every text printed in it
    and on its pages (its note, its cells, the page's lines)."""

    kind: str
    title: str
    page: int
    printed: tuple[str, ...]


def table_texts(table: CleanTable) -> list[str]:
    return [str(value) for row in table.rows for value in row.values.values() if value is not None] + [
        cell.text for cell in table.cells]


def empty_tables(document: CleanDocument, extracted: ExtractedDocument) -> tuple[EmptyTable, ...]:
    """Every recognised table of the document that prints no amount, with what is printed around it."""
    found = []
    for table in document.tables:
        texts = table_texts(table)
        if table.table_id == UNKNOWN_KIND or any(AMOUNT_CELL.fullmatch(text.strip()) for text in texts):
            continue
        page_text = [line.text for line in extracted.lines if line.page in table.pages]
        cells = [cell.text for cell in extracted.cells if cell.page in table.pages and cell.text]
        found.append(EmptyTable(table.table_id, table.title, table.pages[0], (table.note, *texts, *page_text, *cells)))
    return tuple(found)


def says_none(sentence: Sentence, title: str) -> bool:
    """True for a 说明 sentence saying the table's subject has nothing, in one clause: "本部门无政府性
    基金预算", "未使用国有资本经营预算拨款", "政府性基金拨款支出预算0万元"."""
    subject = next((word for word in SUBJECTS if word in title), None)
    if subject is None:
        return False
    said = re.compile(rf"(?:{NONE_WORDS})[^，。；（(]{{0,24}}{subject}"
                      rf"|{subject}[^，。；（(]{{0,24}}?(?:{NONE_WORDS}|{ZERO})")
    return bool(said.search(sentence.text))


def empty_table_findings(tables: tuple[EmptyTable, ...], sentences: list[Sentence]) -> list[Finding]:
    """A finding per empty table with no note and no 说明 sentence saying so; a PDF without a 说明
    (the tables half of a split disclosure) is not checked: its 说明 may say so."""
    if len(sentences) < MIN_SENTENCES:
        return []
    found = []
    for table in tables:
        if any(EMPTY_NOTE.search(text) for text in table.printed) or any(says_none(s, table.title) for s in sentences):
            continue
        where = Sentence(table.title, "", True, ((0, table.page),))
        found.append(finding("narrative.structure.empty_table_note", where, 0, len(table.title),
                             f"{table.title}: no amount, no note"))
    return found
