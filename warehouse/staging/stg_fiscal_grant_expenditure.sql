-- Jiangsu 公开05表 财政拨款支出预算表: fiscal-grant expenditure by function code, in 元.
create or replace table staging.stg_fiscal_grant_expenditure as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    code_class(function_code) as func_class,
    code_kind(function_code) as func_kind,
    code_item(function_code) as func_item,
    name,
    to_yuan(total, source_unit) as total
from clean_fiscal_grant_expenditure;
