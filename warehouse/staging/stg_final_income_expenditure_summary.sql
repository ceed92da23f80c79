-- 部门决算 收入支出决算总表: one row per printed line pair (income | expenditure), money in 元.
create or replace table staging.stg_final_income_expenditure_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    income_item, to_yuan(income_amount, source_unit) as income_amount,
    expense_item, to_yuan(expense_amount, source_unit) as expense_amount
from clean_final_income_expenditure_summary;
