-- Tables 03 (all funds) and 05 (一般公共预算 only) by function code, one row per printed row, in 元;
-- Jiangsu's 公开05表 (every fiscal grant) as source_table 'fiscal_grant'.
create or replace table marts.fct_expenditure_by_function as
with both_tables as (
    select '03' as source_table, * from staging.stg_expenditure_by_function
    union all by name
    select '05' as source_table, * from staging.stg_general_public_expenditure
    union all by name
    select 'fiscal_grant' as source_table, * from staging.stg_fiscal_grant_expenditure
),

-- a names-only table (杭州: levels by indentation, no code printed) takes each 类 from its class
-- row's name, and its 款 and 项 rows from the class row above them
classed as (
    select both_tables.*,
        coalesce(func_class, case when count(func_class) over whole_table = 0
                                       and row_kind in ('item', 'class', 'kind')
                                  then last_value(class_by_name ignore nulls) over (whole_table order by row_index
                                       rows between unbounded preceding and current row) end) as class_code
    from (
        select both_tables.*, names.function_class as class_by_name
        from both_tables
        left join seed_function_class_names names
          on both_tables.row_kind = 'class' and function_line_key(both_tables.name) = function_line_key(names.printed_name)
    ) both_tables
    window whole_table as (partition by document_id, source_table)
)
select
    document_id, source_table,
    case row_kind when 'dept' then 'unit' else row_kind end as row_kind,
    unit_code,
    case when row_kind in ('item', 'class', 'kind')
         then func_class || coalesce(func_kind, '') || coalesce(func_item, '') end as function_code,
    class_code as function_class, name as function_name,
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
from classed
order by document_id, source_table, row_index;
