-- 三公 costs side by side: one row per department × fiscal year × document kind, in 元 (a view).
-- Budgets give their budgeted amounts, final accounts their 决算数 (actual spending).
create or replace view marts.rpt_three_public_costs_by_year as
with amounts as (
    select document_id, total, overseas_travel, vehicle_purchase, vehicle_operation, official_reception
    from marts.fct_three_public_costs
    union all
    pivot (select document_id, cost, final_amount from marts.fct_final_three_public_costs)
    on cost in ('total', 'overseas_travel', 'vehicle_purchase', 'vehicle_operation', 'official_reception')
    using any_value(final_amount)
)
select
    d.department_name, d.fiscal_year, d.document_kind, d.scope, d.document_id, d.file_name,
    t.total, t.overseas_travel, t.vehicle_purchase, t.vehicle_operation, t.official_reception
from amounts t
join marts.dim_document d using (document_id)
order by d.department_name, d.fiscal_year, d.document_kind;
