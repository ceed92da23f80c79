-- Table 04 (财政拨款收支预算表): income list beside expenditure by fund, one row per printed row, in 元.
create or replace table staging.stg_fiscal_grant_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    income_item,
    to_yuan(income_amount, source_unit) as income_amount,
    expense_item,
    to_yuan(total, source_unit) as total,
    to_yuan(grant_total, source_unit) as grant_total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital,
    to_yuan(fiscal_special, source_unit) as fiscal_special,
    to_yuan(unit_funds, source_unit) as unit_funds
from clean_fiscal_grant_summary;
