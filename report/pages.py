"""The report's HTML: the index of documents and one page per document (facts, tables, failing
checks, narrative findings with their pictures, charts); inline CSS, every text escaped."""
from __future__ import annotations

import os
from decimal import Decimal
from html import escape
from pathlib import Path

from report.charts import bar_chart, yuan
from report.data import (Bars, CheckCounts, CheckFailure, Document, FailedCheck, Finding, Quarantined,
                         TableFound)
from report.images import Picture

CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
th { background: #eef1f5; }
td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.severity-error { color: #b00020; font-weight: bold; } .severity-warning { color: #a35c00; }
.missing { color: #b00020; font-style: italic; } .note { color: #555; font-size: 0.9em; }
blockquote { margin: 0.3em 0; padding-left: 0.8em; border-left: 3px solid #e07b39; }
figure { margin: 0.5em 0; } figure img { max-width: 100%; border: 1px solid #ccc; }
svg.chart text { font-size: 12px; } svg.chart text.label { text-anchor: end; }
section { margin-bottom: 2em; }
"""


def html_page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{CSS}</style></head><body>{body}</body></html>\n")


def cell(value: object, css: str = "") -> str:
    text = "" if value is None else str(value)
    return f'<td class="{css}">{escape(text)}</td>' if css else f"<td>{escape(text)}</td>"


def html_table(headers: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def document_page_name(document_id: str) -> str:
    return f"{document_id}.html"


def index_page(documents: list[Document], quarantine: list[Quarantined], checks: dict[str, CheckCounts],
               findings: dict[str, int]) -> str:
    """Given the warehouse's documents, quarantine and counts, return the index page."""
    rows = []
    for d in documents:
        counts = checks.get(d.document_id, CheckCounts(0, 0, 0))
        link = f'<td><a href="{escape(document_page_name(d.document_id))}">{escape(d.file_name)}</a></td>'
        rows.append(f"<tr>{link}{cell(d.department_name)}{cell(d.fiscal_year)}{cell(d.document_kind)}"
                    f"{cell(d.scope)}{cell(counts.passed, 'amount')}{cell(counts.failed, 'amount')}"
                    f"{cell(counts.not_evaluated, 'amount')}{cell(findings.get(d.document_id, 0), 'amount')}</tr>")
    loaded = html_table(["file", "department", "year", "kind", "scope", "checks passed", "checks failed",
                         "not evaluated", "narrative findings"], rows)
    held = html_table(["file", "path", "stage", "reason"],
                      [f"<tr>{cell(q.file_name)}{cell(q.path)}{cell(q.stage)}{cell(q.reason)}</tr>"
                       for q in quarantine])
    body = (f"<h1>Budget disclosure review</h1><h2>Documents loaded ({len(documents)})</h2>{loaded}"
            f"<h2>Quarantined files ({len(quarantine)})</h2>"
            + (held if quarantine else "<p>none</p>"))
    return html_page("Budget disclosure review", body)


def facts_table(d: Document) -> str:
    facts = [("department", d.department_name), ("fiscal year", d.fiscal_year), ("kind", d.document_kind),
             ("scope", d.scope), ("template", d.template), ("pages", d.page_count), ("source file", d.path),
             ("document id", d.document_id)]
    return "<table>" + "".join(f"<tr><th>{escape(k)}</th>{cell(v)}</tr>" for k, v in facts) + "</table>"


def tables_table(tables: list[TableFound]) -> str:
    rows = [f"<tr>{cell(t.printed_code)}{cell(t.title)}{cell(t.table_id)}{cell(pages_text(t.pages))}"
            f"{cell(t.source_unit)}{cell(t.status)}{cell(t.confidence, 'amount')}{cell(t.why)}{cell(t.note)}</tr>"
            for t in tables]
    return html_table(["printed", "title", "recognised as", "pages", "unit", "status", "confidence", "why",
                       "note"], rows)


def pages_text(pages: tuple[int, ...]) -> str:
    if not pages:
        return ""
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


def picture_html(picture: Picture, out: Path, source: str) -> str:
    """The <img> of a picture (relative to the report folder), or why there is none."""
    if picture.file is None:
        return f'<p class="missing">{escape(picture.note)}</p>'
    src = Path(os.path.relpath(picture.file, out)).as_posix()
    note = f'<figcaption class="note">{escape(picture.note)}</figcaption>' if picture.note else ""
    return (f'<figure><img src="{escape(src)}" alt="{escape(f"page {picture.page} of {source}")}">'
            f"{note}</figure>")


def amount_text(failure: CheckFailure, yuan_amount: Decimal) -> str:
    """A value of a failing check in the printed unit, with the exact 元 beside an amount."""
    if failure.unit_in_yuan is None:
        return f"{yuan_amount} {failure.unit}".strip()
    return f"{failure.printed(yuan_amount)} {failure.unit} ({yuan(yuan_amount)} 元)"


def check_section(check: FailedCheck, pictures: list[Picture], out: Path, source: str) -> str:
    """One failing identity: its failing instances with expected and observed, then their pictures."""
    pages = [picture.page for picture in pictures]
    rows = [f"<tr>{cell(f.subject)}{cell(amount_text(f, f.expected), 'amount')}"
            f"{cell(amount_text(f, f.observed), 'amount')}{cell(amount_text(f, f.gap), 'amount')}"
            f"{cell(pages[i] if i < len(pages) else None)}</tr>" for i, f in enumerate(check.failures)]
    figures = "".join(f"<p class=\"note\">{escape(f.subject)}: page {escape(str(p.page))}</p>"
                      + picture_html(p, out, source) for f, p in zip(check.failures, pictures, strict=False))
    unpictured = len(check.failures) - len(pictures)
    more = f'<p class="note">{unpictured} more failing instances listed above, not pictured</p>' if unpictured else ""
    return (f"<h3>{escape(check.check_name)} <span class=\"note\">({escape(check.group)}, "
            f"{len(check.failures)} of {check.instances} failing; guards marts.{escape(check.guards)})</span></h3>"
            f"<p>{escape(check.description)}</p>"
            + html_table(["subject", "expected", "observed", "gap", "page"], rows) + figures + more)


def finding_section(finding: Finding, picture: Picture, out: Path, source: str) -> str:
    """One narrative finding: rule, severity, printed and expected, the sentence quoted, its picture."""
    facts = [("rule", finding.rule_id), ("what it catches", finding.what), ("page", finding.page),
             ("section", finding.section), ("printed", finding.printed), ("expected", finding.expected)]
    severity = f'<span class="severity-{escape(finding.severity)}">{escape(finding.severity)}</span>'
    return (f"<h3>{severity} {escape(finding.rule_id)} <span class=\"note\">page {escape(str(finding.page))}"
            f"</span></h3><table>" + "".join(f"<tr><th>{escape(k)}</th>{cell(v)}</tr>" for k, v in facts)
            + f"</table><blockquote>{escape(finding.sentence or '')}</blockquote>"
            + picture_html(picture, out, source))


def chart_section(bars: Bars, absent: str) -> str:
    svg = bar_chart(bars)
    return f"<h3>{escape(bars.title)}</h3>" + (svg if svg else f'<p class="note">{escape(absent)}</p>')


def document_page(d: Document, tables: list[TableFound], checks: list[tuple[FailedCheck, list[Picture]]],
                  findings: list[tuple[Finding, Picture]], charts: str, out: Path) -> str:
    """Given a document and what the report found about it, return its page."""
    checks_html = "".join(check_section(c, p, out, d.file_name) for c, p in checks) or "<p>none</p>"
    findings_html = "".join(finding_section(f, p, out, d.file_name) for f, p in findings) or "<p>none</p>"
    body = (f'<p><a href="index.html">← all documents</a></p><h1>{escape(d.file_name)}</h1>'
            f"<section><h2>Facts</h2>{facts_table(d)}</section>"
            f"<section><h2>Tables printed and recognised ({len(tables)})</h2>{tables_table(tables)}</section>"
            f"<section><h2>Failing identity checks ({len(checks)})</h2>{checks_html}</section>"
            f"<section><h2>Narrative findings ({len(findings)})</h2>{findings_html}</section>"
            f"<section><h2>Charts</h2>{charts}</section>")
    return html_page(d.file_name, body)
