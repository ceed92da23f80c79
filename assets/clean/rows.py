"""Body rows of a logical table -> typed rows: join page-break fragments, classify row kinds,
fill merged labels down, and parse codes, names and amounts.

Every row keeps the page and grid row it came from; repairs never invent a value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from assets.clean.grid import PageGrid
from assets.clean.headers import is_column_number_row
from assets.clean.numbers import AmountError, is_number, parse_amount
from assets.clean.text import join_wrapped_lines, map_radicals
from assets.templates.spec import TableSpec

Value = str | Decimal | None
DEFAULT_KIND = "item"
# "[301]工资福利支出", "2010301 行政运行", "30101基本工资": a classification code before the name
CODE = re.compile(r"^\d{3,}$")
CODE_KEYS = ("function_code", "dept_econ_code", "econ_code")  # one-cell classification codes
LEVELED_KINDS = {DEFAULT_KIND, "class", "kind"}
NAME_KEYS = ("name", "econ_name", "dept_econ_name", "gov_econ_name")  # a classification's label column
INDENT_TOLERANCE = 2.0  # points: offsets this close are one indentation step
MAX_DEPTH, MAX_FIRST_INDENT = 4, 12.0  # 类/款/项 (+ one); the least indented label sits by the rule
SPLIT_CODE_KEYS = ("func_class", "func_kind", "func_item")
CODE_BEFORE_NAME = re.compile(r"^[\[【(（]?(\d{3}(?:\d{2}){0,2})[\]】)）]?[\s\-－—]*(\D.*)$")


@dataclass(frozen=True)
class RawRow:
    """One body row as printed: key -> cell text, with the page and grid row it came from."""

    page: int
    source_row: int
    texts: dict[str, str]
    first_on_page: bool
    indents: dict[str, float] = field(default_factory=dict)  # key -> the text's distance from its left rule


@dataclass(frozen=True)
class CleanRow:
    """One typed row: `values` maps canonical keys to str (text/code), Decimal or None."""

    row_index: int
    kind: str
    page: int
    source_row: int
    values: dict[str, Value]


def grid_body_rows(grid: PageGrid, body_start: int, mapping: dict[int, str],
                   label_cells: frozenset[int] = frozenset()) -> list[RawRow]:
    """Given a page table, the first body row and the column mapping, return its body rows;
    `label_cells` of the first body row are header labels printed in it, read as blank."""
    rows = []
    for r in range(body_start, len(grid.texts)):
        texts = {key: "" if r == body_start and c in label_cells else grid.texts[r][c]
                 for c, key in mapping.items()}
        indents = {key: grid.indent(r, c) for c, key in mapping.items()}
        rows.append(RawRow(grid.page, r, texts, r == body_start, indents))
    return rows


def clean_text(text: str, kind: str) -> str:
    """Given a cell's printed text and its column kind, return the repaired text ("" if blank)."""
    if kind == "code":
        return "".join(map_radicals(text).split())
    return join_wrapped_lines(text)


def is_fragment(row: RawRow, spec: TableSpec) -> bool:
    """True for a row holding only a name piece: no code, no amount (a row cut by a page break)."""
    kinds = {c.key: c.kind for c in spec.columns}
    filled = [key for key, text in row.texts.items() if text.strip()]
    return bool(filled) and all(kinds[key] == "text" for key in filled)


def join_fragment(upper: RawRow, lower: RawRow) -> RawRow:
    """Join two pieces of one printed row: text cells concatenated, other cells from either."""
    texts = {}
    for key in upper.texts:
        a, b = upper.texts[key].strip(), lower.texts[key].strip()
        texts[key] = a + "\n" + b if a and b else a or b
    return replace(upper, texts=texts)


def merge_page_break_fragments(rows: list[RawRow], spec: TableSpec) -> list[RawRow]:
    """Join a name fragment at the top of a page to the row above, or one at the foot of a page
    to the row below, so a row cut by a page break becomes one row again."""
    merged: list[RawRow] = []
    for row in rows:
        if row.first_on_page and merged and is_fragment(row, spec):
            merged[-1] = join_fragment(merged[-1], row)
        elif row.first_on_page and merged and is_fragment(merged[-1], spec):
            merged[-1] = join_fragment(merged[-1], replace(row, first_on_page=False))
            merged[-1] = replace(merged[-1], page=row.page, source_row=row.source_row)
        else:
            merged.append(row)
    return merged


def inherit_class(texts: dict[str, str], last_class: str) -> dict[str, str]:
    """A 款 or 项 row printed under its 类 without repeating it ("| 40 |" under "201"): its 类 is
    the last one printed above."""
    if texts.get("func_class") or not (texts.get("func_kind") or texts.get("func_item")) or not last_class:
        return texts
    return {**texts, "func_class": last_class}


def join_merged_code(texts: dict[str, str]) -> dict[str, str]:
    """One code cell merged across the 类 / 款 / 项 columns reads the same in all three ("205 |
    205 | 205"): it is the one-cell code."""
    parts = [texts.get(key, "") for key in SPLIT_CODE_KEYS]
    if parts[0] and parts.count(parts[0]) == len(parts) and CODE.match(parts[0]):
        return {**texts, "function_code": parts[0], **dict.fromkeys(SPLIT_CODE_KEYS, "")}
    return texts


def split_code_from_name(texts: dict[str, str], spec: TableSpec) -> dict[str, str]:
    """Where the spec says names carry their code and no code column was printed, split it off."""
    if not spec.code_in_name:
        return texts
    code_key, name_key = spec.code_in_name
    match = CODE_BEFORE_NAME.match(texts.get(name_key, ""))
    if texts.get(code_key) or not match:
        return texts
    return {**texts, code_key: match.group(1), name_key: match.group(2).strip()}


def row_kind(texts: dict[str, str], spec: TableSpec) -> str:
    """Return the kind of the first spec rule whose every pattern matches the row, else 'item'."""
    folded = {key: "".join(text.split()) for key, text in texts.items()}  # "合 计" is 合计
    for rule in spec.row_kinds:
        if all(pattern.search(folded.get(key, "")) for key, pattern in rule.when):
            return rule.kind
    return DEFAULT_KIND


def type_values(texts: dict[str, str], spec: TableSpec, where: str, issues: list[str]) -> dict[str, Value]:
    """Parse each cell by its column kind; an unparsable amount becomes None and an issue. One
    merged cell read into a text and an amount column belongs to one of them: a label
    ("支出合计" over 项目 | 金额) to the text column, a number to the amount column."""
    values: dict[str, Value] = {}
    labels = {t for c in spec.columns if c.kind == "text" and not is_number(t := texts.get(c.key, ""))}
    numbers = {t for c in spec.columns if c.kind == "amount" and is_number(t := texts.get(c.key, ""))}
    for column in spec.columns:
        text = texts.get(column.key, "")
        if column.kind != "amount":
            values[column.key] = None if text in numbers and column.kind == "text" else (text or None)
            continue
        if text in labels:
            values[column.key] = None
            continue
        try:
            values[column.key] = parse_amount(text)
        except AmountError as error:
            issues.append(f"{where} column {column.key}: {error}")
            values[column.key] = None
    return values


def rows_to_clean_rows(rows: list[RawRow], spec: TableSpec | None) -> tuple[list[CleanRow], list[str]]:
    """Given a table's raw body rows and its spec (None: unknown table), return typed rows and issues."""
    if spec is None:
        return [
            CleanRow(i, "raw", row.page, row.source_row,
                     {k: join_wrapped_lines(v) or None for k, v in row.texts.items()})
            for i, row in enumerate(rows)
        ], []
    if spec.page_break_fragments:
        rows = merge_page_break_fragments(rows, spec)
    kinds = {c.key: c.kind for c in spec.columns}
    issues: list[str] = []
    clean: list[CleanRow] = []
    indents: list[dict[str, float]] = []
    previous: dict[str, str] = {}
    last_class = ""
    for row in rows:
        texts = {key: clean_text(text, kinds[key]) for key, text in row.texts.items()}
        if spec.tolerant and "function_code" in kinds:
            texts = inherit_class(join_merged_code(texts), last_class)
            last_class = texts["func_class"] if re.fullmatch(r"\d{3}", texts.get("func_class", "")) else last_class
        texts = split_code_from_name(texts, spec)
        if not any(texts.values()) or is_column_number_row(tuple(row.texts.values())):
            continue
        kind = row_kind(texts, spec)
        if kind == DEFAULT_KIND:
            for key in spec.fill_down:
                texts[key] = texts.get(key) or previous.get(key, "")
            previous = texts
        where = f"page {row.page} row {row.source_row}"
        clean.append(CleanRow(len(clean), kind, row.page, row.source_row,
                              type_values(texts, spec, where, issues)))
        indents.append(row.indents)
    if not spec.tolerant:
        return clean, issues
    return level_by_indent(level_by_code(clean, spec), indents, spec), issues


def level_by_indent(rows: list[CleanRow], indents: list[dict[str, float]], spec: TableSpec) -> list[CleanRow]:
    """A names-only table (no code printed) shows its levels by indentation (杭州: 一般公共服务支出 /
    ␣其他一般公共服务支出 / ␣␣其他…): a row heads the next row when the next is indented deeper
    (the least indented: class; deeper: kind), the others are items. Only where the label column
    is left-aligned in a few indentation steps: centred labels give as many offsets as lengths."""
    key = next((c.key for c in spec.columns if c.key in NAME_KEYS and any(r.values.get(c.key) for r in rows)), None)
    if key is None or any(row.values.get(k) for row in rows for k in CODE_KEYS + SPLIT_CODE_KEYS):
        return rows
    leveled_rows = [i for i, row in enumerate(rows) if row.kind in LEVELED_KINDS and row.values.get(key)]
    steps = indent_steps([indents[i].get(key, 0.0) for i in leveled_rows])
    if steps is None:
        return rows
    depth = {i: steps(indents[i].get(key, 0.0)) for i in leveled_rows}
    out = list(rows)
    for n, i in enumerate(leveled_rows):
        following = depth[leveled_rows[n + 1]] if n + 1 < len(leveled_rows) else -1
        heads = following > depth[i]
        out[i] = replace(rows[i], kind=("class" if depth[i] == 0 else "kind") if heads else DEFAULT_KIND)
    return out


def indent_steps(offsets: list[float]):
    """Given the label offsets of a table's rows, return offset -> depth (0, 1, 2 …) when they
    fall on 2 to MAX_DEPTH distinct steps with the least near the left rule; else None."""
    levels: list[float] = []
    for offset in sorted(offsets):
        if not levels or offset - levels[-1] > INDENT_TOLERANCE:
            levels.append(offset)
    if not 2 <= len(levels) <= MAX_DEPTH or levels[0] > MAX_FIRST_INDENT:
        return None
    return lambda offset: max(d for d, level in enumerate(levels) if offset >= level - INDENT_TOLERANCE)


def level_by_code(rows: list[CleanRow], spec: TableSpec) -> list[CleanRow]:
    """A kind of the national standard printed with one code column: a row whose code is the
    prefix of the next row's code heads it (类 3 digits: class; longer: kind), the others are
    items, whatever depth a province prints (30103 over 3010302)."""
    key = next((c.key for c in spec.columns if c.key in CODE_KEYS), None)
    codes = [str(r.values.get(key) or "") for r in rows] if key else []
    if not any(CODE.match(code) for code in codes):
        return rows
    leveled = []
    for i, row in enumerate(rows):
        code = codes[i]
        following = next((c for c in codes[i + 1:] if CODE.match(c)), "")  # past a 合计 repeated on a page
        if row.kind in LEVELED_KINDS and CODE.match(code):
            heads = following.startswith(code) and len(following) > len(code)
            row = replace(row, kind=("class" if len(code) == 3 else "kind") if heads else DEFAULT_KIND)
        leveled.append(row)
    return leveled
