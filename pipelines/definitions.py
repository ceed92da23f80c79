"""Dagster Definitions: every asset, check, job and resource of the budget pipeline."""

from dagster import Definitions

from assets.defs.quality import quality_assets, quality_checks
from assets.defs.cleaning import clean_tables
from assets.defs.ingest import source_documents
from assets.defs.publishing import budget_snapshot
from assets.defs.extraction import raw_cells
from assets.defs.resources import BudgetPaths, duckdb_for, paths_from_env
from assets.defs.warehouse_models import warehouse_models
from pipelines.home import unsynced_instance_storage
from pipelines.jobs import document_celery_job, document_job, inbox_job, warehouse_job
from pipelines.schedules import daily_refresh
from pipelines.sensors import (
    inbox_sensor, warehouse_after_document_loaded, warehouse_after_document_failed,
)


def build_definitions(paths: BudgetPaths) -> Definitions:
    """Return the Definitions wired to these inbox and warehouse paths."""
    return Definitions(
        assets=[source_documents, raw_cells, clean_tables, warehouse_models, *quality_assets, budget_snapshot],
        asset_checks=quality_checks,
        jobs=[inbox_job, document_job, document_celery_job, warehouse_job],
        sensors=[inbox_sensor, warehouse_after_document_loaded, warehouse_after_document_failed],
        schedules=[daily_refresh],
        resources={"paths": paths, "duckdb": duckdb_for(paths)},
    )


unsynced_instance_storage()  # every process that runs this code loads this module
defs = build_definitions(paths_from_env())
