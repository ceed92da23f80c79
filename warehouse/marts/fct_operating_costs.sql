-- Table 13: 机关（机构）运行经费 by economic code, one row per item, in 元.
create or replace table marts.fct_operating_costs as
select
    document_id, row_kind,
    case when row_kind = 'item' then econ_code end as econ_code,
    case when row_kind = 'item' then econ_name else '合计' end as econ_name,
    total as amount,
    source_unit, page, source_row, row_index
from staging.stg_operating_costs
order by document_id, row_index;
