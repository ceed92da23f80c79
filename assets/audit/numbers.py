"""Sentences -> findings of the number rules: a stated change and its rate recomputed from the
stated amounts, direction words against the sign, 持平 with a difference, rates from zero.

All arithmetic is Decimal. A printed figure is held to one unit of its last printed digit, and
a rate also to the rounding of the amounts it is computed from.
"""
from __future__ import annotations

import re
from decimal import Decimal

from assets.audit.rules import NUMBER, Finding, Pair, finding, load_pairs
from assets.audit.sentences import Sentence

AMOUNT = re.compile(rf"({NUMBER})\s*(?:万元|元)")
UP = ("增加", "增长", "上升", "增幅", "提高")
DOWN = ("减少", "下降", "降低", "减幅", "降幅")
# "比上年增加844.15万元，增长6.59%": the base (up to 30 characters, years allowed, no 持平) between
# 比/较/与 and the direction word, last year's amount if printed there ("比2025年年初预算数99,003.18万元
# 增加2,669.85万元"), the change, and optionally the rate right after it
CHANGE = re.compile(
    rf"(?:比|较|与)(?:(?!持平)(?:20\d{{2}}|[^。；;\d])){{0,30}}?(?:(?P<base>{NUMBER})\s*万元\s*)?"
    rf"(?P<dir>{'|'.join(UP + DOWN)})\s*"
    rf"(?P<change>{NUMBER})\s*(?:万元|元)(?:\s*[，,]\s*(?:同比)?(?P<rdir>{'|'.join(UP + DOWN)})\s*为?\s*"
    rf"(?P<rate>{NUMBER})\s*[%％])?")
REST = re.compile(r"[^。；]*")  # what a stated pair's clause goes on to say
STATED_CHANGE = re.compile(
    rf"比[^，。；]*?(?P<dir>{'|'.join(UP + DOWN)}|持平)\s*(?:(?P<value>{NUMBER})\s*(?P<unit>万元|%|％))?")
COMPLETION = re.compile(rf"完成(?:年初)?预算的\s*(?P<rate>{NUMBER})\s*[%％]")
HUNDRED = Decimal(100)


def number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def last_digit(text: str) -> Decimal:
    """One unit of the last printed digit: '6.2' -> 0.1, '867.50' -> 0.01, '5' -> 1."""
    return Decimal(1).scaleb(-len(text.split(".")[1])) if "." in text else Decimal(1)


def rate_tolerance(rate_text: str, change: Decimal, previous: Decimal, step: Decimal) -> Decimal:
    """A printed rate may be off its exact value by one unit of its last digit, plus what the
    rounding of change and previous (half a `step` each) moves it."""
    half = step / 2
    return last_digit(rate_text) + HUNDRED * half * (1 / abs(previous) + abs(change) / previous ** 2)


def is_up(word: str) -> bool:
    return word in UP


def number_findings(sentences: list[Sentence]) -> list[Finding]:
    """Every number finding of the narrative's sentences (headings excluded)."""
    found: list[Finding] = []
    for index, sentence in enumerate(sentences):
        explicit = explicit_findings(sentence)
        if explicit is not None:
            found.extend(explicit)
            continue
        earlier = [s for s in sentences[max(index - 2, 0):index] if s.section == sentence.section]
        found.extend(change_findings(sentence, earlier))
    return found


def candidates_before(sentence: Sentence, start: int, earlier: list[Sentence]) -> list[tuple[str, Decimal]]:
    """The amounts this year's value may be: those stated before the change in the sentence,
    nearest first; else those of the two sentences before it in the same section."""
    own = [(m.group(1), number(m.group(1))) for m in AMOUNT.finditer(sentence.text[:start])]
    if own:
        return own[::-1]
    return [(m.group(1), number(m.group(1))) for s in earlier[::-1] for m in list(AMOUNT.finditer(s.text))[::-1]]


def candidates(sentence: Sentence, match: re.Match[str], earlier: list[Sentence]) -> list[tuple[str, Decimal]]:
    """This year's value: last year's amount printed in the base ± the change, else the amounts before."""
    if match["base"] is None:
        return candidates_before(sentence, match.start(), earlier)
    change = number(match["change"])
    return [(match["base"], number(match["base"]) + (change if is_up(match["dir"]) else -change))]


def change_findings(sentence: Sentence, earlier: list[Sentence]) -> list[Finding]:
    """'X万元，比上年增加D万元，增长R%': the rate against D / (X ∓ D); the words against each other."""
    found = []
    for match in CHANGE.finditer(sentence.text):
        change, direction, rate_dir = number(match["change"]), match["dir"], match["rate"] and match["rdir"]
        start, end = match.start(), match.end()
        if change == 0:
            found.append(finding("narrative.number.zero_change_direction", sentence, start, end,
                                 f"{direction}{match['change']}万元"))
            continue
        if rate_dir and is_up(rate_dir) != is_up(direction):
            found.append(finding("narrative.number.direction", sentence, start, end,
                                 f"{direction} {match['change']} … {rate_dir} {match['rate']}%",
                                 f"{direction} with {'增长' if is_up(direction) else '下降'}"))
        elif match["rate"]:
            found.extend(rate_findings(sentence, match, candidates(sentence, match, earlier)))
    return found


def rate_findings(sentence: Sentence, match: re.Match[str], candidates: list[tuple[str, Decimal]]) -> list[Finding]:
    """The stated rate against change / previous for each candidate current value: a finding only
    when none of them gives the printed rate."""
    change, rate = number(match["change"]), number(match["rate"])
    sign = -1 if is_up(match["dir"]) else 1
    expected = []
    for text, current in candidates:
        previous = current + sign * change
        step = max(last_digit(text), last_digit(match["change"]))
        if previous == 0:
            return [finding("narrative.number.zero_base_rate", sentence, match.start(), match.end(),
                            f"{match['rdir']}{match['rate']}%")]
        if previous < 0:
            continue
        exact = HUNDRED * change / previous
        if abs(exact - rate) <= rate_tolerance(match["rate"], change, previous, step):
            return []
        expected.append(f"{exact:.2f}% (= {match['change']} / {previous})")
    if not expected:
        return []
    return [finding("narrative.number.change_rate", sentence, match.start(), match.end(),
                    f"{match['rdir']}{match['rate']}%", expected[0])]


def pair_matches(text: str, compares: str | None = None) -> list[tuple[Pair, re.Match[str]]]:
    """Every stated pair of rules.toml in the text (about 决算 or 本年 only, if given), in order."""
    found = [(match.start(), index, pair, match) for index, pair in enumerate(load_pairs())
             if compares in (None, pair.compares) for match in pair.pattern.finditer(text)]
    return [(pair, match) for *_, pair, match in sorted(found, key=lambda item: item[:2])]


def explicit_findings(sentence: Sentence) -> list[Finding] | None:
    """Previous and current value both stated: the change, its rate, 完成预算的 P%, the direction
    and 持平 against them. None when the sentence states no such pair."""
    both = [match for _, match in pair_matches(sentence.text) if match["previous"] is not None]
    if not both:
        return None
    match = both[0]
    previous, current = number(match["previous"]), number(match["current"])
    step = max(last_digit(match["previous"]), last_digit(match["current"]))
    rest = REST.match(sentence.text, match.end())[0]
    found = stated_change_findings(sentence, match, rest, previous, current, step)
    return found + completion_findings(sentence, match, rest, previous, current, step)


def stated_change_findings(sentence: Sentence, match: re.Match[str], rest: str, previous: Decimal,
                           current: Decimal, step: Decimal) -> list[Finding]:
    stated = STATED_CHANGE.search(rest)
    if stated is None:
        return []
    start, end = match.start(), match.end()
    difference, word = current - previous, stated["dir"]
    pair = f"{match['previous']} → {match['current']}"
    if word == "持平":
        if difference:
            return [finding("narrative.number.flat_with_difference", sentence, start, end, f"{pair}: 持平",
                            f"{'增加' if difference > 0 else '减少'} {abs(difference)}")]
        return []
    if difference == 0 or (difference > 0) != is_up(word):
        expected = "持平" if difference == 0 else ("增加" if difference > 0 else "减少")
        return [finding("narrative.number.direction", sentence, start, end, f"{pair}: {word}", expected)]
    if stated["value"] is None:
        return []
    value = number(stated["value"])
    if stated["unit"] == "万元":
        if abs(abs(difference) - value) > step:
            return [finding("narrative.number.change_amount", sentence, start, end,
                            f"{word}{stated['value']}万元", f"{abs(difference)}万元 ({pair})")]
        return []
    if previous == 0:
        return [finding("narrative.number.zero_base_rate", sentence, start, end, f"{word}{stated['value']}%")]
    exact = HUNDRED * abs(difference) / previous
    if abs(exact - value) > rate_tolerance(stated["value"], difference, previous, step):
        return [finding("narrative.number.change_rate", sentence, start, end, f"{word}{stated['value']}%",
                        f"{exact:.2f}% ({pair})")]
    return []


def completion_findings(sentence: Sentence, match: re.Match[str], rest: str, budget: Decimal, final: Decimal,
                        step: Decimal) -> list[Finding]:
    """完成预算的 P% (printed in the pair or after it) against 决算 / 预算; from a zero budget no rate
    exists: a non-zero 决算 over 预算 0 is the zero-base rule's, both zero says nothing."""
    later = COMPLETION.search(rest)
    rate = match.groupdict().get("rate") or (later["rate"] if later else None)
    if rate is None or (budget == 0 and final == 0):
        return []
    printed = f"完成预算的{rate}%"
    if budget == 0:
        return [finding("narrative.number.zero_base_rate", sentence, match.start(), match.end(), printed,
                        f"no completion rate ({match['current']}万元 over a budget of 0)")]
    exact = HUNDRED * final / budget
    if abs(exact - number(rate)) > rate_tolerance(rate, final, budget, step):
        return [finding("narrative.number.completion_rate", sentence, match.start(), match.end(), printed,
                        f"{exact:.2f}% (= {match['current']} / {match['previous']})")]
    return []
