-- 部门决算 支出决算表: expenditure by function (类/款/项) and kind, one row per printed row, in 元.
create or replace table staging.stg_final_expenditure_by_function as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item, name,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(project_total, source_unit) as project_total,
    to_yuan(remit_to_superior, source_unit) as remit_to_superior,
    to_yuan(operating_expense, source_unit) as operating_expense,
    to_yuan(affiliated_subsidy, source_unit) as affiliated_subsidy
from clean_final_expenditure_by_function;
