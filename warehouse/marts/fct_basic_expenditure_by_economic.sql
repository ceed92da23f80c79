-- Table 06: basic expenditure by economic classification (部门 and 政府 schemes side by side), in 元.
create or replace table marts.fct_basic_expenditure_by_economic as
select
    document_id, row_kind,
    case when row_kind <> 'total' then dept_econ_code end as dept_econ_code,
    case when row_kind <> 'total' then dept_econ_name else '合计' end as dept_econ_name,
    gov_econ_code, gov_econ_name,
    total,
    personnel,
    public_funds,
    source_unit, page, source_row, row_index
from staging.stg_basic_expenditure_by_economic
order by document_id, row_index;
