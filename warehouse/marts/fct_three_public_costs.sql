-- Table 09: the “三公” costs of each document (one row per document), in 元.
create or replace table marts.fct_three_public_costs as
select
    document_id,
    total,
    overseas_travel,
    vehicle_total,
    vehicle_purchase,
    vehicle_operation,
    official_reception,
    operating_costs,
    meeting_costs,
    training_costs,
    source_unit, page, source_row
from staging.stg_three_public_costs
where row_kind = 'total'
order by document_id;
