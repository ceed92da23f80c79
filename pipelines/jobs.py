"""The three jobs a run is made of: scan the inbox, process one document, build the warehouse."""
from dagster import AssetSelection, define_asset_job

from assets.defs.partitions import WRITER_TAGS

inbox_job = define_asset_job("inbox_job", selection=AssetSelection.groups("inbox"),
                             description="Scan the inbox and register one partition per PDF.")
document_job = define_asset_job(
    "document_job", selection=AssetSelection.groups("extract", "clean"),
    description="Extract and clean one document (one partition).")
warehouse_job = define_asset_job(
    "warehouse_job",
    selection=AssetSelection.groups("staging", "marts", "quality", "publish"),
    tags=WRITER_TAGS,
    description="Load every cleaned document into DuckDB, build the marts, run the checks, publish.")
