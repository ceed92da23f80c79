"""Sentences -> findings of the structure rules: each section the disclosure rules require is
found in the 说明; no section printed twice; no sentence left without its full stop or cut off."""
from __future__ import annotations

import re

from assets.audit.rules import Finding, finding, load_rules, load_sections, quote
from assets.audit.sentences import Sentence
from assets.clean.text import label_key

MIN_SENTENCES = 40  # fewer: no 说明 in this PDF (a tables-only file of a split disclosure)
HEADING_NUMBER = re.compile(r"^(第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十\d]+[)）、.．])\s*")
MIN_REPEATED_CHARS = 60  # a section's text this long printed twice is a copy, not a formula
SENTENCE_END = re.compile(r"[。；！？;!?…”’]\s*$")
# a sentence that opens a list or a table ("情况如下：") or ends in a quoted name ends without a stop
OPEN_END = re.compile(r"[：:，,、“‘（(]\s*$")
MIN_PROSE_CHARS = 15  # shorter runs without a stop are captions, dates, signatures
# what makes a run of text a sentence rather than a caption or title: a comma (either width), an
# amount, or a reason ("主要原因是住房公积金和提租补贴政策性调整", "…机关运行经费预算为171.01万元"); a
# chart's labels (Beijing's OCR "收入预算4.87%…图1：收入预算") are not
PROSE = re.compile(r"[，,]|\d\s*万元|主要原因|主要用于")
NOTE = re.compile(r"(?<![关标批])注\s*[:：]")  # a table's note often goes without a full stop


def structure_findings(sentences: list[Sentence]) -> list[Finding]:
    """Findings of every structure rule on the 说明's sentences."""
    return (required_section_findings(sentences) + repeated_section_findings(sentences)
            + unfinished_sentence_findings(sentences))


def blank_page_findings(blank_pages: tuple[int, ...], page_count: int) -> list[Finding]:
    """One finding per page between printed pages that prints no text (nothing, or only an empty
    row of ruling spilled over from the page before); a blank first or last page is the cover's
    back or the print's end, not a defect."""
    rule = load_rules()["narrative.structure.blank_page"]
    return [Finding(rule.id, rule.severity, page, "", f"(page {page} of {page_count}: no text)", "a blank page",
                    rule.expected)
            for page in blank_pages if 1 < page < page_count]


def required_section_findings(sentences: list[Sentence]) -> list[Finding]:
    """One finding per required section that no heading or sentence of the 说明 mentions."""
    if len(sentences) < MIN_SENTENCES:
        return []
    rule = load_rules()["narrative.structure.required_section"]
    text = "".join(s.text for s in sentences)
    first, last = sentences[0].page, sentences[-1].page
    return [Finding(rule.id, rule.severity, first, "", f"(说明, pages {first}-{last}: no {section.name})",
                    "missing", f"a section on {section.name}")
            for section in load_sections() if not section.pattern.search(text)]


def sections(sentences: list[Sentence]) -> list[tuple[Sentence, str]]:
    """(heading, the text of its body sentences) for every heading of the 说明."""
    found: list[tuple[Sentence, str]] = []
    for sentence in sentences:
        if sentence.heading:
            found.append((sentence, ""))
        elif found:
            found[-1] = (found[-1][0], found[-1][1] + sentence.text)
    return found


def repeated_section_findings(sentences: list[Sentence]) -> list[Finding]:
    """A section printed again: the same heading (its numbering aside) over the same text, or the
    same long text under two headings; reported where it is printed the second time."""
    rule = load_rules()["narrative.structure.section_repeated"]
    seen: dict[str, Sentence] = {}
    findings = []
    for heading, body in sections(sentences):
        text = label_key(body)
        if len(text) < MIN_REPEATED_CHARS:
            continue
        key = text if len(text) >= 2 * MIN_REPEATED_CHARS else label_key(HEADING_NUMBER.sub("", heading.text)) + text
        first = seen.setdefault(key, heading)
        if first is not heading:
            findings.append(Finding(rule.id, rule.severity, heading.page, heading.text, quote(body, 0, 0),
                                    f"printed on p. {first.page} and again on p. {heading.page}",
                                    rule.expected))
    return findings


def unfinished_sentence_findings(sentences: list[Sentence]) -> list[Finding]:
    """A prose sentence that runs into a heading without its full stop: cut off where it ends a
    page and the next page goes on with something else, else only its full stop missing."""
    findings = []
    for sentence, following in zip(sentences, [*sentences[1:], None], strict=False):
        text = sentence.text.strip()
        if sentence.heading or (following is not None and not following.heading):
            continue
        if len(text) < MIN_PROSE_CHARS or not PROSE.search(text) or NOTE.search(text) \
                or SENTENCE_END.search(text) or OPEN_END.search(text):
            continue
        last_page = sentence.starts[-1][1]
        cut = following is None or following.page > last_page
        rule_id = "narrative.structure.cut_at_page_end" if cut else "narrative.drafting.missing_full_stop"
        findings.append(finding(rule_id, sentence, len(text) - 1, len(text), f"…{text[-12:]}"))
    return findings
