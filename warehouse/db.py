"""Pure DuckDB helpers: expose the per-document Parquet files as views, run the SQL files in
dependency order, and drop what no model creates (warehouse/snapshot.py publishes the result).

Nothing here knows about Dagster; the assets call these functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from assets.audit.rules import load_rules
from assets.templates.spec import load_templates

SQL_DIR = Path(__file__).parent
TABLE_REFERENCE = re.compile(r"\b(staging|marts|quality)\.([a-z_]+)\b")
CREATED_TABLE = re.compile(r"create or replace (table|view) (\w+)\.(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class SqlModel:
    """One SQL file that creates one table (or view), the tables it reads, and what it holds."""

    schema: str
    name: str
    path: Path
    depends_on: tuple[str, ...]  # "schema.table" names
    kind: str  # "table" or "view"
    description: str  # the file's leading comment, for analysts

    @property
    def table(self) -> str:
        return f"{self.schema}.{self.name}"


def load_model(path: Path) -> SqlModel:
    """Given a SQL file, return the table it creates and the tables it reads."""
    sql = path.read_text()
    created = CREATED_TABLE.search(sql)
    if not created:
        raise ValueError(f"{path}: a model file must 'create or replace table (or view) schema.name'")
    kind, schema, name = created.groups()
    reads = {f"{s}.{t}" for s, t in TABLE_REFERENCE.findall(sql)} - {f"{schema}.{name}"}
    return SqlModel(schema, name, path, tuple(sorted(reads)), kind.lower(), leading_comment(sql))


def leading_comment(sql: str) -> str:
    """The `--` lines a SQL file starts with, as one paragraph."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def load_models(stage: str) -> list[SqlModel]:
    """Return the models of `stage` ('staging' or 'marts') in file-name order."""
    return [load_model(path) for path in sorted((SQL_DIR / stage).glob("*.sql"))]


def build_order(models: list[SqlModel]) -> list[SqlModel]:
    """The models in an order where every table is built after the model tables it reads."""
    by_table = {model.table: model for model in models}
    graph = {model.table: [ref for ref in model.depends_on if ref in by_table] for model in models}
    return [by_table[table] for table in TopologicalSorter(graph).static_order()]


@cache
def model_columns() -> dict[str, list[tuple[str, str]]]:
    """Every model table's columns (name, DuckDB type) in order, read off the SQL itself: each model
    is built in memory on empty sources, so no table's columns are written down a second time."""
    con = duckdb.connect()
    try:
        ensure_schema(con)
        register_sources(con, SQL_DIR, frozenset())  # no documents: every source an empty view of its shape
        for model in [*load_models("staging"), *build_order(load_models("marts")), *load_models("quality")]:
            run_sql_file(con, model.path)
        rows = con.execute("""
            select table_schema || '.' || table_name, column_name, data_type from information_schema.columns
            where table_catalog = current_database() order by table_schema, table_name, ordinal_position""").fetchall()
    finally:
        con.close()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, name, kind in rows:
        columns.setdefault(table, []).append((name, kind))
    return columns


def run_sql_file(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    con.execute(path.read_text())


def replace_rows(con: duckdb.DuckDBPyConnection, model: SqlModel, stale: frozenset[str], load: bool) -> None:
    """Update a per-document model in place: delete the `stale` documents' rows, then (with `load`)
    insert the rows its SQL makes from the registered sources (those documents' files alone) in
    one transaction. Its SQL runs into a temp table, the same file as a full build."""
    delta = f"delta_{model.name}"
    sql = CREATED_TABLE.sub(f"create or replace temp table {delta}", model.path.read_text(), count=1)
    if load:
        con.execute(sql)
    con.begin()
    try:
        con.execute(f"delete from {model.table} where document_id in (select unnest(?))", [sorted(stale)])
        if load:
            con.execute(f"insert into {model.table} by name select * from {delta}")
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise
    finally:
        con.execute(f"drop table if exists {delta}")


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every "schema.table" the working database holds (not temp ones)."""
    rows = con.execute("select schema_name || '.' || table_name from duckdb_tables() "
                       "where database_name = current_database() and not temporary").fetchall()
    return {name for (name,) in rows}


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    run_sql_file(con, SQL_DIR / "schema.sql")


def spec_columns() -> dict[str, dict[str, str]]:
    """Return {table_id: {column: duckdb type}} over every template, for empty source views."""
    columns: dict[str, dict[str, str]] = {}
    for template in load_templates():
        for table in template.tables:
            merged = columns.setdefault(table.id, {})
            for column in table.columns:
                merged[column.key] = "decimal(24,6)" if column.kind == "amount" else "varchar"
    columns["table_cells"] = {
        "table_seq": "integer", "col": "integer", "column_label": "varchar", "row_label": "varchar",
        "text": "varchar", "amount": "decimal(24,6)"}
    columns["narrative_figures"] = {
        "figure_index": "integer", "part": "varchar", "section": "varchar", "statement": "varchar",
        "value": "decimal(24,6)", "unit": "varchar", "sentence": "varchar"}
    columns["narrative_findings"] = {
        "finding_index": "integer", "rule_id": "varchar", "severity": "varchar", "section": "varchar",
        "sentence": "varchar", "printed": "varchar", "expected": "varchar"}
    columns["ocr_readings"] = {
        "table_index": "integer", "row": "integer", "col": "integer", "text": "varchar",
        "confidence": "double", "x0": "double", "top": "double", "x1": "double", "bottom": "double",
        "uncertain": "varchar"}
    return columns


PROVENANCE_TYPES = {
    "document_id": "varchar", "table_id": "varchar", "printed_code": "varchar",
    "source_unit": "varchar", "row_index": "integer", "row_kind": "varchar",
    "page": "integer", "source_row": "integer",
}
JSON_SOURCES = {
    "clean_documents": ("clean/*/document.json", {
        "document_id": "varchar", "file_name": "varchar", "path": "varchar", "sha256": "varchar",
        "department_name": "varchar", "department_key": "varchar", "fiscal_year": "integer", "document_kind": "varchar",
        "scope": "varchar", "template": "varchar", "page_count": "integer",
        "producer": "varchar", "size_bytes": "bigint", "ocr_pages": "integer[]"}),
    "clean_tables_found": ("clean/*/tables.json", {
        "document_id": "varchar", "table_seq": "integer", "table_id": "varchar",
        "printed_code": "varchar", "title": "varchar", "source_unit": "varchar",
        "pages": "integer[]", "row_count": "integer", "value_cells": "integer",
        "note": "varchar", "issues": "varchar[]", "typed": "boolean", "confidence": "double",
        "why": "varchar"}),
    "clean_quarantine": ("quarantine/*.json", {
        "document_id": "varchar", "file_name": "varchar", "path": "varchar", "stage": "varchar",
        "reason": "varchar", "quarantined_at": "varchar"}),
}


def sql_literal(value: str | list[str]) -> str:
    """Quote a path (or list of paths) for SQL: views cannot take prepared parameters."""
    if isinstance(value, list):
        return "[" + ", ".join(sql_literal(v) for v in value) + "]"
    return "'" + value.replace("'", "''") + "'"


def empty_view_sql(name: str, columns: dict[str, str]) -> str:
    select = ", ".join(f"cast(null as {kind}) as {col}" for col, kind in columns.items())
    return f"create or replace temp view {name} as select {select} where false"


def document_files(data_dir: Path, pattern: str, document_ids: set[str] | frozenset[str]) -> list[str]:
    """The files of `pattern` ('*' standing for the document id) that exist for `document_ids`:
    looked up one by one, so loading a few documents costs nothing per other document."""
    paths = (data_dir / pattern.replace("*", document_id) for document_id in sorted(document_ids))
    return [str(path) for path in paths if path.exists()]


def register_sources(con: duckdb.DuckDBPyConnection, data_dir: Path,
                     document_ids: set[str] | frozenset[str]) -> None:
    """Create temp views clean_<table_id>, clean_documents, clean_tables_found, clean_quarantine
    over the files of the given documents (the inbox's registered partitions); a source with no
    file yet is an empty view of the right shape."""
    register_seeds(con)
    register_template_tables(con)
    register_audit_rules(con)
    for table_id, columns in spec_columns().items():
        files = document_files(data_dir, f"clean/*/{table_id}.parquet", document_ids)
        empty = empty_view_sql(f"clean_{table_id}", {**PROVENANCE_TYPES, **columns})
        if files:  # every spec column exists even when no file has it (NULL: not printed)
            empty += (f" union all by name select * from "
                      f"read_parquet({sql_literal(files)}, union_by_name = true)")
        con.execute(empty)
    for view, (pattern, columns) in JSON_SOURCES.items():
        files = document_files(data_dir, pattern, document_ids)
        if files:
            struct = ", ".join(f"'{col}': '{kind}'" for col, kind in columns.items())
            con.execute(f"create or replace temp view {view} as select * from read_json("
                        f"{sql_literal(files)}, columns = {{{struct}}}, format = 'auto')")
        else:
            con.execute(empty_view_sql(view, columns))


def register_template_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Temp view spec_template_tables(template, table_id, table_order): what each template must print."""
    rows = [(t.template, table.id, order) for t in load_templates()
            for order, table in enumerate(t.tables) if table.required]
    values = ", ".join(f"({sql_literal(a)}, {sql_literal(b)}, {c})" for a, b, c in rows)
    con.execute("create or replace temp view spec_template_tables as select * from (values "
                f"{values}) v(template, table_id, table_order)")


def register_audit_rules(con: duckdb.DuckDBPyConnection) -> None:
    """Temp view spec_audit_rules(rule_id, severity, kind, what): the narrative audit's rules."""
    rows = [tuple(sql_literal(v) for v in (r.id, r.severity, r.kind, r.what)) for r in load_rules().values()]
    values = ", ".join(f"({', '.join(row)})" for row in rows)
    con.execute("create or replace temp view spec_audit_rules as select * from (values "
                f"{values}) v(rule_id, severity, kind, what)")


def register_seeds(con: duckdb.DuckDBPyConnection) -> None:
    """Create temp views seed_<name> over warehouse/seeds/<name>.csv (all text, with line numbers)."""
    for path in sorted((SQL_DIR / "seeds").glob("*.csv")):
        con.execute(f"create or replace temp view seed_{path.stem} as select *, row_number() "
                    f"over () as seed_line from read_csv({sql_literal(str(path))}, all_varchar = true)")


def all_models() -> list[SqlModel]:
    """Every model of every stage (staging, marts, quality), each stage in file-name order."""
    return [model for stage in ("staging", "marts", "quality") for model in load_models(stage)]


def model_tables() -> set[str]:
    """Every "schema.table" a model creates: the only tables and views the warehouse may hold."""
    return {model.table for model in all_models()}


def drop_unknown_tables(con: duckdb.DuckDBPyConnection, known: set[str]) -> list[str]:
    """Drop the tables and views of the working database that no model creates (left by an older
    version, they would be published forever); return their names."""
    found = con.execute("""
        select schema_name || '.' || table_name, 'table' from duckdb_tables()
        where database_name = current_database() and not temporary
        union all
        select schema_name || '.' || view_name, 'view' from duckdb_views()
        where database_name = current_database() and not temporary and not internal
        order by 1""").fetchall()
    unknown = [(name, kind) for name, kind in found if name not in known]
    for name, kind in unknown:
        con.execute(f"drop {kind} if exists {name} cascade")
    return [name for name, _ in unknown]
