-- 部门决算 政府性基金 / 国有资本经营预算财政拨款收入支出决算表, stacked with a fund column, in 元.
create or replace table staging.stg_final_fund_by_function as
with both_funds as (
    select 'government_fund' as fund, * from clean_final_government_fund
    union all by name
    select 'state_capital' as fund, * from clean_final_state_capital
)
select
    document_id, fund, printed_code, source_unit, row_index, row_kind, page, source_row,
    -- three cells (类 / 款 / 项) or one code (201 / 20101 / 2010101)
    coalesce(func_class, code_class(function_code)) as func_class,
    coalesce(func_kind, code_kind(function_code)) as func_kind,
    coalesce(func_item, code_item(function_code)) as func_item, name,
    to_yuan(opening_balance, source_unit) as opening_balance,
    to_yuan(income, source_unit) as income,
    to_yuan(expense_total, source_unit) as expense_total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(project_total, source_unit) as project_total,
    to_yuan(closing_balance, source_unit) as closing_balance
from both_funds;
