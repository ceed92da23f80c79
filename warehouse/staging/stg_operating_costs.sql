-- Table 13 (机关（机构）运行经费) by economic classification, in 元.
create or replace table staging.stg_operating_costs as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    econ_code, econ_name,
    to_yuan(total, source_unit) as total
from clean_operating_costs;
