"""The `budget-etl` commands a user types, on the warehouse built from the reference."""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from tests.conftest import REFERENCE_PDF


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
    for command in (["sql", "select 1"], ["export"], ["report"], ["ui"]):
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


def test_run_json_that_cannot_start_says_why_in_its_json(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    out = budget_etl("run", "--json", "--inbox", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert out.returncode == 1
    summary = json.loads(out.stdout)
    assert summary["exit_code"] == 1 and "is not a folder" in summary["error"] and summary["documents"] == []


def test_run_piped_where_nothing_loads_still_gives_each_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "notes.pdf").write_text("not a PDF at all")
    out = budget_etl("run", "--inbox", str(tmp_path / "inbox"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert out.returncode == 1 and out.stderr == "", out.stderr
    first, *documents = out.stdout.splitlines()
    assert "could be loaded (1 found)" in first
    assert len(documents) == 1 and documents[0].startswith("  notes.pdf: quarantined: not a PDF"), out.stdout


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


def test_ui_on_a_missing_inbox_is_one_line(tmp_path):
    out = budget_etl("ui", "--inbox", str(tmp_path / "none"), "--warehouse", str(tmp_path / "budget.duckdb"))
    assert out.returncode == 1
    assert out.stderr == (f"budget-etl ui: inbox {tmp_path / 'none'} is not a folder: "
                          "pass --inbox DIR or set BUDGET_INBOX\n")


def test_sql_table_fits_the_terminal_width(pipeline_run, warehouse):
    summary, _ = pipeline_run
    query = ("select document_id, source_table, row_kind, function_code, total, basic_total, project_total, "
             "basic_wages_welfare from marts.fct_expenditure_by_function limit 3")

    def table(columns: int) -> list[str]:
        out = subprocess.run([sys.executable, "-m", "pipelines.cli", "sql", query, "--warehouse",
                              str(summary.paths.warehouse_file)],
                             capture_output=True, text=True, env={**os.environ, "COLUMNS": str(columns)})
        assert out.returncode == 0, out.stderr
        return out.stdout.strip().splitlines()

    narrow, wide = table(100), table(200)
    assert max(map(len, narrow)) <= 100 and "8 columns (" in narrow[-1]  # some columns elided
    assert max(map(len, wide)) > 100 and "…" not in "".join(wide)


def test_version():
    out = budget_etl("--version")
    assert out.returncode == 0 and out.stdout.startswith("budget-etl ")


def test_the_hints_run_as_printed_on_the_inbox_and_warehouse_just_built(pipeline_run, warehouse):
    """The summary's "Query it" line prints the 三公 total when pasted; its UI line opens this
    warehouse with this inbox (the UI's sensor would drop every document of another inbox)."""
    import shlex

    from pipelines.cli import build_parser

    summary, _ = pipeline_run
    text = summary.render(1.0)
    query = next(line for line in text.splitlines() if line.startswith("Query it:")).partition(":")[2]
    out = subprocess.run(shlex.split(query), capture_output=True, text=True)
    assert out.returncode == 0 and "3928500.00" in out.stdout, out.stderr
    ui = next(line for line in text.splitlines() if line.startswith("Open the UI")).partition(": ")[2]
    args = build_parser().parse_args(shlex.split(ui.partition("  ->")[0])[1:])
    assert (args.command, args.inbox, args.warehouse) == (
        "ui", summary.paths.inbox, str(summary.paths.warehouse_file))


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


def run_on_a_terminal(inbox: Path, warehouse: Path, home: Path) -> tuple[subprocess.CompletedProcess, str]:
    """`budget-etl run --json` with stdout piped and stderr on a pseudo-terminal, as a person
    running it from a shell and piping the summary on; returns the process and what the terminal showed."""
    terminal, child_side = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "run", "--json", "--inbox", str(inbox),
                                "--warehouse", str(warehouse)], stdout=subprocess.PIPE, stderr=child_side,
                               env={**os.environ, "DAGSTER_HOME": str(home)}, text=True)
    os.close(child_side)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    stdout = process.stdout.read()
    process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout), shown.decode()


@pytest.fixture(scope="module")
def json_runs(tmp_path_factory):
    """Two runs of a small inbox (the reference, a text file named .pdf): the first with its
    stderr on a terminal, the second (nothing changed) piped."""
    base = tmp_path_factory.mktemp("json_run")
    inbox = base / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "jiaozuo_2023.pdf")
    (inbox / "notes.pdf").write_text("not a PDF at all")
    warehouse = base / "budget.duckdb"
    first, shown = run_on_a_terminal(inbox, warehouse, base / "home")
    again = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--json", "--inbox", str(inbox),
                            "--warehouse", str(warehouse)], capture_output=True, text=True,
                           env={**os.environ, "DAGSTER_HOME": str(base / "home")})
    return warehouse, first, shown, again


def test_run_json_is_the_whole_of_stdout(json_runs, truth):
    warehouse, first, _, _ = json_runs
    assert first.returncode == 0, first.stdout
    assert first.stdout.count("\n") == 1 and first.stdout.endswith("}\n"), first.stdout
    summary = json.loads(first.stdout)
    statuses = {d["file_name"]: (d["status"], d["reason"]) for d in summary["documents"]}
    assert statuses["jiaozuo_2023.pdf"] == ("loaded", None)
    assert statuses["notes.pdf"][0] == "quarantined" and statuses["notes.pdf"][1].startswith("not a PDF")
    assert summary["tables"] == {"found": len(truth["tables"]), "recognised": len(truth["tables"])}
    assert summary["warehouse"] == str(warehouse) and summary["seconds"] > 0 and summary["error"] is None
    con = duckdb.connect(str(warehouse), read_only=True)
    passed, failed = con.execute("select count(*) filter (where success), count(*) filter (where not success) "
                                 "from quality.check_results").fetchone()
    findings = con.execute("select count(*) from quality.narrative_findings").fetchone()[0]
    con.close()
    assert (summary["checks"]["passed"], summary["checks"]["failed"]) == (passed, failed)
    assert failed > 0 and len(summary["checks"]["failed_checks"]) == failed
    # table 06's 人员经费, 2405.09 万元 as the 说明 also states it: amounts are exact text, never floats
    personnel = next(c for c in summary["checks"]["failed_checks"] if c["check_name"] == "S06-07.人员类=人员经费")
    assert personnel["document"] == "jiaozuo_2023.pdf" and personnel["expected"] == "24050900.00"
    assert summary["narrative_findings"] == findings


def test_run_on_a_terminal_shows_documents_then_build_steps_with_times(json_runs):
    _, first, shown, _ = json_runs
    lines = [line.strip() for line in shown.replace("\r", "").splitlines()]
    assert any(re.fullmatch(r"\[\d/2\] jiaozuo_2023\.pdf: loaded \(t\+[\d.]+ s\)", line) for line in lines), shown
    steps = [line for line in lines if re.fullmatch(r"\w+ … \d+\.\d s", line)]
    assert [step.split()[0] for step in steps] == ["staging", "marts", "checks", "publish"], shown
    assert "{" not in shown and "…" not in first.stdout


def test_run_piped_is_quiet_and_skips_what_did_not_change(json_runs):
    _, _, _, again = json_runs
    assert again.returncode == 0, again.stderr
    assert again.stderr == "", again.stderr
    statuses = {d["file_name"]: d["status"] for d in json.loads(again.stdout)["documents"]}
    assert statuses == {"jiaozuo_2023.pdf": "skipped", "notes.pdf": "quarantined"}
