"""Sentences -> findings where 决算数大于/小于/等于预算数 (or 本年 against 上年, 高于/低于, 持平)
contradicts the amounts stated for the pair, in the sentence or the three before it in its section.

A pair is 年初预算 and 决算 (or 决算 and 完成预算的 P%), or 上年 (执行数) and 本年 (预算安排); the
words are a finding only when no pair in reach agrees with them.
"""
from __future__ import annotations

import re
from decimal import Decimal

from assets.audit.numbers import NUMBER, number
from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence

REACH = 3  # sentences before the comparison where its pair may be stated
WORDS = {"大于": "大于", "高于": "大于", "超过": "大于", "多于": "大于", "小于": "小于", "低于": "小于", "少于": "小于",
         "等于": "等于", "持平": "等于"}
# "决算数小于预算数", "本年数小于上年预算数", "决算数与预算数持平" (基本持平 is not checked)
COMPARISON = re.compile(
    r"(?P<left>决算|本年)(?:数|支出)?(?:(?P<word>大于|高于|超过|多于|小于|低于|少于|等于)|与)(?:年初)?"
    r"(?P<right>预算|上年)(?:预算|决算)?数?(?(word)|(?P<basic>基本)?(?P<flat>持平))")
FINAL_PAIRS = (
    re.compile(rf"预算(?:数)?(?:为|是)?\s*(?P<budget>{NUMBER})\s*万元[^。；]*?决算(?:数)?(?:为|是)?\s*"
               rf"(?P<final>{NUMBER})\s*万元"),
    re.compile(rf"决算(?:数)?(?:为|是)?\s*(?P<final>{NUMBER})\s*万元[^。；]*?(?:完成(?:年初)?预算(?:数)?\s*"
               rf"(?:(?P<budget>{NUMBER})\s*万元\s*)?的\s*(?P<rate>{NUMBER})\s*[%％]|预算(?:数)?(?:为|是)?\s*"
               rf"(?P<later_budget>{NUMBER})\s*万元)"),
)
YEAR_PAIRS = (
    re.compile(rf"(?:上年|执行数)[^，。；\d]{{0,12}}?为?\s*(?P<budget>{NUMBER})\s*万元[^。；]*?(?:本年|预算安排)"
               rf"[^，。；\d]{{0,12}}?为?\s*(?P<final>{NUMBER})\s*万元"),
)
HUNDRED = Decimal(100)


def relation(match: re.Match[str]) -> tuple[str, str] | None:
    """(大于/小于/等于, the pair as printed) the stated pair gives, or None where it cannot say."""
    groups = match.groupdict()
    final, budget = number(groups["final"]), groups.get("budget") or groups.get("later_budget")
    if budget is not None:
        difference = final - number(budget)
        word = "大于" if difference > 0 else "小于" if difference < 0 else "等于"
        return word, f"{budget} → {groups['final']}"
    rate = number(groups["rate"])
    if rate == HUNDRED:  # 100.00 % may be rounded from either side
        return None
    return ("大于" if rate > HUNDRED else "小于"), f"{groups['final']}, {groups['rate']}%"


def stated_pairs(texts: list[str], left: str) -> list[tuple[str, str]]:
    """The relations of every pair stated in the texts, nearest (last) first."""
    pairs = FINAL_PAIRS if left == "决算" else YEAR_PAIRS
    found = [(match.start(), index, relation(match)) for index, text in enumerate(texts)
             for pattern in pairs for match in pattern.finditer(text)]
    return [rel for _, _, rel in sorted(found, key=lambda item: (item[1], item[0]), reverse=True) if rel]


def comparison_findings(sentences: list[Sentence]) -> list[Finding]:
    """Every comparison word the stated pairs in reach contradict (body sentences in order)."""
    found = []
    for index, sentence in enumerate(sentences):
        earlier = [s.text for s in sentences[max(index - REACH, 0):index] if s.section == sentence.section]
        for match in COMPARISON.finditer(sentence.text):
            if (match["left"] == "决算") != (match["right"] == "预算") or match["basic"]:
                continue
            said = WORDS[match["word"] or match["flat"]]
            pairs = stated_pairs([*earlier, sentence.text[:match.start()]], match["left"])
            if pairs and said not in {word for word, _ in pairs}:
                found.append(contradiction(sentence, match, said, pairs[0]))
    return found


def contradiction(sentence: Sentence, match: re.Match[str], said: str, nearest: tuple[str, str]) -> Finding:
    actual, pair = nearest
    left, right = f"{match['left']}数", f"{match['right']}数"
    rule = "narrative.number.flat_with_difference" if match["flat"] else "narrative.number.direction"
    return finding(rule, sentence, match.start(), match.end(), f"{pair}: {match[0]}", f"{left}{actual}{right}")
