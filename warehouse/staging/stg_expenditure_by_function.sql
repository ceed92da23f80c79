-- Table 03 by function (类/款/项), one row per printed body row, money in 元.
create or replace table staging.stg_expenditure_by_function as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item,
    unit_code,
    coalesce(name, unit_name) as name,  -- a unit's row may name it in its own column (预算单位),
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(basic_wages_welfare, source_unit) as basic_wages_welfare,
    to_yuan(basic_household_transfers, source_unit) as basic_household_transfers,
    to_yuan(basic_goods_services, source_unit) as basic_goods_services,
    to_yuan(basic_capital, source_unit) as basic_capital,
    to_yuan(project_total, source_unit) as project_total,
    to_yuan(project_operating, source_unit) as project_operating,
    to_yuan(project_specific, source_unit) as project_specific,
    -- other provinces: 人员经费 / 公用经费 under 基本支出, and the non-fiscal spending columns
    to_yuan(basic_personnel, source_unit) as basic_personnel,
    to_yuan(basic_public_funds, source_unit) as basic_public_funds,
    to_yuan(business_operating_expense, source_unit) as business_operating_expense,
    to_yuan(remit_to_superior, source_unit) as remit_to_superior,
    to_yuan(affiliated_subsidy, source_unit) as affiliated_subsidy
from clean_expenditure_by_function;
