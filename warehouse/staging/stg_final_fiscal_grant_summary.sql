-- 部门决算 财政拨款收入支出决算总表: one row per printed line pair, by fund, in 元.
create or replace table staging.stg_final_fiscal_grant_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    income_item, to_yuan(income_amount, source_unit) as income_amount,
    expense_item,
    to_yuan(total, source_unit) as total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital
from clean_final_fiscal_grant_summary;
