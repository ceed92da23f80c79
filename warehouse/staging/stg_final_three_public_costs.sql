-- 部门决算 财政拨款“三公”经费支出决算表: 预算数 and 决算数 of each cost, one row per document, in 元.
create or replace table staging.stg_final_three_public_costs as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    to_yuan(total_budget, source_unit) as total_budget,
    to_yuan(total_final, source_unit) as total_final,
    to_yuan(overseas_travel_budget, source_unit) as overseas_travel_budget,
    to_yuan(overseas_travel_final, source_unit) as overseas_travel_final,
    to_yuan(vehicles_budget, source_unit) as vehicles_budget,
    to_yuan(vehicles_final, source_unit) as vehicles_final,
    to_yuan(vehicle_purchase_budget, source_unit) as vehicle_purchase_budget,
    to_yuan(vehicle_purchase_final, source_unit) as vehicle_purchase_final,
    to_yuan(vehicle_operation_budget, source_unit) as vehicle_operation_budget,
    to_yuan(vehicle_operation_final, source_unit) as vehicle_operation_final,
    to_yuan(official_reception_budget, source_unit) as official_reception_budget,
    to_yuan(official_reception_final, source_unit) as official_reception_final
from clean_final_three_public_costs;
