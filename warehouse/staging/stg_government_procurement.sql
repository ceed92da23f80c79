-- Jiangsu 公开12表 政府采购预算表: one row per printed row (category, project, item), in 元.
create or replace table staging.stg_government_procurement as
select
    document_id, printed_code, source_unit, row_index, row_kind, page, source_row,
    category, special_item, econ_item, goods, procurement_method,
    to_yuan(total, source_unit) as total,
    to_yuan(general_public, source_unit) as general_public,
    to_yuan(government_fund, source_unit) as government_fund,
    to_yuan(state_capital, source_unit) as state_capital,
    to_yuan(fiscal_special, source_unit) as fiscal_special
from clean_government_procurement;
