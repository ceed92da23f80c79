"""Page tables -> logical tables: classify each by its title, chain continuation pages, drop
repeated headers, and turn body rows into typed rows with canonical keys and provenance.

The row-level repairs (page-break fragments, fill-down, typing) live in clean/rows.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assets.clean.cells import TableCell, extra_cells, raw_rows_to_cells
from assets.clean.furniture import without_furniture
from assets.clean.continuation import carried_on, cut_label_keys, join_cut_labels
from assets.clean.document_facts import (cover_department, cover_year, document_year, form_department,
                                         form_year)
from assets.clean.grid import PageGrid, cells_to_grids, join_split_rows
from assets.clean.headers import Header, find_header
from assets.clean.headings import (DEPARTMENT, UNIT, Heading, grid_heading, heading_row_lines, is_heading_row,
                                   make_heading, split_at_inner_titles, split_inner_heading)
from assets.clean.narrative import NarrativeFigure, document_figures, prose_boxes
from assets.clean.recognition import (Recognition, normalise_title, reading_template, recognise,
                                      template_titles)
from assets.clean.rows import CleanRow, RawRow, grid_body_rows, rows_to_clean_rows
from assets.clean.text import join_wrapped_lines, label_key
from assets.extract.model import ExtractedDocument, TextLine
from assets.templates.spec import TableSpec, TemplateSpec, load_templates

UNCLASSIFIED = "unclassified"
MIN_LISTED_TITLES = 6
HEADER_UNIT = re.compile(r"[（(](万元|元)[)）]")


class NoBudgetTables(Exception):
    """A readable PDF in which no table matches any known template."""


@dataclass(frozen=True)
class CleanTable:
    """One logical table of a document, possibly spanning pages, with typed rows."""

    table_id: str
    printed_code: str | None
    title: str
    unit: str | None
    department: str | None
    pages: tuple[int, ...]
    note: str
    columns: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[CleanRow, ...]
    issues: tuple[str, ...] = ()
    confidence: float = 0.0  # how sure the kind is (1.0: a province spec read it exactly)
    why: str = ""  # the evidence: title, columns mapped, runner-up
    cells: tuple[TableCell, ...] = ()  # cells no typed column holds (see table_cells)
    typed: bool = True  # False: unknown, or a kind kept as cells only


@dataclass(frozen=True)
class CleanDocument:
    """Every table of one document plus what the document says about itself."""

    template: str
    document_kind: str
    scope: str
    department: str | None
    fiscal_year: int | None
    tables: tuple[CleanTable, ...]
    figures: tuple[NarrativeFigure, ...] = ()


@dataclass
class TableDraft:
    """A logical table being assembled page by page."""

    spec: TableSpec | None
    heading: Heading
    title: str
    columns: tuple[tuple[float, float], ...]
    mapping: dict[int, str]
    header_unit: str | None = None
    raw_rows: list[RawRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0
    why: str = ""
    extras: tuple[tuple[int, str], ...] = ()  # columns kept as cells: (grid column, label path)
    cells: list[TableCell] = field(default_factory=list)
    typed: bool = False  # a header mapped the columns onto the spec's keys
    cut_labels: frozenset[str] = frozenset()  # label columns the last page's break cut
    header_rows: tuple[tuple[str, ...], ...] = ()  # the first page's header, as printed


def choose_template(grids: list[PageGrid], headings: list[Heading], lines: list[TextLine]) -> TemplateSpec:
    """Return the template whose table titles match the most page-table headings; on a tie, the
    one whose `detect` patterns (e.g. 公开\\d{2}表) the headings show most, then a province's
    template before the national standard. A PDF without tables (the narrative half of a
    disclosure printed as two PDFs) takes the template whose table titles its text lists (the
    目录), if it lists at least MIN_LISTED_TITLES of them."""
    def score(template: TemplateSpec) -> tuple[int, int, bool]:
        marks = sum(any(p.search(h.key) for h in headings) for p in template.detect)
        return template_titles(headings, template), marks, not template.generic

    best = max(load_templates(), key=score)
    if grids and score(best)[0] > 0:
        return best
    listed = narrative_template(lines)
    if listed is not None:
        return listed
    raise NoBudgetTables(
        f"no budget table found ({len(grids)} ruled tables, none titled like a known "
        "template): is this a budget disclosure? add a template spec if it is"
    )


def narrative_template(lines: list[TextLine]) -> TemplateSpec | None:
    """The template whose table titles a table-less document lists, or None."""
    keys = [label_key(line.text) for line in lines]
    titles = [normalise_title(line.text) for line in lines]

    def listed(template: TemplateSpec) -> int:
        texts = titles if template.generic else keys
        return sum(any(spec.title.search(text) for text in texts) for spec in template.tables)

    best = max(load_templates(), key=lambda t: (listed(t) >= MIN_LISTED_TITLES, not t.generic, listed(t)))
    return best if listed(best) >= MIN_LISTED_TITLES else None


def title_line(heading: Heading, spec: TableSpec | None) -> str:
    """Return the printed title: the heading line the spec matched (one line of a cell that
    also holds the 部门 line, or a title wrapped over two lines), else the last heading line that
    is not a unit or department line ("单位：万元" is never a title)."""
    parts = [part for line in heading.lines for part in line.split("\n") if part.strip()]
    candidates = parts + [join_wrapped_lines(line) for line in heading.lines]
    for line in candidates:
        key = normalise_title(line) if spec and spec.tolerant else label_key(line)
        if spec and spec.title.search(key):
            return line.strip()
    named = [part for part in parts if not UNIT.search(part) and not DEPARTMENT.search(part)]
    return named[-1].strip() if named else ""


def evidence(found: Recognition | None, grid: PageGrid) -> str:
    """What the table's kind was recognised by, and how it was read where not from ruled cells."""
    parts = [found.why] if found and found.why else []
    return "; ".join(parts + ([] if grid.ruled else ["printed without ruling lines"]))


def start_draft(grid: PageGrid, heading: Heading, found: Recognition | None) -> TableDraft:
    """Open a new logical table at `grid` with the header its recognition read; a table of no
    known kind, or of a kind kept as cells, keeps every row as raw text, columns c0..cn."""
    spec, header = (found.spec, found.header) if found else (None, None)
    typed = header is not None
    if header is None:  # its kind's name kept (a title its header did not confirm), rows as text
        header = Header(0, {c: f"c{c}" for c in range(grid.n_cols)})
    draft = TableDraft(spec, heading, title_line(heading, spec), grid.columns, header.mapping,
                       header_unit=header_unit(grid.texts[:header.body_start] or grid.texts),
                       confidence=found.confidence if found else 0.0, why=evidence(found, grid),
                       extras=header.extras, typed=typed, header_rows=tuple(grid.texts[:header.body_start]))
    add_page(draft, grid, header, heading)
    return draft


def header_unit(header_rows) -> str | None:
    """The unit a header label names ("项目金额（万元）") for tables printed without a 单位 line."""
    for text in (t for row in header_rows for t in row):
        match = HEADER_UNIT.search(text)
        if match:
            return match.group(1)
    return None


def add_page(draft: TableDraft, grid: PageGrid, header: Header, heading: Heading) -> None:
    if draft.typed and draft.spec.join_split_rows:
        grid = join_split_rows(grid, header.body_start)
    rows = grid_body_rows(grid, header.body_start, draft.mapping, header.label_cells)
    draft.raw_rows[:], rows = join_cut_labels(draft.raw_rows, rows, draft.cut_labels)
    draft.raw_rows.extend(rows)
    draft.cells.extend(extra_cells(grid, header.body_start, draft.extras))
    draft.cut_labels = cut_label_keys(grid, draft.mapping, draft.spec)
    draft.pages.append(grid.page)
    draft.notes.extend(heading.notes)


def repeats_title(draft: TableDraft | None, grid: PageGrid, found: Recognition | None) -> bool:
    """True when a page table titled again on the next page carries the same table on (some
    producers print title and header on every page): same kind, same column mapping."""
    return (draft is not None and found is not None and found.header is not None
            and draft.spec is found.spec and draft.mapping == found.header.mapping
            and grid.page == draft.pages[-1] + 1)


def continuation_grid(draft: TableDraft | None, grid: PageGrid, heading: Heading,
                      spec: TableSpec | None) -> PageGrid | None:
    """Return the grid cut to the previous table's columns when this page table carries that
    table on (clean/continuation.py), else None. A table goes on onto the next page only: pages
    between (text, other forms) end it."""
    if draft is None or grid.page != draft.pages[-1] + 1:
        return None
    return carried_on(draft.columns, draft.spec, draft.heading.printed_code, grid, heading, spec)


def repeated_header(draft: TableDraft, grid: PageGrid) -> Header:
    """Return the header a continuation page repeats (none: the body starts at its top row). It
    repeats the first page's header rows and no more: rows of names without amounts under it
    ("三十二、债务付息支出" at the top of the page) are body rows, not more header."""
    header = find_header(grid, draft.spec) if draft.typed else None
    if not header or header.mapping != draft.mapping:
        return Header(0, draft.mapping)
    repeated = 0
    while repeated < header.body_start and tuple(grid.texts[repeated]) in draft.header_rows:
        repeated += 1
    if 0 < repeated < header.body_start:  # the labels printed in the totals row are further down
        return replace(header, body_start=repeated, label_cells=frozenset())
    return header


def draft_to_table(draft: TableDraft) -> CleanTable:
    """Close a draft: repair and type its rows."""
    spec = draft.spec
    typed = spec if draft.typed else None
    rows, issues = rows_to_clean_rows(draft.raw_rows, typed)
    if typed and typed.tolerant:  # only the columns printed (or split off a name): others read NULL
        printed = set(draft.mapping.values()) | {k for row in rows for k, v in row.values.items() if v is not None}
        columns = tuple(c for c in typed.columns if c.key in printed)
    else:
        columns = typed.columns if typed else ()
    keys = tuple(c.key for c in columns) if typed else tuple(draft.mapping.values())
    kinds = tuple(c.kind for c in columns) if typed else tuple("text" for _ in keys)
    return CleanTable(
        table_id=spec.id if spec else UNCLASSIFIED,
        printed_code=draft.heading.printed_code,
        title=join_wrapped_lines(draft.title),
        unit=draft.heading.unit or draft.header_unit,
        department=draft.heading.department,
        pages=tuple(dict.fromkeys(draft.pages)),
        note=" ".join(draft.notes),
        columns=keys, kinds=kinds, rows=tuple(rows), issues=tuple(issues),
        confidence=draft.confidence, why=draft.why,
        cells=tuple(draft.cells) if typed else tuple(raw_rows_to_cells(tuple(rows))), typed=bool(typed),
    )


def document_to_tables(document: ExtractedDocument) -> CleanDocument:
    """Given an extracted document, return its logical tables, classified and typed."""
    table_cells, _ = prose_boxes(document.cells)  # a ruled box of prose is narrative, not a table
    grids = [part for grid in cells_to_grids(table_cells) for part in split_at_inner_titles(grid)]
    boxes: dict[int, list[tuple[float, float]]] = {}
    for grid in grids:
        boxes.setdefault(grid.page, []).append((grid.top, grid.bottom))
    lines = without_furniture(list(document.lines), boxes)  # running headers and page numbers
    split = [split_inner_heading(g, grid_heading(grids, i, lines)) for i, g in enumerate(grids)]
    grids, headings = attach_title_boxes([g for g, _ in split], [h for _, h in split])
    template = choose_template(grids, headings, lines)
    drafts: list[TableDraft] = []
    recognised: list[Recognition] = []
    for grid, heading in zip(grids, headings, strict=True):
        found = recognise(grid, heading, template)
        recognised += [found] if found else []
        grid = found.grid if found and found.grid is not None else grid
        current = drafts[-1] if drafts else None
        aligned = continuation_grid(current, grid, heading, found.spec if found else None)
        if aligned is not None:
            add_page(current, aligned, repeated_header(current, aligned), heading)
        elif repeats_title(current, grid, found):
            add_page(current, grid, found.header, heading)
        else:
            drafts.append(start_draft(grid, heading, found))
    tables = keep_one_printing(tuple(draft_to_table(d) for d in drafts))
    template = reading_template(template, recognised)
    return CleanDocument(
        template.template, template.document_kind,
        template.scope_of([label_key(t.title) for t in tables if t.table_id != UNCLASSIFIED]),
        department=next((t.department for t in tables if t.department), None)
        or cover_department(lines) or form_department(grids),
        fiscal_year=document_year([t.title for t in tables]) or cover_year(lines) or form_year(grids)
        or document_year([line for d in drafts if d.typed for line in d.heading.lines]),  # "2023年" above a title
        tables=tables,
        figures=tuple(document_figures(lines, document.cells)),
    )


def keep_one_printing(tables: tuple[CleanTable, ...]) -> tuple[CleanTable, ...]:
    """A table printed twice in one document (a producer's broken first rendering, then the
    whole table again) is loaded once: the printing with the most rows, later on a tie. The
    other printing is named in the kept table's issues, so nothing is dropped silently."""
    printings: dict[str, list[CleanTable]] = {}
    for table in tables:
        if table.typed:  # forms kept as cells (one per project) are each their own
            printings.setdefault(table.table_id, []).append(table)
    result = []
    for table in tables:
        same = printings.get(table.table_id, [table])
        kept = max(same, key=lambda t: (len(t.rows), t.pages[-1]))
        if table is kept:
            others = [t for t in same if t is not kept]
            notes = tuple(f"also printed on page(s) {', '.join(map(str, t.pages))} with {len(t.rows)} rows: "
                          "that printing is not loaded" for t in others)
            result.append(replace(table, issues=table.issues + notes) if notes else table)
        elif not table.typed:
            result.append(table)
    return tuple(result)


def attach_title_boxes(grids: list[PageGrid], headings: list[Heading]) -> tuple[list[PageGrid], list[Heading]]:
    """A page table made only of title rows (a title and 部门/单位 line drawn in a box of their
    own) is the heading of the next page table: fold it into that one's heading."""
    kept_grids: list[PageGrid] = []
    kept_headings: list[Heading] = []
    pending: tuple[str, ...] = ()
    for grid, heading in zip(grids, headings, strict=True):
        if grid.texts and all(is_heading_row(row) for row in grid.texts):
            pending += heading.lines + tuple(heading_row_lines(grid.texts))
            continue
        if pending:
            heading = make_heading(pending + heading.lines, heading.notes)
            pending = ()
        kept_grids.append(grid)
        kept_headings.append(heading)
    return kept_grids, kept_headings
