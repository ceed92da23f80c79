-- Every printed cell that no typed mart holds, in long format (row label, column label, amount in 元, page): nothing printed is lost.
create or replace table marts.fct_table_cells as
select
    c.document_id, c.table_seq, c.table_id, t.title, c.page, c.source_row, c.col,
    nullif(c.column_label, '') as column_label, nullif(c.row_label, '') as row_label, c.text,
    to_yuan(c.amount, c.source_unit) as amount, c.source_unit
from staging.stg_table_cells c
join staging.stg_tables_found t using (document_id, table_seq)
order by c.document_id, c.table_seq, c.page, c.source_row, c.col;
