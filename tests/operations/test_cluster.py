"""The cluster path: a Redis broker and two dagster-celery worker processes extract and clean the
documents of `budget-etl run --broker`, and the warehouse is the one a local run builds."""
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterEventType, DagsterInstance, RunsFilter

from bench.local_cluster import local_cluster, worker_names
from pipelines.home import dagster_home
from pipelines.run import run_pipeline

ROOT = Path(__file__).resolve().parents[2]
REAL_BUDGET = Path("/work/shared/corpus/real/budget/2018_js-cppcc-office_budget-tables.pdf")
DOCUMENTS = [ROOT / "samples" / "jiaozuo_2023.pdf",
             ROOT / "tests" / "fixtures" / "rendered" / "land_10pt_w100_rep.pdf",
             ROOT / "tests" / "fixtures" / "rendered" / "port_7pt_w90_rep.pdf"]

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"),
                                reason="redis-server is not installed (Debian: apt-get install redis-server)")


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    real = [REAL_BUDGET] if REAL_BUDGET.exists() else []  # the shared corpus is absent off this machine
    for pdf in DOCUMENTS + real:
        shutil.copy(pdf, folder / pdf.name)
    return folder


@pytest.fixture(scope="module")
def warehouses(inbox, tmp_path_factory) -> dict[str, Path]:
    """The same inbox run locally and on a two-worker cluster (stopped when the run is done)."""
    folder = tmp_path_factory.mktemp("runs")
    local, cluster = folder / "local.duckdb", folder / "cluster.duckdb"
    assert run_pipeline(str(inbox), str(local)).exit_code == 0
    with local_cluster(folder / "cluster", workers=2) as broker:
        summary = run_pipeline(str(inbox), str(cluster), broker=broker)
    assert summary.exit_code == 0, summary.render(0)
    assert all(status == "loaded" for _, status in summary.documents)
    return {"local": local, "cluster": cluster}


def table_rows(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every marts and quality table and view, sorted."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = con.execute("select table_schema || '.' || table_name from information_schema.tables "
                            "where table_schema in ('marts', 'quality') order by 1").fetchall()
        return {name: con.execute(f"select * from {name} order by all").fetchall() for (name,) in names}
    finally:
        con.close()


def test_the_cluster_builds_the_warehouse_of_a_local_run(warehouses, inbox):
    local, cluster = table_rows(warehouses["local"]), table_rows(warehouses["cluster"])
    assert list(cluster) == list(local)
    for name, rows in local.items():
        assert cluster[name] == rows, name
    assert len(cluster["marts.dim_document"]) == len(list(inbox.glob("*.pdf")))
    assert len(cluster["marts.fct_three_public_costs"]) >= 3


def test_amounts_stay_exact_decimals_through_the_cluster(warehouses):
    con = duckdb.connect(str(warehouses["cluster"]), read_only=True)
    try:
        total, kind = con.execute(
            "select sum(total), any_value(typeof(total)) from marts.fct_three_public_costs "
            "where document_id in (select document_id from marts.dim_document "
            "where file_name = 'jiaozuo_2023.pdf')").fetchone()
    finally:
        con.close()
    assert kind == "DECIMAL(20,2)"
    assert str(total) == "3928500.00"  # printed 392.85 万元 (table 09 of the reference truth)


def test_both_workers_ran_document_steps(warehouses):
    instance = DagsterInstance.from_config(str(dagster_home(warehouses["cluster"])))
    ran_on: dict[str, set[str]] = {}
    for run in instance.get_runs(RunsFilter(job_name="document_celery_job")):
        records = instance.get_records_for_run(run.run_id, of_type=DagsterEventType.ENGINE_EVENT).records
        for record in records:
            metadata = record.event_log_entry.dagster_event.engine_event_data.metadata
            if "Celery worker" in metadata:
                worker = metadata["Celery worker"].value.split("@")[0]
                ran_on.setdefault(worker, set()).add(record.event_log_entry.dagster_event.step_key)
    assert set(ran_on) == set(worker_names(2))
    assert all(steps for steps in ran_on.values())
