"""The jobs a run is made of: scan the inbox, process one document (in process, or on
dagster-celery workers), build the warehouse."""
from dagster import AssetSelection, define_asset_job
from dagster_celery import celery_executor

from assets.defs.partitions import WRITER_TAGS

# Runs the UI or its daemon launch print warnings and errors on the terminal, not every event (the
# UI shows those); a run given its own config (budget-etl run) chooses again.
TERMINAL_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

inbox_job = define_asset_job("inbox_job", selection=AssetSelection.groups("inbox"), config=TERMINAL_LOGS,
                             description="Scan the inbox and register one partition per PDF.")
DOCUMENT_STAGES = AssetSelection.groups("extract", "clean")
document_job = define_asset_job("document_job", selection=DOCUMENT_STAGES, config=TERMINAL_LOGS,
                                description="Extract and clean one document (one partition).")
# The same steps as Celery tasks: any worker listening on the broker the run config names runs them.
document_celery_job = define_asset_job(
    "document_celery_job", selection=DOCUMENT_STAGES, executor_def=celery_executor,
    description="Extract and clean one document (one partition) on dagster-celery workers.")
warehouse_job = define_asset_job(
    "warehouse_job",
    selection=AssetSelection.groups("staging", "marts", "quality", "publish"),
    tags=WRITER_TAGS, config=TERMINAL_LOGS,
    description="Load every cleaned document into DuckDB, build the marts, run the checks, publish.")
