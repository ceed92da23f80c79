"""A Celery cluster on this machine: redis-server on a free port and N dagster-celery workers,
each one process, for the cluster test and bench/scaling.py; stopped on leaving the context."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from celery import Celery
from dagster import DagsterInstance

BIN = Path(sys.executable).parent
READY_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_names(count: int) -> list[str]:
    return [f"budget{index + 1}" for index in range(count)]


def launch(command: list[str], log: Path, **options) -> subprocess.Popen:
    """Start `command` in its own process group, its output into `log` (named by `process.log`)."""
    with log.open("w") as out:
        process = subprocess.Popen(command, start_new_session=True, stdout=out, stderr=subprocess.STDOUT, **options)
    process.log = log
    return process


def wait_for(ready, what: str, processes: list[subprocess.Popen]) -> None:
    """Poll `ready()` until true; raise naming `what`, with the end of each dead process's log,
    when a process died or time ran out."""
    deadline = time.monotonic() + READY_SECONDS
    while not ready():
        dead = [p for p in processes if p.poll() is not None]
        if dead or time.monotonic() > deadline:
            logs = "\n".join(p.log.read_text()[-1500:] for p in dead)
            raise RuntimeError(f"{what} did not start within {READY_SECONDS} s; exited: {logs}")
        time.sleep(0.5)


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url).ping())
    except redis.ConnectionError:
        return False


def start_workers(url: str, count: int, folder: Path) -> list[subprocess.Popen]:
    """`dagster-celery worker start` per worker, in the solo pool: one
    process running one task at a time, free to start the extraction's limit-keeping child process."""
    config = folder / "celery.yaml"
    config.write_text(f"execution:\n  config:\n    broker: '{url}'\n    backend: '{url}'\n")
    home = folder / "worker_home"
    home.mkdir(exist_ok=True)
    with DagsterInstance.from_config(str(home)) as instance:  # its SQLite set up once: workers started
        instance.get_runs(limit=1)                             # together race to create the tables
    env = {**os.environ, "DAGSTER_HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return [launch([str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app", "-y", str(config),
                    "-n", name, "-l", "WARNING", "--", "--pool", "solo"], folder / f"{name}.log", env=env, cwd=folder)
            for name in worker_names(count)]


def stop(process: subprocess.Popen) -> None:
    """Stop a process and its children (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def local_cluster(folder: Path, workers: int = 2):
    """Yield the broker URL of a running redis-server with `workers` dagster-celery workers that all
    answer a ping; everything started is stopped on exit."""
    if not shutil.which("redis-server"):
        raise FileNotFoundError("redis-server is not installed (Debian: apt-get install redis-server)")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    processes = [launch(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                         "no", "--dir", str(folder)], folder / "redis.log")]
    try:
        wait_for(lambda: redis_answers(url), "redis-server", processes)
        processes += start_workers(url, workers, folder)
        app = Celery(broker=url, backend=url)
        wait_for(lambda: len(app.control.ping(timeout=1)) >= workers, f"{workers} celery workers", processes)
        yield url
    finally:
        for process in reversed(processes):
            stop(process)
