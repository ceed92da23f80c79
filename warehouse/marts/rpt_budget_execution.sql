-- Budget against final accounts: for each department and year with both documents loaded, each
-- function code's budgeted expenditure (03 / 支出预算总表), its final expenditure (支出决算表) and
-- the execution rate (决算 / 预算, %). A view: it follows the marts without a rebuild.
create or replace view marts.rpt_budget_execution as
with pairs as (
    select b.department_name, b.fiscal_year,
           b.document_id as budget_document_id, f.document_id as final_document_id
    from marts.dim_document b
    join marts.dim_document f on f.department_name = b.department_name and f.fiscal_year = b.fiscal_year
    where b.document_kind = 'budget' and f.document_kind = 'final_accounts'
),

budgeted as (
    select document_id, function_code, any_value(function_name) as function_name, sum(total) as amount
    from marts.fct_expenditure_by_function
    where source_table = '03' and row_kind = 'item'
    group by all
),

spent as (
    select document_id, function_code, any_value(function_name) as function_name, sum(total) as amount
    from marts.fct_final_expenditure_by_function
    where source_table = 'all_funds' and row_kind = 'item'
    group by all
),

codes as (
    select p.*, b.function_code from pairs p join budgeted b on b.document_id = p.budget_document_id
    union
    select p.*, s.function_code from pairs p join spent s on s.document_id = p.final_document_id
)

select
    c.department_name, c.fiscal_year, c.function_code,
    coalesce(s.function_name, b.function_name) as function_name,
    coalesce(b.amount, 0) as budget_amount,
    coalesce(s.amount, 0) as final_amount,
    case when b.amount <> 0 then cast(round(100 * coalesce(s.amount, 0) / b.amount, 2) as decimal(9, 2))
    end as execution_pct,
    c.budget_document_id, c.final_document_id
from codes c
left join budgeted b on b.document_id = c.budget_document_id and b.function_code = c.function_code
left join spent s on s.document_id = c.final_document_id and s.function_code = c.function_code
order by c.department_name, c.fiscal_year, c.function_code;
