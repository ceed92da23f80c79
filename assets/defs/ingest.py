"""Stage 0, the inbox: which PDFs exist now. Registers one partition per document and forgets
the documents whose file left the inbox."""

import shutil

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.work_files import clean_dir, quarantine_path, raw_dir, scan_inbox, write_manifest
from assets.defs.partitions import document_id_of, documents_partitions, partition_key
from assets.defs.resources import BudgetPaths
from assets.defs.schemas import manifest_schema


@asset(group_name="inbox", compute_kind="python", metadata={"dagster/column_schema": manifest_schema()})
def source_documents(context: AssetExecutionContext, paths: BudgetPaths) -> MaterializeResult:
    """The budget PDFs in the inbox, one per distinct content (SHA-256); each becomes a partition.
    An entry that cannot be read (undecodable name, unreadable, vanished, broken link) is a
    partition too, quarantined with its reason by raw_cells. The list is kept as manifest.json
    in the warehouse's data folder (its columns: the column schema)."""
    if not paths.inbox_dir.is_dir():
        raise FileNotFoundError(f"inbox folder {paths.inbox_dir} does not exist: create it or "
                                "point BUDGET_INBOX / --inbox at your PDFs")
    files = scan_inbox(paths.inbox_dir, paths.data_dir, save=True)
    current = {partition_key(f.file_name, f.document_id) for f in files}
    known = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    context.instance.add_dynamic_partitions(documents_partitions.name, sorted(current - known))
    for gone in sorted(known - current):
        context.instance.delete_dynamic_partition(documents_partitions.name, gone)
        if document_id_of(gone) not in {f.document_id for f in files}:  # not a renamed file
            forget_document(paths, document_id_of(gone))
    write_manifest(paths.data_dir, files)
    return MaterializeResult(metadata={
        "documents": len(files),
        "added": len(current - known),
        "removed": len(known - current),
        "files": MetadataValue.md("\n".join(f"- `{f.document_id}` {f.file_name}" for f in files)),
    })


def forget_document(paths: BudgetPaths, document_id: str) -> None:
    """Remove every work file of a document whose PDF left the inbox."""
    shutil.rmtree(raw_dir(paths.data_dir, document_id), ignore_errors=True)
    shutil.rmtree(clean_dir(paths.data_dir, document_id), ignore_errors=True)
    quarantine_path(paths.data_dir, document_id).unlink(missing_ok=True)
