-- Numbers read by OCR from pages without a text layer: one row per cell or text line that prints a digit, with its recognition confidence and why it is uncertain (empty: trusted).
create or replace table staging.stg_ocr_readings as
select
    document_id, page, table_index, "row", col, text, confidence, x0, top, bottom,
    nullif(uncertain, '') as uncertain
from clean_ocr_readings;
