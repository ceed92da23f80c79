"""The 目录 (table of contents) against the tables printed: a table the 目录 lists that no page of
the document prints (neither recognised as that kind nor its title printed outside the 目录)."""
from __future__ import annotations

import re

from assets.audit.rules import Finding, load_rules
from assets.clean.narrative import PART, TOC_TITLE, toc_pages
from assets.clean.recognition import normalise_title
from assets.clean.text import label_key
from assets.extract.model import TextLine
from assets.templates.spec import generic_template

PAGE_REFERENCE = re.compile(r"[\s.…·．-]*\d{0,3}\s*$")  # the dot leaders and page number of an entry
ENTRY_NUMBER = re.compile(r"^[\s(（]*[一二三四五六七八九十\d]{1,3}[)）、.．]\s*")
MIN_TABLE_ENTRIES = 3  # fewer table entries: a 目录 of the 说明's sections, not of the tables


def toc_entries(lines: list[TextLine], pages: set[int]) -> list[tuple[str, int]]:
    """(entry text without its page reference, page) for each line of the 目录 `pages`, wrapped
    entries joined."""
    entries: list[tuple[str, int]] = []
    pending = ""
    for line in lines:
        text = line.text.strip()
        if line.page not in pages or not text or TOC_TITLE.fullmatch(text):
            continue
        name = PAGE_REFERENCE.sub("", text)
        if name == text and not text.endswith("表"):  # no page number: a heading, or an entry wrapping
            pending = text
            continue
        own_start = ENTRY_NUMBER.match(name) or PART.match(name)
        entry = ENTRY_NUMBER.sub("", name if own_start else pending + name)
        if entry:
            entries.append((entry, line.page))
        pending = ""
    return entries


def listed_tables(lines: list[TextLine], pages: set[int],
                  document_kind: str) -> list[tuple[str, str, int, set[str]]]:
    """(entry, its normalised title, page, the kinds the title names) for each 目录 entry that
    names a standard table."""
    template = generic_template(document_kind)
    if template is None:
        return []
    listed = []
    for entry, page in toc_entries(lines, pages):
        title = normalise_title(entry)
        kinds = {spec.id for spec in template.tables if title.endswith("表") and spec.title.search(title)}
        if kinds:
            listed.append((entry, title, page, kinds))
    return listed


def contents_findings(lines: list[TextLine], document_kind: str,
                      tables: tuple[tuple[str, str], ...]) -> list[Finding]:
    """One finding per 目录 entry whose table is not printed. `tables` holds (kind, printed title)
    of every table the document prints; a document printing none (the 说明 half of a split
    disclosure) is not checked."""
    skipped = toc_pages(lines)
    listed = listed_tables(lines, skipped, document_kind)
    if not tables or len(listed) < MIN_TABLE_ENTRIES:
        return []
    rule = load_rules()["narrative.structure.toc_table_missing"]
    printed_kinds = {kind for kind, _ in tables}
    printed_text = {label_key(line.text) for line in lines if line.page not in skipped}
    printed_text |= {label_key(title) for _, title in tables}
    findings = []
    for entry, title, page, kinds in listed:
        if kinds & printed_kinds or any(title in text for text in printed_text):
            continue
        findings.append(Finding(rule.id, rule.severity, page, "目录", entry, "listed, not printed",
                                rule.expected))
    return findings
