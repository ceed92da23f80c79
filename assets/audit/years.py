"""Sentences -> findings of the year rules: comparisons with the wrong year, 截至 dates with the
wrong year, headings and statements naming another year's 预算/决算.

A budget of year Y compares with Y-1 and states its assets as of Y-1; final accounts of Y compare
with Y-1 or with Y's own 年初预算, and state assets at the end of Y.
"""
from __future__ import annotations

import re

from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence

COMPARISON = re.compile(r"(?:比|较|与|同)\s*(?P<year>20\d{2})\s*年(?P<tail>[^，。；,]{0,16})")
COMPARISON_WORDS = re.compile(r"相比|增加|减少|增长|下降|持平|预算|执行|决算|年初|同期")
AS_OF = re.compile(r"截[至止]\s*(?P<year>20\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)?")
# a sentence or heading opening with a year that names a 预算/决算 (not 执行数, not a comparison)
NUMBERING = r"(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?"
YEAR_TAIL = r"(?P<year>20\d{2})\s*年度?(?P<tail>[^，。；,]{0,14}?(?:预算|决算))(?!执行)"
STATED = re.compile(r"^\s*" + NUMBERING + YEAR_TAIL)
# a heading may open with its part and the department ("第三部分 省人大办公厅 2016 年度部门预算情况说明")
HEADING_STATED = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分\s*)?" + NUMBERING
                            + r"(?:[^，。；,\d比较与同至止]{2,24}?\s*)?" + YEAR_TAIL)


def year_findings(sentences: list[Sentence], fiscal_year: int | None, document_kind: str) -> list[Finding]:
    """Every year finding of the narrative; none when the document's year is unknown."""
    if fiscal_year is None:
        return []
    found = []
    for sentence in sentences:
        found += comparison_findings(sentence, fiscal_year, document_kind)
        found += as_of_findings(sentence, fiscal_year, document_kind)
        found += stated_findings(sentence, fiscal_year)
    return found


def comparison_findings(sentence: Sentence, fiscal_year: int, document_kind: str) -> list[Finding]:
    found = []
    for match in COMPARISON.finditer(sentence.text):
        year, tail = int(match["year"]), match["tail"]
        if not COMPARISON_WORDS.search(tail):
            continue
        own_budget = document_kind == "final_accounts" and year == fiscal_year and re.search("年初|预算", tail)
        if year != fiscal_year - 1 and not own_budget:
            found.append(finding("narrative.year.comparison_year", sentence, match.start(), match.end(),
                                 match.group(0).strip(), f"{fiscal_year - 1}年"))
    return found


def as_of_findings(sentence: Sentence, fiscal_year: int, document_kind: str) -> list[Finding]:
    return [finding("narrative.year.as_of_date", sentence, m.start(), m.end(), m.group(0),
                    f"截至{fiscal_year if document_kind == 'final_accounts' else fiscal_year - 1}年…")
            for m in AS_OF.finditer(sentence.text) if wrong_as_of(m, fiscal_year, document_kind)]


def wrong_as_of(match: re.Match[str], fiscal_year: int, document_kind: str) -> bool:
    """Final accounts of Y: a year-end date of another year, or any date before Y. A budget of Y
    (drafted late in Y-1, published early in Y): a date before Y-1, after Y, or Y's year end."""
    year, year_end = int(match["year"]), bool(re.search(r"12\s*月\s*31|底|末", match.group(0)))
    if document_kind == "final_accounts":
        return year < fiscal_year or (year_end and year != fiscal_year)
    return year < fiscal_year - 1 or year > fiscal_year or (year == fiscal_year and year_end)


def stated_findings(sentence: Sentence, fiscal_year: int) -> list[Finding]:
    match = (HEADING_STATED if sentence.heading else STATED).search(sentence.text)
    if match is None or int(match["year"]) == fiscal_year:
        return []
    return [finding("narrative.year.stated_year", sentence, match.start(), match.end(),
                    match.group(0).strip(), f"{fiscal_year}年{match['tail']}")]
