"""Stages 3 and 4: every SQL file of warehouse/staging and warehouse/marts, run in one step in
dependency order; one asset per file, keyed [schema, table] and wired by the tables each file
reads, so the UI shows the real lineage. The structural (blocking) checks run in the same step."""

import time
from collections.abc import Iterator

from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetExecutionContext, AssetKey, AssetSpec,
    MaterializeResult, MetadataValue, multi_asset,
)
from dagster_duckdb import DuckDBResource

from assets.defs.cleaning import clean_tables
from assets.defs.partitions import document_id_of, documents_partitions
from assets.defs.resources import BudgetPaths
from assets.defs.schemas import column_schema
from warehouse.db import (
    SqlModel, build_order, ensure_schema, existing_tables, load_models, register_sources, replace_rows,
    run_sql_file,
)
from warehouse.incremental import BuildPlan, document_fingerprint, plan_stage, save_stage

PREVIEW_ROWS = 5
STAGING, MARTS = load_models("staging"), load_models("marts")

# Which printed tables feed each mart: a mart without rows for a document whose PDF has that
# table with amounts is a broken load, not a finding, and blocks publishing the snapshot.
MART_SOURCES = {
    "fct_income_expenditure_summary": ["income_expenditure_summary", "final_income_expenditure_summary"],
    "fct_expenditure_by_function": ["expenditure_by_function", "general_public_expenditure",
                                    "fiscal_grant_expenditure"],
    "fct_basic_expenditure_by_economic": ["basic_expenditure_by_economic"],
    "fct_basic_expenditure_detail": ["basic_expenditure_detail"],
    "fct_three_public_costs": ["three_public_costs"],
    "fct_projects": ["project_expenditure"],
    "fct_operating_costs": ["operating_costs"],
    "fct_performance_targets": ["project_performance", "department_performance"],
    "fct_final_income_by_function": ["final_income_by_function"],
    "fct_final_expenditure_by_function": ["final_expenditure_by_function", "final_general_public_expenditure"],
    "fct_final_fiscal_grant_summary": ["final_fiscal_grant_summary"],
    "fct_final_basic_expenditure_by_economic": ["final_basic_expenditure_by_economic"],
    "fct_final_three_public_costs": ["final_three_public_costs"],
    "fct_final_fund_by_function": ["final_government_fund", "final_state_capital"],
}


def model_key(model: SqlModel) -> AssetKey:
    return AssetKey([model.schema, model.name])


def model_spec(model: SqlModel, group: str) -> AssetSpec:
    """The asset one SQL file builds: what it reads (clean work files for staging) and its
    leading comment as description, its columns with their meanings as column schema."""
    deps = [AssetKey(ref.split(".")) for ref in model.depends_on]
    if group == "staging":
        deps.append(clean_tables.key)
    return AssetSpec(key=model_key(model), deps=deps, group_name=group, description=model.description,
                     kinds={"duckdb"}, metadata=column_schema(model.table))


def structure_spec(mart: str, tables: list[str]) -> AssetCheckSpec:
    return AssetCheckSpec(name=f"{mart}__loaded", asset=AssetKey(["marts", mart]), blocking=True,
                          description=f"Structural: documents with tables {', '.join(tables)} have rows in "
                                      f"marts.{mart}; a failure stops the snapshot from being published.")


def documents_without_rows(con, mart: str, tables: list[str]) -> list[str]:
    """Documents whose PDF prints one of `tables` with amounts and that have no row in the mart."""
    return [row[0] for row in con.execute(f"""
        select distinct c.document_id from marts.dim_table_coverage c
        where c.table_id in ? and c.typed and c.value_cells > 0
          and c.document_id not in (select document_id from marts.{mart})
        order by 1""", [tables]).fetchall()]


def preview_markdown(con, table: str) -> str:
    """First rows of a table as Markdown, every value shown as text (no float rendering: tabulate
    would parse "3928500.00" back into 3.9285e+06)."""
    frame = con.execute(f"select columns(*)::varchar from {table} limit {PREVIEW_ROWS}").df()
    return frame.to_markdown(index=False, disable_numparse=True) if len(frame) else "(empty)"


def run_model(con, model: SqlModel, plan: BuildPlan | None = None) -> MaterializeResult:
    """Run one SQL file, or with a plan that is not full only its changed documents' rows; the
    row count, time, documents reloaded and a preview are the materialization's metadata."""
    started = time.perf_counter()
    if plan is None or plan.full:
        run_sql_file(con, model.path)
    elif plan.stale:
        replace_rows(con, model, plan.stale, load=bool(plan.load))
    rows = con.execute(f"select count(*) from {model.table}").fetchone()[0]
    metadata = {
        "dagster/row_count": rows,
        "seconds": round(time.perf_counter() - started, 3),
        "sql_file": MetadataValue.path(str(model.path)),
        "preview": MetadataValue.md(preview_markdown(con, model.table)),
    }
    if plan is not None:
        metadata["documents_reloaded"] = "all" if plan.full else len(plan.load)
    return MaterializeResult(asset_key=model_key(model), metadata=metadata)


@multi_asset(name="warehouse_models",
             specs=[*(model_spec(m, "staging") for m in STAGING), *(model_spec(m, "marts") for m in MARTS)],
             check_specs=[structure_spec(mart, tables) for mart, tables in MART_SOURCES.items()])
def warehouse_models(context: AssetExecutionContext, duckdb: DuckDBResource, paths: BudgetPaths):
    """Load every registered document's clean work files and build staging and marts in one
    connection (the sources are registered once), then check no mart lost a document's rows."""
    documents = {document_id_of(key) for key in context.instance.get_dynamic_partitions(documents_partitions.name)}
    with duckdb.get_connection() as con:
        try:  # the resource closes its connection on success only: a failed model must not leave it open
            yield from build_models(con, paths, documents)
        finally:
            con.close()


def build_models(con, paths: BudgetPaths, documents: set[str]) -> Iterator[MaterializeResult | AssetCheckResult]:
    """Each model's materialization as soon as it is built (the run's progress shows them), then
    every structural check's result. Staging is per document: only new, changed and removed
    documents' rows are redone (all of them when the code changed); the marts, across documents,
    are rebuilt from staging."""
    ensure_schema(con)
    fingerprints = {d: document_fingerprint(paths.data_dir, d) for d in documents}
    have = existing_tables(con)
    plan = plan_stage(paths.data_dir, "staging", fingerprints, all(m.table in have for m in STAGING))
    register_sources(con, paths.data_dir, plan.load)
    for model in STAGING:
        yield run_model(con, model, plan)
    for model in build_order(MARTS):
        yield run_model(con, model)
    for mart, tables in MART_SOURCES.items():
        missing = documents_without_rows(con, mart, tables)
        yield AssetCheckResult(asset_key=AssetKey(["marts", mart]), check_name=f"{mart}__loaded",
                               passed=not missing, severity=AssetCheckSeverity.ERROR,
                               metadata={"documents_without_rows": ", ".join(missing) or "none"})
    save_stage(paths.data_dir, "staging", plan)


MART_KEYS = [model_key(m) for m in MARTS]
