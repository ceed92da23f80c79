-- Final accounts 一般公共预算财政拨款基本支出决算表 by economic code (类 301/302/303/310 and
-- their 款), both printed blocks in one list, with the 人员经费 / 公用经费 totals, in 元.
create or replace table marts.fct_final_basic_expenditure_by_economic as
select
    document_id, row_kind,
    econ_class || coalesce(econ_kind, '') as econ_code,
    econ_class, name as econ_name, amount,
    source_unit, page, source_row, printed_block, row_index
from staging.stg_final_basic_expenditure_by_economic
order by document_id, printed_block, row_index;
