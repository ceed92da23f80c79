-- Final accounts “三公” costs, long form: one row per cost and document with its 预算数
-- (budget) and 决算数 (final) and the execution rate, in 元.
create or replace table marts.fct_final_three_public_costs as
with costs as (
    unpivot (select * exclude (printed_code, row_index, row_kind) from staging.stg_final_three_public_costs)
    on (total_budget, total_final) as total,
       (overseas_travel_budget, overseas_travel_final) as overseas_travel,
       (vehicles_budget, vehicles_final) as vehicle_total,
       (vehicle_purchase_budget, vehicle_purchase_final) as vehicle_purchase,
       (vehicle_operation_budget, vehicle_operation_final) as vehicle_operation,
       (official_reception_budget, official_reception_final) as official_reception
    into name cost value budget_amount, final_amount
)
select
    document_id, cost, budget_amount, final_amount,
    case when budget_amount <> 0 then cast(round(100 * final_amount / budget_amount, 2) as decimal(7, 2))
    end as execution_pct,
    source_unit, page, source_row
from costs
order by document_id, cost;
