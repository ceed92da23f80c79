"""Page furniture: the running header or footer a producer prints on every page, and page numbers,
found among the text lines so that they never read as a table's title or end a table at a break.

A running line is the same text as the first line (above the page's tables) or the last
line (below them) of at least three pages and half of the document's pages, at the same height,
and no unit or department line; a page number stands alone at a page's top or foot. The first
printing of a running line that titles the table under it is kept.
"""
from __future__ import annotations

import re
from collections import defaultdict

from assets.clean.headings import DEPARTMENT, UNIT
from assets.clean.narrative import PAGE_NUMBER
from assets.clean.text import label_key
from assets.extract.model import TextLine

PAGE_NUMBER_WORDS = re.compile(r"^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
MIN_PAGES = 3
SAME_HEIGHT = 2.0  # points between the printings of one running line


def without_furniture(lines: list[TextLine], tables: dict[int, list[tuple[float, float]]]) -> list[TextLine]:
    """Given a document's text lines and the (top, bottom) of the tables on each page, return the
    lines that are not page furniture."""
    ends = page_ends(lines, tables)
    furniture = page_numbers(ends) | running_lines(ends, {line.page for line in lines}, tables)
    return [line for line in lines if id(line) not in furniture]


def page_ends(lines: list[TextLine], tables: dict[int, list[tuple[float, float]]]) -> list[TextLine]:
    """The first line of every page printed above its tables, and the last one printed below them
    (a line right above a page's only table is its heading, not a footer)."""
    by_page: dict[int, list[TextLine]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    ends = []
    for page, page_lines in by_page.items():
        ordered = sorted(page_lines, key=lambda ln: ln.top)
        boxes = tables.get(page, [])
        first, last = ordered[0], ordered[-1]
        ends += [first] if all(first.bottom <= top + 1 for top, _ in boxes) else []
        ends += [last] if last is not first and all(last.top >= bottom - 1 for _, bottom in boxes) else []
    return ends


def page_numbers(ends: list[TextLine]) -> set[int]:
    return {id(line) for line in ends
            if PAGE_NUMBER.match(line.text) or PAGE_NUMBER_WORDS.match(line.text.strip())}


def running_lines(ends: list[TextLine], pages: set[int], tables: dict[int, list[tuple[float, float]]]) -> set[int]:
    """The page ends printed alike on many pages; a unit or department line (部门名称：… 单位：万元,
    the same above every table) is a table's heading, never furniture."""
    groups: dict[str, list[TextLine]] = defaultdict(list)
    for line in ends:
        key = label_key(line.text)
        if key and not UNIT.search(line.text) and not DEPARTMENT.search(line.text):
            groups[key].append(line)
    furniture: set[int] = set()
    for printings in groups.values():
        heights = sorted(ln.top for ln in printings)
        few = len({ln.page for ln in printings}) < max(MIN_PAGES, len(pages) / 2)
        if few or heights[-1] - heights[0] > SAME_HEIGHT:
            continue
        first = min(printings, key=lambda ln: ln.page)
        titles_a_table = label_key(first.text).endswith("表") and any(
            top > first.top for top, _ in tables.get(first.page, []))
        furniture |= {id(ln) for ln in printings if not (ln is first and titles_a_table)}
    return furniture
