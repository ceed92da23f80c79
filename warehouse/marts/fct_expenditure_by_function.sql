-- Tables 03 (all funds) and 05 (一般公共预算 only) by function code, one row per printed row, in 元.
create or replace table marts.fct_expenditure_by_function as
with both_tables as (
    select '03' as source_table, * from staging.stg_expenditure_by_function
    union all by name
    select '05' as source_table, * from staging.stg_general_public_expenditure
)
select
    document_id, source_table,
    case row_kind when 'dept' then 'unit' else row_kind end as row_kind,
    unit_code,
    case when row_kind = 'item' then func_class || func_kind || func_item end as function_code,
    func_class as function_class, name as function_name,
    coalesce(total, 0)::decimal(20, 2) as total,
    coalesce(basic_total, 0)::decimal(20, 2) as basic_total,
    coalesce(basic_wages_welfare, 0)::decimal(20, 2) as basic_wages_welfare,
    coalesce(basic_household_transfers, 0)::decimal(20, 2) as basic_household_transfers,
    coalesce(basic_goods_services, 0)::decimal(20, 2) as basic_goods_services,
    coalesce(basic_capital, 0)::decimal(20, 2) as basic_capital,
    coalesce(project_total, 0)::decimal(20, 2) as project_total,
    coalesce(project_operating, 0)::decimal(20, 2) as project_operating,
    coalesce(project_specific, 0)::decimal(20, 2) as project_specific,
    source_unit, page, source_row, row_index
from both_tables
order by document_id, source_table, row_index;
