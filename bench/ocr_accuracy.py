"""Measure the OCR path: image-only copies of reference pages under each scan condition, read cell by
cell against the reference's text layer (amounts exact, wrong cells flagged) and seconds per page;
writes the table into docs/extraction.md.

    python bench/ocr_accuracy.py [--pages 16,17,21,31] [--out docs/extraction.md]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assets.clean.numbers import is_number  # noqa: E402
from assets.clean.ocr_readings import doubt  # noqa: E402
from assets.extract.pdf_document import extract_document  # noqa: E402
from tests.scan_factory import CONDITIONS, folded, page_cells, scan_copy  # noqa: E402

REFERENCE = ROOT / "samples" / "jiaozuo_2023.pdf"
BEGIN, END = "<!-- ocr:begin -->", "<!-- ocr:end -->"


def measure(condition, pages: list[int], truth, folder: Path) -> dict:
    """Cells and amounts equal to the text layer, wrong ones flagged, seconds per page."""
    scan = scan_copy(REFERENCE, folder / f"{condition.name}.pdf", pages, condition)
    started = time.perf_counter()
    read = extract_document(scan)
    seconds = time.perf_counter() - started
    counts = {"cells": 0, "cells_equal": 0, "amounts": 0, "amounts_equal": 0, "wrong_flagged": 0, "wrong": 0}
    for scanned, page in enumerate(pages, start=1):
        got = page_cells(read, scanned)
        for key, cell in page_cells(truth, page).items():
            other = got.get(key)
            same = other is not None and folded(other.text) == folded(cell.text)
            counts["cells"] += 1
            counts["cells_equal"] += same
            if is_number(cell.text):
                counts["amounts"] += 1
                counts["amounts_equal"] += same
            if not same:
                counts["wrong"] += 1
                # flagged as the marts flag it (fct_ocr_readings.is_uncertain)
                counts["wrong_flagged"] += other is not None and bool(
                    doubt(other.text or "", other.ocr_confidence or 0.0, in_cell=True))
    return {**counts, "seconds_per_page": seconds / len(pages)}


def table(results: dict[str, dict], pages: list[int]) -> str:
    lines = [f"Reference pages {', '.join(map(str, pages))} (tables 01, 02, 05, 09) made image-only by "
             "`tests/scan_factory.py`, read by `extract/ocr/`, compared cell by cell with the text layer "
             f"(`python bench/ocr_accuracy.py`; peak memory {peak_mb():.0f} MB):", "",
             "| scan condition | amounts exact | cells equal | cells read differently, flagged uncertain "
             "| seconds per page |", "|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['amounts_equal']}/{r['amounts']} | {r['cells_equal']}/{r['cells']} | "
                     f"{r['wrong_flagged']}/{r['wrong']} | {r['seconds_per_page']:.1f} |")
    return "\n".join(lines)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write(out: Path, text: str) -> None:
    doc = out.read_text()
    start, end = doc.index(BEGIN) + len(BEGIN), doc.index(END)
    out.write_text(doc[:start] + "\n" + text + "\n" + doc[end:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="16,17,21,31")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "extraction.md")
    args = parser.parse_args()
    pages = [int(p) for p in args.pages.split(",")]
    truth = extract_document(REFERENCE)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for condition in CONDITIONS:
            results[condition.name] = measure(condition, pages, truth, Path(folder))
            print(condition.name, results[condition.name], flush=True)
    text = table(results, pages)
    write(args.out, text)
    print(text)


if __name__ == "__main__":
    main()
