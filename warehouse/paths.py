"""Where things live by default, and the work folder that sits beside a warehouse file.

Pure (no Dagster), so the fast CLI query path and the Dagster resources share one definition.
"""
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INBOX = REPO_ROOT / "samples"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "budget.duckdb"
OWNER_FILE = "budget_warehouse"  # in a folder that serves one warehouse: which one


def data_dir_for(warehouse: Path) -> Path:
    """Per-document Parquet, quarantine records, the working database and the Data Docs."""
    return warehouse.with_name(f"{warehouse.stem}_data")


def report_dir_for(warehouse: Path) -> Path:
    """Where `budget-etl report` writes the reviewers' HTML report by default."""
    return warehouse.with_name(f"{warehouse.stem}_report")


def data_docs_dir_for(warehouse: Path) -> Path:
    """Great Expectations' Data Docs of the last check run (static HTML, works offline)."""
    return data_dir_for(warehouse) / "data_docs"


def run_lock_for(warehouse: Path) -> Path:
    """The file `budget-etl run` locks for as long as it works on this warehouse."""
    return data_dir_for(warehouse) / "run.lock"


def claim_folder(folder: Path, warehouse: Path) -> str | None:
    """Mark `folder` (a work folder or a Dagster home) as serving `warehouse`; return the other
    warehouse it already serves instead, if any."""
    marker = folder / OWNER_FILE
    owner = marker.read_text().strip() if marker.exists() else ""
    if owner and owner != str(warehouse):
        return owner
    marker.write_text(str(warehouse))
    return None
