"""Kill a real `budget-etl run` with SIGKILL at several points: the published warehouse is always
a complete good state (or absent before the first publish), and the next run ends identical to
an uninterrupted one, with nothing duplicated or lost."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb

from tests.conftest import mart_fingerprint, two_document_inbox

# A full forced run of two documents takes about 35 s here (start 4, extraction 6, warehouse and
# checks the rest, publish last). The first run is killed as soon as it has published (whenever
# that is on the machine at hand); the others are killed in each phase.
KILL_AFTER_SECONDS = [3, 7, 11, 15, 19]


def wait_for(path, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)


def start_run(inbox, warehouse, home, *extra):
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "run", "--inbox", str(inbox),
         "--warehouse", str(warehouse), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def finish(process) -> str:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output.decode()
    return output.decode()


def test_sigkill_at_any_point_never_leaves_a_half_warehouse(tmp_path):
    inbox = two_document_inbox(tmp_path / "inbox")
    clean = tmp_path / "clean_run" / "budget.duckdb"
    finish(start_run(inbox, clean, tmp_path / "home_clean"))
    expected = mart_fingerprint(clean)

    warehouse = tmp_path / "crashed" / "budget.duckdb"
    home = tmp_path / "home_crashed"
    published_states = 0
    for delay in [None, *KILL_AFTER_SECONDS]:
        process = start_run(inbox, warehouse, home, "--force")
        if delay is None:
            wait_for(warehouse)  # killed right after its publish
        else:
            time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if warehouse.exists():
            published_states += 1
            assert mart_fingerprint(warehouse) == expected, f"killed after {delay} s"

    finish(start_run(inbox, warehouse, home))
    assert mart_fingerprint(warehouse) == expected
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == 2
    con.close()
    leftovers = sorted(p.name for p in warehouse.parent.glob("*.tmp*"))
    assert leftovers == [], f"a half-written snapshot was left behind: {leftovers}"
    assert published_states >= 1, "no run published within 300 s"


def test_an_open_analyst_session_neither_blocks_nor_breaks(tmp_path):
    inbox = two_document_inbox(tmp_path / "inbox")
    warehouse = tmp_path / "wh" / "budget.duckdb"
    home = tmp_path / "home"
    finish(start_run(inbox, warehouse, home))
    analyst = duckdb.connect(str(warehouse), read_only=True)
    before = analyst.execute("select count(*) from marts.fct_projects").fetchone()[0]

    (inbox / "b.pdf").unlink()
    finish(start_run(inbox, warehouse, home))  # the run publishes while the analyst reads

    assert analyst.execute("select count(*) from marts.fct_projects").fetchone()[0] == before
    analyst.close()
    fresh = duckdb.connect(str(warehouse), read_only=True)
    assert fresh.execute("select count(*) from marts.fct_projects").fetchone()[0] == before // 2
    fresh.close()
