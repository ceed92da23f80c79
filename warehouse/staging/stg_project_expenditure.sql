-- Table 12 (项目支出预算表): one row per project (plus total and department rows), in 元.
create or replace table staging.stg_project_expenditure as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    project_type, project_name, unit_name,
    to_yuan(total, source_unit) as total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital,
    to_yuan(carry_general_public, source_unit) as carry_general_public,
    to_yuan(carry_government_fund, source_unit) as carry_government_fund,
    to_yuan(carry_state_capital, source_unit) as carry_state_capital,
    to_yuan(fiscal_special, source_unit) as fiscal_special,
    to_yuan(unit_funds, source_unit) as unit_funds
from clean_project_expenditure;
