"""The `budget-etl` commands a user types, on the warehouse built from the reference."""
from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main


def budget_etl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args],
                          capture_output=True, text=True)


def test_sql_prints_the_three_public_costs(pipeline_run, warehouse):
    summary, _ = pipeline_run
    out = budget_etl("sql", "select total, vehicle_total, official_reception "
                     "from marts.fct_three_public_costs", "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 0, out.stderr
    for value in ("3928500.00", "1110000.00", "2818500.00"):
        assert value in out.stdout


def test_sql_on_missing_warehouse_says_what_to_do(tmp_path):
    out = budget_etl("sql", "select 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert out.returncode != 0
    assert "budget-etl run" in out.stderr


def test_sql_error_is_one_clear_line(pipeline_run, warehouse):
    summary, _ = pipeline_run
    out = budget_etl("sql", "select * from marts.nope", "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 2
    assert "nope" in out.stderr


def test_export_parquet_keeps_decimals(pipeline_run, warehouse, tmp_path):
    summary, _ = pipeline_run
    assert main(["export", "--format", "parquet", "--out", str(tmp_path),
                 "--warehouse", str(summary.paths.warehouse_file)]) == 0
    schema = pq.read_schema(tmp_path / "marts.fct_three_public_costs.parquet")
    assert str(schema.field("total").type) == "decimal128(20, 2)"


def test_run_with_missing_inbox_fails_clearly(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    out = budget_etl("run", "--inbox", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert out.returncode == 1
    assert "is not a folder" in out.stdout + out.stderr


def test_published_warehouse_opens_read_only_while_pipeline_keeps_its_own(pipeline_run, warehouse):
    summary, _ = pipeline_run
    assert summary.paths.build_db.exists()
    assert summary.paths.build_db != summary.paths.warehouse_file
    con = duckdb.connect(str(summary.paths.warehouse_file), read_only=True)
    assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize("statement", [
    "copy (select 10 * total as total from marts.fct_three_public_costs) to '{work}'",
    "attach '{scratch}' as scratch",
    "install httpfs",
    "select 1; create table marts.mine as select 1 as x",
])
def test_sql_writes_nothing_anywhere(pipeline_run, warehouse, tmp_path, statement):
    summary, _ = pipeline_run
    work = next((summary.paths.data_dir / "clean").glob("*/three_public_costs.parquet"))
    before = work.read_bytes()
    query = statement.format(work=work, scratch=tmp_path / "scratch.duckdb")
    out = budget_etl("sql", query, "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 2
    assert "refused" in out.stderr and "writes nothing" in out.stderr, out.stderr
    assert work.read_bytes() == before
    assert list(tmp_path.iterdir()) == []


def test_sql_cannot_reach_files_outside_the_warehouse(pipeline_run, warehouse):
    summary, _ = pipeline_run
    work = next((summary.paths.data_dir / "clean").glob("*/three_public_costs.parquet"))
    out = budget_etl("sql", f"select * from read_parquet('{work}')",
                     "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 2
    assert "disabled by configuration" in out.stderr


@pytest.mark.parametrize("kind", ["folder", "text file", "empty file"])
def test_a_bad_warehouse_path_is_one_line(tmp_path, kind):
    path = tmp_path / "budget.duckdb"
    if kind == "folder":
        path.mkdir()
    elif kind == "text file":
        path.write_text("id,amount\n1,2\n")
    else:
        path.write_bytes(b"")
    for command in (["sql", "select 1"], ["export"], ["report"]):
        out = budget_etl(*command, "--warehouse", str(path))
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1 and "not a DuckDB file" in out.stderr, out.stderr
        assert "Traceback" not in out.stderr


@pytest.mark.parametrize("command", ["export", "report"])
def test_output_to_a_file_instead_of_a_folder_is_one_line(pipeline_run, warehouse, tmp_path, command):
    summary, _ = pipeline_run
    (tmp_path / "out").write_text("not a folder")
    out = budget_etl(command, "--out", str(tmp_path / "out"), "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "pass --out DIR" in out.stderr, out.stderr


def test_run_into_a_folder_that_cannot_be_made_is_one_line(tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "a file").write_text("")
    out = budget_etl("run", "--inbox", str(tmp_path / "inbox"), "--warehouse", str(tmp_path / "a file" / "w.duckdb"))
    assert out.returncode == 1
    assert "cannot make the work folder" in out.stdout and "Traceback" not in out.stderr, out.stderr


def test_sql_formats_keep_amounts_exact(pipeline_run, warehouse):
    summary, _ = pipeline_run
    query = "select total, official_reception from marts.fct_three_public_costs"
    target = ("--warehouse", str(summary.paths.warehouse_file))
    csv_out = budget_etl("sql", query, "--format", "csv", *target)
    assert csv_out.stdout.splitlines() == ["total,official_reception", "3928500.00,2818500.00"]
    json_out = budget_etl("sql", query, "--format", "json", *target)
    assert json_out.stdout == '{"total": "3928500.00", "official_reception": "2818500.00"}\n'
    markdown = budget_etl("sql", query, "--format", "markdown", *target)
    assert markdown.stdout.splitlines()[2] == "| 3928500.00 | 2818500.00 |"


def test_sql_prints_every_statement_and_reads_a_file(pipeline_run, warehouse, tmp_path):
    summary, _ = pipeline_run
    queries = tmp_path / "two.sql"
    queries.write_text("select count(*) as documents from marts.dim_document;\n"
                       "select total from marts.fct_three_public_costs;\n")
    out = budget_etl("sql", "--file", str(queries), "--format", "csv",
                     "--warehouse", str(summary.paths.warehouse_file))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["documents", "1", "total", "3928500.00"]
    missing = budget_etl("sql", "--file", str(tmp_path / "none.sql"), "--warehouse", str(summary.paths.warehouse_file))
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1


def test_version():
    out = budget_etl("--version")
    assert out.returncode == 0 and out.stdout.startswith("budget-etl ")


def test_query_hint_names_the_warehouse_it_built(tmp_path):
    from pipelines.run import query_hint

    hint = query_hint(tmp_path / "other.duckdb")
    assert f"--warehouse {tmp_path / 'other.duckdb'}" in hint and "budget-etl" in hint


@pytest.mark.parametrize("command", ["run", "sql", "export", "report", "docs", "ui"])
def test_every_option_says_what_it_does_and_its_default(command):
    out = budget_etl(command, "--help")
    assert out.returncode == 0, out.stderr
    usage, _, listing = out.stdout.partition("\noptions:\n")
    entries = re.split(r"\n  (?=-)", "\n" + listing.split("\n\n")[0])[1:]
    options = {entry.split()[0].rstrip(",") for entry in entries} - {"-h"}
    assert options == set(re.findall(r"\[(--[a-z-]+)", usage)), out.stdout
    for entry in entries[1:]:
        name, _, text = entry.strip().partition(" ")
        assert "default: " in " ".join(text.split()), f"{command} {name} has no default in its help"
