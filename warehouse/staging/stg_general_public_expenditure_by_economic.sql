-- 一般公共预算支出表（按经济分类）, printed by many provinces beside the standard tables (广州, 深圳,
-- 西安): 一般公共预算 expenditure by economic classification, basic and project, in 元.
create or replace table staging.stg_general_public_expenditure_by_economic as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    coalesce(dept_econ_code, econ_class || coalesce(econ_kind, '')) as dept_econ_code,
    unit_name, dept_econ_name, gov_econ_code, gov_econ_name,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(personnel, source_unit) as personnel,
    to_yuan(public_funds, source_unit) as public_funds,
    to_yuan(project_total, source_unit) as project_total
from clean_general_public_expenditure_by_economic;
