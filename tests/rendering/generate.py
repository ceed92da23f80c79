"""Regenerate the rendered fixtures: one PDF per layout of tests/rendering/layouts.py, from the
reference truth file (`make fixtures`). Committed, so a new reportlab cannot move the tests."""
import json
from pathlib import Path

from tests.rendering.layouts import LAYOUTS, RENDERED_TABLES
from tests.rendering.render_budget import render_budget

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "tests" / "fixtures" / "reference" / "jiaozuo_2023.truth.json"
OUT = ROOT / "tests" / "fixtures" / "rendered"


def main() -> None:
    tables = {t["id"]: t for t in json.loads(TRUTH.read_text())["tables"]}
    OUT.mkdir(parents=True, exist_ok=True)
    for name, layout in LAYOUTS.items():
        render_budget(OUT / f"{name}.pdf", [tables[code] for code in RENDERED_TABLES], layout)
        print(f"wrote {OUT / name}.pdf")


if __name__ == "__main__":
    main()
