-- For each document, every table its template prints: present, empty (with its note) or missing.
create or replace table marts.dim_disclosure_completeness as
with expected as (
    select d.document_id, d.template, s.table_id, s.table_order
    from marts.dim_document d
    join spec_template_tables s on s.template = d.template
),

found as (
    select document_id, table_id, min(first_page) as first_page, any_value(printed_code) as printed_code,
           bool_or(status = 'present') as has_amounts, any_value(note) as note
    from marts.dim_table_coverage
    where table_id <> 'unclassified'
    group by document_id, table_id
)

select
    e.document_id, e.template, e.table_order, e.table_id, f.printed_code, f.first_page,
    case
        when f.table_id is null then 'missing'
        when f.has_amounts then 'present'
        when f.note is not null then 'empty_with_note'
        else 'empty'
    end as status,
    f.note
from expected e
left join found f using (document_id, table_id)
order by e.document_id, e.table_order;
