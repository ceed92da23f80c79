"""Unattended operation: the inbox sensor starts one run per new or changed PDF, and every
finished document run (loaded, quarantined or failed) is followed by a warehouse rebuild."""
from dagster import (
    DagsterRunStatus, DefaultSensorStatus, RunRequest, SensorEvaluationContext, SensorResult,
    SkipReason, run_status_sensor, sensor,
)

from assets.work_files import scan_inbox, stale_documents
from assets.defs.partitions import documents_partitions, partition_key
from assets.defs.resources import BudgetPaths
from pipelines.jobs import document_job, warehouse_job

INBOX_POLL_SECONDS = 60


@sensor(job=document_job, minimum_interval_seconds=INBOX_POLL_SECONDS,
        default_status=DefaultSensorStatus.RUNNING)
def inbox_sensor(context: SensorEvaluationContext, paths: BudgetPaths):
    """Register a partition for each new PDF (by content hash), drop the partitions of removed
    files, and request an extract+clean run for each document not yet cleaned with current specs."""
    if not paths.inbox_dir.is_dir():
        return SkipReason(f"inbox {paths.inbox_dir} does not exist")
    current = {f.document_id: partition_key(f.file_name, f.document_id) for f in scan_inbox(paths.inbox_dir)}
    known = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    added = sorted(set(current.values()) - known)
    removed = sorted(known - set(current.values()))
    stale = stale_documents(paths.data_dir, list(current))
    requests = [RunRequest(partition_key=current[doc_id], run_key=f"{doc_id}-{context.cursor or 0}")
                for doc_id in stale]
    if removed and not stale:  # nothing to extract, but the warehouse must drop their rows
        requests.append(RunRequest(job_name=warehouse_job.name, run_key=f"removed-{removed}"))
    if not (added or removed or requests):
        return SkipReason(f"{len(current)} documents, all up to date")
    context.update_cursor(str(int(context.cursor or 0) + 1))
    return SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[
            documents_partitions.build_add_request(added),
            documents_partitions.build_delete_request(removed),
        ],
    )


@run_status_sensor(run_status=DagsterRunStatus.SUCCESS, monitored_jobs=[document_job],
                   request_job=warehouse_job, default_status=DefaultSensorStatus.RUNNING)
def warehouse_after_document_loaded(context):
    """A document was extracted and cleaned: rebuild the warehouse (queued one at a time)."""
    return RunRequest(run_key=f"after-{context.dagster_run.run_id}")


@run_status_sensor(run_status=DagsterRunStatus.FAILURE, monitored_jobs=[document_job],
                   request_job=warehouse_job, default_status=DefaultSensorStatus.RUNNING)
def warehouse_after_document_failed(context):
    """A document run failed (a crash: a quarantined document's run succeeds, and the sensor above
    rebuilds after it): rebuild so the warehouse holds every other document's latest tables."""
    return RunRequest(run_key=f"after-{context.dagster_run.run_id}")
