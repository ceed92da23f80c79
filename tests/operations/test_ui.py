"""`budget-etl ui` as a user starts it: the UI of this warehouse, on its own Dagster home, and a
terminal that shows warnings and errors, not a superseded-command warning, sensor ticks or run events."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dagster import DagsterInstance

from tests.conftest import REFERENCE_PDF

STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(1)
    return False


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_ui_serves_its_warehouse_and_keeps_the_terminal_quiet(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "jiaozuo.pdf")
    warehouse = tmp_path / "budget.duckdb"
    port = free_port()
    log = (tmp_path / "ui.log").open("w")
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    ui = subprocess.Popen(
        [str(Path(sys.executable).with_name("budget-etl")), "ui", "--inbox", str(inbox), "--warehouse", str(warehouse),
         "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert wait_until(lambda: answers(port), STARTUP_SECONDS), (tmp_path / "ui.log").read_text()
        # the inbox sensor's first tick launches the document's run, the warehouse run follows it
        assert wait_until(warehouse.exists, STARTUP_SECONDS), (tmp_path / "ui.log").read_text()
    finally:
        os.killpg(ui.pid, signal.SIGKILL)  # `dagster dev` can ignore SIGTERM for a minute
        ui.wait()
        log.close()
    out = (tmp_path / "ui.log").read_text()
    home = tmp_path / "budget_data" / "dagster_home"
    assert out.splitlines()[0] == (f"Dagster UI for {warehouse} (inbox {inbox}) on http://127.0.0.1:{port} "
                                   f"(Dagster home {home}); Ctrl-C to stop")
    assert (home / "dagster.yaml").exists()
    for noise in ("SupersessionWarning", "Checking for new runs", "STEP_START", "DEBUG"):
        assert noise not in out, out
    with DagsterInstance.from_config(str(home)) as instance:  # the UI still shows every event
        runs = instance.get_runs()
        assert {run.job_name for run in runs} >= {"document_job", "warehouse_job"}
        events = {event.dagster_event.event_type_value for run in runs for event in instance.all_logs(run.run_id)
                  if event.dagster_event}
    assert {"STEP_WORKER_STARTED", "STEP_START", "ASSET_MATERIALIZATION"} <= events
