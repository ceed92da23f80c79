"""Scaling benchmark: `budget-etl run` wall time, cost per document and peak memory at N documents,
the cost of adding one, Celery per-worker throughput (1 vs 2 workers) and a projection to 10^6
documents; writes docs/scaling.md, keeping its hand-written part below the notes marker.

    python bench/scaling.py [--sizes 1 10 100] [--repeats 2] [--out docs/scaling.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchmark import NOTES_MARKER  # noqa: E402
from bench.local_cluster import local_cluster  # noqa: E402

SOURCE = ROOT / "tests" / "fixtures" / "rendered" / "land_10pt_w100_rep.pdf"  # 18 pages, always here
PYTHON = sys.executable
PROGRESS = re.compile(r"\(t\+([0-9.]+) s\)")
# runs the command, then prints the peak RSS (kB) of the largest process it waited for
PEAK_RSS = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")
TARGET_DOCUMENTS = 10**6
# documents in flight per Celery worker: the executor polls its tasks once a second, so a run holds
# its worker's next task back ~1 s after each step; more runs in flight keep the workers busy
RUNS_PER_WORKER = 3


def write_copies(folder: Path, first: int, count: int) -> None:
    """Distinct documents with SOURCE's content: a comment after %%EOF makes each hash differ."""
    folder.mkdir(parents=True, exist_ok=True)
    data = SOURCE.read_bytes()
    for index in range(first, first + count):
        (folder / f"copy_{index:05d}.pdf").write_bytes(data + f"\n% copy {index}\n".encode())


def timed_run(inbox: Path, warehouse: Path, broker: str | None = None, in_flight: int | None = None) -> dict:
    """One `budget-etl run` in a fresh process: wall seconds, seconds until the last document was
    cleaned (from its progress lines), peak RSS of its largest process."""
    command = [PYTHON, "-m", "pipelines.cli", "run", "--inbox", str(inbox), "--warehouse", str(warehouse)]
    command += ["--broker", broker] if broker else []
    started = time.perf_counter()
    done = subprocess.run([PYTHON, "-c", PEAK_RSS, *command], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT),
                               **({"BUDGET_WORKERS": str(in_flight)} if in_flight else {})})
    wall = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"budget-etl run failed on {inbox}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    progress = [float(m) for m in PROGRESS.findall(done.stderr)]
    return {"wall_s": wall, "documents_s": max(progress, default=0.0),
            "peak_rss_mb": int(done.stderr.strip().splitlines()[-1]) / 1024}


def bench_sizes(sizes: list[int], repeats: int, workdir: Path) -> list[dict]:
    """Fresh warehouse of N documents (repeated for the small N), then the same plus one."""
    rows = []
    for size in sizes:
        fresh, added = [], []
        for attempt in range(repeats if size < max(sizes) else 1):
            folder = workdir / f"n{size}_{attempt}"
            write_copies(folder / "inbox", 0, size)
            fresh.append(timed_run(folder / "inbox", folder / "w.duckdb"))
            write_copies(folder / "inbox", size, 1)
            added.append(timed_run(folder / "inbox", folder / "w.duckdb"))
            print(f"  N={size}: {fresh[-1]['wall_s']:.1f} s, +1 {added[-1]['wall_s']:.1f} s", file=sys.stderr)
        rows.append({"n": size, "fresh": fresh, "added": added})
    return rows


def bench_celery(documents: int, repeats: int, workdir: Path) -> list[dict]:
    """The same inbox through 1 and 2 dagster-celery workers: documents per second per worker."""
    rows = []
    for workers in (1, 2):
        samples = []
        for attempt in range(repeats):
            folder = workdir / f"celery{workers}_{attempt}"
            write_copies(folder / "inbox", 0, documents)
            with local_cluster(folder / "cluster", workers=workers) as broker:
                samples.append(timed_run(folder / "inbox", folder / "w.duckdb", broker, RUNS_PER_WORKER * workers))
            print(f"  celery {workers} worker(s): documents in {samples[-1]['documents_s']:.1f} s", file=sys.stderr)
        rows.append({"workers": workers, "documents": documents, "samples": samples})
    return rows


def median(samples: list[dict], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def spread(samples: list[dict], key: str) -> str:
    values = ", ".join(f"{s[key]:.1f}" for s in samples)
    return f"{median(samples, key):.1f} ({values})" if len(samples) > 1 else f"{samples[0][key]:.1f}"


def sizes_table(rows: list[dict]) -> list[str]:
    one = median(rows[0]["fresh"], "wall_s")
    lines = ["| N | wall s (runs) | s per document | documents phase s | rest s | peak RSS MB "
             "| +1 document s | +1 ÷ one-document run |", "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        wall, plus = median(row["fresh"], "wall_s"), median(row["added"], "wall_s")
        peak = max(s["peak_rss_mb"] for s in row["fresh"])
        lines.append(f"| {row['n']} | {spread(row['fresh'], 'wall_s')} | {wall / row['n']:.2f} | "
                     f"{median(row['fresh'], 'documents_s'):.1f} | {rest(row):.1f} | {peak:.0f} | "
                     f"{spread(row['added'], 'wall_s')} | {plus / one:.2f} × |")
    return lines


def rest(row: dict) -> float:
    """Seconds of a fresh run outside the documents phase (median)."""
    return median(row["fresh"], "wall_s") - median(row["fresh"], "documents_s")


def throughput(row: dict) -> float:
    """Documents per second per worker in the documents phase."""
    return row["documents"] / median(row["samples"], "documents_s") / row["workers"]


def celery_table(rows: list[dict]) -> list[str]:
    lines = ["| workers | documents | documents phase s (runs) | wall s | documents/s per worker |",
             "|---|---|---|---|---|"]
    lines += [f"| {r['workers']} | {r['documents']} | {spread(r['samples'], 'documents_s')} | "
              f"{median(r['samples'], 'wall_s'):.1f} | {throughput(r):.3f} |" for r in rows]
    return lines


def projection(sizes: list[dict], celery: list[dict]) -> list[str]:
    """10^6 documents on W workers: the documents phase scales out, the single-writer build does not."""
    per_worker = throughput(celery[-1])
    smallest, largest = sizes[0], sizes[-1]
    build_per_doc = (rest(largest) - rest(smallest)) / (largest["n"] - smallest["n"])
    lines = [f"- Measured per-worker throughput (2 workers, {celery[-1]['documents']} documents): "
             f"{per_worker:.3f} documents/s = {per_worker * 3600:.0f} documents/hour per worker "
             f"(one core; 1 worker: {throughput(celery[0]):.3f} documents/s).",
             f"- The rest (start-up, scan, warehouse build, publish) grows by {build_per_doc:.2f} s per document "
             f"from N = {smallest['n']} to N = {largest['n']} in a fresh build, on one writer; an added document "
             f"costs {median(largest['added'], 'wall_s'):.1f} s at N = {largest['n']} "
             "(the build redoes only the changed documents).",
             "", "| workers | documents phase for 10^6 | the rest for 10^6, today's one writer |",
             "|---|---|---|"]
    for workers in (10, 100, 1000):
        hours = TARGET_DOCUMENTS / (per_worker * workers) / 3600
        lines.append(f"| {workers} | {hours:.1f} h | {TARGET_DOCUMENTS * build_per_doc / 3600:.0f} h |")
    return lines


def write_report(results: dict, out: Path, args: argparse.Namespace) -> None:
    kept = out.read_text().split(NOTES_MARKER, 1)[1] if out.exists() and NOTES_MARKER in out.read_text() else "\n"
    lines = [
        "# Scaling", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores shared "
        f"with other work, Python {platform.python_version()}, by `python bench/scaling.py --sizes "
        f"{' '.join(map(str, args.sizes))} --repeats {args.repeats}`. Documents are distinct byte-modified "
        f"copies of `{SOURCE.relative_to(ROOT)}` ({SOURCE.stat().st_size // 1024} kB, 18 pages); each run is "
        "`budget-etl run` in a fresh process on a fresh warehouse. The machine is shared: absolute times "
        "are noisy, so the small runs are repeated (median, then each run in brackets).", "",
        "## Wall time, cost per document, memory, +1 document", "",
        "Documents phase: from the first document started to the last one cleaned; rest: start-up, inbox "
        "scan, warehouse build (staging, marts, checks) and publish. +1: the same warehouse rerun with "
        "one new document; the ratio is against the one-document run (N = 1).", "",
        *sizes_table(results["sizes"]), "",
        "## Celery workers (dagster-celery, Redis broker on this machine)", "",
        f"`budget-etl run --broker` with 1 and then 2 solo-pool workers, `BUDGET_WORKERS` = {RUNS_PER_WORKER} "
        "runs in flight per worker (the Celery executor polls its tasks once a second: each run leaves its "
        "worker idle ~1 s after each step, so more runs than workers keep them busy).", "",
        *celery_table(results["celery"]), "",
        "## Projection to 10^6 documents", "", *projection(results["sizes"], results["celery"]), "",
    ]
    out.write_text("\n".join(lines) + "\n" + NOTES_MARKER + kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--celery-documents", type=int, default=20)
    parser.add_argument("--out", default=str(ROOT / "docs" / "scaling.md"))
    parser.add_argument("--json", help="also write the raw measurements here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        print("sizes ...", file=sys.stderr)
        results = {"sizes": bench_sizes(args.sizes, args.repeats, Path(temp))}
        print("celery ...", file=sys.stderr)
        results["celery"] = bench_celery(args.celery_documents, args.repeats, Path(temp))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    write_report(results, Path(args.out), args)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
