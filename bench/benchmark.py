"""Benchmark: our extraction + cleaning against plain pdfplumber, Camelot and PyMuPDF on the same
PDFs in the same run, plus the pipeline's parallel scaling, incremental cost, memory on a
300-page PDF, and query start-up. Writes a Markdown report (docs/benchmarks.md by default).

    python bench/benchmark.py [--runs 3] [--out docs/benchmarks.md] [--quick]

--quick (used by the smoke test) measures only the reference PDF with ours and pdfplumber, once.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "samples" / "jiaozuo_2023.pdf"
TRUTH = ROOT / "tests" / "fixtures" / "reference" / "jiaozuo_2023.truth.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
PYTHON = sys.executable
ALL_TOOLS = ["ours", "pdfplumber", "camelot", "pymupdf"]


def available_tools() -> list[str]:
    tools = ["ours", "pdfplumber"]
    for name, module in (("camelot", "camelot"), ("pymupdf", "pymupdf")):
        probe = subprocess.run([PYTHON, "-c", f"import {module}"], capture_output=True)
        if probe.returncode == 0:
            tools.append(name)
    return tools


def page_count(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def measure(tool: str, path: Path, workdir: Path) -> dict:
    """One run of one tool on one PDF in a fresh process: seconds, peak RSS, cells."""
    out = workdir / f"{tool}-{path.stem}.json"
    subprocess.run([PYTHON, str(ROOT / "bench" / "tools.py"), tool, str(path), str(out)],
                   check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   capture_output=True)
    return json.loads(out.read_text())


def truth_cells() -> dict[str, Counter]:
    """Per reference table, the multiset of its non-blank printed cells (as the truth spells them)."""
    truth = json.loads(TRUTH.read_text())
    return {t["id"]: Counter(c for row in t["rows"] for c in row["cells"] if c not in (None, ""))
            for t in truth["tables"] if t["id"] not in ("14", "15")}


def agreement(tables: list[list[list[str]]], expected: dict[str, Counter]) -> float:
    """Share of the truth's cells (tables 01-13) that the tool outputs with exactly that text."""
    produced = Counter(cell.strip() for table in tables for row in table for cell in row if cell)
    wanted = sum(expected.values(), Counter())
    return sum((wanted & produced).values()) / sum(wanted.values())


def bench_extraction(pdfs: list[Path], tools: list[str], runs: int, workdir: Path) -> list[dict]:
    rows = []
    expected = truth_cells()
    for pdf in pdfs:
        pages = page_count(pdf)
        result = {"pdf": pdf.name, "pages": pages}
        for tool in tools:
            samples = [measure(tool, pdf, workdir) for _ in range(runs)]
            seconds = statistics.median(s["seconds"] for s in samples)
            result[tool] = {
                "seconds": seconds, "pages_per_s": pages / seconds,
                "peak_rss_mb": max(s["peak_rss_mb"] for s in samples),
                "agreement": agreement(samples[0]["tables"], expected) if pdf == REFERENCE else None,
            }
            print(f"  {pdf.name} {tool}: {seconds:.2f} s", file=sys.stderr)
        rows.append(result)
    return rows


def make_variants(source: Path, count: int, folder: Path) -> Path:
    """`count` distinct documents with the reference's content (bytes appended after %%EOF)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    for index in range(count):
        (folder / f"variant_{index:03d}.pdf").write_bytes(data + f"\n% variant {index}\n".encode())
    return folder


def timed_run(inbox: Path, warehouse: Path, home: Path) -> float:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "pipelines.cli", "run", "--inbox", str(inbox),
                    "--warehouse", str(warehouse)], check=True, cwd=ROOT, env=env,
                   capture_output=True)
    return time.perf_counter() - started


def bench_parallel(documents: int, raw_seconds: float, workdir: Path) -> dict:
    inbox = make_variants(REFERENCE, documents, workdir / "parallel" / "inbox")
    wall = timed_run(inbox, workdir / "parallel" / "budget.duckdb", workdir / "parallel" / "home")
    single_core = raw_seconds * documents
    return {"documents": documents, "wall_s": wall, "raw_single_core_s": single_core,
            "ratio": wall / single_core}


def bench_incremental(sizes: list[int], workdir: Path) -> list[dict]:
    """Cost of adding one PDF to a warehouse of N documents, against a one-document run."""
    base = workdir / "one"
    one = timed_run(make_variants(REFERENCE, 1, base / "inbox"), base / "w.duckdb", base / "home")
    rows = []
    for size in sizes:
        folder = workdir / f"n{size}"
        inbox = make_variants(REFERENCE, size, folder / "inbox")
        timed_run(inbox, folder / "w.duckdb", folder / "home")
        shutil.copy(REFERENCE, inbox / "the_new_one.pdf")
        added = timed_run(inbox, folder / "w.duckdb", folder / "home")
        rows.append({"n": size, "add_one_s": added, "one_doc_run_s": one, "ratio": added / one})
        print(f"  N={size}: +1 document {added:.1f} s (one-document run {one:.1f} s)", file=sys.stderr)
    return rows


def make_long_pdf(folder: Path, copies: int = 7) -> Path:
    """A 322-page budget: the reference's pages seven times over."""
    import pypdfium2

    target = pypdfium2.PdfDocument.new()
    source = pypdfium2.PdfDocument(str(REFERENCE))
    for _ in range(copies):
        target.import_pages(source)
    path = folder / "long_322_pages.pdf"
    target.save(str(path))
    return path


def bench_sql_startup(warehouse: Path, runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "pipelines.cli", "sql", "select 1", "--warehouse",
                        str(warehouse)], check=True, cwd=ROOT, capture_output=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def fmt(value, digits=2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def extraction_table(rows: list[dict], tools: list[str]) -> list[str]:
    lines = ["| PDF | pages | tool | seconds | pages/s | peak RSS (MB) | cell agreement | × pdfplumber |",
             "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        raw = row["pdfplumber"]["seconds"]
        for tool in tools:
            m = row[tool]
            share = None if m["agreement"] is None else 100 * m["agreement"]
            lines.append(f"| {row['pdf']} | {row['pages']} | {tool} | {fmt(m['seconds'])} | "
                         f"{fmt(m['pages_per_s'], 1)} | {fmt(m['peak_rss_mb'], 0)} | "
                         f"{'–' if share is None else fmt(share, 1) + ' %'} | {fmt(m['seconds'] / raw)} |")
    return lines


def targets_table(results: dict) -> list[str]:
    ratios = [r["ours"]["seconds"] / r["pdfplumber"]["seconds"] for r in results["extraction"]]
    rows = [("ours ≤ 1.2 × raw extract_tables (worst PDF; median)",
             f"{max(ratios):.2f} ×; {statistics.median(ratios):.2f} ×", max(ratios) <= 1.2)]
    if "parallel" in results:
        p = results["parallel"]
        rows.append((f"`budget-etl run`, {p['documents']} documents ≤ 0.6 × single-core raw sum",
                     f"{p['wall_s']:.1f} s / {p['raw_single_core_s']:.1f} s = {p['ratio']:.2f} ×",
                     p["ratio"] <= 0.6))
    for inc in results.get("incremental", []):
        rows.append((f"add one PDF to N = {inc['n']} ≤ 1.3 × one-document run",
                     f"{inc['add_one_s']:.1f} s / {inc['one_doc_run_s']:.1f} s = {inc['ratio']:.2f} ×",
                     inc["ratio"] <= 1.3))
    if "long_pdf" in results:
        long = results["long_pdf"]
        rows.append((f"peak RSS ≤ 1 GB on a {long['pages']}-page PDF",
                     f"{long['peak_rss_mb']:.0f} MB in {long['seconds']:.0f} s", long["peak_rss_mb"] <= 1024))
    if "sql_startup_s" in results:
        rows.append(("`budget-etl sql \"select 1\"` < 1 s", f"{results['sql_startup_s']:.2f} s",
                     results["sql_startup_s"] < 1))
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in rows]
    return lines


NOTES_MARKER = "<!-- notes: everything below is kept when the benchmark rewrites this file -->"


def write_report(results: dict, tools: list[str], out: Path, args: argparse.Namespace) -> None:
    kept = ""
    if out.exists() and NOTES_MARKER in out.read_text():
        kept = out.read_text().split(NOTES_MARKER, 1)[1]
    lines = [
        "# Benchmarks", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, by `python bench/benchmark.py --runs {args.runs}"
        f"{' --quick' if args.quick else ''}`. Times are medians of {args.runs} runs, each in a fresh "
        "process; ratios compare tools measured in the same run (absolute times on a shared "
        "machine are noise). Cell agreement: share of the reference truth's printed cells "
        "(tables 01-13) that a tool outputs with exactly that text.", "",
        "## Targets", "", *targets_table(results), "",
        "## Extraction, tool by tool", "", *extraction_table(results["extraction"], tools), "",
    ]
    if "parallel" in results:
        p = results["parallel"]
        lines += ["## Pipeline", "",
                  f"- `budget-etl run` on {p['documents']} documents (fresh warehouse): {p['wall_s']:.1f} s "
                  f"wall; raw extract_tables of the same pages on one core: {p['raw_single_core_s']:.1f} s.",
                  f"- Fixed cost of one run (a one-document run minus our extraction of that "
                  f"document): {results['run_fixed_cost_s']:.1f} s.", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n" + NOTES_MARKER + (kept or "\n"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--documents", type=int, default=20, help="documents for the parallel run")
    parser.add_argument("--quick", action="store_true", help="reference only, ours vs pdfplumber")
    args = parser.parse_args()
    tools = ["ours", "pdfplumber"] if args.quick else available_tools()
    pdfs = [REFERENCE]
    if not args.quick and CORPUS.is_dir():
        pdfs += sorted((CORPUS / "budget").glob("*.pdf")) + sorted((CORPUS / "final").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        print("extraction ...", file=sys.stderr)
        results: dict = {"extraction": bench_extraction(pdfs, tools, args.runs, workdir)}
        if not args.quick:
            raw_reference = results["extraction"][0]["pdfplumber"]["seconds"]
            print("pipeline ...", file=sys.stderr)
            results["parallel"] = bench_parallel(args.documents, raw_reference, workdir)
            results["incremental"] = bench_incremental([1, 10, 50], workdir)
            one_doc = results["incremental"][0]["one_doc_run_s"]
            results["run_fixed_cost_s"] = one_doc - results["extraction"][0]["ours"]["seconds"]
            long_pdf = make_long_pdf(workdir)
            long = measure("ours", long_pdf, workdir)
            results["long_pdf"] = {"pages": page_count(long_pdf), **{k: long[k] for k in ("seconds", "peak_rss_mb")}}
            results["sql_startup_s"] = bench_sql_startup(workdir / "one" / "w.duckdb")
    write_report(results, tools, Path(args.out), args)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
