"""The pure packages never import Dagster; the query path never imports Dagster or GX."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PURE = ["assets/extract", "assets/clean", "assets/audit", "assets/templates", "assets/work_files.py",
        "expectations", "warehouse", "report"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(place: Path) -> list[Path]:
    return [place] if place.is_file() else sorted(place.rglob("*.py"))


def test_pure_packages_do_not_import_dagster():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in PURE for path in python_files(ROOT / folder)
        if any(name.split(".")[0].startswith("dagster") for name in imported_modules(path))
    ]
    assert offenders == []


def test_cli_query_path_imports_neither_dagster_nor_gx():
    code = ("import sys, pipelines.cli; "
            "print(any(m.startswith(('dagster', 'great_expectations')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
