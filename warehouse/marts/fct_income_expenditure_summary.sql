-- Table 01 (budget 收支预算总表, or final accounts 收入支出决算总表), long form: one row per printed
-- line of either side (收入 income / 支出 expenditure), in 元. dim_document.document_kind tells which.
create or replace table marts.fct_income_expenditure_summary as
with both_kinds as (
    select * from staging.stg_income_expenditure_summary
    union all by name
    select * from staging.stg_final_income_expenditure_summary
),

sides as (
    select document_id, 'income' as side, row_index, income_item as item_name,
           income_amount as amount, source_unit, page, source_row
    from both_kinds
    where income_item is not null
    union all
    select document_id, 'expenditure', row_index, expense_item, expense_amount,
           source_unit, page, source_row
    from both_kinds
    where expense_item is not null
    union all
    -- Jiangsu prints the expenditure twice: by function (above) and by use (基本 / 项目 / 预留)
    select document_id, 'expenditure_by_use', row_index, use_item, use_amount,
           source_unit, page, source_row
    from both_kinds
    where use_item is not null
),

keyed as (
    select *,
        function_line_key(item_name) as name_key,
        bool_or(regexp_matches(item_name, '^当年(收入|支出)小计$')) over (partition by document_id) as has_year_subtotal
    from sides
),

class_names as (
    select function_class, function_line_key(printed_name) as name_key
    from seed_function_class_names
)

select
    keyed.document_id, keyed.side, keyed.row_index as line_no, keyed.item_name,
    case
        when regexp_matches(keyed.item_name, '总计$') then 'grand_total'
        when regexp_matches(keyed.item_name, '^当年(收入|支出)小计$') then 'total'
        -- Jiangsu: under a 当年小计 line, 合计 adds the carry-over: it is the grand total
        when regexp_matches(keyed.item_name, '合计$') and keyed.has_year_subtotal then 'grand_total'
        when regexp_matches(keyed.item_name, '合计$') then 'total'
        when regexp_matches(keyed.item_name, '^(其中|\d+\s*[.．、])') then 'memo'
        when regexp_matches(keyed.item_name, '结转|结余') then 'carry_over'
        else 'item'
    end as line_kind,
    case when keyed.side = 'expenditure' then class_names.function_class end as function_class,
    keyed.amount,
    keyed.source_unit, keyed.page, keyed.source_row
from keyed
left join class_names on keyed.name_key = class_names.name_key
order by keyed.document_id, keyed.side, line_no;
