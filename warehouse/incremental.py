"""Which documents a warehouse build has to redo: every document's work files and the code that
turns them into tables are fingerprinted, and a stage redoes only the documents whose print changed.

A stage ("staging", "checks") keeps the fingerprints it last built from in build_state.json in the
work folder, written only after its tables were committed: a crash in between redoes those
documents next time, which is harmless (they are deleted and inserted again).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

STATE_FILE = "build_state.json"
ROOT = Path(__file__).resolve().parents[1]
# the files that decide what a document's rows and checks are, besides its own work files
CODE_GLOBS = ("warehouse/*.py", "warehouse/**/*.sql", "warehouse/seeds/*.csv", "assets/templates/*.toml",
              "assets/audit/rules.toml", "expectations/*.py", "expectations/identities/*.toml")


@dataclass(frozen=True)
class BuildPlan:
    """What one stage must do: everything (`full`), or delete `stale` documents' rows and load
    `load` again; `fingerprints` is what the stage will have built from when it is done."""

    full: bool
    load: frozenset[str]
    stale: frozenset[str]
    fingerprints: dict[str, str] = field(default_factory=dict)

    @property
    def nothing_to_do(self) -> bool:
        return not self.full and not self.stale


def code_fingerprint() -> str:
    """A hash of every SQL model, seed, template, audit rule and identity file."""
    digest = hashlib.sha256()
    for path in sorted(p for pattern in CODE_GLOBS for p in ROOT.glob(pattern)):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def document_fingerprint(data_dir: Path, document_id: str) -> str:
    """Name, size and modification time of each of a document's clean files and its quarantine
    record: a re-extraction rewrites them all (work_files.replace_dir)."""
    files = sorted((data_dir / "clean" / document_id).glob("*"))
    files.append(data_dir / "quarantine" / f"{document_id}.json")
    stats = [(p.name, s.st_size, s.st_mtime_ns) for p in files if (s := stat_or_none(p))]
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def read_state(data_dir: Path) -> dict:
    try:
        return json.loads((data_dir / STATE_FILE).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def plan_stage(data_dir: Path, stage: str, fingerprints: dict[str, str], tables_exist: bool) -> BuildPlan:
    """Given a stage and each current document's fingerprint, return what the stage must redo:
    all of it when its tables are missing or the code changed, else the documents that are new,
    changed or gone."""
    code = code_fingerprint()
    built = read_state(data_dir).get(stage, {})
    every = frozenset(fingerprints)
    if not tables_exist or built.get("code") != code:
        return BuildPlan(True, every, every, {**fingerprints, "": code})
    before: dict[str, str] = {k: v for k, v in built.get("documents", {}).items()}
    changed = frozenset(d for d, f in fingerprints.items() if before.get(d) != f)
    gone = frozenset(before) - every
    return BuildPlan(False, changed, changed | gone, {**fingerprints, "": code})


def save_stage(data_dir: Path, stage: str, plan: BuildPlan) -> None:
    """Record that `stage` now holds exactly the documents of `plan` (atomically replaced)."""
    state = read_state(data_dir)
    documents = {k: v for k, v in plan.fingerprints.items() if k}
    state[stage] = {"code": plan.fingerprints[""], "documents": documents}
    temp = data_dir / f"{STATE_FILE}.{os.getpid()}.partial"
    temp.write_text(json.dumps(state, indent=0, sort_keys=True))
    os.replace(temp, data_dir / STATE_FILE)


def with_inputs(fingerprints: dict[str, str], inputs: dict[str, str]) -> dict[str, str]:
    """Each document's fingerprint extended by what its results also read from other documents."""
    return {d: hashlib.sha256(f"{f}|{inputs.get(d, '')}".encode()).hexdigest() for d, f in fingerprints.items()}
