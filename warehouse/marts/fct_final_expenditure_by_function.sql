-- Final accounts by function code: 支出决算表 (source_table 'all_funds': every source, with
-- 上缴上级 / 经营 / 对附属单位 columns) and 一般公共预算财政拨款支出决算表 ('general_public'), in 元.
create or replace table marts.fct_final_expenditure_by_function as
with both_tables as (
    select 'all_funds' as source_table, * from staging.stg_final_expenditure_by_function
    union all by name
    select 'general_public' as source_table, * from staging.stg_final_general_public_expenditure
)
select
    document_id, source_table, row_kind,
    case when row_kind in ('item', 'class', 'kind')
         then func_class || coalesce(func_kind, '') || coalesce(func_item, '') end as function_code,
    case when row_kind <> 'total' then func_class end as function_class,
    case when row_kind = 'total' then '合计' else name end as function_name,
    total, basic_total, project_total, remit_to_superior, operating_expense, affiliated_subsidy,
    source_unit, page, source_row, row_index
from both_tables
order by document_id, source_table, row_index;
