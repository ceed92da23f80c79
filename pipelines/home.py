"""Each warehouse keeps its own Dagster home (runs, partitions, logs) in its work folder, so two
warehouses never share documents; an explicit DAGSTER_HOME is honoured for one warehouse only."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from warehouse.paths import claim_folder, data_dir_for

INSTANCE_CONFIG = Path(__file__).with_name("dagster.yaml")


class HomeTaken(Exception):
    """DAGSTER_HOME already holds another warehouse's runs; the message says what to do."""


def dagster_home(warehouse: Path) -> Path:
    """DAGSTER_HOME when set, else <warehouse>_data/dagster_home."""
    return Path(os.environ.get("DAGSTER_HOME") or data_dir_for(warehouse) / "dagster_home")


def prepare_home(home: Path, warehouse: Path) -> None:
    """Create the home with the pipeline's instance config and claim it for `warehouse`; raise
    HomeTaken when it already belongs to another warehouse."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or not config.read_text().strip():
        shutil.copy(INSTANCE_CONFIG, config)
    owner = claim_folder(home, warehouse)
    if owner:
        raise HomeTaken(
            f"the Dagster home {home} holds the documents of the warehouse {owner}, not {warehouse}: "
            "unset DAGSTER_HOME (each warehouse then keeps its own, in its work folder) or point it "
            "at another folder")
