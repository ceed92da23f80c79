-- 三公 costs side by side: one row per department × fiscal year × document kind, in 元 (a view).
create or replace view marts.rpt_three_public_costs_by_year as
select
    d.department_name, d.fiscal_year, d.document_kind, d.scope, d.document_id, d.file_name,
    t.total, t.overseas_travel, t.vehicle_purchase, t.vehicle_operation, t.official_reception
from marts.fct_three_public_costs t
join marts.dim_document d using (document_id)
order by d.department_name, d.fiscal_year, d.document_kind;
