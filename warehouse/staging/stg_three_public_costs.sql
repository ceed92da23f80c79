-- Table 09 (“三公”经费预算表): one row per document, in 元.
create or replace table staging.stg_three_public_costs as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    to_yuan(total, source_unit) as total,
    to_yuan(overseas_travel, source_unit) as overseas_travel,
    to_yuan(vehicle_total, source_unit) as vehicle_total,
    to_yuan(vehicle_purchase, source_unit) as vehicle_purchase,
    to_yuan(vehicle_operation, source_unit) as vehicle_operation,
    to_yuan(official_reception, source_unit) as official_reception,
    to_yuan(operating_costs, source_unit) as operating_costs,
    -- Jiangsu's table 09 adds 会议费 and 培训费 and a 合计 over all five
    to_yuan(meeting_costs, source_unit) as meeting_costs,
    to_yuan(training_costs, source_unit) as training_costs,
    to_yuan(total_with_meetings_training, source_unit) as total_with_meetings_training
from clean_three_public_costs;
