-- Table 09: the “三公” costs of each document (one row per document), in 元.
create or replace table marts.fct_three_public_costs as
select
    document_id,
    coalesce(total, 0)::decimal(20, 2) as total,
    coalesce(overseas_travel, 0)::decimal(20, 2) as overseas_travel,
    coalesce(vehicle_total, 0)::decimal(20, 2) as vehicle_total,
    coalesce(vehicle_purchase, 0)::decimal(20, 2) as vehicle_purchase,
    coalesce(vehicle_operation, 0)::decimal(20, 2) as vehicle_operation,
    coalesce(official_reception, 0)::decimal(20, 2) as official_reception,
    source_unit, page, source_row
from staging.stg_three_public_costs
where row_kind = 'total'
order by document_id;
