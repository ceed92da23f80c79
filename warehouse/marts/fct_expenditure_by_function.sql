-- Tables 03 (all funds) and 05 (一般公共预算 only) by function code, one row per printed row, in 元;
-- Jiangsu's 公开05表 (every fiscal grant) as source_table 'fiscal_grant'.
create or replace table marts.fct_expenditure_by_function as
with both_tables as (
    select '03' as source_table, * from staging.stg_expenditure_by_function
    union all by name
    select '05' as source_table, * from staging.stg_general_public_expenditure
    union all by name
    select 'fiscal_grant' as source_table, * from staging.stg_fiscal_grant_expenditure
)
select
    document_id, source_table,
    case row_kind when 'dept' then 'unit' else row_kind end as row_kind,
    unit_code,
    case when row_kind in ('item', 'class', 'kind')
         then func_class || coalesce(func_kind, '') || coalesce(func_item, '') end as function_code,
    func_class as function_class, name as function_name,
    total,
    basic_total,
    basic_wages_welfare,
    basic_household_transfers,
    basic_goods_services,
    basic_capital,
    project_total,
    project_operating,
    project_specific,
    basic_personnel,
    basic_public_funds,
    business_operating_expense,
    remit_to_superior,
    affiliated_subsidy,
    prior_total,
    source_unit, page, source_row, row_index
from both_tables
order by document_id, source_table, row_index;
