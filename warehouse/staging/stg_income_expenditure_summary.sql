-- Table 01 (部门收支预算表), printed as two side-by-side lists; one row per printed row, money in 元.
create or replace table staging.stg_income_expenditure_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    income_item,
    to_yuan(income_amount, source_unit) as income_amount,
    expense_item,
    to_yuan(expense_amount, source_unit) as expense_amount,
    to_yuan(expense_personnel, source_unit) as expense_personnel,
    to_yuan(expense_public_funds, source_unit) as expense_public_funds,
    to_yuan(expense_project, source_unit) as expense_project
from clean_income_expenditure_summary;
