"""Write the report folder from an open warehouse connection: index.html, one page per document
and the pictures of its findings under img/<document_id>/ (replaced on every build)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from report import data
from report.images import PdfPages, Picture, amount_pattern, subject_needles, text_needle
from report.pages import chart_section, document_page, document_page_name, index_page

MAX_PICTURES_PER_CHECK = 5  # failing instances pictured per identity (all are listed)


def check_needles(failure: data.CheckFailure) -> list[tuple[str, ...]]:
    """What a failing instance looks like on its page: its amounts or rates as printed (a yes/no
    check has none), the words of its subject."""
    amounts = [(amount_pattern(failure.printed(value)),) for value in (failure.expected, failure.observed)]
    return (amounts if failure.unit else []) + subject_needles(failure.subject)


def check_pictures(pdf: PdfPages, check: data.FailedCheck, tables: list[data.TableFound],
                   folder: Path, number: int) -> list[Picture]:
    """Pictures of a check's first failing instances, on the pages their subject names, else looked
    for on the pages of the mart the check guards first, then on every table's pages."""
    pages = [*check.guarded_pages, *(page for table in tables for page in table.pages)]
    return [pdf.picture(list(failure.named_pages) or pages, check_needles(failure),
                        folder / f"check-{number}-{index}.png")
            for index, failure in enumerate(check.failures[:MAX_PICTURES_PER_CHECK])]


def finding_picture(pdf: PdfPages, finding: data.Finding, folder: Path) -> Picture:
    """The finding's sentence boxed on its page; where the sentence is not found, what it printed."""
    texts = [text for text in (finding.sentence, finding.printed) if text and text.strip()]
    needle = tuple(pattern for text in texts for pattern in text_needle(text))
    return pdf.picture([finding.page] if finding.page else [], [needle] if needle else [],
                       folder / f"finding-{finding.finding_index}.png")


def charts_html(con: duckdb.DuckDBPyConnection, document: data.Document) -> str:
    return (chart_section(data.three_public_costs_by_year(con, document), "no “三公” table loaded")
            + chart_section(data.expenditure_by_class(con, document),
                            "no expenditure by function table (支出预算表 / 支出决算表) loaded")
            + chart_section(data.budget_execution(con, document),
                            "no budget and final accounts of this department and year both loaded"))


def write_document_page(con: duckdb.DuckDBPyConnection, document: data.Document, out: Path) -> Path:
    folder = out / "img" / document.document_id
    shutil.rmtree(folder, ignore_errors=True)
    tables = data.tables_found(con, document.document_id)
    with PdfPages(document.path, document.sha256, data.ocr_texts(con, document.document_id)) as pdf:
        checks = [(check, check_pictures(pdf, check, tables, folder, number))
                  for number, check in enumerate(data.failed_checks(con, document.document_id))]
        findings = [(finding, finding_picture(pdf, finding, folder))
                    for finding in data.findings(con, document.document_id)]
    target = out / document_page_name(document.document_id)
    target.write_text(document_page(document, tables, checks, findings, charts_html(con, document), out),
                      encoding="utf-8")
    return target


def write_report(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Given a warehouse connection, write the whole report into `out`; return its index.html."""
    out.mkdir(parents=True, exist_ok=True)
    documents = data.documents(con)
    for document in documents:
        write_document_page(con, document, out)
    index = out / "index.html"
    index.write_text(index_page(documents, data.quarantined(con), data.check_counts(con),
                                data.finding_counts(con)), encoding="utf-8")
    return index
