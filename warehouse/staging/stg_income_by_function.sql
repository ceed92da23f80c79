-- Table 02 (部门收入预算表) by function and fund source, one row per printed row, money in 元.
create or replace table staging.stg_income_by_function as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item,
    unit_code,
    coalesce(name, unit_name) as name,  -- a unit's row may name it in its own column (预算单位),
    to_yuan(total, source_unit) as total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital,
    to_yuan(fiscal_special, source_unit) as fiscal_special,
    to_yuan(unit_funds, source_unit) as unit_funds,
    to_yuan(carry_over, source_unit) as carry_over,
    to_yuan(fiscal_grant, source_unit) as fiscal_grant,
    to_yuan(business_income, source_unit) as business_income,
    to_yuan(business_operating_income, source_unit) as business_operating_income,
    to_yuan(other_income, source_unit) as other_income,
    to_yuan(superior_subsidy, source_unit) as superior_subsidy,
    to_yuan(affiliated_income, source_unit) as affiliated_income
from clean_income_by_function;
