-- Jiangsu 公开02表 收入预算总表: income by source (category / item), in 元.
create or replace table staging.stg_income_by_source as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    category, item,
    to_yuan(amount, source_unit) as amount
from clean_income_by_source;
