-- Documents that could not be loaded, with the stage that failed and the reason.
create or replace table staging.stg_quarantine as
select
    document_id::varchar as document_id,
    file_name::varchar as file_name,
    path::varchar as path,
    stage::varchar as stage,
    reason::varchar as reason,
    quarantined_at::timestamptz as quarantined_at
from clean_quarantine;
