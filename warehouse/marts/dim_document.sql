-- One row per loaded document: what it is, whose, which year, which template. A disclosure
-- printed as two PDFs (Jiangsu: 说明 in one, 公开01-12表 in the other) is two documents with
-- one disclosure_id (same department, year, kind and scope); `contents` says what each holds.
-- The department is compared by its key (江苏省委办公厅 = 中共江苏省委办公厅); a PDF that prints no
-- year takes the year of the department's other PDFs of that kind and scope, when they agree on one.
create or replace table marts.dim_document as
with years as (
    select department_key, document_kind, scope, min(fiscal_year) as fiscal_year
    from staging.stg_documents where fiscal_year is not null
    group by all having count(distinct fiscal_year) = 1
),
holds as (
    select d.document_id,
           exists (select 1 from staging.stg_tables_found t where t.document_id = d.document_id) as has_tables,
           exists (select 1 from staging.stg_narrative_figures f where f.document_id = d.document_id) as has_narrative
    from staging.stg_documents d
)
select
    d.document_id, d.file_name, d.path, d.sha256, d.department_name, d.fiscal_year, d.document_kind, d.scope,
    d.template, d.page_count, d.producer, d.size_bytes,
    case when d.department_key is not null and coalesce(d.fiscal_year, y.fiscal_year) is not null
         then left(md5(concat_ws('|', d.department_key, coalesce(d.fiscal_year, y.fiscal_year),
                                 d.document_kind, d.scope)), 16)
    end as disclosure_id,
    case when h.has_tables and h.has_narrative then 'tables_and_narrative'
         when h.has_tables then 'tables'
         else 'narrative' end as contents,
    -- pages without a text layer, read from their image by OCR (marts.fct_ocr_readings)
    d.ocr_pages,
    case when len(d.ocr_pages) = 0 then 'text_layer' when len(d.ocr_pages) = d.page_count then 'ocr'
         else 'text_layer_and_ocr' end as read_by
from staging.stg_documents d
join holds h using (document_id)
left join years y using (department_key, document_kind, scope)
order by d.document_id;
