-- Final accounts 财政拨款收入支出决算总表, long form: one row per printed line of either side,
-- the expenditure side split by fund (一般公共预算 / 政府性基金 / 国有资本经营), in 元.
create or replace table marts.fct_final_fiscal_grant_summary as
with sides as (
    select document_id, 'income' as side, row_index, income_item as item_name,
           income_amount as amount, null::decimal(20, 2) as general_public,
           null::decimal(20, 2) as government_fund, null::decimal(20, 2) as state_capital,
           source_unit, page, source_row
    from staging.stg_final_fiscal_grant_summary
    where income_item is not null
    union all
    select document_id, 'expenditure', row_index, expense_item, total, general_public,
           government_fund, state_capital, source_unit, page, source_row
    from staging.stg_final_fiscal_grant_summary
    where expense_item is not null
)
select
    document_id, side, row_index as line_no, item_name,
    case
        when regexp_matches(item_name, '总计$') then 'grand_total'
        when regexp_matches(item_name, '合计$') then 'total'
        when regexp_matches(item_name, '结转|结余') then 'carry_over'
        else 'item'
    end as line_kind,
    amount, general_public, government_fund, state_capital,
    source_unit, page, source_row
from sides
order by document_id, side, line_no;
