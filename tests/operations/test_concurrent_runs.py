"""Runs that overlap: two warehouses at once share nothing (Dagster home, partitions, work files);
one warehouse takes one run at a time, and the second is told who holds it since when."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

import pipelines.run as run
from assets.defs.resources import paths_from_env
from pipelines.home import HomeTaken, prepare_home
from tests.conftest import REFERENCE_PDF
from tests.pdf_factory import text_pdf
from warehouse.lock import warehouse_lock
from warehouse.paths import run_lock_for

COUNTED = ["marts.dim_document", "marts.dim_table_coverage", "marts.fct_projects", "quality.check_results"]


def counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table in COUNTED}
    finally:
        con.close()


def document_files(path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [name for (name,) in con.execute("select file_name from marts.dim_document").fetchall()]
    finally:
        con.close()


def test_two_warehouses_at_once_keep_their_own_documents(tmp_path, monkeypatch, pipeline_run, warehouse):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # the default: each warehouse its own home
    monkeypatch.setenv("BUDGET_WORKERS", "1")
    inbox_a, inbox_b = tmp_path / "inbox_a", tmp_path / "inbox_b"
    inbox_a.mkdir()
    inbox_b.mkdir()
    shutil.copy(REFERENCE_PDF, inbox_a / "a.pdf")
    text_pdf(inbox_b / "b.pdf")  # B's scan, the step that used to drop A's partitions, is what counts
    warehouse_a, warehouse_b = tmp_path / "a" / "budget.duckdb", tmp_path / "b" / "budget.duckdb"
    overlapping = {}
    process_documents = run.process_documents

    def b_runs_while_a_is_between_its_documents_and_its_build(paths, *rest):
        process_documents(paths, *rest)
        if paths.warehouse_file == warehouse_a and not overlapping:
            overlapping["b"] = run.run_pipeline(str(inbox_b), str(warehouse_b))
            overlapping["a again"] = run.run_pipeline(str(inbox_a), str(warehouse_a))

    monkeypatch.setattr(run, "process_documents", b_runs_while_a_is_between_its_documents_and_its_build)
    first = run.run_pipeline(str(inbox_a), str(warehouse_a))

    assert first.exit_code == 0, first.render(0)
    [(name, status)] = overlapping["b"].documents
    assert name == "b.pdf" and status.startswith("quarantined: no budget table found"), status
    assert document_files(warehouse_a) == ["a.pdf"]
    # the same tables as the reference alone (the session's run): nothing of A's was lost
    assert counts(warehouse_a) == counts(pipeline_run[0].paths.warehouse_file)
    busy = overlapping["a again"].fatal
    assert busy.startswith(f"another run is using the warehouse {warehouse_a} since 20"), busy
    assert f"(process {os.getpid()})" in busy


def test_a_second_run_on_a_busy_warehouse_says_who_holds_it(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    warehouse = tmp_path / "budget.duckdb"
    with warehouse_lock(run_lock_for(warehouse)):
        out = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--inbox", str(inbox),
                              "--warehouse", str(warehouse)], capture_output=True, text=True)
    assert out.returncode == 1
    assert "another run is using the warehouse" in out.stdout
    assert f"UTC (process {os.getpid()}): wait for it to finish" in out.stdout


def test_a_dagster_home_serves_one_warehouse(tmp_path):
    home = tmp_path / "home"
    prepare_home(home, tmp_path / "a.duckdb")
    prepare_home(home, tmp_path / "a.duckdb")  # the same warehouse again is fine
    with pytest.raises(HomeTaken, match="unset DAGSTER_HOME"):
        prepare_home(home, tmp_path / "b.duckdb")


def test_two_warehouses_whose_work_folders_would_be_one_are_refused(tmp_path):
    (tmp_path / "inbox").mkdir()
    first = run.path_problem(paths_from_env(str(tmp_path / "inbox"), str(tmp_path / "budget.duckdb")))
    second = run.path_problem(paths_from_env(str(tmp_path / "inbox"), str(tmp_path / "budget.db")))
    assert first is None
    assert second.startswith(f"the work folder {tmp_path / 'budget_data'} already serves the warehouse "
                             f"{tmp_path / 'budget.duckdb'}")
