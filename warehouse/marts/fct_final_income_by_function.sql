-- Final accounts 收入决算表: income by function code and source, one row per printed row, in 元.
create or replace table marts.fct_final_income_by_function as
select
    document_id, row_kind,
    case when row_kind in ('item', 'class', 'kind')
         then func_class || coalesce(func_kind, '') || coalesce(func_item, '') end as function_code,
    case when row_kind <> 'total' then func_class end as function_class,
    name as function_name,
    total, fiscal_grant, superior_subsidy, business_income, operating_income,
    affiliated_income, other_income,
    source_unit, page, source_row, row_index
from staging.stg_final_income_by_function
order by document_id, row_index;
