"""One run at a time per warehouse: an exclusive lock on a file in the warehouse's work folder,
held for the whole run and released by the kernel even when the run is killed."""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class WarehouseBusy(Exception):
    """Another run holds the warehouse; the message says since when and which process."""


@contextmanager
def warehouse_lock(lock_file: Path) -> Iterator[None]:
    """Hold the lock for the block, or raise WarehouseBusy naming the run that holds it."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise WarehouseBusy(handle.read().strip() or "a moment ago") from None
        handle.truncate(0)
        handle.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC (process {os.getpid()})")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
