"""What `budget-etl run` does, through Dagster: scan the inbox, run one partition per new or
changed document (showing progress), build the warehouse, and summarise the result."""
from __future__ import annotations

import json
import multiprocessing
import os
import shlex
import shutil
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
from dagster import AssetKey, DagsterInstance, Definitions, ExecuteInProcessResult, execute_job
from dagster._core.definitions.reconstruct import ReconstructableRepository
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from assets.work_files import InboxFile, quarantine_path, read_manifest, stale_documents
from assets.defs.partitions import document_id_of, documents_partitions, partition_key
from assets.defs.quality import failing_checks
from assets.defs.resources import BudgetPaths, paths_from_env
from expectations.run import import_gx_in_background
from pipelines.definitions import build_definitions
from pipelines.home import HomeTaken, dagster_home, prepare_home
from pipelines.progress import BuildSteps, Progress
from warehouse.lock import WarehouseBusy, warehouse_lock
from warehouse.paths import DEFAULT_INBOX, DEFAULT_WAREHOUSE, claim_folder, run_lock_for
from warehouse.snapshot import not_a_duckdb_file, open_held_read_write, publish_leftovers, wal_of

# the marts the summary counts: the document list and every fact table, the empty ones left out
SUMMARY_MARTS_SQL = """
    select table_name from information_schema.tables
    where table_schema = 'marts' and table_type = 'BASE TABLE'
      and (table_name = 'dim_document' or table_name like 'fct\\_%' escape '\\')
    order by table_name <> 'dim_document', table_name"""


def command_for(paths: BudgetPaths, command: str) -> str:
    """A budget-etl command on these paths, runnable as printed: budget-etl by the path it has here
    when it is not on PATH, --inbox and --warehouse unless they are the defaults."""
    program = "budget-etl" if shutil.which("budget-etl") else str(Path(sys.executable).parent / "budget-etl")
    words = [program, command]
    if command == "ui" and paths.inbox_dir.resolve() != DEFAULT_INBOX.resolve():
        words += ["--inbox", paths.inbox]  # the UI's sensor watches this inbox, not the samples
    if paths.warehouse_file.resolve() != DEFAULT_WAREHOUSE.resolve():
        words += ["--warehouse", str(paths.warehouse_file)]
    return shlex.join(words)


def query_hint(paths: BudgetPaths) -> str:
    return command_for(paths, "sql") + ' "select * from marts.fct_three_public_costs"'


@dataclass(frozen=True)
class DocumentOutcome:
    """What the run did with one document: loaded, skipped (unchanged since the last run),
    quarantined (reason: why) or error (reason: the failure)."""

    file_name: str
    document_id: str
    status: str
    reason: str | None = None

    @property
    def usable(self) -> bool:
        return self.status in ("loaded", "skipped")

    def text(self) -> str:
        return "up to date" if self.status == "skipped" else ": ".join(filter(None, [self.status, self.reason]))


@dataclass
class RunSummary:
    """What a run did, ready to print or to give as JSON; exit_code 0 means every readable
    document was processed."""

    paths: BudgetPaths
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    mart_rows: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    failures: list[dict] = field(default_factory=list)  # one per failed check of a document
    tables_found: int = 0
    tables_recognised: int = 0
    narrative_findings: int = 0
    fatal: str | None = None
    set_aside: str = ""  # where a killed read-write session's changes were kept

    @property
    def documents(self) -> list[tuple[str, str]]:
        """(file name, status as printed) per document."""
        return [(outcome.file_name, outcome.text()) for outcome in self.outcomes]

    @property
    def checks_failed(self) -> list[str]:
        return sorted({failure["check_name"] for failure in self.failures})

    @property
    def exit_code(self) -> int:
        errors = any(outcome.status == "error" for outcome in self.outcomes)
        return 1 if self.fatal or errors or not any(o.usable for o in self.outcomes) else 0

    def as_json(self, seconds: float) -> str:
        """The summary for schedulers: one JSON object; amounts are exact text (failing_checks casts them)."""
        return json.dumps({
            "exit_code": self.exit_code, "error": self.fatal,
            "documents": [asdict(outcome) for outcome in self.outcomes],
            "tables": {"found": self.tables_found, "recognised": self.tables_recognised},
            "rows_per_mart": self.mart_rows,
            "checks": {"passed": self.checks_passed, "failed": len(self.failures), "failed_checks": self.failures},
            "narrative_findings": self.narrative_findings,
            "warehouse": str(self.paths.warehouse_file), "set_aside": self.set_aside or None,
            "seconds": round(seconds, 1),
        }, ensure_ascii=False)

    def render(self, seconds: float) -> str:
        documents = [f"  {name}: {status}" for name, status in self.documents]
        if self.fatal:
            return "\n".join([f"budget-etl run: {self.fatal}", *documents])
        lines = [f"\nDocuments ({len(self.documents)}):", *documents]
        lines.append(f"Tables found: {self.tables_found} ({self.tables_recognised} of a known kind)")
        lines.append("Rows per mart:")
        lines += [f"  marts.{name:<40} {rows:>6}" for name, rows in self.mart_rows.items()]
        lines.append(f"Identity checks: {self.checks_passed} passed, {len(self.checks_failed)} failed"
                     " (failures are findings about the documents; see quality.check_results)")
        lines += [f"  failed: {name}" for name in self.checks_failed[:10]]
        lines.append(f"Narrative findings: {self.narrative_findings} (see quality.narrative_findings)")
        if self.set_aside:
            lines.append(f"Note: a killed read-write session had left changes to the warehouse: kept "
                         f"in {self.set_aside} (with its .wal); the published file is read-only")
        lines += [
            f"Warehouse: {self.paths.warehouse_file}  ({seconds:.1f} s)",
            f"Query it:  {query_hint(self.paths)}",
            f"Open the UI (lineage, runs, checks): {command_for(self.paths, 'ui')}  ->  http://127.0.0.1:3000",
        ]
        return "\n".join(lines)


SNAPSHOT_KEY = AssetKey(["warehouse", "budget_snapshot"])
ORIGINAL_ERROR = "Original error: "  # how DuckDB words the cause of, e.g., a failed checkpoint
# The summary names every failure in one line; full logs stay in the UI (make ui).
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def root_cause_line(message: str) -> str:
    """The line of an error message that says what went wrong: the original error a DuckDB error
    wraps, else its first line, without the Python class name (a DuckDB error ends with the query
    and a caret under it)."""
    cause = message.strip().rpartition(ORIGINAL_ERROR)[2]
    line = next((text.strip() for text in cause.splitlines() if text.strip()), "unknown error")
    head, _, rest = line.partition(": ")
    return rest if rest and "." in head and " " not in head else line


def failure_message(result: ExecuteInProcessResult) -> str:
    """Return the root cause of the first failed step, in one line."""
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause:
                error = error.cause
            return f"{event.step_key}: {root_cause_line(error.message)}"
    return "run failed"


def document_outcome(paths: BudgetPaths, item: InboxFile, ran: bool, error: str | None) -> DocumentOutcome:
    """Quarantined with its reason, else the failure, else loaded (skipped when it did not run)."""
    quarantine = quarantine_path(paths.data_dir, item.document_id)
    if quarantine.exists():
        return DocumentOutcome(item.file_name, item.document_id, "quarantined",
                               json.loads(quarantine.read_text())["reason"])
    if error:
        return DocumentOutcome(item.file_name, item.document_id, "error", error)
    return DocumentOutcome(item.file_name, item.document_id, "loaded" if ran else "skipped")


_WORKERS: dict[tuple[str, str, str], tuple[Definitions, DagsterInstance]] = {}
# Documents per Dagster run: a run costs ~0.25 s of its own (creation, events), a batch shares it;
# more would leave the progress silent for long and the workers' shares uneven.
MAX_BATCH = 8


def run_documents(inbox: str, warehouse: str, home: str, keys: list[str],
                  broker: str | None = None) -> dict[str, str | None]:
    """Materialize a batch of document partitions (consecutive in the partitions' order: one
    Dagster run takes a range) through Dagster, on Celery workers when a broker is given; return
    each partition's failure message, or None. When the batch's run fails, its documents run
    again one by one (a failed run materializes none of them), so that a failing document fails
    alone. Runs in a worker process, hence plain arguments."""
    error = run_range(inbox, warehouse, home, keys, broker)
    if error is None or len(keys) == 1:
        return dict.fromkeys(keys, error)
    return {key: run_range(inbox, warehouse, home, [key], broker) for key in keys}


def run_range(inbox: str, warehouse: str, home: str, keys: list[str], broker: str | None) -> str | None:
    """One Dagster run of document_job over the partitions from keys[0] to keys[-1]; the failure or None."""
    key = (inbox, warehouse, home)
    if key not in _WORKERS:
        _WORKERS[key] = (build_definitions(paths_from_env(inbox, warehouse)),
                         DagsterInstance.from_config(home))
    defs, instance = _WORKERS[key]
    tags = {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}
    if broker:
        return run_on_celery(instance, paths_from_env(inbox, warehouse), tags, broker)
    result = defs.resolve_job_def("document_job").execute_in_process(
        instance=instance, tags=tags, run_config=QUIET_LOGS, raise_on_error=False)
    return None if result.success else failure_message(result)


def run_on_celery(instance: DagsterInstance, paths: BudgetPaths, tags: dict[str, str], broker: str) -> str | None:
    """Run the partitions through document_celery_job: each step is a Celery task that any
    dagster-celery worker on the broker runs, the paths and the broker travelling in the run config."""
    job = ReconstructableRepository.for_module("pipelines.definitions", "defs").get_reconstructable_job(
        "document_celery_job")
    config = {**QUIET_LOGS, "execution": {"config": {"broker": broker, "backend": broker}},
              "resources": {"paths": {"config": {"inbox": paths.inbox, "warehouse": paths.warehouse}}}}
    with execute_job(job, instance, run_config=config, tags=tags) as result:
        return None if result.success else failure_message(result)


def worker_count(jobs: int) -> int:
    """Parallel document runs: one per core (BUDGET_WORKERS overrides), never more than jobs."""
    wanted = int(os.environ.get("BUDGET_WORKERS", os.cpu_count() or 1))
    return max(1, min(wanted, jobs))


def batches(order: list[str], todo: list[str], sizes: dict[str, int], workers: int) -> list[list[str]]:
    """The documents to run as batches of partitions consecutive in the partitions' `order`, of at
    most MAX_BATCH documents, each at most 1 / (2 x workers) of the bytes left to batch (a larger
    file goes alone): the batches shrink towards the end, so that the workers finish together;
    largest first (a scan read by OCR costs ten times a page of text, and is large for its pages)."""
    wanted, left = set(todo), sum(sizes[d] for d in todo)
    runs: list[list[str]] = [[]]
    for doc_id in order:
        batch = runs[-1]
        full = batch and (len(batch) == MAX_BATCH or sum(sizes[d] for d in [*batch, doc_id]) > left / (2 * workers))
        if batch and (doc_id not in wanted or full):
            left -= sum(sizes[d] for d in batch)
            runs.append(batch := [])
        if doc_id in wanted:
            batch.append(doc_id)
    return sorted((batch for batch in runs if batch), key=lambda b: sum(sizes[d] for d in b), reverse=True)


def process_documents(paths: BudgetPaths, home: Path, instance: DagsterInstance, force: bool, summary: RunSummary,
                      progress: Progress, broker: str | None = None) -> None:
    """Run the document partitions that are new or stale, in batches, in parallel (on Celery
    workers when a broker is given), showing progress."""
    items = {item.document_id: item for item in read_manifest(paths.data_dir)}
    keys = {d: partition_key(item.file_name, d) for d, item in items.items()}
    todo = list(items) if force else stale_documents(paths.data_dir, list(items))
    outcomes = {d: document_outcome(paths, item, False, None) for d, item in items.items() if d not in todo}
    started = time.perf_counter()

    def report(errors: dict[str, str | None]) -> None:
        for key, error in errors.items():
            doc_id = document_id_of(key)
            outcomes[doc_id] = document_outcome(paths, items[doc_id], True, error)
            progress.say(f"[{len(outcomes)}/{len(items)}] {outcomes[doc_id].file_name}: "
                         f"{outcomes[doc_id].text()} (t+{time.perf_counter() - started:.1f} s)")

    workers = worker_count(len(todo))
    registered = [document_id_of(key) for key in instance.get_dynamic_partitions(documents_partitions.name)]
    runs = [[keys[d] for d in batch] for batch in
            batches(registered, todo, {d: item.size_bytes for d, item in items.items()}, workers)]
    if workers == 1:
        for batch in runs:
            report(run_documents(paths.inbox, paths.warehouse, str(home), batch, broker))
    else:
        progress.say(f"extracting {len(todo)} documents with {workers} workers ...")
        context = multiprocessing.get_context("spawn")  # never fork a process holding the instance
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(run_documents, paths.inbox, paths.warehouse, str(home), batch, broker)
                       for batch in runs]
            for future in as_completed(futures):
                report(future.result())
    summary.outcomes = [outcomes[d] for d in items]


def read_outcome(paths: BudgetPaths, summary: RunSummary) -> None:
    con = duckdb.connect(str(paths.warehouse_file), read_only=True)
    try:
        for (mart,) in con.execute(SUMMARY_MARTS_SQL).fetchall():
            rows = con.execute(f"select count(*) from marts.{mart}").fetchone()[0]
            if rows or mart == "dim_document":
                summary.mart_rows[mart] = rows
        summary.tables_found, summary.tables_recognised = con.execute(
            "select count(*), count(*) filter (where table_id <> 'unclassified') "
            "from marts.dim_table_coverage").fetchone()
        summary.checks_passed = con.execute("select count(*) from quality.check_results where success").fetchone()[0]
        summary.failures = failing_checks(con).to_dict("records")
        summary.narrative_findings = con.execute("select count(*) from quality.narrative_findings").fetchone()[0]
    finally:
        con.close()


def path_problem(paths: BudgetPaths) -> str | None:
    """Why the inbox or the warehouse path cannot be used, in one line, or None; the warehouse's
    work folder is made and claimed for it on the way."""
    if not paths.inbox_dir.is_dir():
        return f"inbox {paths.inbox_dir} is not a folder: pass --inbox DIR or set BUDGET_INBOX"
    target = paths.warehouse_file
    problem = not_a_duckdb_file(target) if target.exists() else None
    if problem:
        return f"{problem}: nothing was run; move it away or pass --warehouse FILE for the warehouse"
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        owner = claim_folder(paths.data_dir, target)
    except OSError as error:
        return (f"cannot make the work folder {paths.data_dir} ({error.strerror}): pass --warehouse "
                "FILE in a folder you can write")
    if owner:
        return (f"the work folder {paths.data_dir} already serves the warehouse {owner}: give this "
                "warehouse a file name of its own (its work folder is <name>_data beside it)")
    return None


def remove_leftovers(paths: BudgetPaths) -> list[Path]:
    """Delete what killed or failed runs (a full disk) left: publish temp files, half-written
    document folders, and a working database that no longer opens (it is rebuilt from the
    Parquet files). Only called under the warehouse lock, so no live run owns them."""
    leftovers = publish_leftovers(paths.warehouse_file)
    leftovers += sorted(paths.data_dir.glob("*/*.partial"))
    if paths.build_db.exists():
        try:
            duckdb.connect(str(paths.build_db)).close()
        except duckdb.Error as error:
            if not open_held_read_write(error):  # held by a live process: not a leftover
                leftovers += [p for p in (paths.build_db, wal_of(paths.build_db)) if p.exists()]
    for path in leftovers:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return leftovers


def run_pipeline(inbox: str | None, warehouse: str | None, force: bool = False,
                 broker: str | None = None) -> RunSummary:
    """Run the whole graph for the inbox into the warehouse, holding the warehouse's lock, the
    documents on the Celery workers of `broker` when given, showing progress on stderr when it
    is a terminal; never raises for a bad document."""
    paths = paths_from_env(inbox, warehouse)
    summary = RunSummary(paths)
    summary.fatal = path_problem(paths)
    if summary.fatal:
        return summary
    import_gx_in_background()  # the checks need it; meanwhile the documents are extracted
    try:
        with warehouse_lock(run_lock_for(paths.warehouse_file)):
            run_locked(paths, force, summary, Progress(), broker)
    except WarehouseBusy as busy:
        summary.fatal = (f"another run is using the warehouse {paths.warehouse_file} since {busy}: "
                         "wait for it to finish (or stop it), then run again")
    except HomeTaken as taken:
        summary.fatal = str(taken)
    return summary


def run_locked(paths: BudgetPaths, force: bool, summary: RunSummary, progress: Progress,
               broker: str | None = None) -> None:
    """The run itself: scan, documents, warehouse build and publish, into `summary`."""
    for path in remove_leftovers(paths):
        print(f"removed {path}, left by an earlier run that failed", file=sys.stderr)
    home = dagster_home(paths.warehouse_file)
    prepare_home(home, paths.warehouse_file)
    instance = DagsterInstance.from_config(str(home))
    defs = build_definitions(paths)
    scan = defs.resolve_job_def("inbox_job").execute_in_process(
        instance=instance, run_config=QUIET_LOGS, raise_on_error=False)
    if not scan.success:
        summary.fatal = failure_message(scan)
        return
    process_documents(paths, home, instance, force, summary, progress, broker)
    if not any(outcome.usable for outcome in summary.outcomes):
        summary.fatal = (f"no PDF in {paths.inbox_dir} could be loaded "
                         f"({len(summary.documents)} found), for these reasons:")
        return
    progress.say("building the warehouse:")
    run_id = str(uuid.uuid4())  # known before the run starts, so its events can be followed live
    instance.add_event_listener(run_id, BuildSteps(progress, defs.resolve_asset_graph()))
    build = defs.resolve_job_def("warehouse_job").execute_in_process(
        instance=instance, run_config=QUIET_LOGS, raise_on_error=False, run_id=run_id)
    blocked = [e.check_name for e in build.get_asset_check_evaluations() if not e.passed and e.blocking]
    if blocked:
        summary.fatal = (f"a structural check failed (a mart lost a table's rows: {', '.join(blocked)}), so "
                         f"the snapshot was not published; {paths.warehouse_file} is unchanged: see these "
                         "checks in the UI (make ui)")
        return
    if not build.success:
        summary.fatal = (f"building the warehouse failed: {failure_message(build)}; "
                         f"{paths.warehouse_file} is unchanged")
        return
    published = {event.asset_key: event for event in build.get_asset_materialization_events()}
    summary.set_aside = published_value(published[SNAPSHOT_KEY], "set_aside")
    read_outcome(paths, summary)


def published_value(event, key: str) -> str:
    """A text metadata value of the snapshot's materialization."""
    value = event.step_materialization_data.materialization.metadata.get(key)
    return str(value.value) if value is not None else ""
