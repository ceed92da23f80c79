"""Run one document's extraction in a child process with a time limit and a memory limit, so a
pathological PDF (decompression bomb, endless content stream) is stopped without killing the run.

Children come from a fork server (a small process that has loaded only the extraction code), not
from forking the run itself: the run may be importing other libraries on a thread meanwhile, and
forking a process with threads can deadlock the child.

Limits come from BUDGET_DOC_TIMEOUT_S (default 600) and BUDGET_DOC_MEMORY_MB (default 2048,
added to what the process already maps).
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import traceback
from pathlib import Path

from assets.extract.model import ExtractedDocument
from assets.extract.pdf_document import UnreadableDocument, extract_document

DEFAULT_TIMEOUT_S = 600.0
DEFAULT_MEMORY_MB = 2048


EXTRACTION = multiprocessing.get_context("forkserver")
EXTRACTION.set_forkserver_preload(["assets.extract.pdf_document"])


def limits_from_env() -> tuple[float, int]:
    return (float(os.environ.get("BUDGET_DOC_TIMEOUT_S", DEFAULT_TIMEOUT_S)),
            int(os.environ.get("BUDGET_DOC_MEMORY_MB", DEFAULT_MEMORY_MB)))


def mapped_bytes() -> int:
    """Virtual memory this process maps now (the child starts from the same)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def child_extract(path: Path, memory_mb: int, sender) -> None:
    """In the child: cap memory at `memory_mb` more than it maps now, extract, send ("ok",
    document) or ("error", reason)."""
    try:
        limit = mapped_bytes() + (memory_mb << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        sender.send(("ok", extract_document(path)))
    except UnreadableDocument as error:
        sender.send(("error", str(error)))
    except MemoryError:
        sender.send(("error", f"needed more than the memory limit of {memory_mb} MB "
                              "(decompression bomb?): raise BUDGET_DOC_MEMORY_MB if the file is sound"))
    except BaseException as error:  # report anything, never hang the parent
        sender.send(("error", f"extraction crashed: {type(error).__name__}: {error}\n"
                              f"{traceback.format_exc(limit=3)}"))
    finally:
        sender.close()
        os._exit(0)


def extract_with_limits(path: Path, timeout_s: float | None = None,
                        memory_mb: int | None = None) -> ExtractedDocument:
    """Given a PDF, return extract_document(path) computed in a child process; raise
    UnreadableDocument when the child runs out of time or memory."""
    env_timeout, env_memory = limits_from_env()
    timeout_s = env_timeout if timeout_s is None else timeout_s
    memory_mb = env_memory if memory_mb is None else memory_mb
    receiver, sender = EXTRACTION.Pipe(duplex=False)
    child = EXTRACTION.Process(target=child_extract, args=(path, memory_mb, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            child.kill()
            raise UnreadableDocument(
                f"extraction took longer than {timeout_s:g} s (endless content stream?): "
                "raise BUDGET_DOC_TIMEOUT_S if the file is just very large")
        status, payload = receiver.recv()
    except EOFError:
        raise UnreadableDocument(f"extraction process died (killed for memory? the limit is {memory_mb} MB "
                                 "over what the run maps: raise BUDGET_DOC_MEMORY_MB if the file is sound)") from None
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
        receiver.close()
    if status == "error":
        raise UnreadableDocument(payload)
    return payload
