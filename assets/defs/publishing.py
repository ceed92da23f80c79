"""Stage 6: publish the checked warehouse as one read-only snapshot file, swapped in atomically."""

from dagster import AssetKey, MaterializeResult, MetadataValue, asset
from dagster_duckdb import DuckDBResource

from assets.defs.resources import BudgetPaths
from assets.defs.schemas import snapshot_tables
from assets.defs.warehouse_models import MART_KEYS
from warehouse.columns import describe_models
from warehouse.db import drop_unknown_tables, model_tables
from warehouse.snapshot import publish_snapshot

QUALITY_KEY = AssetKey(["quality", "check_results"])


@asset(key=["warehouse", "budget_snapshot"], deps=[*MART_KEYS, QUALITY_KEY],
       group_name="publish", compute_kind="duckdb", metadata={"tables": snapshot_tables()})
def budget_snapshot(duckdb: DuckDBResource, paths: BudgetPaths) -> MaterializeResult:
    """The warehouse analysts open (warehouse/budget.duckdb by default), read-only: a copy of the
    pipeline's working database made after every mart and check ran, replaced in one atomic step.
    Tables no model creates (left by an older version) are dropped first; every table and column
    carries its description as a comment (`select * from duckdb_columns()` in any DuckDB client)."""
    with duckdb.get_connection() as con:
        dropped = drop_unknown_tables(con, model_tables())
        comments = describe_models(con)
    published = publish_snapshot(paths.build_db, paths.warehouse_file)
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(published.path)),
        "size_bytes": published.path.stat().st_size,
        "dropped_tables": ", ".join(dropped) or "none",
        "comments": comments,
        "set_aside": str(published.set_aside or ""),
    })
