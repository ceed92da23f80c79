"""Page furniture: the running header or footer a producer prints on every page, and page numbers,
found among the text lines so that they never read as a table's title or end a table at a break.

A running line is the same text as the first or last line of at least three pages
and half of the document's pages, at the same height; a page number stands alone at a page's top
or foot. The first printing of a running line that titles the table under it is kept.
"""
from __future__ import annotations

import re
from collections import defaultdict

from assets.clean.narrative import PAGE_NUMBER
from assets.clean.text import label_key
from assets.extract.model import TextLine

PAGE_NUMBER_WORDS = re.compile(r"^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
MIN_PAGES = 3
SAME_HEIGHT = 2.0  # points between the printings of one running line


def without_furniture(lines: list[TextLine], table_tops: dict[int, list[float]]) -> list[TextLine]:
    """Given a document's text lines and the tops of the tables on each page, return the lines that
    are not page furniture."""
    furniture = page_numbers(lines) | running_lines(lines, table_tops)
    return [line for line in lines if id(line) not in furniture]


def page_ends(lines: list[TextLine]) -> list[TextLine]:
    """The first and the last line of every page."""
    by_page: dict[int, list[TextLine]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    ends = []
    for page_lines in by_page.values():
        ordered = sorted(page_lines, key=lambda ln: ln.top)
        ends += [ordered[0]] if len(ordered) == 1 else [ordered[0], ordered[-1]]
    return ends


def page_numbers(lines: list[TextLine]) -> set[int]:
    return {id(line) for line in page_ends(lines)
            if PAGE_NUMBER.match(line.text) or PAGE_NUMBER_WORDS.match(line.text.strip())}


def running_lines(lines: list[TextLine], table_tops: dict[int, list[float]]) -> set[int]:
    pages = {line.page for line in lines}
    groups: dict[str, list[TextLine]] = defaultdict(list)
    for line in page_ends(lines):
        key = label_key(line.text)
        if key:
            groups[key].append(line)
    furniture: set[int] = set()
    for printings in groups.values():
        heights = sorted(ln.top for ln in printings)
        few = len({ln.page for ln in printings}) < max(MIN_PAGES, len(pages) / 2)
        if few or heights[-1] - heights[0] > SAME_HEIGHT:
            continue
        first = min(printings, key=lambda ln: ln.page)
        titles_a_table = label_key(first.text).endswith("表") and any(
            top > first.top for top in table_tops.get(first.page, []))
        furniture |= {id(ln) for ln in printings if not (ln is first and titles_a_table)}
    return furniture
