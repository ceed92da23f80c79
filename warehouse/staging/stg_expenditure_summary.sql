-- Jiangsu 公开03表 支出预算总表: one row per document, expenditure by use, in 元.
create or replace table staging.stg_expenditure_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(project_total, source_unit) as project_total,
    to_yuan(reserve, source_unit) as reserve,
    to_yuan(carry_forward, source_unit) as carry_forward
from clean_expenditure_summary;
