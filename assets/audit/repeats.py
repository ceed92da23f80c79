"""One item given two different amounts: the 说明 states the year's “三公”经费, 机关运行经费, 政府采购
预算 or 收入/支出总计 in two places (overview and its own section) and the amounts differ."""
from __future__ import annotations

import re
from decimal import Decimal

from assets.audit.numbers import NUMBER, number
from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence

# the item at a clause's start: its year, scope and kind words, then its amount
ITEM = re.compile(
    r"(?:^|(?<=[，。；：、\s]))(?:(?P<year>20\d{2})\s*年度?)?\s*(?:本部门|本单位|部门|单位)?\s*"
    r"(?P<scope>财政拨款|一般公共预算(?:财政拨款)?)?\s*"
    r"(?P<item>[“\"]?三公[”\"]?经费|机关运行经费|政府采购预算|收入(?:预算)?总计|支出(?:预算)?总计|收支(?:预算)?总计)"
    rf"(?P<kind>预算|决算)?(?:数|总额|支出|安排)?\s*(?:为|共计|合计|共|是)?\s*(?P<value>{NUMBER})\s*万元")
QUOTES = re.compile(r"[“”\"]")


def item_key(match: re.Match[str], document_year: int | None) -> tuple[str, str, str] | None:
    """(item, scope, kind) of a stated amount of the document's own year, or None for another year's."""
    if match.group("year") and document_year and int(match.group("year")) != document_year:
        return None
    item = QUOTES.sub("", match.group("item")).replace("预算总计", "总计")
    return item, match.group("scope") or "", match.group("kind") or ""


def repeat_findings(sentences: list[Sentence], document_year: int | None) -> list[Finding]:
    """A finding where an item's amount differs from the one stated for it before."""
    first: dict[tuple[str, str, str], tuple[Decimal, Sentence]] = {}
    findings = []
    for sentence in sentences:
        for match in ITEM.finditer(sentence.text):
            key = item_key(match, document_year)
            if key is None:
                continue
            value = number(match.group("value"))
            stated, where = first.setdefault(key, (value, sentence))
            if value != stated:
                findings.append(finding("narrative.number.two_amounts", sentence, match.start("item"),
                                        match.end(), f"{key[0]} {value}万元",
                                        f"{stated}万元, as stated on p. {where.page}: one amount"))
    return findings
