"""Resources injected into the assets: where the inbox, the warehouse and the work files are.

Paths come from BUDGET_INBOX and BUDGET_WAREHOUSE (read here and nowhere else), defaulting to
the bundled samples and warehouse/budget.duckdb.
"""

import os
from pathlib import Path

from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INBOX = REPO_ROOT / "samples"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "budget.duckdb"


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
        """Per-document Parquet, quarantine records and the working database."""
        target = self.warehouse_file
        return target.with_name(f"{target.stem}_data")

    @property
    def build_db(self) -> Path:
        return self.data_dir / "build.duckdb"

    @property
    def data_docs_dir(self) -> Path:
        """Great Expectations' Data Docs of the last check run (static HTML, works offline)."""
        return self.data_dir / "data_docs"


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
