-- 一般公共预算 expenditure by economic classification (部门 and 政府 schemes), basic and project, in 元:
-- the table many provinces print beside the standard's 06 (which holds basic expenditure only).
create or replace table marts.fct_general_public_expenditure_by_economic as
select
    document_id, row_kind, unit_name,
    case when row_kind <> 'total' then dept_econ_code end as dept_econ_code,
    case when row_kind <> 'total' then dept_econ_name else '合计' end as dept_econ_name,
    gov_econ_code, gov_econ_name,
    total, basic_total, personnel, public_funds, project_total,
    source_unit, page, source_row, row_index
from staging.stg_general_public_expenditure_by_economic
order by document_id, row_index;
