"""Stage 5, quality: run every accounting identity on the marts, store one row per document x
identity in quality.check_results, and surface them as asset checks on the marts they guard; show
the narrative audit's findings (quality.narrative_findings) as a check of their own."""

from dataclasses import asdict
from pathlib import Path

import pandas as pd
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey, MaterializeResult, MetadataValue,
    asset, asset_check, multi_asset_check,
)
from dagster_duckdb import DuckDBResource

from assets.defs.resources import BudgetPaths
from assets.defs.schemas import column_schema
from assets.defs.warehouse_models import MART_KEYS
from expectations.identities import load_identities
from expectations.run import not_evaluated, run_identities
from warehouse.db import SQL_DIR, ensure_schema, existing_tables, run_sql_file
from warehouse.incremental import BuildPlan, document_fingerprint, plan_stage, save_stage, with_inputs

CHECK_RESULTS = AssetKey(["quality", "check_results"])
NARRATIVE_FINDINGS = AssetKey(["quality", "narrative_findings"])
MAX_LISTED_FAILURES = 20
MAX_LISTED_FINDINGS = 50


@asset(key=CHECK_RESULTS, deps=MART_KEYS, group_name="quality", compute_kind="great_expectations",
       metadata=column_schema("quality.check_results"))
def check_results(duckdb: DuckDBResource, paths: BudgetPaths) -> MaterializeResult:
    """Every accounting identity (hard, cross, soft) evaluated on every document: one row per
    document x identity with expected and observed values (元) and each failing row named."""
    identities = load_identities()
    with duckdb.get_connection() as con:
        ensure_schema(con)
        plan = checks_plan(con, paths.data_dir)
        chosen = None if plan.full else plan.load
        results = run_identities(con, identities, docs_dir=paths.data_docs_dir, documents=chosen) \
            if plan.full or plan.load else []
        frame = pd.DataFrame([asdict(r) for r in results], columns=RESULT_COLUMNS)
        store(con, "check_results", frame, plan)
        con.execute("""update quality.check_results r set read_by_ocr = true from marts.dim_document d
                       where d.document_id = r.document_id and len(d.ocr_pages) > 0""")
        skipped = pd.DataFrame([asdict(r) for r in not_evaluated(con, identities, results, chosen)],
                               columns=["document_id", "suite", "check_name", "guards", "reason"])
        store(con, "checks_not_evaluated", skipped, plan)
        failed = failing_checks(con)
        rows, passed, not_evaluated_rows = con.execute("""
            select count(*), count(*) filter (where success),
                   (select count(*) from quality.checks_not_evaluated) from quality.check_results""").fetchone()
    save_stage(paths.data_dir, "checks", plan)
    return MaterializeResult(metadata={
        "dagster/row_count": rows,
        "identities": len(identities),
        "passed": passed,
        "failed": len(failed),
        "not_evaluated": not_evaluated_rows,
        "documents_checked": "all" if plan.full else len(plan.load),
        "failures": MetadataValue.md(failures_markdown(failed)),
        "data_docs": MetadataValue.path(str(paths.data_docs_dir / "index.html")),
    })


# What a document's checks read from the other documents of its disclosure (a 说明 and its tables
# printed as two PDFs): the tables found across it, and whether any of its PDFs prints tables.
# An identity that compares documents in another way must be added here.
DISCLOSURE_INPUTS_SQL = """
    with printing as (
        select coalesce(disclosure_id, document_id) as disclosure_key, bool_or(contents <> 'narrative') as prints
        from marts.dim_document group by all
    )
    select d.document_id, any_value(p.prints)::varchar || '|' || coalesce(string_agg(
               concat_ws(':', c.table_id, c.status, c.note, c.found_in_document_id), '|' order by c.table_id), '')
    from marts.dim_document d
    join printing p on p.disclosure_key = coalesce(d.disclosure_id, d.document_id)
    left join marts.dim_disclosure_completeness c using (document_id)
    group by d.document_id"""


def checks_plan(con, data_dir: Path) -> BuildPlan:
    """The loaded documents to check again: new or changed ones, and those whose disclosure's
    other PDF changed what they are checked against."""
    inputs = dict(con.execute(DISCLOSURE_INPUTS_SQL).fetchall())
    fingerprints = with_inputs({d: document_fingerprint(data_dir, d) for d in inputs}, inputs)
    have = existing_tables(con)
    return plan_stage(data_dir, "checks", fingerprints,
                      {"quality.check_results", "quality.checks_not_evaluated"} <= have)


def store(con, table: str, frame: pd.DataFrame, plan: BuildPlan) -> None:
    """Write a quality table: created anew by a full plan, else the stale documents' rows replaced."""
    con.register("new_rows", frame)
    if plan.full:
        run_sql_file(con, SQL_DIR / "quality" / f"{table}.sql")
    else:
        con.execute(f"delete from quality.{table} where document_id in (select unnest(?))", [sorted(plan.stale)])
    con.execute(f"insert into quality.{table} by name select * from new_rows")
    con.unregister("new_rows")


RESULT_COLUMNS = ["document_id", "suite", "check_name", "guards", "group", "success",
                  "instances", "failures", "observed", "expected", "details"]


def failing_checks(con, guards: str | None = None) -> pd.DataFrame:
    """The failed checks (of one mart, or all) with their document's file name, amounts as exact
    text: a DECIMAL read into pandas would become a float (24050900.0)."""
    return con.execute("""
        select coalesce(d.file_name, r.document_id) || case when r.read_by_ocr then ' (read by OCR)' else '' end
                   as document, r.check_name, r."group", r.failures,
               r.instances, r.expected::varchar as expected, r.observed::varchar as observed
        from quality.check_results r left join marts.dim_document d using (document_id)
        where not r.success and (? is null or r.guards = ?)
        order by document, r.check_name""", [guards, guards]).df()


def failures_markdown(failed: pd.DataFrame) -> str:
    if failed.empty:
        return "no failures"
    shown = failed.head(MAX_LISTED_FAILURES)
    lines = ["| document | check | group | failing rows | expected (元) | observed (元) |", "|---|---|---|---|---|---|"]
    lines += [f"| {r.document} | {r.check_name} | {r.group} | {r.failures}/{r.instances} "
              f"| {r.expected} | {r.observed} |" for r in shown.itertuples()]
    return "\n".join(lines)


def identity_spec(mart: str) -> AssetCheckSpec:
    return AssetCheckSpec(name=f"{mart}__identities", asset=AssetKey(["marts", mart]),
                          additional_deps=[CHECK_RESULTS],
                          description=f"Accounting identities over marts.{mart} (see quality.check_results).")


GUARDED_MARTS = sorted({identity.guards for identity in load_identities()})


@multi_asset_check(specs=[identity_spec(mart) for mart in GUARDED_MARTS])
def identity_checks(duckdb: DuckDBResource):
    """On each guarded mart, the identities that guard it: passed when none of them failed."""
    with duckdb.get_connection() as con:
        for mart in GUARDED_MARTS:
            frame = con.execute("select document_id from quality.check_results where guards = ?", [mart]).df()
            failed = failing_checks(con, mart)
            yield AssetCheckResult(
                asset_key=AssetKey(["marts", mart]), check_name=f"{mart}__identities",
                passed=failed.empty, severity=AssetCheckSeverity.WARN,
                metadata={
                    "checks": len(frame), "failed": len(failed),
                    "documents": int(frame["document_id"].nunique()),
                    "failures": MetadataValue.md(failures_markdown(failed)),
                },
            )


@asset_check(asset=NARRATIVE_FINDINGS, name="narrative_findings__errors",
             description="Narrative audit: the 说明 of every document holds no error-severity finding "
                         "(warnings and style findings are listed too; see quality.narrative_findings).")
def narrative_findings_check(duckdb: DuckDBResource) -> AssetCheckResult:
    """Passes when no document's 说明 has an error finding; lists the findings with page and sentence."""
    with duckdb.get_connection() as con:
        frame = con.execute("""
            select file_name, page, severity, rule_id, printed, expected, sentence
            from quality.narrative_findings
            order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, file_name, page""").df()
    counts = frame["severity"].value_counts()
    return AssetCheckResult(
        passed=not counts.get("error", 0),
        severity=AssetCheckSeverity.WARN,
        metadata={
            "findings": len(frame), "errors": int(counts.get("error", 0)),
            "warnings": int(counts.get("warning", 0)), "style": int(counts.get("style", 0)),
            "documents": int(frame["file_name"].nunique()),
            "listed": MetadataValue.md(findings_markdown(frame)),
        },
    )


def findings_markdown(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "no findings"
    lines = ["| document | page | severity | rule | printed | expected | sentence |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r.file_name} | {r.page} | {r.severity} | {r.rule_id} | {cell(r.printed)} | {cell(r.expected)} "
              f"| {cell(r.sentence)} |" for r in frame.head(MAX_LISTED_FINDINGS).itertuples()]
    return "\n".join(lines)


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "｜").replace("\n", " ")


quality_assets = [check_results]
quality_checks = [identity_checks, narrative_findings_check]
