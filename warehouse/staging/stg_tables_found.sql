-- One row per table found in a document: what it is, where it is printed, how many rows.
create or replace table staging.stg_tables_found as
select
    document_id::varchar as document_id,
    table_seq::integer as table_seq,
    table_id::varchar as table_id,
    printed_code::varchar as printed_code,
    title::varchar as title,
    source_unit::varchar as source_unit,
    pages::integer[] as pages,
    row_count::integer as row_count,
    value_cells::integer as value_cells,
    note::varchar as note,
    issues::varchar[] as issues,
    coalesce(typed, table_id <> 'unclassified')::boolean as typed,
    coalesce(confidence, 0)::decimal(4, 2) as confidence,
    why::varchar as why
from clean_tables_found;
