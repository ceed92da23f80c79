"""Sentences -> findings of the pattern rules of rules.toml (drafting leftovers, scope wording)
and of the one drafting rule that needs counting (unbalanced quotes and brackets)."""
from __future__ import annotations

from assets.audit.rules import Finding, finding, load_rules
from assets.audit.sentences import Sentence

PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("(", ")"), ("【", "】"))
SETTLING_SENTENCES = 5
CUT_EDGE = 3  # characters: a mark this near a sentence's cut start or end is a cut, not a defect


def pattern_findings(sentences: list[Sentence], scope: str) -> list[Finding]:
    """Every hit of every pattern rule that applies to a document of `scope`, one per sentence and rule."""
    found = []
    rules = [r for r in load_rules().values() if r.pattern is not None and r.scope in (None, scope)]
    for sentence in sentences:
        for rule in rules:
            match = rule.pattern.search(sentence.text)
            if match and not (rule.unless and rule.unless.search(sentence.text)):
                found.append(finding(rule.id, sentence, match.start(), match.end(), match.group(0)))
    return found


def unbalanced_findings(sentences: list[Sentence]) -> list[Finding]:
    """A sentence that opens a quotation mark or bracket it does not close, or closes one it did
    not open (counted per pair, in order); not when up to SETTLING_SENTENCES sentences around it
    settle it (a bracket around a 。 or ；, or a sentence cut where a line was taken for a heading)."""
    found = []
    for index, sentence in enumerate(sentences):
        for opening, closing in PAIRS:
            position = unbalanced_at(sentence.text, opening, closing)
            if position is None or settled(sentences, index, opening, closing) or at_cut(sentence.text, position):
                continue
            found.append(finding("narrative.drafting.unbalanced_pair", sentence, position, position + 1,
                                 pair_counts(sentence.text, opening, closing)))
            break
    return found


def at_cut(text: str, position: int) -> bool:
    """True for a closing mark at the very start of a sentence or an opening one at its very end
    ("公”经费…", "…巩固“三"): the text was cut there (a page or heading break), not misprinted."""
    char = text[position]
    closing = char in {close for _, close in PAIRS}
    # a sentence ending in its full stop was not cut: "…缴费支出（项。", "…设备0台（套。"
    return (closing and position < CUT_EDGE) or (not closing and not text.rstrip().endswith("。")
                                                  and len(text.rstrip("；;")) - position <= CUT_EDGE)


def pair_counts(text: str, opening: str, closing: str) -> str:
    """'3 × （, 2 × ）', noting a full-width bracket closed by a half-width one ("（款)")."""
    counts = f"{text.count(opening)} × {opening}, {text.count(closing)} × {closing}"
    return counts + ("; closed by a half-width )" if opening == "（" and ")" in text else "")


def settled(sentences: list[Sentence], index: int, opening: str, closing: str) -> bool:
    """True when a run of sentences around `index` (itself and 1 to SETTLING_SENTENCES others)
    balances the pair."""
    for first in range(max(index - SETTLING_SENTENCES, 0), index + 1):
        for last in range(index, min(index + SETTLING_SENTENCES, len(sentences) - 1) + 1):
            text = "".join(s.text for s in sentences[first:last + 1])
            if last > first and text.count(opening) == text.count(closing):
                return True
    return False


def unbalanced_at(text: str, opening: str, closing: str) -> int | None:
    """The position of the first mark left unmatched, or None when the pair balances."""
    stack: list[int] = []
    for position, char in enumerate(text):
        if char == opening:
            stack.append(position)
        elif char == closing:
            if not stack:
                return position
            stack.pop()
    return stack[0] if stack else None
