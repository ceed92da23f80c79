-- 部门决算 一般公共预算财政拨款基本支出决算表: the two side-by-side blocks (left: 301/303,
-- right: 302/310) stacked into one list, one row per printed code, in 元.
create or replace table staging.stg_final_basic_expenditure_by_economic as
with blocks as (
    select document_id, source_unit, row_index, page, source_row, 1 as printed_block,
           -- one code cell (301 / 30101) or 类 and 款 in two
           coalesce(econ_class, case when regexp_matches(econ_code, '^\d{3}(\d{2})?$') then left(econ_code, 3)
                                     else econ_code end) as econ_class,
           coalesce(econ_kind, case when regexp_matches(econ_code, '^\d{5}$') then substr(econ_code, 4, 2) end)
               as econ_kind, name, amount
    from clean_final_basic_expenditure_by_economic
    union all
    select document_id, source_unit, row_index, page, source_row, 2,
           coalesce(econ_class_2, case when regexp_matches(econ_code_2, '^\d{3}(\d{2})?$')
                                       then left(econ_code_2, 3) else econ_code_2 end),
           coalesce(econ_kind_2, case when regexp_matches(econ_code_2, '^\d{5}$') then substr(econ_code_2, 4, 2) end),
           name_2, amount_2
    from clean_final_basic_expenditure_by_economic
)
select
    document_id, source_unit, row_index, printed_block, page, source_row,
    case
        when regexp_matches(econ_class, '人员经费合计$') then 'personnel_total'
        when regexp_matches(econ_class, '公用经费合计$') then 'public_funds_total'
        when coalesce(econ_kind, '') = '' then 'class'
        else 'item'
    end as row_kind,
    case when regexp_matches(econ_class, '^\d{3}$') then econ_class end as econ_class,
    nullif(econ_kind, '') as econ_kind,
    case when regexp_matches(econ_class, '^\d{3}$') then name else econ_class end as name,
    to_yuan(amount, source_unit) as amount
from blocks
where coalesce(econ_class, '') <> '';
