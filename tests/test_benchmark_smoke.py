"""The benchmark must not rot: its quick mode runs on the reference PDF and writes its report."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_writes_a_report(tmp_path):
    out = tmp_path / "benchmarks.md"
    subprocess.run([sys.executable, str(ROOT / "bench" / "benchmark.py"), "--quick", "--runs", "1",
                    "--out", str(out)], check=True, cwd=ROOT, capture_output=True, timeout=300)
    report = out.read_text()
    assert "| jiaozuo_2023.pdf | 46 | ours |" in report
    assert "| jiaozuo_2023.pdf | 46 | pdfplumber |" in report
    assert "100.0 %" in report  # our cells equal the truth's
