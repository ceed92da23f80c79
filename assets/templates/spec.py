"""Load and validate the TOML table specs: title pattern, header labels -> canonical keys, row kinds.

A spec file describes one template (e.g. henan_budget_15); adding a province's variant means
adding a file here, not code. Unknown keys are rejected with the file and key named.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SPEC_DIR = Path(__file__).parent
COLUMN_KINDS = {"text", "code", "amount"}
TEMPLATE_KEYS = {"template", "document_kind", "scope", "scope_patterns", "detect", "tables"}
TABLE_KEYS = {"id", "title", "columns", "row_kinds", "fill_down", "page_break_fragments", "positional",
              "join_split_rows"}
COLUMN_KEYS = {"key", "kind", "labels"}
ROW_KIND_KEYS = {"kind", "when"}


class SpecError(ValueError):
    """A spec file that does not follow the model; the message names file and key."""


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    kind: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class RowKindRule:
    kind: str
    when: tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True)
class TableSpec:
    id: str
    title: re.Pattern[str]
    columns: tuple[ColumnSpec, ...]
    row_kinds: tuple[RowKindRule, ...]
    fill_down: tuple[str, ...]
    page_break_fragments: bool
    positional: bool = False  # a form without a header row: columns are taken in order
    # side-by-side lists whose rows do not line up: grid rows tied by a merged cell are one row
    join_split_rows: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)


@dataclass(frozen=True)
class TemplateSpec:
    template: str
    document_kind: str
    scope: str
    detect: tuple[re.Pattern[str], ...]
    tables: tuple[TableSpec, ...]
    scope_patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def scope_of(self, titles: list[str]) -> str:
        """Return the scope a table title names (e.g. 预算单位 -> unit), else the default."""
        for scope, pattern in self.scope_patterns:
            if any(pattern.search(title) for title in titles):
                return scope
        return self.scope


def reject_unknown(found: dict, allowed: set[str], where: str) -> None:
    """Raise SpecError naming the first key of `found` that `allowed` lacks."""
    unknown = sorted(set(found) - allowed)
    if unknown:
        raise SpecError(f"{where}: unknown key {unknown[0]!r} (allowed: {sorted(allowed)})")


def parse_column(raw: dict, where: str) -> ColumnSpec:
    reject_unknown(raw, COLUMN_KEYS, where)
    if raw.get("kind") not in COLUMN_KINDS:
        raise SpecError(f"{where}: kind must be one of {sorted(COLUMN_KINDS)}")
    labels = tuple(raw.get("labels", ()))
    if not labels:
        raise SpecError(f"{where}: a column needs at least one label")
    return ColumnSpec(raw["key"], raw["kind"], labels)


def parse_row_kind(raw: dict, keys: set[str], where: str) -> RowKindRule:
    reject_unknown(raw, ROW_KIND_KEYS, where)
    unknown = sorted(set(raw.get("when", {})) - keys)
    if unknown:
        raise SpecError(f"{where}: row kind tests unknown column {unknown[0]!r}")
    when = tuple((key, re.compile(pattern)) for key, pattern in raw.get("when", {}).items())
    return RowKindRule(raw["kind"], when)


def parse_table(raw: dict, where: str) -> TableSpec:
    reject_unknown(raw, TABLE_KEYS, where)
    where = f"{where} table {raw.get('id')!r}"
    columns = tuple(
        parse_column(c, f"{where} column {i}") for i, c in enumerate(raw.get("columns", []))
    )
    keys = {c.key for c in columns}
    if len(keys) != len(columns):
        raise SpecError(f"{where}: duplicate column keys")
    rules = tuple(
        parse_row_kind(r, keys, f"{where} row_kind {i}")
        for i, r in enumerate(raw.get("row_kinds", []))
    )
    fill_down = tuple(raw.get("fill_down", ()))
    if set(fill_down) - keys:
        raise SpecError(f"{where}: fill_down names unknown columns {sorted(set(fill_down) - keys)}")
    return TableSpec(raw["id"], re.compile(raw["title"]), columns, rules, fill_down,
                     bool(raw.get("page_break_fragments", True)), bool(raw.get("positional", False)),
                     bool(raw.get("join_split_rows", False)))


def parse_template(raw: dict, where: str) -> TemplateSpec:
    reject_unknown(raw, TEMPLATE_KEYS, where)
    tables = tuple(parse_table(t, where) for t in raw.get("tables", []))
    return TemplateSpec(
        raw["template"], raw["document_kind"], raw["scope"],
        tuple(re.compile(p) for p in raw.get("detect", [])), tables,
        tuple((scope, re.compile(p)) for scope, p in raw.get("scope_patterns", {}).items()),
    )


@cache
def load_templates(spec_dir: Path = SPEC_DIR) -> tuple[TemplateSpec, ...]:
    """Return every template spec in `spec_dir`, validated; raise SpecError on a bad file."""
    templates = []
    for path in sorted(spec_dir.glob("*.toml")):
        with path.open("rb") as handle:
            try:
                raw = tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise SpecError(f"{path.name}: {error}") from error
        templates.append(parse_template(raw, path.name))
    return tuple(templates)
