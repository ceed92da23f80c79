"""The extractors compared by the benchmark, each a function PDF path -> list of tables
(each a list of rows of cell strings), timed and measured one per fresh process."""
from __future__ import annotations

import importlib
import json
import resource
import sys
import time
from pathlib import Path


def ours(path: Path) -> list[list[list[str]]]:
    """This project's extraction + cleaning (what the pipeline runs per document)."""
    from assets.clean.tables import NoBudgetTables, document_to_tables
    from assets.extract.pdf_document import extract_document

    extracted = extract_document(path)
    try:
        document = document_to_tables(extracted)
    except NoBudgetTables:  # read in full, then quarantined: the work was done all the same
        return []
    return [[[("" if v is None else str(v)) for v in row.values.values()] for row in table.rows]
            for table in document.tables]


def pdfplumber_raw(path: Path) -> list[list[list[str]]]:
    """Plain pdfplumber: page.extract_tables() on every page, pages closed as we go."""
    import pdfplumber

    tables = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables.extend([[c or "" for c in row] for row in t] for t in page.extract_tables())
            page.close()
    return tables


def camelot_lattice(path: Path) -> list[list[list[str]]]:
    """Camelot, lattice flavour, spanning text split into each cell."""
    import camelot

    found = camelot.read_pdf(str(path), pages="all", flavor="lattice", split_text=True)
    return [table.df.astype(str).values.tolist() for table in found]


def pymupdf_tables(path: Path) -> list[list[list[str]]]:
    """PyMuPDF's page.find_tables()."""
    import pymupdf

    tables = []
    with pymupdf.open(path) as doc:
        for page in doc:
            tables.extend([[c or "" for c in row] for row in t.extract()] for t in page.find_tables())
    return tables


TOOLS = {"ours": ours, "pdfplumber": pdfplumber_raw, "camelot": camelot_lattice,
         "pymupdf": pymupdf_tables}
# Imported before the clock starts: library start-up is not what is compared.
IMPORTS = {"ours": ["assets.clean.tables", "assets.extract.pdf_document"], "pdfplumber": ["pdfplumber"],
           "camelot": ["camelot"], "pymupdf": ["pymupdf"]}


def main() -> None:
    """Run one tool on one PDF in this (fresh) process; print seconds, peak RSS and the cells."""
    tool, path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    for module in IMPORTS[tool]:
        importlib.import_module(module)
    started = time.perf_counter()
    tables = TOOLS[tool](path)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"seconds": seconds, "peak_rss_mb": peak_mb, "tables": tables},
                              ensure_ascii=False))


if __name__ == "__main__":
    main()
