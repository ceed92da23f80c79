"""The daily schedule: re-run every document whose cleaned tables are stale (specs changed)."""
from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, SkipReason, schedule

from assets.work_files import stale_documents
from assets.defs.partitions import document_id_of, documents_partitions
from assets.defs.resources import BudgetPaths
from pipelines.jobs import document_job

DAILY_AT_SIX = "0 6 * * *"


@schedule(job=document_job, cron_schedule=DAILY_AT_SIX, default_status=DefaultScheduleStatus.RUNNING)
def daily_refresh(context: ScheduleEvaluationContext, paths: BudgetPaths):
    """Each morning, one run per registered document that is not up to date with the specs."""
    known = {document_id_of(key): key for key in context.instance.get_dynamic_partitions(documents_partitions.name)}
    stale = stale_documents(paths.data_dir, list(known))
    if not stale:
        return SkipReason(f"{len(known)} documents, all up to date")
    tick = context.scheduled_execution_time.strftime("%Y%m%d")
    return [RunRequest(partition_key=known[doc_id], run_key=f"{doc_id}-{tick}") for doc_id in stale]
