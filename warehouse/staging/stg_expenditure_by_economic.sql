-- Table 08 (支出经济分类部门表) by economic class (类) and item (款), one row per printed row, in 元.
create or replace table staging.stg_expenditure_by_economic as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    econ_class, econ_kind, name,
    to_yuan(total, source_unit) as total,
    to_yuan(basic_total, source_unit) as basic_total,
    to_yuan(personnel, source_unit) as personnel,
    to_yuan(public_funds, source_unit) as public_funds,
    to_yuan(project_total, source_unit) as project_total
from clean_expenditure_by_economic;
