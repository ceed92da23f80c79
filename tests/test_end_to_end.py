"""The whole graph on the reference PDF (plus two bad files), through Dagster, compared with the
reference truth file cell by cell in the marts (元, DECIMAL)."""
from __future__ import annotations

from decimal import Decimal

from tests.conftest import wan_to_yuan

FUNCTION_AMOUNTS = ["total", "basic_total", "basic_wages_welfare", "basic_household_transfers",
                    "basic_goods_services", "basic_capital", "project_total", "project_operating",
                    "project_specific"]


def test_run_loads_the_reference_and_quarantines_bad_files(pipeline_run):
    summary, _ = pipeline_run
    statuses = dict(summary.documents)
    assert statuses["焦作 政府办 2023.pdf"] == "loaded"
    assert statuses["not_a_pdf.pdf"].startswith("quarantined: not a PDF")
    assert statuses["empty.pdf"].startswith("quarantined: empty file")
    assert summary.exit_code == 0


def test_quarantine_table_names_file_and_reason(warehouse):
    rows = warehouse.execute(
        "select file_name, stage, reason from quality.quarantine order by file_name").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("empty.pdf", "raw_cells"), ("not_a_pdf.pdf", "raw_cells")]
    assert all(r[2] for r in rows)


def test_dim_document(warehouse, truth):
    row = warehouse.execute(
        "select file_name, department_name, fiscal_year, document_kind, scope, template, page_count "
        "from marts.dim_document").fetchall()
    assert row == [("焦作 政府办 2023.pdf", truth["dept_short"], truth["year"], "budget",
                    "department", "henan_budget_15", 46)]


def test_three_public_costs_in_yuan(warehouse):
    row = warehouse.execute(
        "select total, overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, "
        "official_reception, source_unit, page from marts.fct_three_public_costs").fetchall()
    assert row == [(Decimal("3928500.00"), Decimal("0.00"), Decimal("1110000.00"), Decimal("0.00"),
                    Decimal("1110000.00"), Decimal("2818500.00"), "万元", 31)]


def test_income_expenditure_summary_matches_truth(warehouse, truth_tables):
    got = {
        (side, line_no): (name, amount)
        for side, line_no, name, amount in warehouse.execute(
            "select side, line_no, item_name, amount from marts.fct_income_expenditure_summary").fetchall()
    }
    expected = {}
    for index, row in enumerate(truth_tables["01"]["rows"]):
        income_name, income_amount, expense_name, expense_amount = row["cells"]
        if income_name:
            expected[("income", index)] = (income_name, wan_to_yuan(income_amount))
        if expense_name:
            expected[("expenditure", index)] = (expense_name, wan_to_yuan(expense_amount))
    assert got == expected


def test_expenditure_by_function_matches_truth_03_and_05(warehouse, truth_tables):
    for source_table in ("03", "05"):
        rows = warehouse.execute(
            f"select row_kind, unit_code, function_code, function_name, {', '.join(FUNCTION_AMOUNTS)} "
            "from marts.fct_expenditure_by_function where source_table = ? order by row_index",
            [source_table]).fetchall()
        expected = []
        for row in truth_tables[source_table]["rows"]:
            cells = row["cells"]
            code = "".join(cells[:3]) if row["kind"] == "item" else None
            kind = {"dept": "unit"}.get(row["kind"], row["kind"])
            expected.append((kind, cells[3], code, cells[4], *map(wan_to_yuan, cells[5:])))
        assert rows == expected, source_table


def test_basic_expenditure_by_economic_matches_truth(warehouse, truth_tables):
    rows = warehouse.execute(
        "select dept_econ_code, dept_econ_name, gov_econ_code, gov_econ_name, total, personnel, "
        "public_funds from marts.fct_basic_expenditure_by_economic order by row_index").fetchall()
    expected = []
    for row in truth_tables["06"]["rows"]:
        code, name, gov_code, gov_name, *amounts = row["cells"]
        if row["kind"] == "total":
            code, name = None, "合计"
        expected.append((code, name, gov_code, gov_name, *map(wan_to_yuan, amounts)))
    assert rows == expected


def test_basic_expenditure_detail_matches_truth(warehouse, truth_tables):
    rows = warehouse.execute(
        "select unit_name, category, item_name, amount from marts.fct_basic_expenditure_detail "
        "where row_kind = 'item' order by row_index").fetchall()
    expected = [(c[0], c[1], c[2], wan_to_yuan(c[3]))
                for r in truth_tables["07"]["rows"] if r["kind"] == "item" for c in [r["cells"]]]
    assert len(expected) == 173
    assert rows == expected


def test_projects_match_truth(warehouse, truth_tables):
    rows = warehouse.execute(
        "select project_type, project_name, unit_name, amount from marts.fct_projects "
        "order by row_index").fetchall()
    expected = [(c[0], c[1], c[2], wan_to_yuan(c[3]))
                for r in truth_tables["12"]["rows"] if r["kind"] == "item" for c in [r["cells"]]]
    assert len(expected) == 28
    assert rows == expected


def test_operating_costs_match_truth(warehouse, truth_tables):
    rows = warehouse.execute(
        "select econ_code, econ_name, amount from marts.fct_operating_costs order by row_index").fetchall()
    expected = [(None if r["kind"] == "total" else r["cells"][0],
                 "合计" if r["kind"] == "total" else r["cells"][1], wan_to_yuan(r["cells"][2]))
                for r in truth_tables["13"]["rows"]]
    assert rows == expected


def test_no_float_column_in_marts(warehouse):
    floats = warehouse.execute(
        "select table_schema || '.' || table_name || '.' || column_name from information_schema.columns "
        "where table_schema in ('marts', 'quality', 'staging') "
        "and data_type in ('FLOAT', 'DOUBLE', 'REAL')").fetchall()
    assert floats == []


def test_identity_results_on_the_reference(warehouse):
    """Every hard and cross identity holds on the reference; the soft ones that the real
    document breaks are reported (IDENTITIES.md: 07 types 在职人员公务通讯补贴 as 人员类; 14 names a
    task 行政复议和应诉专项经费 that 12 calls 行政复议和应诉工作经费; 12 names a
    project '接待业务工作经费 2023' that 15 spells without the space; three project codes of table
    15 are not 21 digits long)."""
    failed = warehouse.execute(
        "select check_name, failures, instances, expected, observed from quality.check_results "
        "where not success order by check_name").fetchall()
    assert failed == [
        ("S06-07.人员类=人员经费", 1, 1, Decimal("24050900.00"), Decimal("24256700.00")),
        ("S06-07.公用经费=公用经费", 1, 1, Decimal("4239700.00"), Decimal("4033900.00")),
        ("S12-14.task_names", 1, 2, Decimal("1.00"), Decimal("0.00")),
        ("S12-15.names", 1, 28, Decimal("1.00"), Decimal("0.00")),
        ("S15.code_format", 3, 28, Decimal("1.00"), Decimal("0.00")),
    ]
    details = warehouse.execute(
        "select details from quality.check_results where check_name = 'S15.code_format'").fetchone()[0]
    for code in ("4108002200000000053496", "41080022000000053725", "41080022000000062452"):
        assert code in details
    passed = warehouse.execute("select count(*) from quality.check_results where success").fetchone()[0]
    assert passed >= 30


def test_table_coverage_lists_all_fifteen(warehouse):
    rows = warehouse.execute(
        "select printed_code, table_id, status from marts.dim_table_coverage order by table_seq").fetchall()
    assert [r[0] for r in rows] == [f"{n:02d}" for n in range(1, 16)]
    status = {r[0]: r[2] for r in rows}
    assert status["10"] == status["11"] == "empty_with_note"
    assert status["09"] == status["05"] == status["14"] == status["15"] == "present"


def test_narrative_findings_in_the_quality_schema(warehouse):
    rows = warehouse.execute("""
        select file_name, rule_id, rule_class, severity, page, printed, expected, what is not null
        from quality.narrative_findings order by finding_index""").fetchall()
    assert rows == [("焦作 政府办 2023.pdf", "narrative.number.zero_change_direction", "number", "style", 10,
                     "减少0万元", "持平", True)] * 2


def test_partitions_are_listed_by_file_name(pipeline_run):
    """The UI lists each document's partition by its file name (then its id), each materialized."""
    from dagster import AssetKey, DagsterInstance

    from assets.defs.partitions import documents_partitions

    summary, base = pipeline_run
    reference = next(o for o in summary.outcomes if o.file_name == "焦作 政府办 2023.pdf")
    with DagsterInstance.from_config(str(base / "dagster_home")) as instance:
        keys = set(instance.get_dynamic_partitions(documents_partitions.name))
        assert f"焦作 政府办 2023.pdf · {reference.document_id}" in keys
        assert {key.split(" · ")[0] for key in keys} == {"焦作 政府办 2023.pdf", "not_a_pdf.pdf", "empty.pdf"}
        materialized = instance.get_materialized_partitions(AssetKey("clean_tables"))
    assert materialized == keys


def test_dagster_shows_amounts_exactly(pipeline_run):
    """Previews and check results in the UI print amounts as the warehouse holds them (3928500.00,
    never 3.9285e+06 or 24050900.0); no amount reaches Dagster as a float."""
    from dagster import DagsterInstance, FloatMetadataValue

    _, base = pipeline_run
    with DagsterInstance.from_config(str(base / "dagster_home")) as instance:
        [build] = [run for run in instance.get_runs() if run.job_name == "warehouse_job"]
        events = [e.dagster_event for e in instance.all_logs(build.run_id) if e.dagster_event]
    materialized = {e.event_specific_data.materialization.asset_key.to_user_string():
                    e.event_specific_data.materialization.metadata for e in events if e.is_step_materialization}
    checks = [e.event_specific_data.metadata for e in events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert "| 3928500.00 |" in materialized["marts/fct_three_public_costs"]["preview"].value
    assert any("| 24050900.00 | 24256700.00 |" in str(m.get("failures", "")) for m in checks)
    assert "24050900.00" in materialized["quality/check_results"]["failures"].value
    floats = [(where, key) for where, metadata in [*materialized.items(), *enumerate(checks)]
              for key, value in metadata.items() if isinstance(value, FloatMetadataValue) and key != "seconds"]
    assert floats == []
