"""The table kinds are described once (assets/templates/*.toml); the staging models must carry
every column a kind can type, or the warehouse would drop what the PDF printed."""
import re

import pytest

from assets.templates.spec import load_templates
from warehouse.db import SQL_DIR

READS = re.compile(r"\bfrom\s+clean_(\w+)")


def staging_sql_by_source() -> dict[str, str]:
    """{table id: the staging SQL that reads clean_<table id>}."""
    found: dict[str, str] = {}
    for path in sorted((SQL_DIR / "staging").glob("stg_*.sql")):
        sql = path.read_text()
        for table_id in READS.findall(sql):
            found[table_id] = found.get(table_id, "") + sql
    return found


TYPED_KINDS = sorted({(t.template, s.id) for t in load_templates() for s in t.tables if not s.cells_only})


@pytest.mark.parametrize(("template", "table_id"), TYPED_KINDS)
def test_every_typed_column_reaches_staging(template, table_id):
    sql = staging_sql_by_source().get(table_id)
    assert sql is not None, f"no staging model reads clean_{table_id} ({template})"
    spec = next(s for t in load_templates() if t.template == template for s in t.tables if s.id == table_id)
    missing = [c.key for c in spec.columns if not re.search(rf"\b{c.key}\b", sql)]
    assert not missing, f"{template}.{table_id}: staging drops {missing}"


def test_cells_only_kinds_reach_the_cells_mart():
    sql = staging_sql_by_source()
    assert "table_cells" in sql
