-- Table 12: one row per project with its type (其他运转类 / 特定目标类) and unit, in 元.
create or replace table marts.fct_projects as
select
    document_id, project_type, project_name, unit_name,
    total as amount,
    general_public,
    source_unit, page, source_row, row_index
from staging.stg_project_expenditure
where row_kind = 'item'
order by document_id, row_index;
