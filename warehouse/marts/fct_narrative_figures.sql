-- The narrative's stated figures: statement (the clause naming it), value and unit as printed, money also in 元.
create or replace table marts.fct_narrative_figures as
select
    document_id, figure_index, part, section, statement,
    value::decimal(20, 2) as value, unit,
    case when unit in ('万元', '元') then to_yuan(value, unit) end as amount,
    sentence, page
from staging.stg_narrative_figures
order by document_id, figure_index;
