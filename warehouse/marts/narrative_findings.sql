-- Narrative audit findings: each defect of a document's 说明 with its rule (id, class, severity, what it catches), page, the sentence quoted, what is printed and what was expected.
create or replace table quality.narrative_findings as
select
    f.document_id, d.file_name, f.finding_index, f.rule_id,
    split_part(f.rule_id, '.', 2) as rule_class, f.severity, r.what,
    f.page, f.section, f.sentence, f.printed, f.expected
from staging.stg_narrative_findings f
left join spec_audit_rules r using (rule_id)
left join staging.stg_documents d using (document_id)
order by f.document_id, f.page, f.finding_index;
