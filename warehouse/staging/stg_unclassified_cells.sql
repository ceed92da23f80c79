-- Tables no template spec recognises, kept as raw text cells (one row per cell) rather than dropped.
create or replace table staging.stg_unclassified_cells as
select
    document_id, table_seq, printed_code, source_unit, row_index, page, source_row, col, text
from clean_unclassified;
