"""Publishing the warehouse under faults: overlapping publishes, an analyst's killed read-write
session, a file at the warehouse path that is not ours, tables left by an older version, and
readers of the stable DuckDB line (the `duckdb-cli` package)."""
from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
import threading

import duckdb
import pytest

import warehouse.snapshot as snapshot
from tests.conftest import analyst_session
from warehouse.db import drop_unknown_tables
from warehouse.snapshot import PublishRefused, publish_leftovers, publish_snapshot


def make_build(path, documents: int = 1):
    """A working database shaped like ours: marts.dim_document with `documents` rows."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.dim_document as select 'doc' || range as document_id, "
                "123.45::decimal(20,2) as amount from range(?)", [documents])
    con.close()
    return path


def documents_in(path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select count(*) from marts.dim_document").fetchone()[0]
    finally:
        con.close()


def test_published_file_opens_in_the_duckdb_1_5_cli(pipeline_run, warehouse):
    if importlib.util.find_spec("duckdb_cli") is None:
        pytest.skip("the duckdb-cli package (dev extra, pinned in requirements.lock) is not installed")
    summary, _ = pipeline_run
    out = subprocess.run(
        [sys.executable, "-m", "duckdb_cli", "-readonly", "-csv", str(summary.paths.warehouse_file),
         "-c", "select version(), total from marts.fct_three_public_costs"],
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "v1.5." in out.stdout and "3928500.00" in out.stdout, out.stdout


def test_overlapping_publishes_each_swap_in_a_complete_file(tmp_path, monkeypatch):
    builds = [make_build(tmp_path / f"build{n}.duckdb", documents=n + 1) for n in range(2)]
    target = tmp_path / "budget.duckdb"
    both_copied = threading.Barrier(2, timeout=60)
    replace = snapshot.os.replace

    def replace_when_both_copied(source, destination):
        both_copied.wait()  # both temp files are fully written before either is swapped in
        replace(source, destination)

    monkeypatch.setattr(snapshot.os, "replace", replace_when_both_copied)
    errors = []

    def publish(build):
        try:
            publish_snapshot(build, target)
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=publish, args=(build,)) for build in builds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert documents_in(target) in (1, 2)
    assert publish_leftovers(target) == []


def test_a_killed_read_write_session_is_set_aside_not_replayed(tmp_path):
    target = tmp_path / "budget.duckdb"
    publish_snapshot(make_build(tmp_path / "old.duckdb"), target)
    analyst = analyst_session(target)
    with pytest.raises(PublishRefused, match="open read-write by another process"):
        publish_snapshot(make_build(tmp_path / "new.duckdb", documents=2), target)
    analyst.kill()
    analyst.wait()
    assert (tmp_path / "budget.duckdb.wal").exists()

    published = publish_snapshot(tmp_path / "new.duckdb", target)
    assert documents_in(target) == 2  # readers open the new file: no stale log replayed
    assert not (tmp_path / "budget.duckdb.wal").exists()
    kept = duckdb.connect(str(published.set_aside), read_only=True)
    assert kept.execute("select answer from main.my_scratch").fetchone() == (42,)
    kept.close()


def test_published_file_is_read_only(tmp_path):
    target = tmp_path / "budget.duckdb"
    publish_snapshot(make_build(tmp_path / "build.duckdb"), target)
    assert target.stat().st_mode & 0o222 == 0


@pytest.mark.parametrize("kind", ["csv", "sqlite", "other duckdb", "folder"])
def test_a_file_that_is_not_our_warehouse_is_never_replaced(tmp_path, kind):
    target = tmp_path / "budget.duckdb"
    if kind == "csv":
        target.write_text("id,amount\n1,2.50\n")
    elif kind == "sqlite":
        sqlite3.connect(target).execute("create table t (x)").connection.commit()
    elif kind == "other duckdb":
        duckdb.connect(str(target)).execute("create table sales as select 1 as x").close()
    else:
        target.mkdir()
    before = target.read_bytes() if target.is_file() else None
    with pytest.raises(PublishRefused, match="nothing was replaced"):
        publish_snapshot(make_build(tmp_path / "build.duckdb"), target)
    assert (target.read_bytes() if target.is_file() else None) == before
    assert publish_leftovers(target) == []


def test_tables_no_model_creates_are_dropped(tmp_path):
    con = duckdb.connect(str(make_build(tmp_path / "build.duckdb")))
    con.execute("create table marts.fct_from_an_older_version as select 1 as x")
    con.execute("create view marts.rpt_old as select * from marts.fct_from_an_older_version")
    dropped = drop_unknown_tables(con, {"marts.dim_document"})
    tables = con.execute("select schema_name || '.' || table_name from duckdb_tables() "
                         "union all select schema_name || '.' || view_name from duckdb_views() "
                         "where not internal").fetchall()
    con.close()
    assert sorted(dropped) == ["marts.fct_from_an_older_version", "marts.rpt_old"]
    assert tables == [("marts.dim_document",)]
