-- 支出功能分类 (functional classification) as printed: 类 (3 digits) → 款 (5) → 项 (7), with names.
create or replace table marts.dim_function as
with printed as (
    select func_class, func_kind, func_item, name from staging.stg_expenditure_by_function
    union all
    select func_class, func_kind, func_item, name from staging.stg_general_public_expenditure
    union all
    select func_class, func_kind, func_item, name from staging.stg_income_by_function
    union all
    select func_class, func_kind, func_item, name from staging.stg_government_fund_expenditure
    union all
    select func_class, func_kind, func_item, name from staging.stg_state_capital_expenditure
),

coded as (
    select func_class || coalesce(func_kind, '') || coalesce(func_item, '') as function_code, name
    from printed
    where regexp_matches(func_class, '^\d{3}$')
),

named as (
    -- the name most documents print for the code; ties broken alphabetically
    select function_code, arg_max(name, n) as function_name
    from (select function_code, name, count(*) as n from coded group by all)
    group by function_code
),

classes as (
    select function_class as function_code, class_name as function_name from marts.dim_function_class
)

select
    function_code,
    case length(function_code) when 3 then 'class' when 5 then 'kind' else 'item' end as level,
    case length(function_code) when 3 then null else left(function_code, length(function_code) - 2) end as parent_code,
    function_name,
    left(function_code, 3) as class_code
from (
    select * from named
    union all
    select * from classes where function_code not in (select function_code from named)
)
order by function_code;
