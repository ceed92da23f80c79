-- Table 09 (“三公”经费预算表): one row per printed row (a document's, or a 合计 and one per budget unit and year), in 元.
create or replace table staging.stg_three_public_costs as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    unit_code, unit_name, year_label,
    -- a bare 合计 is the 三公 total unless 会议费 / 培训费 are printed beside it (then it adds them)
    to_yuan(coalesce(total, case when meeting_costs is null and training_costs is null
                                 then total_with_meetings_training end), source_unit) as total,
    to_yuan(overseas_travel, source_unit) as overseas_travel,
    to_yuan(vehicle_total, source_unit) as vehicle_total,
    to_yuan(vehicle_purchase, source_unit) as vehicle_purchase,
    to_yuan(vehicle_operation, source_unit) as vehicle_operation,
    to_yuan(official_reception, source_unit) as official_reception,
    to_yuan(operating_costs, source_unit) as operating_costs,
    -- Jiangsu's table 09 adds 会议费 and 培训费 and a 合计 over all five
    to_yuan(meeting_costs, source_unit) as meeting_costs,
    to_yuan(training_costs, source_unit) as training_costs,
    to_yuan(case when meeting_costs is not null or training_costs is not null
                 then total_with_meetings_training end, source_unit) as total_with_meetings_training
from clean_three_public_costs;
