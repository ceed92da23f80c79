"""Stage 2, per document: classify each table by its title, flatten its header to canonical
columns, repair cells (wrapped numbers and names, page-break fragments, merged labels) and type
them; one Parquet file per table type."""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.clean.ocr_readings import ocr_readings
from assets.clean.tables import UNCLASSIFIED, CleanDocument, NoBudgetTables, document_to_tables
from assets.work_files import (
    CELL_SCHEMA, CLEAN_PROVENANCE, FIGURE_SCHEMA, FINDING_SCHEMA, OCR_READING_SCHEMA, InboxFile, read_quarantine,
    read_raw, write_clean, write_quarantine,
)
from assets.defs.partitions import SINGLE_RUN, document_id_of, documents_partitions
from assets.defs.extraction import raw_cells
from assets.defs.resources import BudgetPaths
from assets.defs.schemas import file_schema
from warehouse.db import spec_columns

PREVIEW_ROWS = 20
OWN_SCHEMA_FILES = {"table_cells": CELL_SCHEMA, "narrative_figures": FIGURE_SCHEMA,
                    "narrative_findings": FINDING_SCHEMA, "ocr_readings": OCR_READING_SCHEMA}


def table_files_markdown() -> str:
    """Each typed table file's columns after the provenance ones (amounts as printed, DECIMAL(24,6))."""
    lines = ["| file | columns |", "|---|---|"]
    lines += [f"| {table_id}.parquet | {', '.join(columns)} |" for table_id, columns in sorted(spec_columns().items())
              if table_id not in OWN_SCHEMA_FILES]
    return "\n".join(lines)


@asset(partitions_def=documents_partitions, deps=[raw_cells], group_name="clean", compute_kind="python",
       backfill_policy=SINGLE_RUN,
       metadata={"dagster/column_schema": file_schema("clean/<table_id>.parquet", CLEAN_PROVENANCE),
                 **{f"{name}.parquet": file_schema(f"clean/{name}.parquet", schema)
                    for name, schema in OWN_SCHEMA_FILES.items()},
                 "table files": MetadataValue.md(table_files_markdown())})
def clean_tables(context: AssetExecutionContext, paths: BudgetPaths) -> MaterializeResult:
    """Each document's tables (of the run's partitions: one, or a range) as typed rows with
    canonical column keys (amounts exact, as printed, with their unit), each row keeping its page
    and source row; the narrative's stated figures, and the defects the narrative audit finds in
    it (one row per finding, with page and sentence).
    Written to clean/<document_id>/: one <table_id>.parquet per typed table kind (the column schema
    is their provenance columns, "table files" lists the rest), table_cells.parquet (every cell no
    typed column holds), narrative_figures, narrative_findings and ocr_readings.parquet, and
    document.json and tables.json (marts.dim_document and marts.dim_table_coverage are made of them)."""
    for key in context.partition_keys:
        context.add_asset_metadata(clean_one(context, paths, key), partition_key=key)
    return MaterializeResult()


def clean_one(context: AssetExecutionContext, paths: BudgetPaths, key: str) -> dict:
    """Clean the extracted document of one partition, or quarantine it; return its partition's metadata."""
    document_id = document_id_of(key)
    quarantined = read_quarantine(paths.data_dir, document_id)
    if quarantined and quarantined["stage"] == "raw_cells":  # nothing was extracted to clean
        return {"file": quarantined["file_name"], "quarantined": quarantined["reason"]}
    facts, extracted = read_raw(paths.data_dir, document_id)
    try:
        document = document_to_tables(extracted)
    except NoBudgetTables as error:
        item = InboxFile(**{k: facts[k] for k in InboxFile.__dataclass_fields__})
        write_quarantine(paths.data_dir, item, "clean_tables", str(error))
        context.log.warning(f"{item.file_name} quarantined: {error}")
        return {"file": item.file_name, "quarantined": str(error)}
    findings = tuple(audit_narrative(extracted.lines, extracted.cells, DocumentFacts.of(document, extracted)))
    readings = tuple(ocr_readings(extracted))
    folder = write_clean(paths.data_dir, facts, document, findings, readings)
    issues = [f"{t.printed_code or t.table_id}: {i}" for t in document.tables for i in t.issues]
    for issue in issues:
        context.log.warning(issue)
    return {
        "file": facts["file_name"],
        "template": document.template,
        "department": document.department or "",
        "fiscal_year": document.fiscal_year or 0,
        "tables": len(document.tables),
        "unclassified_tables": sum(t.table_id == UNCLASSIFIED for t in document.tables),
        "rows": sum(len(t.rows) for t in document.tables),
        "cleaning_issues": len(issues),
        "narrative_figures": len(document.figures),
        "narrative_findings": len(findings),
        "ocr_pages": len(extracted.ocr_pages),
        "ocr_uncertain_numbers": sum(bool(r.uncertain) for r in readings),
        "tables_found": MetadataValue.md(tables_markdown(document)),
        "path": MetadataValue.path(str(folder)),
    }


def tables_markdown(document: CleanDocument) -> str:
    """A Markdown table of what was found, for the asset's page in the UI."""
    lines = ["| no. | table | title | pages | rows | unit |", "|---|---|---|---|---|---|"]
    for table in document.tables[:PREVIEW_ROWS * 2]:
        pages = f"{table.pages[0]}-{table.pages[-1]}" if len(table.pages) > 1 else str(table.pages[0])
        lines.append(f"| {table.printed_code or ''} | {table.table_id} | {table.title} | {pages} "
                     f"| {len(table.rows)} | {table.unit or ''} |")
    return "\n".join(lines)
