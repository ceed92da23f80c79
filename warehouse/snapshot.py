"""The analysts' warehouse file: publish it from the working database (read-only, atomic, in a
storage version older readers open), tell whether a path holds one, and open it sandboxed.
"""
from __future__ import annotations

import os
import shutil
import stat
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

# Readable by DuckDB 1.4 (LTS), 1.5 and 2.x; duckdb 2.0 writes storage version 69 by default,
# which the 1.x CLI and most client tools (DBeaver, JDBC/ODBC drivers) cannot open.
PUBLISHED_STORAGE_VERSION = "v1.4.0"
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
WAREHOUSE_MARKER = ("marts", "dim_document")  # a table every budget warehouse has
READ_ONLY_MODE = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
TEMP_SUFFIX = ".tmp"
# `budget-etl sql` reads the warehouse and nothing else: no file, no network, no extension, no
# spill files beside the warehouse, and a query cannot switch that back on.
SANDBOX = {"enable_external_access": False, "temp_directory": "", "lock_configuration": True}
QUERY_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA}


class PublishRefused(Exception):
    """The warehouse path holds something that must not be replaced; the message says why."""


@dataclass(frozen=True)
class Published:
    """What a publish did: the file, and where an analyst's leftover changes were set aside."""

    path: Path
    set_aside: Path | None = None


def not_a_duckdb_file(path: Path) -> str | None:
    """Given an existing path, return why it is not a DuckDB database file, or None."""
    if path.is_dir():
        return f"{path} is a folder, not a DuckDB file"
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        return f"{path} cannot be read ({error.strerror})"
    if not head:
        return f"{path} is an empty file, not a DuckDB file"
    if head[8:12] != DUCKDB_MAGIC:
        return f"{path} is not a DuckDB file (it starts with {head[:8]!r})"
    return None


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def open_held_read_write(error: Exception) -> bool:
    """True when DuckDB could not open a file because another process holds it read-write."""
    return "Conflicting lock" in str(error) or "Could not set lock" in str(error)


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def set_aside_stale_wal(target: Path) -> Path | None:
    """A read-write session on the published file that was killed leaves its write-ahead log, which
    would not match the next file (every reader would fail). Keep the analyst's changes: copy the
    old file beside it with the log, so they open together; return that copy."""
    wal = wal_of(target)
    if not wal.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = target.with_name(f"{target.stem}.stale-{stamp}{target.suffix}")
    shutil.copyfile(target, kept)
    os.replace(wal, wal_of(kept))
    return kept


def refuse_if_held(target: Path) -> None:
    """Raise PublishRefused when a session holds `target` read-write: its log would outlive the swap."""
    try:
        duckdb.connect(str(target), read_only=True).close()
    except duckdb.Error as error:
        if open_held_read_write(error):
            raise PublishRefused(
                f"{target} is open read-write by another process ({first_line(error)}): close that "
                "session and run again; analysts open the warehouse read-only (duckdb -readonly)") from error


def refuse_unless_warehouse(target: Path) -> None:
    """Raise PublishRefused unless `target` opens as a budget warehouse."""
    advice = "nothing was replaced; move it away or choose another --warehouse"
    try:
        con = duckdb.connect(str(target), read_only=True)
    except duckdb.Error as error:
        raise PublishRefused(f"{target} cannot be opened ({first_line(error)}): {advice}") from error
    try:
        ours = con.execute("select count(*) from information_schema.tables "
                           "where table_schema = ? and table_name = ?", WAREHOUSE_MARKER).fetchone()[0]
    finally:
        con.close()
    if not ours:
        raise PublishRefused(f"{target} is a DuckDB database but not a budget warehouse (no "
                             f"{'.'.join(WAREHOUSE_MARKER)}): {advice}")


def prepare_target(target: Path) -> Path | None:
    """Make sure `target` may be replaced: absent, or a budget warehouse no session holds read-write
    (else raise PublishRefused); set aside a killed session's log; return where it was kept."""
    if not target.exists():
        return None
    problem = not_a_duckdb_file(target)
    if problem:
        raise PublishRefused(f"{problem}: nothing was replaced; move it away or choose another --warehouse")
    refuse_if_held(target)
    kept = set_aside_stale_wal(target)
    refuse_unless_warehouse(target)
    return kept


def temp_name(target: Path) -> Path:
    """A temp file beside `target`, unique per publish, so two publishes never share one."""
    return target.with_name(f"{target.name}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}")


def publish_leftovers(target: Path) -> list[Path]:
    """Temp files (and their logs) of publishes that were killed or ran out of disk space."""
    names = [f"{target.name}.*{TEMP_SUFFIX}", f"{target.name}.*{TEMP_SUFFIX}.wal",
             f"{target.name}{TEMP_SUFFIX}", f"{target.name}{TEMP_SUFFIX}.wal"]  # older fixed name
    return sorted({p for name in names for p in target.parent.glob(name) if p.is_file()})


def copy_database(build_db: Path, temp: Path) -> None:
    """Copy every schema, table, view and macro of `build_db` into a new file `temp`."""
    con = duckdb.connect()
    try:
        con.execute("attach ? as build (read_only)", [str(build_db)])
        con.execute(f"attach ? as snapshot (storage_version '{PUBLISHED_STORAGE_VERSION}')", [str(temp)])
        con.execute("copy from database build to snapshot")
        con.execute("detach snapshot")
    finally:
        con.close()


def publish_snapshot(build_db: Path, target: Path) -> Published:
    """Copy the pipeline's working database into `target` atomically (a unique temp file, made
    read-only, then os.replace), so an analyst holding the previous file open is never disturbed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    set_aside = prepare_target(target)
    temp = temp_name(target)
    try:
        copy_database(build_db, temp)
        temp.chmod(READ_ONLY_MODE)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
        wal_of(temp).unlink(missing_ok=True)
    return Published(target, set_aside)


def open_sandboxed(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only with no access to files, network or extensions."""
    return duckdb.connect(str(path), read_only=True, config=SANDBOX)


def non_queries(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The kinds of the statements in `sql` that are not queries (COPY, ATTACH, INSTALL, CREATE …)."""
    return [statement.type.name for statement in con.extract_statements(sql)
            if statement.type not in QUERY_STATEMENTS]
