"""Which kind of table a page table is: its title normalised, then every kind whose title fits
scored on its header, the best kept with its confidence and the runner-up named.

A province template's own table specs are tried first (they know their layout exactly); a
table they do not know, or whose header they cannot read, is looked up in the national standard.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assets.clean.grid import PageGrid, transpose
from assets.clean.headers import LIST_NUMBER, Header, find_header
from assets.clean.headings import DEPARTMENT, UNIT, Heading
from assets.clean.text import label_key
from assets.templates.titles import NUMBERING, TITLE_END, TRAILING_NUMBER
from assets.templates.spec import TableSpec, TemplateSpec, generic_template, load_templates

YEAR_PREFIX = re.compile(r"^20\d{2}年度?")
# the publishing body named before the year or before 部门/单位: "焦作市人民政府办公室2023年部门收支总表",
# "北京市审计局部门收支总表" (a name of 2-30 characters without digits, ending like a body's name)
BODY_PREFIX = re.compile(r"^[^\d表]{2,30}?(?:(?=20\d{2}年)"
                         r"|(?:局|委|办|院|厅|室|会|署|所|站|馆|中心|学校|大学)(?=部门|单位))")
# who publishes: 市级部门 / 部门综合预算 / 预算单位 … before the table's own name
SCOPE_PREFIX = re.compile(r"^(?:(?:省|市|区|县)级)?(?:部门综合预算|部门预算|预算单位|部门|单位)?")
MAX_TITLE_CHARS = 45
CELLS_ONLY_CONFIDENCE = 0.5  # a kind known by its title alone
MIN_ROW_WISE_LABELS = 3  # a table read transposed must name at least this many of its columns down its rows


@dataclass(frozen=True)
class Recognition:
    """The kind chosen for a page table, its header, and the evidence."""

    spec: TableSpec
    header: Header | None  # None: a kind kept as cells
    confidence: float
    why: str
    template: str  # whose spec it is: the province's, or the national standard
    grid: PageGrid | None = None  # the grid as read, where it is not the page's (a row-wise table transposed)


def normalise_title(line: str) -> str:
    """Given one heading line, return the table's name alone: no numbering, year, or 部门/单位 prefix."""
    key = label_key(line)
    for _ in range(3):  # numbering, year and prefix come in any order ("表1：2026年市级部门…")
        key = SCOPE_PREFIX.sub("", YEAR_PREFIX.sub("", BODY_PREFIX.sub("", NUMBERING.sub("", key))))
    return TRAILING_NUMBER.sub("", key)


def title_candidates(heading: Heading) -> list[str]:
    """The normalised titles a heading may carry: each line that names a table (…表), and two
    adjacent lines joined (a title wrapped, or its year printed on a line of its own)."""
    lines = [line for text in heading.lines for line in text.split("\n")
             if line.strip() and not UNIT.search(line) and not DEPARTMENT.search(line)]
    joined = [a + b for a, b in zip(lines, lines[1:], strict=False)]
    titles = [normalise_title(line) for line in lines + joined]
    return list(dict.fromkeys(t for t in titles if len(t) <= MAX_TITLE_CHARS and TITLE_END.search(t)))


def title_kinds(titles: list[str], template: TemplateSpec) -> list[TableSpec]:
    """The kinds of a generic template whose title patterns match one of the titles."""
    return [spec for spec in template.tables if any(spec.title.search(t) for t in titles)]


def score(grid: PageGrid, spec: TableSpec) -> tuple[float, Header | None, PageGrid | None]:
    """How well a kind reads this page table: its header's fit, or a title-only score; and the
    transposed grid where the kind is printed row-wise and only reads that way."""
    if spec.cells_only:
        return CELLS_ONLY_CONFIDENCE, None, None
    header = find_header(grid, spec)
    if header is None and spec.row_wise:
        turned = labels_unnumbered(transpose(grid))
        header = find_header(turned, spec)
        if header is not None and len(header.mapping) >= MIN_ROW_WISE_LABELS:
            return 0.5 + 0.5 * header.fit, header, turned
        return 0.0, None, None
    return (0.5 + 0.5 * header.fit, header, None) if header else (0.0, None, None)


def labels_unnumbered(turned: PageGrid) -> PageGrid:
    """A transposed grid whose labels (its first row, printed down a column as a list) lose their
    list numbers, so that they read as header labels."""
    if not turned.texts:
        return turned
    labels = tuple(LIST_NUMBER.sub("", text) for text in turned.texts[0])
    return replace(turned, texts=(labels, *turned.texts[1:]))


def recognise_generic(grid: PageGrid, heading: Heading, template: TemplateSpec) -> Recognition | None:
    """The best-scoring kind of the national standard for a titled page table, or None."""
    candidates = title_kinds(title_candidates(heading), template)
    scored = sorted(((*score(grid, spec), spec) for spec in candidates), key=lambda s: -s[0])
    if not scored:
        return None
    if scored[0][0] == 0:
        return Recognition(candidates[0], None, 0.0, f"title says {candidates[0].id}, header not read",
                           template.template)
    confidence, header, turned, spec = scored[0]
    why = f"title and {len(header.mapping)}/{len(header.mapping) + len(header.extras)} columns" if header \
        else "title only (kept as cells)"
    if turned is not None:
        why += ", printed row-wise"
    if len(scored) > 1:
        why += f"; runner-up {scored[1][3].id} ({scored[1][0]:.2f})"
    return Recognition(spec, header, round(confidence, 2), why, template.template, turned)


def recognise(grid: PageGrid, heading: Heading, template: TemplateSpec) -> Recognition | None:
    """The kind of a page table: the template's own spec when its title and header fit, else
    the national standard's best kind; None for an untitled or unknown table."""
    if template.generic:
        return recognise_generic(grid, heading, template)
    spec = match_spec(heading, template)
    header = find_header(grid, spec) if spec else None
    if header is not None:
        return Recognition(spec, header, 1.0, f"{template.template} spec", template.template)
    national = generic_template(template.document_kind)
    found = recognise_generic(grid, heading, national) if national else None
    if spec is not None and (found is None or found.header is None):  # its title, a header unread
        return Recognition(spec, None, 0.0, f"{template.template} title, header not read", template.template)
    return found


def match_spec(heading: Heading, template: TemplateSpec) -> TableSpec | None:
    """Return the table spec whose title pattern is found in the heading, longest title first."""
    hits = [spec for spec in template.tables if spec.title.search(heading.key)]
    return max(hits, key=lambda spec: len(spec.title.pattern), default=None)


def template_titles(headings: list[Heading], template: TemplateSpec) -> int:
    """How many headings name one of the template's tables."""
    if template.generic:
        return sum(bool(title_kinds(title_candidates(h), template)) for h in headings)
    return sum(match_spec(h, template) is not None for h in headings)


def reading_template(chosen: TemplateSpec, found: list[Recognition]) -> TemplateSpec:
    """The template that read most of the document's tables: the chosen province template, or
    the national standard when its kinds read more of them (a province not seen before)."""
    counts: dict[str, int] = {}
    for item in found:
        if item.header is not None:
            counts[item.template] = counts.get(item.template, 0) + 1
    if not counts or counts.get(chosen.template, 0) >= max(counts.values()):
        return chosen
    name = max(counts, key=counts.get)
    return next(t for t in load_templates() if t.template == name)
