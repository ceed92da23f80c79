"""What each asset holds, as the column schemas Dagster shows (the Columns tab and definition
metadata): warehouse tables from the SQL models, work files from their Arrow schemas."""

from dataclasses import fields

import pyarrow as pa
from dagster import TableColumn, TableSchema

from assets.work_files import InboxFile
from warehouse.columns import column_description
from warehouse.db import all_models, model_columns


def described(table: str, columns: list[tuple[str, str]]) -> TableSchema:
    """Columns (name, type) of a table or work file, each with its meaning from warehouse/columns.toml."""
    return TableSchema(columns=[TableColumn(name, kind, description=column_description(table, name))
                                for name, kind in columns])


def column_schema(table: str) -> dict[str, TableSchema]:
    """A warehouse table's columns and their DuckDB types, as Dagster shows them (the Columns tab)."""
    return {"dagster/column_schema": described(table, model_columns()[table])}


def file_schema(name: str, schema: pa.Schema) -> TableSchema:
    """A work file's columns and their Arrow types."""
    return described(name, [(field.name, str(field.type)) for field in schema])


def manifest_schema() -> TableSchema:
    """The inbox manifest (manifest.json): one entry per document, the fields of InboxFile."""
    return described("manifest.json", [(field.name, field.type) for field in fields(InboxFile)])


def snapshot_tables() -> TableSchema:
    """The published warehouse's tables and views, one entry each with its model's description."""
    return TableSchema(columns=[TableColumn(m.table, m.kind, description=m.description) for m in all_models()])
