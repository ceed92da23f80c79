"""Stage 1, per document: read every page of the PDF once with pdfplumber and keep each table
cell (page, row, column, box, merged-cell origin) and the free text lines, as Parquet."""

import time
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.defs.ingest import source_documents
from assets.work_files import (
    RAW_CELL_SCHEMA, TEXT_LINE_SCHEMA, clear_quarantine, find_inbox_file, write_quarantine, write_raw,
)
from assets.extract.limits import extract_with_limits
from assets.extract.pdf_document import UnreadableDocument
from assets.defs.partitions import SINGLE_RUN, document_id_of, documents_partitions
from assets.defs.resources import BudgetPaths
from assets.defs.schemas import file_schema


@asset(partitions_def=documents_partitions, deps=[source_documents], group_name="extract",
       compute_kind="pdfplumber", backfill_policy=SINGLE_RUN,
       metadata={"dagster/column_schema": file_schema("raw/cells.parquet", RAW_CELL_SCHEMA),
                 "lines.parquet": file_schema("raw/lines.parquet", TEXT_LINE_SCHEMA)})
def raw_cells(context: AssetExecutionContext, paths: BudgetPaths) -> MaterializeResult:
    """Every ruled-table cell and text line of each budget PDF of the run's partitions (one, or a
    range: a backfill is one run), with page/row/column provenance. An unreadable file, or one
    that exceeds the per-document time or memory limit, is quarantined with its reason (see
    quality.quarantine): the run goes on, the quarantine is the partition's result, shown in its
    metadata. Written to raw/<document_id>/: cells.parquet (the column schema), lines.parquet and
    document.json (the file's facts)."""
    for key in context.partition_keys:
        context.add_asset_metadata(extract_one(context, paths, key), partition_key=key)
    return MaterializeResult()


def extract_one(context: AssetExecutionContext, paths: BudgetPaths, key: str) -> dict:
    """Extract the document of one partition, or quarantine it; return its partition's metadata."""
    item = find_inbox_file(paths.inbox_dir, paths.data_dir, document_id_of(key))
    started = time.perf_counter()
    try:
        if item.problem:
            raise UnreadableDocument(item.problem)
        document = extract_with_limits(Path(item.path))
    except UnreadableDocument as error:
        write_quarantine(paths.data_dir, item, "raw_cells", str(error))
        context.log.warning(f"{item.file_name} quarantined: {error}")
        return {"file": item.file_name, "quarantined": str(error)}
    clear_quarantine(paths.data_dir, item.document_id)
    folder = write_raw(paths.data_dir, item, document)
    return {
        "file": item.file_name,
        "pages": document.page_count,
        "cells": len(document.cells),
        "text_lines": len(document.lines),
        "seconds": round(time.perf_counter() - started, 2),
        "path": MetadataValue.path(str(folder)),
    }
