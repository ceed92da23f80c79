"""Load and validate the TOML table specs: title pattern, header labels -> canonical keys, row kinds.

A spec file describes one template (e.g. henan_budget_15); adding a province's variant means
adding a file here, not code. Generic templates (national_*.toml) describe the national standard's
kinds with "@concept" labels from vocabulary.toml. Unknown keys are rejected with the file and key named.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SPEC_DIR = Path(__file__).parent
VOCABULARY_FILE = "vocabulary.toml"
COLUMN_KINDS = {"text", "code", "amount"}
TEMPLATE_KEYS = {"template", "document_kind", "scope", "scope_patterns", "detect", "tables", "generic"}
TABLE_KEYS = {"id", "title", "columns", "row_kinds", "fill_down", "page_break_fragments", "positional",
              "join_split_rows", "code_in_name", "required", "row_wise"}
COLUMN_KEYS = {"key", "kind", "labels"}
ROW_KIND_KEYS = {"kind", "when"}
CONCEPT = re.compile(r"@(\w+)")


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
    # a kind of the national standard: columns it does not know are kept as cells, not refused
    tolerant: bool = False
    # (code key, name key): a name printed with its code in front ("[301]工资福利支出") is split
    code_in_name: tuple[str, ...] = ()
    required: bool = True  # the disclosure rules ask every document for it (completeness)
    # may be printed transposed: its columns' labels down the first column, one column per fund
    row_wise: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)

    @property
    def cells_only(self) -> bool:
        """A kind recognised by its title whose columns no mart types: kept as long-format cells."""
        return not self.columns


@dataclass(frozen=True)
class TemplateSpec:
    template: str
    document_kind: str
    scope: str
    detect: tuple[re.Pattern[str], ...]
    tables: tuple[TableSpec, ...]
    scope_patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    generic: bool = False  # the national standard: titles normalised, headers read by vocabulary

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


def expand_labels(labels: list[str], vocabulary: dict[str, list[str]], where: str) -> tuple[str, ...]:
    """Replace each "@concept" (also inside a path: "收入/@amount") by the concept's labels."""
    expanded: list[str] = []
    for label in labels:
        match = CONCEPT.search(label)
        if not match:
            expanded.append(label)
            continue
        if match.group(1) not in vocabulary:
            raise SpecError(f"{where}: unknown concept {match.group(0)!r} (see {VOCABULARY_FILE})")
        expanded += [label[:match.start()] + term + label[match.end():] for term in vocabulary[match.group(1)]]
    return tuple(dict.fromkeys(expanded))


def parse_column(raw: dict, where: str, vocabulary: dict[str, list[str]]) -> ColumnSpec:
    reject_unknown(raw, COLUMN_KEYS, where)
    if raw.get("kind") not in COLUMN_KINDS:
        raise SpecError(f"{where}: kind must be one of {sorted(COLUMN_KINDS)}")
    labels = expand_labels(list(raw.get("labels", ())), vocabulary, where)
    if not labels:
        raise SpecError(f"{where}: a column needs at least one label")
    return ColumnSpec(raw["key"], raw["kind"], labels)


def title_pattern(raw: str | list[str], where: str) -> re.Pattern[str]:
    """One pattern for a title or a list of alternative titles."""
    titles = [raw] if isinstance(raw, str) else list(raw)
    if not titles:
        raise SpecError(f"{where}: a table needs a title")
    return re.compile("|".join(f"(?:{t})" for t in titles))


def parse_row_kind(raw: dict, keys: set[str], where: str) -> RowKindRule:
    reject_unknown(raw, ROW_KIND_KEYS, where)
    unknown = sorted(set(raw.get("when", {})) - keys)
    if unknown:
        raise SpecError(f"{where}: row kind tests unknown column {unknown[0]!r}")
    when = tuple((key, re.compile(pattern)) for key, pattern in raw.get("when", {}).items())
    return RowKindRule(raw["kind"], when)


def parse_table(raw: dict, where: str, vocabulary: dict[str, list[str]], generic: bool = False) -> TableSpec:
    reject_unknown(raw, TABLE_KEYS, where)
    where = f"{where} table {raw.get('id')!r}"
    columns = tuple(
        parse_column(c, f"{where} column {i}", vocabulary) for i, c in enumerate(raw.get("columns", []))
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
    code_in_name = tuple(raw.get("code_in_name", ()))
    if code_in_name and (len(code_in_name) != 2 or set(code_in_name) - keys):
        raise SpecError(f"{where}: code_in_name names a code column and a name column of the table")
    return TableSpec(raw["id"], title_pattern(raw.get("title", []), where), columns, rules, fill_down,
                     bool(raw.get("page_break_fragments", True)), bool(raw.get("positional", False)),
                     bool(raw.get("join_split_rows", False)), tolerant=generic, code_in_name=code_in_name,
                     required=bool(raw.get("required", not generic)), row_wise=bool(raw.get("row_wise", False)))


def parse_template(raw: dict, where: str, vocabulary: dict[str, list[str]] | None = None) -> TemplateSpec:
    reject_unknown(raw, TEMPLATE_KEYS, where)
    generic = bool(raw.get("generic", False))
    tables = tuple(parse_table(t, where, vocabulary or {}, generic) for t in raw.get("tables", []))
    return TemplateSpec(
        raw["template"], raw["document_kind"], raw["scope"],
        tuple(re.compile(p) for p in raw.get("detect", [])), tables,
        tuple((scope, re.compile(p)) for scope, p in raw.get("scope_patterns", {}).items()),
        generic,
    )


def read_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        try:
            return tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise SpecError(f"{path.name}: {error}") from error


@cache
def load_templates(spec_dir: Path = SPEC_DIR) -> tuple[TemplateSpec, ...]:
    """Return every template spec in `spec_dir`, validated; raise SpecError on a bad file."""
    vocabulary_path = spec_dir / VOCABULARY_FILE
    vocabulary = read_toml(vocabulary_path).get("concepts", {}) if vocabulary_path.exists() else {}
    return tuple(parse_template(read_toml(path), path.name, vocabulary)
                 for path in sorted(spec_dir.glob("*.toml")) if path.name != VOCABULARY_FILE)


def generic_template(document_kind: str) -> TemplateSpec | None:
    """The national standard's template for a document kind (budget / final_accounts)."""
    return next((t for t in load_templates() if t.generic and t.document_kind == document_kind), None)
