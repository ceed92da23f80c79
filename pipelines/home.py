"""Each warehouse keeps its own Dagster home (runs, partitions, logs) in its work folder, so two
warehouses never share documents; an explicit DAGSTER_HOME is honoured for one warehouse only."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from warehouse.paths import claim_folder, data_dir_for

INSTANCE_CONFIG = Path(__file__).with_name("dagster.yaml")


class HomeTaken(Exception):
    """DAGSTER_HOME already holds another warehouse's runs; the message says what to do."""


def dagster_home(warehouse: Path) -> Path:
    """DAGSTER_HOME when set, else <warehouse>_data/dagster_home."""
    return Path(os.environ.get("DAGSTER_HOME") or data_dir_for(warehouse) / "dagster_home")


def prepare_home(home: Path, warehouse: Path) -> None:
    """Create the home with the pipeline's instance config and claim it for `warehouse`; raise
    HomeTaken when it already belongs to another warehouse."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or not config.read_text().strip():
        shutil.copy(INSTANCE_CONFIG, config)
    owner = claim_folder(home, warehouse)
    if owner:
        raise HomeTaken(
            f"the Dagster home {home} holds the documents of the warehouse {owner}, not {warehouse}: "
            "unset DAGSTER_HOME (each warehouse then keeps its own, in its work folder) or point it "
            "at another folder")


def commit_without_fsync(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


def unsynced_instance_storage() -> None:
    """Let the Dagster instance's SQLite files (the only SQLAlchemy engines here) commit without
    fsync in this process. Dagster opens and closes a connection per event, and each commit and
    each close (a WAL checkpoint) waits for the disk: ~20 ms an event on this machine's shared disk,
    700 connections in a one-document run. Without fsync a killed process still loses nothing
    (the OS has the data); only an OS crash or power cut can damage the home, which holds run
    history only: the documents' state is in the work files, so a new home loses no work."""
    if not event.contains(Engine, "connect", commit_without_fsync):
        event.listen(Engine, "connect", commit_without_fsync)
