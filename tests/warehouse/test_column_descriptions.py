"""Every column an asset holds has one written meaning (warehouse/columns.toml), shown by Dagster
and stored as a comment in the published warehouse that any DuckDB client reads."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from dagster import AssetKey, TableSchema

from assets.defs.cleaning import OWN_SCHEMA_FILES
from pipelines.definitions import defs
from warehouse.columns import column_description, load_descriptions
from warehouse.db import model_columns


def asset_schemas() -> dict[tuple[str, str], TableSchema]:
    """Every TableSchema in every asset's definition metadata, by (asset, metadata key)."""
    graph = defs.resolve_asset_graph()
    return {("/".join(key.path), name): value for key in graph.get_all_asset_keys()
            for name, value in graph.get(key).metadata.items() if isinstance(value, TableSchema)}


def test_every_asset_shows_its_columns_each_with_a_meaning():
    schemas = asset_schemas()
    graph = defs.resolve_asset_graph()
    assert {"/".join(key.path) for key in graph.get_all_asset_keys()} == {asset for asset, _ in schemas}
    for where, schema in schemas.items():
        assert schema.columns, where
        assert all(len(column.description or "") > 10 for column in schema.columns), where
    raw = {c.name: c for c in schemas[("raw_cells", "dagster/column_schema")].columns}
    assert raw["origin_row"].type == "int32" and "merged cell" in raw["origin_row"].description
    snapshot = {c.name: c for c in schemas[("warehouse/budget_snapshot", "tables")].columns}
    assert snapshot["marts.rpt_budget_execution"].type == "view"
    assert snapshot["marts.fct_three_public_costs"].description.startswith("Table 09")


def test_a_name_means_what_its_table_says_it_means():
    schemas = asset_schemas()
    levels = {asset: {c.name: c.description for c in s.columns}["level"]
              for (asset, key), s in schemas.items() if asset in ("marts/dim_function", "marts/dim_economic_class")}
    assert "项, 7" in levels["marts/dim_function"] and "项" not in levels["marts/dim_economic_class"]


def test_every_meaning_is_used_and_names_a_real_column():
    """No meaning is written for a column that does not exist (a renamed column must move its text)."""
    shown = {(asset, c.name) for (asset, _), s in asset_schemas().items() for c in s.columns}
    generic, specific = load_descriptions()
    built = {(table, name) for table, columns in model_columns().items() for name, _ in columns}
    assert set(generic) <= {name for _, name in shown | built}
    files = {(f"clean/{file}.parquet", field.name) for file, schema in OWN_SCHEMA_FILES.items() for field in schema}
    assert set(specific) <= built | files


def test_a_column_without_a_meaning_is_named():
    with pytest.raises(KeyError, match="column no_such_column of marts.dim_document"):
        column_description("marts.dim_document", "no_such_column")


def test_published_warehouse_carries_every_meaning_as_a_comment(warehouse):
    columns = warehouse.execute("""
        select schema_name || '.' || table_name, column_name, comment from duckdb_columns()
        where database_name = current_database() and not internal""").fetchall()
    assert len(columns) > 900
    missing = [(t, c) for t, c, comment in columns if not comment]
    assert not missing
    graph = defs.resolve_asset_graph()
    for table, column, comment in columns:
        key = AssetKey(table.split("."))
        if graph.has(key):  # quality.checks_not_evaluated is written by the check_results asset
            shown = {c.name: c.description for c in graph.get(key).metadata["dagster/column_schema"].columns}
            assert shown[column] == comment, (table, column)
    tables = warehouse.execute("""
        select table_name, comment from duckdb_tables() where database_name = current_database()
        union all
        select view_name, comment from duckdb_views() where database_name = current_database() and not internal
        """).fetchall()
    assert all(comment for _, comment in tables), [name for name, comment in tables if not comment]
    reception = dict((c, comment) for t, c, comment in columns if t == "marts.fct_three_public_costs")
    assert reception["official_reception"].startswith("公务接待费")


def test_the_duckdb_cli_shows_the_comments(pipeline_run, warehouse):
    if importlib.util.find_spec("duckdb_cli") is None:
        pytest.skip("the duckdb-cli package (dev extra, pinned in requirements.lock) is not installed")
    summary, _ = pipeline_run
    out = subprocess.run(
        [sys.executable, "-m", "duckdb_cli", "-readonly", "-csv", str(summary.paths.warehouse_file), "-c",
         "select comment from duckdb_columns() where table_name = 'dim_document' and column_name = 'fiscal_year'"],
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "年度" in out.stdout, out.stdout
