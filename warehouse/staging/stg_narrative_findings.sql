-- Defects the narrative audit found in the 说明: one row per finding, as written by the clean stage.
create or replace table staging.stg_narrative_findings as
select
    document_id, finding_index, rule_id, severity, page, section, sentence, printed, expected
from clean_narrative_findings;
