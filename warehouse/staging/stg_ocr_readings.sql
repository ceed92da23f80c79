-- Text read by OCR from pages without a text layer: one row per cell or text line, with its recognition confidence and why its number is uncertain (NULL: trusted, or no number).
create or replace table staging.stg_ocr_readings as
select
    document_id, page, table_index, "row", col, text, confidence, x0, top, x1, bottom,
    nullif(uncertain, '') as uncertain
from clean_ocr_readings;
