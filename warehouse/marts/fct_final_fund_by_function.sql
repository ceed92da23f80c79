-- Final accounts 政府性基金 / 国有资本经营预算财政拨款收入支出决算表 by function code: opening
-- balance, income, expenditure (basic / project) and closing balance per fund, in 元.
create or replace table marts.fct_final_fund_by_function as
select
    document_id, fund, row_kind,
    case when row_kind in ('item', 'class', 'kind')
         then func_class || coalesce(func_kind, '') || coalesce(func_item, '') end as function_code,
    case when row_kind = 'total' then '合计' else name end as function_name,
    opening_balance, income, expense_total, basic_total, project_total, closing_balance,
    source_unit, page, source_row, row_index
from staging.stg_final_fund_by_function
order by document_id, fund, row_index;
