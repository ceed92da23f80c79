"""The text printed around a page table: title, printed number, unit, department, and notes below.

Headings are the free lines between the previous table (or the page top) and the table; a
table with no title above it on its page is a continuation of the previous one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assets.clean.grid import PageGrid, collapse_split_columns
from assets.clean.text import label_key
from assets.extract.model import TextLine
from assets.templates.titles import ends_like_title, is_number_line

PRINTED_CODE = re.compile(r"(?:预算|公开|附表|表)(\d{1,2})表?")
UNIT = re.compile(r"单位[:：]\s*(万元|元)")
# "编制单位：焦作市人民政府办公室　金额单位：元": the unit named on the same line is not the department's
DEPARTMENT = re.compile(r"(?:部门名称|单位名称|编制部门|编制单位|(?m:^)部门)[:：]\s*(.+?)"
                        r"\s*(?:(?:金额|计量|货币)?单位[:：].*)?$")
# "第二部分 上海市普陀区财政局 2024 年度部门决算表": the part title above the first table names it too
PART_TITLE_DEPARTMENT = re.compile(
    r"^第[一二三四五六七八九十]部分\s*([^\d\s].*?)\s*(?:(?:20\d{2}\s*)?年度?)?(?:部门|单位)(?:预算|决算)")
NOTE_START = ("注", "备注", "说明", "（无", "(无", "（注", "(注")  # "（无政府性基金支出）" under an empty table
NOTE_LINE_GAP = 8.0  # points between lines of one note paragraph
MAX_INNER_HEADING_ROWS = 6


@dataclass(frozen=True)
class Heading:
    """What is printed above (and just below) one page table."""

    lines: tuple[str, ...]
    printed_code: str | None
    unit: str | None
    department: str | None
    notes: tuple[str, ...]

    @property
    def key(self) -> str:
        return label_key("".join(self.lines))


def lines_between(lines: list[TextLine], page: int, top: float, bottom: float) -> list[TextLine]:
    """Return the lines of `page` lying between the y positions `top` and `bottom`."""
    return [ln for ln in lines if ln.page == page and ln.top >= top - 1 and ln.bottom <= bottom + 1]


def grid_heading(grids: list[PageGrid], index: int, lines: list[TextLine]) -> Heading:
    """Given the page tables in order and one's index, return the heading printed around it."""
    grid = grids[index]
    previous = grids[index - 1] if index and grids[index - 1].page == grid.page else None
    following = grids[index + 1] if index + 1 < len(grids) and grids[index + 1].page == grid.page else None
    above = lines_between(lines, grid.page, previous.bottom if previous else 0, grid.top)
    if previous is None:
        above = title_left_on_previous_page(grids, index, lines) + above
    below = lines_between(lines, grid.page, grid.bottom, following.top if following else 1e9)
    return make_heading(tuple(line.text for line in above), notes_below(below))


def title_left_on_previous_page(grids: list[PageGrid], index: int, lines: list[TextLine]) -> list[TextLine]:
    """A table title printed at the foot of the previous page, its table starting on the next one:
    below the last table of the previous page (a page of tables), a title line (…表) followed by
    nothing but its unit and department lines, with up to two lines above it (its printed number);
    or the table's printed number alone."""
    page = grids[index].page - 1
    on_page = [g for g in grids[:index] if g.page == page]
    if not on_page:  # a page of text ending in "…表" is a 目录 or a 说明 heading ("（7）项目绩效目标表")
        return []
    after = lines_between(lines, page, on_page[-1].bottom, 1e9)
    end = len(after)
    while end and (UNIT.search(after[end - 1].text) or DEPARTMENT.search(after[end - 1].text)):
        end -= 1
    if end == len(after) and end and is_number_line(after[end - 1].text):  # its number alone: "表11"
        return after[end - 1:]
    if end == 0 or len(after) - end > 2 or not ends_like_title(label_key(after[end - 1].text)):
        return []
    return after[max(0, end - 3):]


def make_heading(texts: tuple[str, ...], notes: tuple[str, ...]) -> Heading:
    """Read printed number, unit and department out of heading lines."""
    return Heading(
        lines=texts,
        printed_code=first_match(PRINTED_CODE, [label_key(t) for t in texts]),
        unit=first_match(UNIT, texts),
        department=first_match(DEPARTMENT, texts) or first_match(PART_TITLE_DEPARTMENT, texts),
        notes=notes,
    )


def is_heading_row(texts: tuple[str, ...]) -> bool:
    """True for a grid row that is really title text: blank, one or two distinct labels that
    name a table (…表), a unit (单位：元) or a department (编制部门：…), or a department line cut
    into cells ("部门： | 江苏省人大常委会办公厅 | 单位：万元")."""
    distinct = distinct_texts(texts)
    if not distinct:
        return True
    if len(distinct) <= 2:
        return any(label_key(t).endswith("表") or UNIT.search(t) or DEPARTMENT.search(t) for t in distinct)
    return is_department_line(distinct)


def distinct_texts(texts: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def is_department_line(distinct: list[str]) -> bool:
    return (len(distinct) <= 4 and any(UNIT.search(t) for t in distinct)
            and any(re.match(r"(部门|单位名称|编制单位)\s*[:：]", t) for t in distinct))


def heading_row_lines(rows) -> list[str]:
    """The heading lines that title rows printed inside a ruling stand for: each distinct label,
    and a department line cut into cells as the one line it is."""
    lines: list[str] = []
    for row in rows:
        distinct = distinct_texts(row)
        lines.extend([" ".join(distinct)] if len(distinct) > 2 else distinct)
    return lines


def split_inner_heading(grid: PageGrid, heading: Heading) -> tuple[PageGrid, Heading]:
    """Some producers print the title and unit lines inside the table's ruling; move such top
    rows out of the grid into the heading."""
    count = 0
    while count < min(MAX_INNER_HEADING_ROWS, len(grid.texts)) and is_heading_row(grid.texts[count]):
        count += 1
    inner = heading_row_lines(grid.texts[:count])
    if not inner or count == len(grid.texts):
        return grid, heading
    trimmed = replace(grid, texts=grid.texts[count:], indents=grid.indents[count:],
                      origins=tuple(tuple((r - count, c) for r, c in row) for row in grid.origins[count:]))
    return trimmed, make_heading(heading.lines + tuple(inner), heading.notes)


INNER_TITLE = re.compile(r"(预算|决算).{0,12}表$")


def split_at_inner_titles(grid: PageGrid) -> list[PageGrid]:
    """Cut a page table where a row holds nothing but one table title (…表): some producers
    draw the next table in the same ruling (a one-column grid is a list, e.g. a 目录). The part
    below starts at the title row (its heading is read from it) and is placed at the grid's
    bottom, so no page text falls between."""
    cuts = [r for r in range(1, len(grid.texts))
            if grid.n_cols > 1 and is_title_row(grid.texts[r])]
    if not cuts:
        return [grid]
    parts, bounds = [], [0, *cuts, len(grid.texts)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        part = replace(grid, texts=grid.texts[start:end], indents=grid.indents[start:end],
                       origins=tuple(tuple((max(r - start, 0), c) for r, c in row)
                                     for row in grid.origins[start:end]),
                       open_foot=grid.open_foot if end == len(grid.texts) else frozenset())
        # the tables sharing one ruling have their own columns: regroup them per part
        parts.append(collapse_split_columns(part if start == 0 else replace(part, top=grid.bottom)))
    return parts


def is_title_row(texts: tuple[str, ...]) -> bool:
    distinct = distinct_texts(texts)
    return len(distinct) == 1 and bool(INNER_TITLE.search(label_key(distinct[0])))


def first_match(pattern: re.Pattern[str], texts: list[str] | tuple[str, ...]) -> str | None:
    """Return group 1 of the first text that `pattern` finds something in, else None."""
    for text in texts:
        match = pattern.search(text)
        if match:
            return match.group(1).strip()
    return None


def notes_below(lines: list[TextLine]) -> tuple[str, ...]:
    """Return the note paragraph printed under a table ("注：…"), joined into one string."""
    start = next((i for i, ln in enumerate(lines) if ln.text.lstrip().startswith(NOTE_START)), None)
    if start is None:
        return ()
    paragraph = [lines[start]]
    for line in lines[start + 1:]:
        if line.top - paragraph[-1].bottom > NOTE_LINE_GAP:
            break
        paragraph.append(line)
    return ("".join(ln.text.strip() for ln in paragraph),)
