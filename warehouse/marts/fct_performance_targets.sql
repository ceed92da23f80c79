-- Performance targets, long form: table 15's indicators per project (成本/产出/效益/满意度) and table 14's form rows.
create or replace table marts.fct_performance_targets as
with projects as (
    select * from staging.stg_project_performance where row_kind = 'item'
),

indicators as (
    select document_id, code, name, amt_total, page, source_row, row_index, 'cost' as indicator_type,
           cost_ind as indicator, cost_val as target_value from projects
    union all
    select document_id, code, name, amt_total, page, source_row, row_index, 'output', out_ind, out_val from projects
    union all
    select document_id, code, name, amt_total, page, source_row, row_index, 'effect', eff_ind, eff_val from projects
    union all
    select document_id, code, name, amt_total, page, source_row, row_index, 'satisfaction', sat_ind, sat_val
    from projects
)

select document_id, '15' as source_table, code as project_code, name as project_name,
       amt_total as project_amount, indicator_type, null as section, indicator, target_value,
       page, source_row, row_index
from indicators
where indicator is not null
union all
select document_id, '14', null, null, null, 'department', c1, c2 || coalesce(' / ' || nullif(c3, c2), ''),
       c4, page, source_row, row_index
from staging.stg_department_performance
order by document_id, source_table, row_index, indicator_type;
