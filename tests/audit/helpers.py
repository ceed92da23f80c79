"""Build narrative lines from plain strings, so a rule can be tried on one sentence."""
from __future__ import annotations

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.extract.model import TextLine

BUDGET_2025 = DocumentFacts(2025, "budget", "department")


def lines_of(*texts: str, page: int = 1) -> list[TextLine]:
    """One TextLine per text, top to bottom on `page` (a tuple (text, page) picks its own page)."""
    lines = []
    for index, item in enumerate(texts):
        text, on_page = item if isinstance(item, tuple) else (item, page)
        lines.append(TextLine(on_page, index, text, 90.0, 100.0 + 20 * index, 112.0 + 20 * index))
    return lines


def rule_hits(*texts: str, facts: DocumentFacts = BUDGET_2025) -> list[tuple[str, str]]:
    """(rule id, printed) of every finding on the given narrative lines (no tables)."""
    return [(f.rule_id, f.printed) for f in audit_narrative(lines_of(*texts), (), facts)]


def rules_fired(*texts: str, facts: DocumentFacts = BUDGET_2025) -> set[str]:
    return {rule for rule, _ in rule_hits(*texts, facts=facts)}
