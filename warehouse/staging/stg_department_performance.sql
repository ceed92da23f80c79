-- Table 14 (整体绩效目标表), a form: one row per printed row, its five columns as printed.
create or replace table staging.stg_department_performance as
select document_id, printed_code, row_index, page, source_row, c1, c2, c3, c4, c5
from clean_department_performance;
