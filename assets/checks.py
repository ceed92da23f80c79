"""Stage 5, quality: run every accounting identity on the marts, store one row per document x
identity in quality.check_results, and surface them as asset checks on the marts they guard."""

from dataclasses import asdict

import pandas as pd
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetChecksDefinition, AssetKey, MaterializeResult,
    MetadataValue, asset, asset_check,
)
from dagster_duckdb import DuckDBResource

from assets.sql_models import mart_assets
from expectations.identities import load_identities
from expectations.run import run_identities
from warehouse.db import SQL_DIR, ensure_schema, run_sql_file

CHECK_RESULTS = AssetKey(["quality", "check_results"])
MAX_LISTED_FAILURES = 20


@asset(key=CHECK_RESULTS, deps=[a.key for a in mart_assets], group_name="quality",
       compute_kind="great_expectations")
def check_results(duckdb: DuckDBResource) -> MaterializeResult:
    """Every accounting identity (hard, cross, soft) evaluated on every document: one row per
    document x identity with expected and observed values (元) and each failing row named."""
    identities = load_identities()
    with duckdb.get_connection() as con:
        ensure_schema(con)
        results = run_identities(con, identities)
        frame = pd.DataFrame([asdict(r) for r in results], columns=RESULT_COLUMNS)
        run_sql_file(con, SQL_DIR / "quality" / "check_results.sql")
        con.register("new_results", frame)
        con.execute("insert into quality.check_results by name select * from new_results")
    failed = frame[~frame["success"]]
    return MaterializeResult(metadata={
        "dagster/row_count": len(frame),
        "identities": len(identities),
        "passed": int(frame["success"].sum()),
        "failed": len(failed),
        "failures": MetadataValue.md(failures_markdown(failed)),
    })


RESULT_COLUMNS = ["document_id", "suite", "check_name", "guards", "group", "success",
                  "instances", "failures", "observed", "expected", "details"]


def failures_markdown(failed: pd.DataFrame) -> str:
    if failed.empty:
        return "no failures"
    shown = failed.head(MAX_LISTED_FAILURES)
    lines = ["| document | check | group | failing rows | expected | observed |", "|---|---|---|---|---|---|"]
    lines += [f"| {r.document_id} | {r.check_name} | {r.group} | {r.failures}/{r.instances} "
              f"| {r.expected} | {r.observed} |" for r in shown.itertuples()]
    return "\n".join(lines)


def identity_check(mart: str) -> AssetChecksDefinition:
    """The asset check showing, on one mart, the identities that guard it."""

    @asset_check(asset=AssetKey(["marts", mart]), name=f"{mart}__identities",
                 additional_deps=[CHECK_RESULTS],
                 description=f"Accounting identities over marts.{mart} (see quality.check_results).")
    def check(duckdb: DuckDBResource) -> AssetCheckResult:
        with duckdb.get_connection() as con:
            frame = con.execute(
                "select * from quality.check_results where guards = ? order by document_id, check_name",
                [mart]).df()
        failed = frame[~frame["success"]]
        return AssetCheckResult(
            passed=failed.empty,
            severity=AssetCheckSeverity.WARN,
            metadata={
                "checks": len(frame), "failed": len(failed),
                "documents": int(frame["document_id"].nunique()),
                "failures": MetadataValue.md(failures_markdown(failed)),
            },
        )

    return check


quality_assets = [check_results]
identity_checks = [identity_check(mart) for mart in sorted({i.guards for i in load_identities()})]
