"""Stage 6: publish the checked warehouse as one read-only snapshot file, swapped in atomically."""

from dagster import AssetKey, MaterializeResult, MetadataValue, asset

from assets.resources import BudgetPaths
from assets.sql_models import mart_assets
from warehouse.db import publish_snapshot

QUALITY_KEY = AssetKey(["quality", "check_results"])


@asset(key=["warehouse", "budget_snapshot"], deps=[*(a.key for a in mart_assets), QUALITY_KEY],
       group_name="publish", compute_kind="duckdb")
def budget_snapshot(paths: BudgetPaths) -> MaterializeResult:
    """The warehouse analysts open (warehouse/budget.duckdb by default): a copy of the pipeline's
    working database made after every mart and check ran, replaced in one atomic step."""
    publish_snapshot(paths.build_db, paths.warehouse_file)
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(paths.warehouse_file)),
        "size_bytes": paths.warehouse_file.stat().st_size,
    })
