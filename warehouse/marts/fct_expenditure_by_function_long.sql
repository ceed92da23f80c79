-- Tables 03 and 05 in long form: one row per document × table × row × measure (合计, 基本支出 parts, 项目支出 parts), in 元.
create or replace table marts.fct_expenditure_by_function_long as
select document_id, source_table, row_kind, unit_code, function_code, function_name,
       measure, amount, source_unit, page, source_row
from (
    unpivot marts.fct_expenditure_by_function
    on total, basic_total, basic_wages_welfare, basic_household_transfers, basic_goods_services,
       basic_capital, project_total, project_operating, project_specific
    into name measure value amount
)
order by document_id, source_table, source_row, measure;
