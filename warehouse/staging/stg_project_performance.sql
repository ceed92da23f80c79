-- Table 15 (项目绩效目标表): one row per printed row (group, unit, project and indicator rows), money in 元.
create or replace table staging.stg_project_performance as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    code, name,
    to_yuan(amt_total, source_unit) as amt_total,
    to_yuan(amt_gov, source_unit) as amt_gov,
    to_yuan(amt_special, source_unit) as amt_special,
    to_yuan(amt_own, source_unit) as amt_own,
    cost_ind, cost_val, out_ind, out_val, eff_ind, eff_val, sat_ind, sat_val
from clean_project_performance;
