-- Documents that could not be loaded and why (one row per document).
create or replace table quality.quarantine as
select document_id, file_name, path, stage, reason, quarantined_at
from staging.stg_quarantine
order by quarantined_at, file_name;
