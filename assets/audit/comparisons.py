"""Sentences -> findings where 决算数大于/小于/等于预算数 (or 本年 against 上年, 高于/低于, 持平)
contradicts the amounts stated for the pair, in the sentence or the three before it in its section,
else the nearest pair stated earlier in the section.

A pair is one of rules.toml's [[pair]] wordings (年初预算 and 决算, 决算 and 完成预算的 P%, 上年
(执行数) and 本年 (预算安排)); the words are a finding only when no pair in reach agrees with them.
"""
from __future__ import annotations

import re
from decimal import Decimal

from assets.audit.numbers import number, pair_matches
from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence

REACH = 3  # sentences before the comparison whose pairs all count; further back, the nearest one
WORDS = {"大于": "大于", "高于": "大于", "超过": "大于", "多于": "大于", "小于": "小于", "低于": "小于", "少于": "小于",
         "等于": "等于", "持平": "等于"}
# "决算数小于预算数", "本年数小于上年预算数", "决算数与预算数持平" (基本持平 is not checked)
COMPARISON = re.compile(
    r"(?P<left>决算|本年)(?:数|支出)?(?:(?P<word>大于|高于|超过|多于|小于|低于|少于|等于)|与)(?:年初)?"
    r"(?P<right>预算|上年)(?:预算|决算)?数?(?(word)|(?P<basic>基本)?(?P<flat>持平))")
HUNDRED = Decimal(100)


def relation(match: re.Match[str]) -> tuple[str, str] | None:
    """(大于/小于/等于, the pair as printed) the stated pair gives, or None where it cannot say."""
    previous, current = match["previous"], match["current"]
    if previous is not None:
        difference = number(current) - number(previous)
        word = "大于" if difference > 0 else "小于" if difference < 0 else "等于"
        return word, f"{previous} → {current}"
    rate = number(match["rate"])
    if rate == HUNDRED:  # 100.00 % may be rounded from either side
        return None
    return ("大于" if rate > HUNDRED else "小于"), f"{current}, {match['rate']}%"


def stated_pairs(texts: list[str], left: str) -> list[tuple[str, str]]:
    """The relations of every pair (rules.toml [[pair]]) stated in the texts, nearest (last) first."""
    found = [relation(match) for text in texts for _, match in pair_matches(text, left)]
    return [rel for rel in found[::-1] if rel]


def section_before(sentences: list[Sentence], index: int) -> list[str]:
    """The texts of the sentences before sentences[index] in its section, in order."""
    start = index
    while start and sentences[start - 1].section == sentences[index].section:
        start -= 1
    return [s.text for s in sentences[start:index]]


def comparison_findings(sentences: list[Sentence]) -> list[Finding]:
    """Every comparison word the stated pairs in reach contradict (body sentences in order)."""
    found = []
    for index, sentence in enumerate(sentences):
        earlier = section_before(sentences, index)
        for match in COMPARISON.finditer(sentence.text):
            if (match["left"] == "决算") != (match["right"] == "预算") or match["basic"]:
                continue
            said = WORDS[match["word"] or match["flat"]]
            pairs = (stated_pairs([*earlier[-REACH:], sentence.text[:match.start()]], match["left"])
                     or stated_pairs(earlier[:-REACH], match["left"])[:1])
            if pairs and said not in {word for word, _ in pairs}:
                found.append(contradiction(sentence, match, said, pairs[0]))
    return found


def contradiction(sentence: Sentence, match: re.Match[str], said: str, nearest: tuple[str, str]) -> Finding:
    actual, pair = nearest
    left, right = f"{match['left']}数", f"{match['right']}数"
    rule = "narrative.number.flat_with_difference" if match["flat"] else "narrative.number.direction"
    return finding(rule, sentence, match.start(), match.end(), f"{pair}: {match[0]}", f"{left}{actual}{right}")
