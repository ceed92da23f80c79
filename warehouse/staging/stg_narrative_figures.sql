-- Figures stated in the narrative (第二部分 etc.): one row per number with a unit, as printed.
create or replace table staging.stg_narrative_figures as
select
    document_id, figure_index, part, section, statement, value, unit, sentence, page
from clean_narrative_figures;
