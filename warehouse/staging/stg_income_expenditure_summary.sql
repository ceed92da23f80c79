-- Table 01 (部门收支预算表), printed as two side-by-side lists; one row per printed row, money in 元.
create or replace table staging.stg_income_expenditure_summary as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    income_item,
    to_yuan(income_amount, source_unit) as income_amount,
    expense_item,
    -- a label printed across the function and use columns (Jiangsu 支出合计) heads both: its
    -- amount is the one printed in the use column
    case when expense_item = use_item and coalesce(expense_amount, 0) = 0 then to_yuan(use_amount, source_unit)
         else to_yuan(expense_amount, source_unit) end as expense_amount,
    to_yuan(expense_personnel, source_unit) as expense_personnel,
    to_yuan(expense_public_funds, source_unit) as expense_public_funds,
    to_yuan(expense_project, source_unit) as expense_project,
    -- Jiangsu: a third column pair, expenditure by use (支出用途: 基本支出 / 项目支出 / …)
    use_item,
    to_yuan(use_amount, source_unit) as use_amount
from clean_income_expenditure_summary;
