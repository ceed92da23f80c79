-- For each document, every table its template prints: present, empty (with its note) or missing.
-- A disclosure printed as two PDFs counts as one: a table found in either of its documents is
-- found for both (found_in_document_id says where).
create or replace table marts.dim_disclosure_completeness as
with expected as (
    select d.document_id, d.template, s.table_id, s.table_order,
           coalesce(d.disclosure_id, d.document_id) as disclosure_key
    from marts.dim_document d
    join spec_template_tables s on s.template = d.template
),

found as (
    select coalesce(d.disclosure_id, d.document_id) as disclosure_key, c.table_id,
           min(c.first_page) as first_page, any_value(c.printed_code) as printed_code,
           bool_or(c.status in ('present', 'untyped')) as has_amounts, any_value(c.note) as note,
           min(c.document_id) as found_in_document_id
    from marts.dim_table_coverage c
    join marts.dim_document d using (document_id)
    where c.table_id <> 'unclassified'
    group by all
)

select
    e.document_id, e.template, e.table_order, e.table_id, f.printed_code, f.first_page,
    case
        when f.table_id is null then 'missing'
        when f.has_amounts then 'present'
        when f.note is not null then 'empty_with_note'
        else 'empty'
    end as status,
    f.note, f.found_in_document_id
from expected e
left join found f using (disclosure_key, table_id)
order by e.document_id, e.table_order;
