-- 支出经济分类 (economic classification) in both schemes: 部门预算 (301, 30101…) and 政府预算 (501, 50101…).
create or replace table marts.dim_economic_class as
with printed as (
    select 'department' as scheme, dept_econ_code as econ_code, dept_econ_name as econ_name
    from staging.stg_basic_expenditure_by_economic where row_kind = 'item'
    union all
    select 'government', gov_econ_code, gov_econ_name
    from staging.stg_basic_expenditure_by_economic where row_kind = 'item'
    union all
    select 'department', econ_code, econ_name from staging.stg_operating_costs where row_kind = 'item'
    union all
    select 'department', econ_class || coalesce(econ_kind, ''), name
    from staging.stg_expenditure_by_economic where row_kind in ('class', 'item')
)
select
    scheme, econ_code,
    case length(econ_code) when 3 then 'class' else 'item' end as level,
    case length(econ_code) when 3 then null else left(econ_code, 3) end as parent_code,
    arg_max(econ_name, n) as econ_name
from (select scheme, econ_code, econ_name, count(*) as n from printed
      where regexp_matches(econ_code, '^\d{3}(\d{2})?$') group by all)
group by scheme, econ_code
order by scheme, econ_code;
