-- Table 07: basic expenditure detail, one row per budget unit x item (人员类 / 公用经费), in 元.
create or replace table marts.fct_basic_expenditure_detail as
select
    document_id, case row_kind when 'dept' then 'unit' else row_kind end as row_kind,
    unit_name, category, item_name,
    total as amount,
    general_public,
    source_unit, page, source_row, row_index
from staging.stg_basic_expenditure_detail
order by document_id, row_index;
