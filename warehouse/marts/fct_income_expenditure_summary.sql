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

class_names as (
    select function_class, function_line_key(printed_name) as name_key
    from seed_function_class_names
),

keyed as (
    select sides.*,
        function_line_key(item_name) as name_key,
        class_names.function_class,
        bool_or(regexp_matches(item_name, '^当年(收入|支出)小计$')) over (partition by document_id) as has_year_subtotal,
        -- lines numbered 一、二、… on this side: an unnumbered line among them is one of their parts
        bool_or(regexp_matches(item_name, '^[一二三四五六七八九十]+、')) over (partition by document_id, side) as numbered,
        -- no numbering, but lines named like the function classes (类): other lines are their 款 and 项
        count(class_names.function_class) over (partition by document_id, side) as class_lines
    from sides
    left join class_names on function_line_key(sides.item_name) = class_names.name_key
),

kinds as (
    select *,
        regexp_matches(item_name, '总计$|合计$|小计$|结转|结余|^(其中|\d+\s*[.．、])') as is_marked,
        regexp_matches(item_name, '^[一二三四五六七八九十]+、') as is_numbered
    from keyed
)

select
    document_id, side, row_index as line_no, item_name,
    case
        when regexp_matches(item_name, '总计$') then 'grand_total'
        when regexp_matches(item_name, '^当年(收入|支出)小计$') then 'total'
        -- Jiangsu: under a 当年小计 line, 合计 adds the carry-over: it is the grand total
        when regexp_matches(item_name, '合计$') and has_year_subtotal then 'grand_total'
        -- a bare 合计 after 本年收入合计 and the carry-over lines (决算) is the grand total
        when item_name = '合计' and bool_or(regexp_matches(item_name, '^本年(收入|支出)合计$'))
            over (partition by document_id, side) then 'grand_total'
        when regexp_matches(item_name, '合计$') then 'total'
        when regexp_matches(item_name, '^(其中|\d+\s*[.．、])') then 'memo'
        -- 西安: 上年实户资金余额, the balance brought forward from last year's bank accounts
        when regexp_matches(item_name, '结转|结余|^上年.*余额$') then 'carry_over'
        when numbered and not is_numbered then 'memo'
        when not numbered and class_lines >= 2 and function_class is null then 'memo'
        else 'item'
    end as line_kind,
    case when side = 'expenditure' then function_class end as function_class,
    amount,
    source_unit, page, source_row
from kinds
order by document_id, side, line_no;
