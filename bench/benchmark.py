"""Benchmark: our extraction + cleaning against plain pdfplumber, Camelot and PyMuPDF on the same
PDFs in the same run, plus the pipeline's parallel scaling, incremental cost, memory on a
300-page PDF, and query start-up. Writes a Markdown report (docs/benchmarks.md by default).

    python bench/benchmark.py [--runs 3] [--out docs/benchmarks.md] [--quick] [--corpus]

--quick (used by the smoke test) measures only the reference PDF with ours and pdfplumber, once.
--corpus measures only issue 14's targets on the real corpus and rewrites only their section.
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
    done = subprocess.run([PYTHON, "-m", "pipelines.cli", "run", "--inbox", str(inbox),
                           "--warehouse", str(warehouse)], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"budget-etl run failed on {inbox}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
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


def corpus_pdfs() -> list[Path]:
    """Issue 14's corpus: every real PDF, at any depth of the corpus folder, and the bundled samples."""
    return sorted(CORPUS.rglob("*.pdf")) + sorted((ROOT / "samples").glob("*.pdf"))


def linked_inbox(pdfs: list[Path], folder: Path) -> Path:
    """An inbox of links to `pdfs` (the real PDFs are never copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        (folder / pdf.name).symlink_to(pdf)
    return folder


def run_phases(home: Path) -> dict:
    """Seconds of a finished `budget-etl run` by Dagster job, from its runs' start and end times:
    the documents phase from the first document run's start to the last one's end."""
    from dagster import DagsterInstance

    spans: dict[str, list[tuple[float, float]]] = {}
    with DagsterInstance.from_config(str(home)) as instance:
        for record in instance.get_run_records():
            spans.setdefault(record.dagster_run.job_name, []).append((record.start_time, record.end_time))
    return {job: max(end for _, end in times) - min(start for start, _ in times) for job, times in spans.items()}


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def bench_alone(pdf: Path, runs: int, workdir: Path) -> dict:
    """One PDF alone into a fresh warehouse against raw extract_tables of it, taken in turns."""
    raw, wall = [], []
    for attempt in range(runs):
        folder = workdir / f"alone-{pdf.stem}-{attempt}"
        raw.append(measure("pdfplumber", pdf, workdir)["seconds"])
        wall.append(timed_run(linked_inbox([pdf], folder / "inbox"), folder / "w.duckdb", folder / "home"))
        print(f"  {pdf.name} alone: {wall[-1]:.1f} s, raw {raw[-1]:.2f} s", file=sys.stderr)
    last = workdir / f"alone-{pdf.stem}-{runs - 1}" / "home"
    return {"pdf": pdf.name, "raw_s": raw, "wall_s": wall, "phases": run_phases(last),
            "ratio": statistics.median(wall) / statistics.median(raw)}


def bench_corpus(runs: int, workdir: Path) -> dict:
    """Issue 14's targets: (a) the whole corpus into a fresh warehouse against the single-core sum
    of raw extract_tables over its files; (b) the reference, and the real PDF slowest to extract,
    each alone against raw extraction of it."""
    pdfs = corpus_pdfs()
    load_before = load_average()
    raw = {pdf: measure("pdfplumber", pdf, workdir)["seconds"] for pdf in pdfs}
    folder = workdir / "corpus"
    wall = timed_run(linked_inbox(pdfs, folder / "inbox"), folder / "w.duckdb", folder / "home")
    print(f"  corpus ({len(pdfs)} PDFs): {wall:.1f} s, raw sum {sum(raw.values()):.1f} s", file=sys.stderr)
    slowest = max((pdf for pdf in pdfs if pdf != REFERENCE), key=raw.get)
    return {"documents": len(pdfs), "pages": sum(page_count(pdf) for pdf in pdfs), "wall_s": wall,
            "raw_sum_s": sum(raw.values()), "ratio": wall / sum(raw.values()), "phases": run_phases(folder / "home"),
            "alone": [bench_alone(pdf, runs, workdir) for pdf in (REFERENCE, slowest)],
            "load": f"{load_before} before, {load_average()} after"}


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
CORPUS_HEADING = "## Real corpus (issue 14's targets)"


def section(text: str, heading: str) -> str:
    """The generated section of a report under `heading`, up to the next heading ("" when none)."""
    generated = text.split(NOTES_MARKER, 1)[0]
    if heading not in generated:
        return ""
    body = generated.split(heading, 1)[1]
    end = body.find("\n## ")
    return heading + (body if end < 0 else body[:end + 1])


def runs_text(values: list[float]) -> str:
    middle = f"{statistics.median(values):.2f}"
    return middle if len(values) == 1 else f"{middle} ({', '.join(f'{v:.2f}' for v in values)})"


def phases_text(phases: dict) -> str:
    return ", ".join(f"{job} {seconds:.1f} s" for job, seconds in sorted(phases.items()))


def corpus_section(corpus: dict, runs: int) -> str:
    """The targets of issue 14 on the real corpus, as a report section."""
    lines = [
        CORPUS_HEADING, "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `python bench/benchmark.py --corpus --runs {runs}`, "
        f"load average (1, 5, 15 min) {corpus['load']}, on {os.cpu_count()} cores shared with other work. "
        "Raw: pdfplumber `extract_tables()` on every page, one fresh process per file, imports not timed. "
        "A run: `budget-etl run` in a fresh process on a fresh warehouse, start-up included. A PDF alone "
        f"and its raw extraction are taken in turns, {runs} times (each run in brackets); ratios of the medians.", "",
        "| target | measured | met |", "|---|---|---|",
        f"| (a) {corpus['documents']} PDFs ({corpus['pages']} pages) into a fresh warehouse ≤ 0.6 × the "
        f"single-core raw sum | {corpus['wall_s']:.1f} s / {corpus['raw_sum_s']:.1f} s = {corpus['ratio']:.2f} × "
        f"| {'yes' if corpus['ratio'] <= 0.6 else '**no**'} |",
    ]
    for alone in corpus["alone"]:
        lines.append(f"| (b) {alone['pdf']} alone ≤ 3 × raw extraction of it | {runs_text(alone['wall_s'])} s / "
                     f"{runs_text(alone['raw_s'])} s = {alone['ratio']:.2f} × "
                     f"| {'yes' if alone['ratio'] <= 3 else '**no**'} |")
    lines += ["", "Wall time by Dagster job (first run's start to last run's end; the rest of a run is "
              "start-up, the instance and the summary):", "",
              f"- the corpus: {phases_text(corpus['phases'])}"]
    lines += [f"- {alone['pdf']} alone (last run): {phases_text(alone['phases'])}" for alone in corpus["alone"]]
    return "\n".join(lines) + "\n\n"


def write_corpus_report(corpus: dict, out: Path, runs: int) -> None:
    """Replace (or add) the corpus section of the report, keeping everything else."""
    text = out.read_text() if out.exists() else NOTES_MARKER + "\n"
    old = section(text, CORPUS_HEADING)
    new = corpus_section(corpus, runs)
    out.write_text(text.replace(old, new, 1) if old else text.replace(NOTES_MARKER, new + NOTES_MARKER, 1))


def write_report(results: dict, tools: list[str], out: Path, args: argparse.Namespace) -> None:
    old = out.read_text() if out.exists() else ""
    kept = old.split(NOTES_MARKER, 1)[1] if NOTES_MARKER in old else ""
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
    lines.append(section(old, CORPUS_HEADING))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n" + NOTES_MARKER + (kept or "\n"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--documents", type=int, default=20, help="documents for the parallel run")
    parser.add_argument("--quick", action="store_true", help="reference only, ours vs pdfplumber")
    parser.add_argument("--corpus", action="store_true", help="only issue 14's targets on the real corpus")
    args = parser.parse_args()
    if args.corpus:
        with tempfile.TemporaryDirectory() as temp:
            write_corpus_report(bench_corpus(args.runs, Path(temp)), Path(args.out), args.runs)
        print(f"wrote {args.out}", file=sys.stderr)
        return
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
