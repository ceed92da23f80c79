-- Table 06 (一般公共预算基本支出预算表) by economic classification, one row per printed row, in 元.
create or replace table staging.stg_basic_expenditure_by_economic as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- Henan prints the 5-digit code in one cell; Shanghai prints 类 and 款 in two
    coalesce(dept_econ_code, econ_class || coalesce(econ_kind, '')) as dept_econ_code,
    dept_econ_name, gov_econ_code, gov_econ_name,
    to_yuan(total, source_unit) as total,
    to_yuan(personnel, source_unit) as personnel,
    to_yuan(public_funds, source_unit) as public_funds
from clean_basic_expenditure_by_economic;
