-- One row per loaded document (read from each clean/<document_id>/document.json).
create or replace table staging.stg_documents as
select
    document_id::varchar as document_id,
    file_name::varchar as file_name,
    path::varchar as path,
    sha256::varchar as sha256,
    department_name::varchar as department_name,
    -- the name two PDFs of one disclosure share (中共 prefix dropped, folded): work_files.py
    coalesce(department_key, department_name)::varchar as department_key,
    fiscal_year::integer as fiscal_year,
    document_kind::varchar as document_kind,
    scope::varchar as scope,
    template::varchar as template,
    page_count::integer as page_count,
    producer::varchar as producer,
    size_bytes::bigint as size_bytes,
    coalesce(ocr_pages, [])::integer[] as ocr_pages
from clean_documents;
