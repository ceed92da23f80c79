-- Cells no typed column holds, one row per printed cell: tables of no known kind, kinds kept as cells, and the columns a kind's vocabulary does not know. Amounts as printed.
create or replace table staging.stg_table_cells as
select
    document_id, table_seq, table_id, printed_code, source_unit, page, source_row, col,
    column_label, row_label, text, amount
from clean_table_cells;
