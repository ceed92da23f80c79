-- Budget units (预算单位) of each document: the department (3-digit code) and its units, by code where printed.
create or replace table marts.dim_budget_unit as
with coded as (
    select document_id, unit_code, name as unit_name from staging.stg_expenditure_by_function
    where row_kind in ('dept', 'unit')
    union
    select document_id, unit_code, name from staging.stg_general_public_expenditure
    where row_kind in ('dept', 'unit')
    union
    select document_id, unit_code, name from staging.stg_income_by_function
    where row_kind in ('dept', 'unit')
),

named as (
    select document_id, unit_name from staging.stg_basic_expenditure_detail
    where row_kind = 'item' and unit_name is not null
    union
    select document_id, unit_name from staging.stg_project_expenditure
    where row_kind = 'item' and unit_name is not null
)

select document_id, unit_code, unit_name,
       case when length(unit_code) = 3 then 'department' else 'unit' end as unit_level
from coded
union all
select named.document_id, null, named.unit_name, 'unit'
from named
where not exists (
    select 1 from coded
    where coded.document_id = named.document_id and coded.unit_name = named.unit_name
)
order by document_id, unit_level, unit_code nulls last, unit_name;
