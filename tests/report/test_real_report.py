"""The report of real published PDFs (shared/corpus/real, never copied into the repo): a Shanghai
unit budget whose 说明 cuts a reason short, a budget with drafting findings, and a final account;
skipped with a message where the corpus folder is absent."""
from __future__ import annotations

import shutil
from html import escape

import duckdb
import pytest

from report.build import write_report
from tests.conftest import SHARED, run_pipeline_isolated
from tests.report.browser import CHROMIUM, highlighted, image_sizes, rendered

CORPUS = SHARED / "corpus" / "real"
WELFARE_HOME = "2024_putuo-welfare-home_unit-budget.pdf"  # 16: …，主要原因是。 (drafting.cut_short)
COMMERCE = "2025_putuo-commerce-commission_dept-budget.pdf"  # 9 findings (docs/narrative_audit.md)
FINAL = "2024_putuo-finance-bureau_dept-final.pdf"

pytestmark = [
    pytest.mark.skipif(not (CORPUS / "budget").is_dir(),
                       reason=f"real corpus not found at {CORPUS} (it lives in shared/, outside the repo)"),
    pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium: `apt-get install chromium` (.ci/run does)"),
]


@pytest.fixture(scope="module")
def corpus_warehouse(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpus_report")
    inbox = base / "inbox"
    inbox.mkdir()
    for name in (WELFARE_HOME, COMMERCE):
        shutil.copy(CORPUS / "budget" / name, inbox / name)
    shutil.copy(CORPUS / "final" / FINAL, inbox / FINAL)
    summary = run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home")
    assert summary.exit_code == 0, summary.render(0)
    return summary.paths.warehouse_file


def page_of(con, file_name: str) -> str:
    return con.execute("select document_id from marts.dim_document where file_name = ?",
                       [file_name]).fetchone()[0] + ".html"


def test_cut_short_reason_pictured_on_page_16(corpus_warehouse, tmp_path):
    con = duckdb.connect(str(corpus_warehouse), read_only=True)
    write_report(con, tmp_path / "report")
    page = page_of(con, WELFARE_HOME)
    con.close()
    dom = rendered(tmp_path / "report", page, tmp_path)
    sentence = "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。"
    assert f"<blockquote>{escape(sentence)}</blockquote>" in dom
    assert f'alt="page 16 of {WELFARE_HOME}"' in dom
    sizes = image_sizes(dom)
    assert sizes and all(width > 0 and height > 0 for width, height in sizes.values())
    finding = next(src for src in sizes if "finding-" in src)
    assert highlighted(tmp_path / "report" / finding)


def test_every_finding_of_a_document_quoted_with_its_picture(corpus_warehouse, tmp_path):
    con = duckdb.connect(str(corpus_warehouse), read_only=True)
    write_report(con, tmp_path / "report")
    page = page_of(con, COMMERCE)
    findings = con.execute("""select f.sentence, f.page from quality.narrative_findings f
                              join marts.dim_document d using (document_id) where d.file_name = ?""",
                           [COMMERCE]).fetchall()
    con.close()
    assert len(findings) == 9
    dom = rendered(tmp_path / "report", page, tmp_path)
    for sentence, number in findings:
        assert f"<blockquote>{escape(sentence)}</blockquote>" in dom
        assert f'alt="page {number} of {COMMERCE}"' in dom
    pictures = [src for src in image_sizes(dom) if "finding-" in src]
    assert len(pictures) == 9
    assert all(highlighted(tmp_path / "report" / src) for src in pictures)


def test_budget_against_final_chart(corpus_warehouse, tmp_path):
    """The corpus has no budget and final accounts of one department and year, so a copy relabels
    the commerce commission's 2025 budget as the finance bureau's 2024 one (as
    tests/test_real_corpus.py does): the finance bureau's page then charts both per 类."""
    path = tmp_path / "paired.duckdb"
    shutil.copyfile(corpus_warehouse, path)
    path.chmod(0o644)
    con = duckdb.connect(str(path))
    con.execute("update marts.dim_document set department_name = '上海市普陀区财政局', fiscal_year = 2024 "
                "where file_name = ?", [COMMERCE])
    write_report(con, tmp_path / "report")
    page = (tmp_path / "report" / page_of(con, FINAL)).read_text(encoding="utf-8")
    budget, final = con.execute("""select sum(budget_amount), sum(final_amount) from marts.rpt_budget_execution
                                   where left(function_code, 3) = '208'""").fetchone()
    con.close()
    chart = page[page.index("Budget vs final accounts 2024"):]
    assert chart.startswith("Budget vs final accounts 2024 by function class (元)</h3><svg")
    assert f">{budget:,}</text>" in chart and f">{final:,}</text>" in chart
