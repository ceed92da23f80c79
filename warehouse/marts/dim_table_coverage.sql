-- Which tables each document discloses: found with rows, found empty (with its note), of a known kind but kept as cells (untyped), or unclassified; with the recognition's confidence and evidence.
create or replace table marts.dim_table_coverage as
select
    document_id, table_seq, table_id, printed_code, title, source_unit,
    pages[1] as first_page, len(pages) as page_span, row_count, value_cells,
    case
        when table_id = 'unclassified' then 'unclassified'
        when not typed then 'untyped'
        when value_cells = 0 and coalesce(note, '') <> '' then 'empty_with_note'
        when value_cells = 0 then 'empty'
        else 'present'
    end as status,
    nullif(note, '') as note, issues, typed, confidence, why
from staging.stg_tables_found
order by document_id, table_seq;
