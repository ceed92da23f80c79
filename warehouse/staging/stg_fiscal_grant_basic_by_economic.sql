-- Jiangsu 公开06表 财政拨款基本支出预算表: fiscal-grant basic expenditure by economic code, in 元.
create or replace table staging.stg_fiscal_grant_basic_by_economic as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    econ_code, econ_name,
    to_yuan(total, source_unit) as total
from clean_fiscal_grant_basic_by_economic;
