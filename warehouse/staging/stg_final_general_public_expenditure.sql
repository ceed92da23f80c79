-- 部门决算 一般公共预算财政拨款支出决算表: by function, basic and project, in 元.
create or replace table staging.stg_final_general_public_expenditure as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item, name,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(project_total, source_unit) as project_total
from clean_final_general_public_expenditure;
