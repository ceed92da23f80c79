"""Load the identity specs of identities/*.toml: validated, with `params` expanded into one
identity per parameter set. A file's top-level `templates` lists the templates whose documents
its identities check: each template's Expectation Suite is the identities listed for it."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

IDENTITY_DIR = Path(__file__).parent / "identities"
GROUPS = {"hard", "cross", "soft", "narrative", "schema", "completeness"}
KEYS = {"id", "group", "guards", "description", "sql", "params", "tolerance_units"}


class IdentitySpecError(ValueError):
    """An identity file that does not follow the model; the message names file and identity."""


@dataclass(frozen=True)
class Identity:
    id: str
    group: str
    guards: str
    description: str
    sql: str
    templates: tuple[str, ...]
    tolerance_units: int = 1


def expand(raw: dict, where: str, templates: tuple[str, ...]) -> list[Identity]:
    """Return the identities one raw entry stands for (one per `params` set, or just one)."""
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise IdentitySpecError(f"{where}: unknown key {unknown[0]!r} (allowed: {sorted(KEYS)})")
    if raw.get("group") not in GROUPS:
        raise IdentitySpecError(f"{where}: group must be one of {sorted(GROUPS)}")
    identities = []
    fill = str.format if "params" in raw else (lambda text, **_: text)  # no params: braces are SQL's
    for params in raw.get("params", [{}]):
        try:
            identities.append(Identity(
                id=fill(raw["id"], **params), group=raw["group"], guards=fill(raw["guards"], **params),
                description=fill(raw["description"], **params), sql=fill(raw["sql"], **params),
                templates=templates, tolerance_units=int(raw.get("tolerance_units", 1)),
            ))
        except (KeyError, IndexError) as error:
            raise IdentitySpecError(f"{where}: missing key or parameter {error}") from error
    return identities


@cache
def load_identities(directory: Path = IDENTITY_DIR) -> tuple[Identity, ...]:
    """Return every identity of every file in `directory`; ids must be unique."""
    identities: list[Identity] = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        templates = raw.get("templates")
        if not templates or not all(isinstance(t, str) for t in templates):
            raise IdentitySpecError(f"{path.name}: the file needs a top-level templates = [\"<template id>\", …]")
        for index, entry in enumerate(raw.get("identity", [])):
            identities.extend(expand(entry, f"{path.name} identity {index} ({entry.get('id')})",
                                     tuple(templates)))
    ids = [identity.id for identity in identities]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise IdentitySpecError(f"duplicate identity ids: {duplicates}")
    return tuple(identities)
