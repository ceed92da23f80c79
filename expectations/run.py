"""Evaluate identities against the warehouse and validate every gap with Great Expectations.

Flow: each identity's SQL -> instances (expected, observed in 元) -> integer 分 and the
tolerance of the printed unit -> one GX expectation per identity on the `excess_fen` column
(|gap| - tolerance must be <= 0) -> one result row per document x identity.
"""
from __future__ import annotations

import importlib
import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from expectations.data_docs import localise_docs
from expectations.identities import Identity

DOCS_SITE = "budget_quality"
# One unit of the last printed digit (0.01) of each printed unit, in 分 (fen).
TOLERANCE_FEN = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
Documents = frozenset[str] | None  # the documents to check; None: all of them
# Counts and percentages (in "fen" too: x 100) must match exactly to their printed 2 decimals.
INSTANCE_COLUMNS = ["identity", "document_id", "suite", "subject", "expected_fen", "observed_fen",
                    "tolerance_fen", "excess_fen", "source_unit"]


@dataclass(frozen=True)
class CheckResult:
    """One row of quality.check_results."""

    document_id: str
    suite: str
    check_name: str
    guards: str
    group: str
    success: bool
    instances: int
    failures: int
    observed: str
    expected: str
    details: str


def identity_instances(con: duckdb.DuckDBPyConnection, identity: Identity,
                       documents: Documents = None) -> pd.DataFrame:
    """Run one identity's SQL and return its instances, on documents of the templates it is
    listed for (of `documents` only, when given), with integer-分 gap and tolerance; `suite` is
    the document's template."""
    sql = f"""
        select ? as identity, i.document_id::varchar as document_id, d.template as suite,
               i.subject::varchar as subject,
               to_fen(i.expected)::bigint as expected_fen, to_fen(i.observed)::bigint as observed_fen,
               i.source_unit::varchar as source_unit
        from ({identity.sql}) i
        join marts.dim_document d on d.document_id = i.document_id
        -- NULL: a column the document's template does not print; nothing to compare
        where i.expected is not null and i.observed is not null and list_contains(?, d.template)
          and (?::varchar[] is null or list_contains(?::varchar[], d.document_id))"""
    chosen = sorted(documents) if documents is not None else None
    frame = con.execute(sql, [identity.id, list(identity.templates), chosen, chosen]).df()
    unit_fen = frame["source_unit"].map(TOLERANCE_FEN).fillna(1).astype("int64")
    frame["tolerance_fen"] = unit_fen * identity.tolerance_units
    frame["excess_fen"] = (frame["expected_fen"] - frame["observed_fen"]).abs() - frame["tolerance_fen"]
    return frame[INSTANCE_COLUMNS]


def all_instances(con: duckdb.DuckDBPyConnection, identities: tuple[Identity, ...],
                  documents: Documents = None) -> pd.DataFrame:
    frames = [identity_instances(con, identity, documents) for identity in identities]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in INSTANCE_COLUMNS})
    # a fixed order, so the same warehouse always yields byte-identical results
    return (pd.concat(frames).sort_values(["identity", "document_id", "subject"], kind="stable")
            .reset_index(drop=True))


GX_MODULES = ("great_expectations", "great_expectations.checkpoint",
              "great_expectations.data_context.types.base", "great_expectations.expectations.row_conditions")


def import_gx_in_background() -> threading.Thread:
    """Start importing Great Expectations (seconds of CPU) on a daemon thread, so a run pays for it
    while it waits on extraction instead of when the checks start; importing again later is free."""
    thread = threading.Thread(target=lambda: [importlib.import_module(m) for m in GX_MODULES],
                              name="import-great-expectations", daemon=True)
    thread.start()
    return thread


def gx_failing_rows(instances: pd.DataFrame, identities: tuple[Identity, ...],
                    docs_dir: Path | None = None) -> set[int]:
    """Validate with Great Expectations through a Checkpoint: one expectation per identity group
    (hard, cross, narrative, …), excess_fen <= 0 on that group's instances; with `docs_dir`, also
    build the Data Docs site there (offline-ready). Return the index of every failing instance.
    One expectation per group, not per identity: GX costs ~65 ms per expectation and there are
    ~90 identities; the per-identity results are ours (quality.check_results, asset checks).
    (GX is imported here, not at the top: it costs seconds; see import_gx_in_background.)"""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.row_conditions import Column

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    actions = []
    if docs_dir is not None:
        shutil.rmtree(docs_dir, ignore_errors=True)
        context.add_data_docs_site(site_name=DOCS_SITE, site_config={
            "class_name": "SiteBuilder", "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)}})
        actions.append(UpdateDataDocsAction(name="data_docs", site_names=[DOCS_SITE]))
    batches = (context.data_sources.add_pandas("warehouse").add_dataframe_asset("identity_instances")
               .add_batch_definition_whole_dataframe("all"))
    validations = []
    for suite_name in sorted(set(instances["suite"])):  # one suite per template present
        suite = context.suites.add(gx.ExpectationSuite(name=suite_name))
        members = [identity for identity in identities if suite_name in identity.templates]
        for group in sorted({identity.group for identity in members}):
            suite.add_expectation(gx.expectations.ExpectColumnValuesToBeBetween(
                column="excess_fen", max_value=0, row_condition=Column("suite_group") == f"{suite_name}/{group}",
                meta={"group": group, "identities": sorted(i.id for i in members if i.group == group)},
            ))
        validations.append(context.validation_definitions.add(
            gx.ValidationDefinition(name=suite_name, data=batches, suite=suite)))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name="identities", validation_definitions=validations, actions=actions,
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["row_id"]}))
    groups = instances["identity"].map({i.id: i.group for i in identities})
    suite_group = instances["suite"] + "/" + groups
    outcome = checkpoint.run(batch_parameters={
        "dataframe": instances.assign(row_id=instances.index, suite_group=suite_group)})
    if docs_dir is not None:
        localise_docs(docs_dir)
    return {
        int(item["row_id"])
        for result in outcome.run_results.values()
        for expectation in result.results
        for item in expectation.result.get("unexpected_index_list") or []
    }


@dataclass(frozen=True)
class NotEvaluated:
    """One row of quality.checks_not_evaluated: an identity of the document's suite that found
    nothing to compare, and why."""

    document_id: str
    suite: str
    check_name: str
    guards: str
    reason: str


def not_evaluated(con: duckdb.DuckDBPyConnection, identities: tuple[Identity, ...],
                  results: list[CheckResult], chosen: Documents = None) -> list[NotEvaluated]:
    """Every document (of `chosen`, when given) x identity of its suite with no result: the mart it
    guards has no row for the document, or the rows it compares are not printed (or kept as cells)."""
    done = {(r.document_id, r.check_name) for r in results}
    documents = [(d, t) for d, t in con.execute("select document_id, template from marts.dim_document order by 1")
                 .fetchall() if chosen is None or d in chosen]
    missing = []
    for identity in identities:
        sql = f"select distinct document_id from marts.{identity.guards}"
        with_rows = {row[0] for row in con.execute(sql).fetchall()}
        for document_id, template in documents:
            if template in identity.templates and (document_id, identity.id) not in done:
                reason = (f"marts.{identity.guards} has no row for this document" if document_id not in with_rows
                          else "the lines or columns it compares are not printed, or kept as cells only")
                missing.append(NotEvaluated(document_id, template, identity.id, identity.guards, reason))
    return missing


def fen_text(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def summarise(identity: Identity, document_id: str, rows: list, failing: set[int]) -> CheckResult:
    """Fold one document's instances of one identity (rows of the instances frame, with their
    index) into a result row naming each failure."""
    failed = [r for r in rows if r.Index in failing]
    details = [
        {"subject": r.subject, "expected": fen_text(r.expected_fen), "observed": fen_text(r.observed_fen),
         "gap": fen_text(r.observed_fen - r.expected_fen), "unit_printed": r.source_unit}
        for r in failed
    ]
    first = failed[0] if failed else rows[0]
    return CheckResult(
        document_id, str(rows[0].suite), identity.id, identity.guards, identity.group,
        success=not failed, instances=len(rows), failures=len(failed),
        observed=fen_text(int(first.observed_fen)), expected=fen_text(int(first.expected_fen)),
        details=json.dumps({"description": identity.description, "failures": details},
                           ensure_ascii=False),
    )


def run_identities(con: duckdb.DuckDBPyConnection, identities: tuple[Identity, ...],
                   docs_dir: Path | None = None, documents: Documents = None) -> list[CheckResult]:
    """Evaluate every identity on every document (or on `documents`); return one CheckResult per
    document x identity.
    With `docs_dir`, the GX Data Docs of this validation are built there too. The instances are
    grouped in one pass over plain rows: a pandas groupby costs ~1 ms per group, 10^4 groups at
    100 documents."""
    instances = all_instances(con, identities, documents)
    if instances.empty:
        return []
    failing = gx_failing_rows(instances, identities, docs_dir)
    groups: dict[tuple[str, str], list] = {}
    for row in instances.itertuples():
        groups.setdefault((row.identity, row.document_id), []).append(row)
    by_id = {identity.id: identity for identity in identities}
    return [summarise(by_id[identity_id], document_id, rows, failing)
            for (identity_id, document_id), rows in sorted(groups.items())]
