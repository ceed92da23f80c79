"""Stages 3 and 4: one Dagster asset per SQL file of warehouse/staging and warehouse/marts, keyed
[schema, table] and wired by the tables each file reads, so the UI shows the real lineage."""

from dagster import (
    AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, MetadataValue, asset,
)
from dagster_duckdb import DuckDBResource

from assets.defs.cleaning import clean_tables
from assets.defs.partitions import documents_partitions
from assets.defs.resources import BudgetPaths
from warehouse.db import SqlModel, ensure_schema, load_models, register_sources, run_sql_file

PREVIEW_ROWS = 5


def preview_markdown(con, table: str) -> str:
    """First rows of a table as Markdown, every value shown as text (no float rendering)."""
    frame = con.execute(f"select columns(*)::varchar from {table} limit {PREVIEW_ROWS}").df()
    return frame.to_markdown(index=False) if len(frame) else "(empty)"


def model_asset(model: SqlModel, group: str) -> AssetsDefinition:
    """Build the asset that runs one SQL file and reports row count and a preview."""
    deps = [AssetKey(ref.split(".")) for ref in model.depends_on]
    if model.schema == "staging":
        deps.append(clean_tables.key)
    description = model.path.read_text().splitlines()[0].lstrip("- ")

    @asset(key=[model.schema, model.name], deps=deps, group_name=group, compute_kind="duckdb",
           description=description)
    def build_table(context: AssetExecutionContext, duckdb: DuckDBResource,
                    paths: BudgetPaths) -> MaterializeResult:
        documents = set(context.instance.get_dynamic_partitions(documents_partitions.name))
        with duckdb.get_connection() as con:
            ensure_schema(con)
            register_sources(con, paths.data_dir, documents)
            run_sql_file(con, model.path)
            rows = con.execute(f"select count(*) from {model.table}").fetchone()[0]
            preview = preview_markdown(con, model.table)
        return MaterializeResult(metadata={
            "dagster/row_count": rows,
            "sql_file": MetadataValue.path(str(model.path)),
            "preview": MetadataValue.md(preview),
        })

    return build_table


staging_assets = [model_asset(m, "staging") for m in load_models("staging")]
mart_assets = [model_asset(m, "marts") for m in load_models("marts")]
