"""An incremental build equals a full one: after documents are added, replaced and removed, every
table of the published warehouse holds exactly what a fresh build of the same inbox holds, and
only the changed documents' files were read again."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

RENDERED = ROOT / "tests" / "fixtures" / "rendered"
# columns that say when a run happened, not what a document holds
VOLATILE = {"quarantined_at"}


def warehouse_content(path: Path) -> dict[str, list]:
    """Every table of every schema, its rows sorted, the volatile columns left out."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("select schema_name, table_name from duckdb_tables() "
                             "where database_name = current_database() order by 1, 2").fetchall()
        content = {}
        for schema, table in tables:
            columns = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
                "and database_name = current_database() order by column_index", [schema, table]).fetchall()
                if c not in VOLATILE]
            quoted = ", ".join(f'"{c}"' for c in columns)
            content[f"{schema}.{table}"] = sorted(map(repr, con.execute(f"select {quoted} from {schema}.{table}")
                                                      .fetchall()))
        return content
    finally:
        con.close()


def fresh_build(inbox: Path, folder: Path) -> dict[str, list]:
    from pipelines.run import run_pipeline

    summary = run_pipeline(str(inbox), str(folder / "w.duckdb"))
    assert summary.exit_code == 0, summary.render(0)
    return warehouse_content(folder / "w.duckdb")


def assert_same(incremental: dict[str, list], full: dict[str, list]) -> None:
    assert incremental.keys() == full.keys()
    for table in full:
        assert incremental[table] == full[table], f"{table} differs from a full build"


@pytest.fixture
def loaded_sources(monkeypatch) -> list[frozenset[str]]:
    """The document ids whose files each warehouse build registered as staging sources."""
    import assets.defs.warehouse_models as models

    seen: list[frozenset[str]] = []
    register = models.register_sources

    def recording(con, data_dir, document_ids):
        seen.append(frozenset(document_ids))
        return register(con, data_dir, document_ids)

    monkeypatch.setattr(models, "register_sources", recording)
    return seen


def two_rendered_documents(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """An inbox of two rendered budgets and a warehouse path, each warehouse with its own home."""
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(RENDERED / "land_10pt_w100_rep.pdf", inbox / "a.pdf")
    shutil.copy(RENDERED / "port_7pt_w100_norep.pdf", inbox / "b.pdf")
    return inbox, tmp_path / "wh" / "w.duckdb"


def test_add_replace_remove_equal_a_full_build(tmp_path, monkeypatch, loaded_sources):
    from pipelines.run import run_pipeline

    inbox, warehouse = two_rendered_documents(tmp_path, monkeypatch)
    (inbox / "junk.pdf").write_text("not a PDF")  # quarantined: its record is a row too
    assert run_pipeline(str(inbox), str(warehouse)).exit_code == 0
    assert len(loaded_sources[-1]) == 3

    shutil.copy(RENDERED / "land_8pt_w80_rep.pdf", inbox / "c.pdf")
    added = run_pipeline(str(inbox), str(warehouse))
    assert [status for _, status in added.documents].count("up to date") == 2
    assert len(loaded_sources[-1]) == 1, "only the new document's files are read"
    assert_same(warehouse_content(warehouse), fresh_build(inbox, tmp_path / "full_1"))

    (inbox / "b.pdf").write_bytes((RENDERED / "port_6pt_w85_norep.pdf").read_bytes())  # replaced
    (inbox / "a.pdf").unlink()  # removed
    changed = run_pipeline(str(inbox), str(warehouse))
    assert changed.exit_code == 0, changed.render(0)
    assert len(loaded_sources[-1]) == 1, "only the replacing document's files are read"
    assert_same(warehouse_content(warehouse), fresh_build(inbox, tmp_path / "full_2"))

    again = run_pipeline(str(inbox), str(warehouse))
    assert again.exit_code == 0 and loaded_sources[-1] == frozenset()
    assert_same(warehouse_content(warehouse), fresh_build(inbox, tmp_path / "full_3"))


def test_a_changed_model_rebuilds_everything(tmp_path, monkeypatch, loaded_sources):
    from pipelines.run import run_pipeline
    from warehouse import incremental

    inbox, warehouse = two_rendered_documents(tmp_path, monkeypatch)
    assert run_pipeline(str(inbox), str(warehouse)).exit_code == 0
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "another version of the SQL")
    assert run_pipeline(str(inbox), str(warehouse)).exit_code == 0
    assert len(loaded_sources[-1]) == 2
