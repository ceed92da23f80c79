-- One row per loaded document: what it is, whose, which year, which template.
create or replace table marts.dim_document as
select
    document_id, file_name, sha256, department_name, fiscal_year, document_kind, scope,
    template, page_count, producer, size_bytes
from staging.stg_documents
order by document_id;
