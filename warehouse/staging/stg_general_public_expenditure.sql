-- Table 05 by function (类/款/项), one row per printed body row, money in 元.
create or replace table staging.stg_general_public_expenditure as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- Henan and Shanghai print 类 / 款 / 项 in three cells; Jiangsu prints one code
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
    to_yuan(basic_personnel, source_unit) as basic_personnel,
    to_yuan(basic_public_funds, source_unit) as basic_public_funds,
    -- the previous year's budget, printed beside this year's by some provinces
    to_yuan(prior_total, source_unit) as prior_total
from clean_general_public_expenditure;
