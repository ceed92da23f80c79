-- Table 07 (一般公共预算基本支出明细表): one row per unit x item, merged unit labels filled down, in 元.
create or replace table staging.stg_basic_expenditure_detail as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    unit_name, category, item_name,
    to_yuan(total, source_unit) as total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital,
    to_yuan(carry_general_public, source_unit) as carry_general_public,
    to_yuan(carry_government_fund, source_unit) as carry_government_fund,
    to_yuan(carry_state_capital, source_unit) as carry_state_capital,
    to_yuan(fiscal_special, source_unit) as fiscal_special,
    to_yuan(unit_funds, source_unit) as unit_funds
from clean_basic_expenditure_detail;
