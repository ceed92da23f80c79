"""The narrative audit on the reference (焦作市人民政府办公室 2023): its 说明 is well drafted; the
only findings are two zero changes worded as 减少 (style), checked by hand on page 10."""
from assets.audit.audit import DocumentFacts, audit_narrative


def test_reference_findings(reference_extracted, reference_document):
    findings = audit_narrative(reference_extracted.lines, reference_extracted.cells,
                               DocumentFacts.of(reference_document))
    assert [(f.rule_id, f.severity, f.page, f.printed) for f in findings] == [
        ("narrative.number.zero_change_direction", "style", 10, "减少0万元"),
        ("narrative.number.zero_change_direction", "style", 10, "减少0万元"),
    ]
    quoted = sorted(f.sentence for f in findings)
    assert quoted[1].startswith("具体支出情况如下：（一）因公出国（境）费 0 万元，比上年预算数减少 0 万元")
    assert quoted[0].startswith("其中公务用车购置费 0 万元，比上年减少 0 万元")
