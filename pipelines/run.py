"""What `budget-etl run` does, through Dagster: scan the inbox, run one partition per new or
changed document (showing progress), build the warehouse, and summarise the result."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from dagster import DagsterInstance, ExecuteInProcessResult

from assets.documents_files import clean_dir, quarantine_path
from assets.resources import BudgetPaths, paths_from_env
from assets.templates.spec import SPEC_DIR
from pipelines.definitions import build_definitions

SUMMARY_MARTS = ("dim_document", "fct_income_expenditure_summary", "fct_expenditure_by_function",
                 "fct_basic_expenditure_by_economic", "fct_basic_expenditure_detail",
                 "fct_three_public_costs", "fct_projects", "fct_operating_costs")


@dataclass
class RunSummary:
    """What a run did, ready to print; exit_code 0 means every readable document was processed."""

    paths: BudgetPaths
    documents: list[tuple[str, str]] = field(default_factory=list)  # (file name, status)
    mart_rows: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    checks_failed: list[str] = field(default_factory=list)
    tables_found: int = 0
    fatal: str | None = None
    errors: int = 0

    @property
    def exit_code(self) -> int:
        loaded = sum(status.startswith(("loaded", "up to date")) for _, status in self.documents)
        return 1 if self.fatal or self.errors or not loaded else 0

    def render(self, seconds: float) -> str:
        if self.fatal:
            return f"budget-etl run: {self.fatal}"
        lines = [f"\nDocuments ({len(self.documents)}):"]
        lines += [f"  {name}: {status}" for name, status in self.documents]
        lines.append(f"Tables found: {self.tables_found}")
        lines.append("Rows per mart:")
        lines += [f"  marts.{name:<36} {rows:>6}" for name, rows in self.mart_rows.items()]
        lines.append(f"Identity checks: {self.checks_passed} passed, {len(self.checks_failed)} failed"
                     " (failures are findings about the documents; see quality.check_results)")
        lines += [f"  failed: {name}" for name in self.checks_failed[:10]]
        lines += [
            f"Warehouse: {self.paths.warehouse_file}  ({seconds:.1f} s)",
            "Query it:  budget-etl sql \"select * from marts.fct_three_public_costs\"",
            "Open the UI (lineage, runs, checks): make ui  ->  http://127.0.0.1:3000",
        ]
        return "\n".join(lines)


def extractor_version() -> str:
    """Changes whenever a template spec changes, so cleaned documents are redone."""
    digest = hashlib.sha256()
    for path in sorted(SPEC_DIR.glob("*.toml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def is_up_to_date(paths: BudgetPaths, document_id: str, version: str) -> bool:
    marker = clean_dir(paths.data_dir, document_id) / "extractor_version"
    return marker.exists() and marker.read_text() == version


# The summary names every failure in one line; full logs stay in the UI (make ui).
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def failure_message(result: ExecuteInProcessResult) -> str:
    """Return the root cause of the first failed step, in one line."""
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause:
                error = error.cause
            return f"{event.step_key}: {error.message.strip().splitlines()[-1]}"
    return "run failed"


def process_documents(paths, defs, instance, force: bool, summary: RunSummary) -> None:
    manifest = json.loads((paths.data_dir / "manifest.json").read_text())
    job = defs.resolve_job_def("document_job")
    version = extractor_version()
    for index, item in enumerate(manifest, start=1):
        name, doc_id = item["file_name"], item["document_id"]
        print(f"[{index}/{len(manifest)}] {name} ...", end=" ", file=sys.stderr, flush=True)
        if not force and is_up_to_date(paths, doc_id, version):
            summary.documents.append((name, "up to date"))
            print("up to date", file=sys.stderr)
            continue
        result = job.execute_in_process(instance=instance, partition_key=doc_id,
                                        run_config=QUIET_LOGS, raise_on_error=False)
        quarantine = quarantine_path(paths.data_dir, doc_id)
        if result.success:
            (clean_dir(paths.data_dir, doc_id) / "extractor_version").write_text(version)
            summary.documents.append((name, "loaded"))
            print("loaded", file=sys.stderr)
        elif quarantine.exists():
            reason = json.loads(quarantine.read_text())["reason"]
            summary.documents.append((name, f"quarantined: {reason}"))
            print(f"QUARANTINED: {reason}", file=sys.stderr)
        else:
            summary.errors += 1
            summary.documents.append((name, f"error: {failure_message(result)}"))
            print(f"ERROR: {failure_message(result)}", file=sys.stderr)


def read_outcome(paths: BudgetPaths, summary: RunSummary) -> None:
    con = duckdb.connect(str(paths.warehouse_file), read_only=True)
    try:
        for mart in SUMMARY_MARTS:
            summary.mart_rows[mart] = con.execute(f"select count(*) from marts.{mart}").fetchone()[0]
        summary.tables_found = con.execute("select count(*) from marts.dim_table_coverage").fetchone()[0]
        rows = con.execute("select check_name, success from quality.check_results "
                           "order by check_name").fetchall()
        summary.checks_passed = sum(ok for _, ok in rows)
        summary.checks_failed = sorted({name for name, ok in rows if not ok})
    finally:
        con.close()


def dagster_instance() -> DagsterInstance:
    """The persistent instance under DAGSTER_HOME (the one `make ui` shows), created if new."""
    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").touch()  # an empty config: runs and events stored under DAGSTER_HOME
    return DagsterInstance.get()


def run_pipeline(inbox: str | None, warehouse: str | None, force: bool = False) -> RunSummary:
    """Run the whole graph for the inbox into the warehouse; never raises for a bad document."""
    paths = paths_from_env(inbox, warehouse)
    summary = RunSummary(paths)
    if not paths.inbox_dir.is_dir():
        summary.fatal = f"inbox {paths.inbox_dir} is not a folder: pass --inbox DIR or set BUDGET_INBOX"
        return summary
    defs = build_definitions(paths)
    instance = dagster_instance()
    scan = defs.resolve_job_def("inbox_job").execute_in_process(
        instance=instance, run_config=QUIET_LOGS, raise_on_error=False)
    if not scan.success:
        summary.fatal = failure_message(scan)
        return summary
    process_documents(paths, defs, instance, force, summary)
    if not any(s.startswith(("loaded", "up to date")) for _, s in summary.documents):
        summary.fatal = (f"no PDF in {paths.inbox_dir} could be loaded "
                         f"({len(summary.documents)} found): see the reasons above")
        return summary
    print("building the warehouse (staging, marts, checks) ...", file=sys.stderr, flush=True)
    build = defs.resolve_job_def("warehouse_job").execute_in_process(
        instance=instance, run_config=QUIET_LOGS, raise_on_error=False)
    if not build.success:
        summary.fatal = f"building the warehouse failed: {failure_message(build)}"
        return summary
    read_outcome(paths, summary)
    return summary
