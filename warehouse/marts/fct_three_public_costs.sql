-- Table 09: the “三公” costs of each document (one row per document), in 元.
create or replace table marts.fct_three_public_costs as
-- the document's row: its 合计 row; else the row of its one budget unit for the fiscal year
-- (a table printing 2025年 / 2026年 / 增减 rows); several units without a 合计 give none
with ranked as (
    select c.*, row_number() over (
        partition by c.document_id
        order by c.row_kind = 'total' desc,
                 coalesce(c.year_label, '') = '' or starts_with(c.year_label, d.fiscal_year::varchar) desc,
                 c.row_index) as pick
    from staging.stg_three_public_costs c
    left join staging.stg_documents d using (document_id)
    where c.row_kind = 'total'
       or (c.row_kind = 'unit' and starts_with(coalesce(c.year_label, ''), d.fiscal_year::varchar))
)
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
from ranked
where pick = 1
order by document_id;
