-- Text read by OCR from pages without a text layer: one row per cell or text line, with its recognition confidence and why its number is uncertain (NULL: trusted, or no number).
create or replace table staging.stg_ocr_readings as
select
    document_id, page, table_index, "row", col, text,
    -- exact decimals, as every number of the warehouse (points to 0.1)
    confidence::decimal(5, 4) as confidence, x0::decimal(7, 1) as x0, top::decimal(7, 1) as top,
    x1::decimal(7, 1) as x1, bottom::decimal(7, 1) as bottom,
    nullif(uncertain, '') as uncertain
from clean_ocr_readings;
