-- 支出功能分类 类 (function classes, 3-digit codes) with their current name; from warehouse/seeds.
create or replace table marts.dim_function_class as
select function_class, first(printed_name order by seed_line) as class_name
from seed_function_class_names
group by function_class
order by function_class;
