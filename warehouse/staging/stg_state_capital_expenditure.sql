-- Table 11 (国有资本经营支出预算表) by function, one row per printed row (often only an empty 合计 row), in 元.
create or replace table staging.stg_state_capital_expenditure as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item, name,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(personnel, source_unit) as personnel,
    to_yuan(public_funds, source_unit) as public_funds,
    to_yuan(project_total, source_unit) as project_total
from clean_state_capital_expenditure;
