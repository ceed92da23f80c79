"""`budget-etl report` on the warehouse of the bundled sample (the reference PDF and two bad files):
the pages as headless Chromium shows them, the pictures of the page regions, exact amounts, and
a PDF moved away since the run."""
from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from html import escape

import duckdb
import pytest

from report.build import write_report
from tests.conftest import REFERENCE_PDF, wan_to_yuan
from tests.report.browser import CHROMIUM, highlighted, image_sizes, rendered

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no headless Chromium: `apt-get install chromium` (.ci/run does) to check the report")


@pytest.fixture(scope="module")
def sample_report(pipeline_run, tmp_path_factory):
    """The report folder `budget-etl report` writes for the sample warehouse, and that warehouse's path."""
    summary, _ = pipeline_run
    out = tmp_path_factory.mktemp("report")
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "report", "--warehouse",
                           str(summary.paths.warehouse_file), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"report: {out / 'index.html'}"
    return out


def document_id(warehouse) -> str:
    return warehouse.execute("select document_id from marts.dim_document").fetchone()[0]


def test_index_lists_loaded_and_quarantined_documents_with_counts(sample_report, warehouse):
    index = (sample_report / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{document_id(warehouse)}.html">焦作 政府办 2023.pdf</a>' in index
    for file_name, reason in warehouse.execute("select file_name, reason from quality.quarantine").fetchall():
        assert f"<td>{escape(file_name)}</td>" in index and escape(reason) in index
    passed, failed = warehouse.execute(
        "select count(*) filter (where success), count(*) filter (where not success) from quality.check_results"
    ).fetchone()
    assert failed == 5
    assert f'<td class="amount">{passed}</td><td class="amount">{failed}</td>' in index


@needs_chromium
def test_document_page_in_chromium(sample_report, warehouse, truth_tables, tmp_path):
    dom = rendered(sample_report, f"{document_id(warehouse)}.html", tmp_path)
    for (sentence,) in warehouse.execute("select sentence from quality.narrative_findings").fetchall():
        assert f"<blockquote>{escape(sentence)}</blockquote>" in dom
    # 06 合计 人员经费 2405.09 万元 against 07's 人员类 rows: printed digits and exact 元 side by side
    personnel = truth_tables["06"]["rows"][0]["cells"][5]
    assert f"{personnel} 万元 ({wan_to_yuan(personnel):,} 元)" in dom
    sizes = image_sizes(dom)
    pictures = list((sample_report / "img").rglob("*.png"))
    assert len(sizes) == len(pictures) == 9  # 7 failing instances of 5 checks, 2 findings
    assert all(width > 0 and height > 0 for width, height in sizes.values())
    # 三公 合计 392.85 万元 (table 09) in its chart
    assert f"{wan_to_yuan(truth_tables['09']['rows'][0]['cells'][0]):,}</text>" in dom


def test_pictures_box_the_text_on_its_page(sample_report, warehouse):
    folder = sample_report / "img" / document_id(warehouse)
    page = (sample_report / f"{document_id(warehouse)}.html").read_text(encoding="utf-8")
    # both findings are on page 10; the 06 人员经费 total on page 22 (table 06)
    assert page.count('alt="page 10 of 焦作 政府办 2023.pdf"') == 2
    assert 'alt="page 22 of 焦作 政府办 2023.pdf"' in page
    assert all(highlighted(png) for png in folder.glob("*.png"))


def test_chart_amounts_exact_as_in_the_warehouse(sample_report, warehouse):
    page = (sample_report / f"{document_id(warehouse)}.html").read_text(encoding="utf-8")
    by_class = warehouse.execute("""select function_class, sum(total) from marts.fct_expenditure_by_function
                                    where source_table = '03' and row_kind = 'item' group by 1""").fetchall()
    assert len(by_class) == 5
    for _, amount in by_class:
        assert f">{amount:,}</text>" in page
    assert Decimal("26544600.00") in dict(by_class).values()  # 201 一般公共服务 2654.46 万元 (说明, 第二部分 五)


def relocated(pipeline_run, tmp_path, pdf_path):
    """A writable copy of the sample warehouse whose document now names `pdf_path` (and a file name
    that HTML would misread)."""
    summary, _ = pipeline_run
    copy = tmp_path / "moved.duckdb"
    shutil.copyfile(summary.paths.warehouse_file, copy)
    copy.chmod(0o644)
    con = duckdb.connect(str(copy))
    con.execute("update marts.dim_document set path = ?, file_name = ?", [str(pdf_path), "<b>焦作</b> & co.pdf"])
    return con


@pytest.fixture
def moved_warehouse(pipeline_run, tmp_path):
    """The sample warehouse after its PDF was moved away."""
    con = relocated(pipeline_run, tmp_path, tmp_path / "gone" / "a.pdf")
    yield con
    con.close()


def test_missing_pdf_says_so_instead_of_a_picture(moved_warehouse, tmp_path):
    out = tmp_path / "report"
    write_report(moved_warehouse, out)
    (document_id,) = moved_warehouse.execute("select document_id from marts.dim_document").fetchone()
    page = (out / f"{document_id}.html").read_text(encoding="utf-8")
    assert "<img" not in page
    assert page.count(f"PDF not found at {tmp_path / 'gone' / 'a.pdf'}") == 9
    assert not list(out.rglob("*.png"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;焦作&lt;/b&gt; &amp; co.pdf" in index and "<b>焦作</b>" not in index


def test_a_pdf_changed_since_the_run_is_not_pictured(pipeline_run, tmp_path):
    """Another file at the path (the document edited and not yet re-run): its pages would show
    other numbers, so there is no picture."""
    edited = tmp_path / "a.pdf"
    edited.write_bytes(REFERENCE_PDF.read_bytes() + b"\n% edited\n")
    con = relocated(pipeline_run, tmp_path, edited)
    try:
        write_report(con, tmp_path / "report")
        (document_id,) = con.execute("select document_id from marts.dim_document").fetchone()
    finally:
        con.close()
    page = (tmp_path / "report" / f"{document_id}.html").read_text(encoding="utf-8")
    assert "<img" not in page
    assert page.count(f"the PDF at {edited} is not the one loaded") == 9
