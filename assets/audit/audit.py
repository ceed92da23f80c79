"""One document's text lines and facts -> every narrative finding, in page order.

The entry point of the audit: reads the narrative (clean/narrative.py), cuts it into sentences
and runs every rule of rules.toml on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.audit.comparisons import comparison_findings
from assets.audit.contents import contents_findings
from assets.audit.department import department_findings
from assets.audit.empty_tables import EmptyTable, empty_table_findings, empty_tables
from assets.audit.numbers import number_findings
from assets.audit.repeats import repeat_findings
from assets.audit.patterns import pattern_findings, unbalanced_findings
from assets.audit.rules import Finding
from assets.audit.sentences import lines_to_sentences
from assets.audit.structure import blank_page_findings, structure_findings
from assets.audit.years import year_findings
from assets.clean.narrative import narrative_lines
from assets.clean.tables import CleanDocument
from assets.extract.model import ExtractedDocument, RawCell, TextLine

# "2026年深圳市统计局部门预算": the year the 说明 names its own 预算/决算 by, where the cover did not say
OWN_YEAR = re.compile(r"(20\d{2})\s*年度?[^，。；\d]{0,24}?(?:部门|单位)(?:预算|决算)(?!执行)")


@dataclass(frozen=True)
class DocumentFacts:
    """What the rules need to know of the document: its year, kind, scope, department (as its
    cover or tables name it), the tables it prints, (kind, printed title) each, its page count,
    the pages that print nothing and the tables that print no amount."""

    fiscal_year: int | None
    document_kind: str  # 'budget' | 'final_accounts'
    scope: str  # 'department' | 'unit'
    department: str | None = None
    tables: tuple[tuple[str, str], ...] = ()
    page_count: int = 0
    blank_pages: tuple[int, ...] = ()
    empty_tables: tuple[EmptyTable, ...] = ()

    @classmethod
    def of(cls, document: CleanDocument, extracted: ExtractedDocument | None = None) -> DocumentFacts:
        """The facts of a cleaned document (and of its pages, given what was extracted)."""
        return cls(document.fiscal_year, document.document_kind, document.scope, document.department,
                   tuple((table.table_id, table.title) for table in document.tables),
                   extracted.page_count if extracted else 0, extracted.blank_pages if extracted else (),
                   empty_tables(document, extracted) if extracted else ())


def audit_narrative(lines: list[TextLine] | tuple[TextLine, ...], cells: list[RawCell] | tuple[RawCell, ...],
                    facts: DocumentFacts) -> list[Finding]:
    """Given a document's text lines, raw table cells and facts, return its narrative findings."""
    sentences = lines_to_sentences(narrative_lines(list(lines), cells))
    body = [s for s in sentences if not s.heading]
    year = facts.fiscal_year or stated_fiscal_year(sentences)
    findings = (pattern_findings(sentences, facts.scope) + unbalanced_findings(sentences)
                + number_findings(body) + comparison_findings(body) + repeat_findings(body, year)
                + year_findings(sentences, year, facts.document_kind)
                + structure_findings(sentences) + blank_page_findings(facts.blank_pages, facts.page_count)
                + department_findings(sentences, facts.department) + empty_table_findings(facts.empty_tables, body)
                + contents_findings(list(lines), facts.document_kind, facts.tables))
    return sorted(findings, key=lambda f: (f.page, f.rule_id))


def stated_fiscal_year(sentences) -> int | None:
    """The year of the first heading or sentence naming the document's own 部门预算/决算."""
    for sentence in sentences:
        match = OWN_YEAR.search(sentence.text)
        if match:
            return int(match.group(1))
    return None
