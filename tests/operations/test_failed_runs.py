"""What failed runs leave behind and what they say: the next run removes their leftovers (temp
files of a publish cut short by a full disk, half-written folders, a working database that no
longer opens, tables of an older version), and a failed build names its root cause."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys

import duckdb
import pytest
from dagster._utils.error import serializable_error_info_from_exc_info

import assets.defs.warehouse_models as warehouse_models
from assets.defs.resources import paths_from_env
from pipelines.run import remove_leftovers, root_cause_line, run_pipeline
from tests.conftest import REFERENCE_PDF, analyst_session, mart_fingerprint
from warehouse.snapshot import publish_leftovers


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("failed_runs")
    inbox = base / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "a.pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DAGSTER_HOME", raising=False)
        summary = run_pipeline(str(inbox), str(base / "wh" / "budget.duckdb"))
    assert summary.exit_code == 0, summary.render(0)
    return summary.paths


def rerun(paths, patch):
    patch.delenv("DAGSTER_HOME", raising=False)
    return run_pipeline(paths.inbox, paths.warehouse)


def tables_of(path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {name for (name,) in con.execute(
            "select schema_name || '.' || table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()


def test_a_failed_build_names_its_root_cause_and_keeps_the_warehouse(built, monkeypatch):
    before = mart_fingerprint(built.warehouse_file)
    run_sql_file = warehouse_models.run_sql_file

    def broken_projects_model(con, path):
        if path.stem == "fct_projects":
            con.execute("create or replace table marts.fct_projects as\nselect no_such_column\nfrom range(1)")
        run_sql_file(con, path)

    monkeypatch.setattr(warehouse_models, "run_sql_file", broken_projects_model)
    summary = rerun(built, monkeypatch)
    assert summary.exit_code == 1
    assert 'Binder Error: Referenced column "no_such_column" not found' in summary.fatal, summary.fatal
    assert "^" not in summary.fatal and "\n" not in summary.fatal
    assert summary.fatal.endswith(f"{built.warehouse_file} is unchanged")
    assert mart_fingerprint(built.warehouse_file) == before


def test_the_next_run_removes_what_failed_runs_left(built, monkeypatch):
    target = built.warehouse_file
    leftovers = [target.with_name(target.name + ".tmp"),  # the fixed name older versions used
                 target.with_name(target.name + ".1a2b3c.tmp"),
                 target.with_name(target.name + ".1a2b3c.tmp.wal")]
    for path in leftovers:
        path.write_bytes(b"\0" * 4096)  # what a write cut off by a full disk leaves
    partial = built.data_dir / "clean" / "0123456789abcdef.partial"
    partial.mkdir()
    con = duckdb.connect(str(built.build_db))
    con.execute("create table marts.fct_from_an_older_version as select 1 as x")
    con.close()
    analyst = analyst_session(target)
    analyst.kill()
    analyst.wait()

    summary = rerun(built, monkeypatch)
    assert summary.exit_code == 0, summary.render(0)
    assert not any(path.exists() for path in leftovers) and not partial.exists()
    assert "Note: a killed read-write session had left changes" in summary.render(0)
    assert "main.my_scratch" in tables_of(summary.set_aside)
    assert "marts.fct_from_an_older_version" not in tables_of(target)
    assert "marts.fct_projects" in tables_of(target)


def test_a_working_database_that_no_longer_opens_is_rebuilt(tmp_path):
    paths = paths_from_env(str(tmp_path), str(tmp_path / "budget.duckdb"))
    paths.data_dir.mkdir()
    paths.build_db.write_bytes(b"\0" * 8192)  # a file cut short by a full disk
    assert remove_leftovers(paths) == [paths.build_db]
    assert not paths.build_db.exists()


@pytest.mark.parametrize("content", [b"id,amount\n1,2.50\n", b"SQLite format 3\0" + b"\0" * 100])
def test_a_file_at_the_warehouse_path_that_is_no_warehouse_stops_the_run_at_once(tmp_path, content):
    (tmp_path / "inbox").mkdir()
    target = tmp_path / "budget.duckdb"
    target.write_bytes(content)
    summary = run_pipeline(str(tmp_path / "inbox"), str(target))
    assert summary.exit_code == 1
    assert "is not a DuckDB file" in summary.fatal and "nothing was run" in summary.fatal
    assert target.read_bytes() == content


def test_root_cause_of_a_duckdb_error_is_its_first_line_without_the_class():
    try:
        duckdb.connect().execute("select no_such_column\nfrom range(1)")
    except duckdb.Error:
        message = serializable_error_info_from_exc_info(sys.exc_info()).message
    assert message.rstrip().endswith("^")
    assert root_cause_line(message).startswith('Binder Error: Referenced column "no_such_column" not found')


def test_a_run_out_of_disk_space_names_it_and_the_next_run_works(built):
    target = built.warehouse_file
    before = mart_fingerprint(target)
    limit = target.stat().st_size * 3 // 4  # the publish cannot write its copy: a full disk

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    out = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--inbox", built.inbox,
                          "--warehouse", built.warehouse],
                         preexec_fn=small_disk, env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "File too large" in out.stdout and "^" not in out.stdout, out.stdout
    assert mart_fingerprint(target) == before

    with pytest.MonkeyPatch.context() as patch:
        summary = rerun(built, patch)
    assert summary.exit_code == 0, summary.render(0)
    assert mart_fingerprint(target) == before
    assert publish_leftovers(target) == []
