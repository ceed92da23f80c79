"""The Definitions the UI loads: every stage present and wired from the inbox to the marts."""
from dagster import AssetKey

from pipelines.definitions import defs


def upstream_keys(graph, key: AssetKey) -> set[AssetKey]:
    seen, todo = set(), [key]
    while todo:
        for parent in graph.get(todo.pop()).parent_keys:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_lineage_runs_from_the_inbox_to_each_mart():
    graph = defs.resolve_asset_graph()
    for mart in ("fct_three_public_costs", "fct_expenditure_by_function", "fct_projects"):
        upstream = upstream_keys(graph, AssetKey(["marts", mart]))
        assert {AssetKey(["source_documents"]), AssetKey(["raw_cells"]),
                AssetKey(["clean_tables"])} <= upstream, mart
        assert any(k.path[0] == "staging" for k in upstream), mart


def test_snapshot_is_published_after_checks():
    graph = defs.resolve_asset_graph()
    assert AssetKey(["quality", "check_results"]) in upstream_keys(
        graph, AssetKey(["warehouse", "budget_snapshot"]))


def test_every_guarded_mart_has_an_identity_check():
    check_keys = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert "fct_three_public_costs__identities" in check_keys
    assert "fct_expenditure_by_function__identities" in check_keys
    assert "narrative_findings__errors" in check_keys


def test_failed_checks_show_file_names_and_exact_amounts():
    import duckdb

    from assets.defs.quality import failing_checks, failures_markdown

    con = duckdb.connect()
    con.execute("create schema quality; create schema marts")
    con.execute("create table marts.dim_document (document_id varchar, file_name varchar)")
    con.execute("insert into marts.dim_document values ('d1', 'jiaozuo_2023.pdf')")
    con.execute("""create table quality.check_results (document_id varchar, check_name varchar, guards varchar,
                   "group" varchar, success boolean, failures int, instances int,
                   expected decimal(20,2), observed decimal(20,2), read_by_ocr boolean)""")
    con.execute("insert into quality.check_results values "
                "('d1', 'T06.col.total=Σitems', 'fct_basic_expenditure_by_economic', 'hard', false, 1, 3, "
                "24050900.00, 24050900.10, false), "
                "('d1', 'T01', 'fct_income_expenditure_summary', 'hard', true, 0, 1, 1, 1, false)")
    table = failures_markdown(failing_checks(con, "fct_basic_expenditure_by_economic"))
    assert "| jiaozuo_2023.pdf | T06.col.total=Σitems | hard | 1/3 | 24050900.00 | 24050900.10 |" in table
    assert failing_checks(con, "fct_income_expenditure_summary").empty


def test_every_warehouse_table_asset_has_the_columns_a_run_builds(warehouse):
    """The column schema in the UI is the one of the published tables, names and DuckDB types in order."""
    built: dict[str, list[tuple[str, str]]] = {}
    for table, name, kind in warehouse.execute("""
            select table_schema || '.' || table_name, column_name, data_type from information_schema.columns
            where table_catalog = current_database() order by table_schema, table_name, ordinal_position""").fetchall():
        built.setdefault(table, []).append((name, kind))
    graph = defs.resolve_asset_graph()
    tables = [key for key in graph.get_all_asset_keys() if graph.get(key).group_name in ("staging", "marts", "quality")]
    assert len(tables) == len([t for t in built if t != "quality.checks_not_evaluated"])
    for key in tables:
        schema = graph.get(key).metadata.get("dagster/column_schema")
        assert schema is not None, key
        assert [(column.name, column.type) for column in schema.columns] == built[".".join(key.path)], key
    fct = graph.get(AssetKey(["marts", "fct_three_public_costs"])).metadata["dagster/column_schema"]
    assert ("total", "DECIMAL(20,2)") in [(column.name, column.type) for column in fct.columns]
