"""Shared fixtures: the reference PDF and its truth, extracted once; a warehouse built once by
the real pipeline (through Dagster) from an inbox holding the reference and two bad files."""
from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_PDF = ROOT / "samples" / "jiaozuo_2023.pdf"
TRUTH_FILE = ROOT / "tests" / "fixtures" / "reference" / "jiaozuo_2023.truth.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def truth() -> dict:
    return json.loads(TRUTH_FILE.read_text())


@pytest.fixture(scope="session")
def truth_tables(truth) -> dict[str, dict]:
    return {table["id"]: table for table in truth["tables"]}


@pytest.fixture(scope="session")
def reference_extracted():
    from assets.extract.pdf_document import extract_document

    return extract_document(REFERENCE_PDF)


@pytest.fixture(scope="session")
def reference_document(reference_extracted):
    from assets.clean.tables import document_to_tables

    return document_to_tables(reference_extracted)


def wan_to_yuan(text: str | None) -> Decimal:
    """A truth amount printed in 万元 (None = blank) as the mart's 元 value."""
    return (Decimal(text) * 10000).quantize(Decimal("0.01")) if text is not None else Decimal("0.00")


def run_pipeline_isolated(inbox: Path, warehouse: Path, home: Path, **env: str):
    """Run the whole pipeline with its own DAGSTER_HOME (and extra env vars), restoring the
    environment afterwards; return the RunSummary."""
    from pipelines.run import run_pipeline

    settings = {"DAGSTER_HOME": str(home), **env}
    saved = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    try:
        return run_pipeline(str(inbox), str(warehouse))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """Run `budget-etl run` logic once: inbox = reference PDF + a text file named .pdf + an
    empty .pdf; returns (summary, paths)."""
    base = tmp_path_factory.mktemp("pipeline")
    inbox = base / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "焦作 政府办 2023.pdf")
    (inbox / "not_a_pdf.pdf").write_text("this is a text file, not a PDF")
    (inbox / "empty.pdf").write_bytes(b"")
    summary = run_pipeline_isolated(inbox, base / "warehouse" / "budget.duckdb", base / "dagster_home")
    return summary, base


@pytest.fixture(scope="session")
def warehouse(pipeline_run):
    summary, _ = pipeline_run
    assert summary.fatal is None, summary.fatal
    con = duckdb.connect(str(summary.paths.warehouse_file), read_only=True)
    yield con
    con.close()


MART_TABLES = ["marts.dim_document", "marts.fct_income_expenditure_summary",
               "marts.fct_expenditure_by_function", "marts.fct_basic_expenditure_by_economic",
               "marts.fct_basic_expenditure_detail", "marts.fct_three_public_costs",
               "marts.fct_projects", "marts.fct_operating_costs", "quality.check_results"]


def mart_fingerprint(path) -> dict[str, str]:
    """Hash of every mart's full content (rows sorted), to compare two warehouses exactly."""
    import hashlib

    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: hashlib.sha256("\n".join(sorted(
                map(repr, con.execute(f"select * from {table}").fetchall()))).encode()).hexdigest()
            for table in MART_TABLES
        }
    finally:
        con.close()


def two_document_inbox(folder: Path) -> Path:
    """An inbox with the reference and a second document (same tables, other content hash)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REFERENCE_PDF, folder / "a.pdf")
    (folder / "b.pdf").write_bytes(REFERENCE_PDF.read_bytes() + b"\n% another copy\n")
    return folder


def analyst_session(target: Path):
    """An analyst's read-write session on the published file (made writable first), which has
    created main.my_scratch and not checkpointed it: killing it leaves the file's .wal behind."""
    import subprocess
    import sys

    target.chmod(0o644)
    analyst = subprocess.Popen([sys.executable, "-c", f"""
import duckdb, time
con = duckdb.connect({str(target)!r})
con.execute("set checkpoint_threshold = '1GB'")
con.execute("create table main.my_scratch as select 42 as answer")
print("written", flush=True)
time.sleep(600)
"""], stdout=subprocess.PIPE, text=True)
    assert analyst.stdout.readline().strip() == "written"
    return analyst
