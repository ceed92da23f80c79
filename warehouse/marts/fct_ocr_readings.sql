-- Every text read by OCR (a scanned page), where it is printed and how sure the reading is: `uncertain` names why a number is not trusted (low confidence, digits that do not read as an amount). A fact whose (document_id, page) is listed here was read from the page image; check the uncertain ones on the page.
create or replace table marts.fct_ocr_readings as
select
    r.document_id, d.file_name, r.page, r.table_index, r."row" as grid_row, r.col as grid_col,
    case when r.table_index is null then 'text_line' else 'table_cell' end as read_from,
    r.text, r.confidence, r.uncertain is not null as is_uncertain, r.uncertain, r.x0, r.top, r.x1, r.bottom
from staging.stg_ocr_readings r
join staging.stg_documents d using (document_id)
order by r.document_id, r.page, r.top, r.x0;
