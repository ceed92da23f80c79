"""Resources injected into the assets: where the inbox, the warehouse and the work files are.

Paths come from BUDGET_INBOX and BUDGET_WAREHOUSE (read here and nowhere else), defaulting to
the bundled samples and warehouse/budget.duckdb.
"""

import os
from pathlib import Path

from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

from warehouse.paths import DEFAULT_INBOX, DEFAULT_WAREHOUSE, data_dir_for, data_docs_dir_for



class BudgetPaths(ConfigurableResource):
    """The inbox of PDFs and the published warehouse file; work files sit beside the warehouse."""

    inbox: str
    warehouse: str

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)

    @property
    def warehouse_file(self) -> Path:
        return Path(self.warehouse)

    @property
    def data_dir(self) -> Path:
        return data_dir_for(self.warehouse_file)

    @property
    def build_db(self) -> Path:
        return self.data_dir / "build.duckdb"

    @property
    def data_docs_dir(self) -> Path:
        return data_docs_dir_for(self.warehouse_file)


def paths_from_env(inbox: str | None = None, warehouse: str | None = None) -> BudgetPaths:
    """Return the paths: explicit arguments first, then env vars, then the defaults."""
    return BudgetPaths(
        inbox=str(Path(inbox or os.environ.get("BUDGET_INBOX") or DEFAULT_INBOX).resolve()),
        warehouse=str(Path(warehouse or os.environ.get("BUDGET_WAREHOUSE")
                           or DEFAULT_WAREHOUSE).resolve()),
    )


def duckdb_for(paths: BudgetPaths) -> DuckDBResource:
    """The pipeline's own working database; analysts read the published snapshot instead."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    return DuckDBResource(database=str(paths.build_db))
