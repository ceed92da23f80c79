-- 部门决算 收入决算表: income by function (类/款/项) and source, one row per printed row, in 元.
create or replace table staging.stg_final_income_by_function as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item, name,
    to_yuan(total, source_unit) as total,
    to_yuan(fiscal_grant, source_unit) as fiscal_grant,
    to_yuan(superior_subsidy, source_unit) as superior_subsidy,
    to_yuan(business_income, source_unit) as business_income,
    to_yuan(operating_income, source_unit) as operating_income,
    to_yuan(affiliated_income, source_unit) as affiliated_income,
    to_yuan(other_income, source_unit) as other_income
from clean_final_income_by_function;
