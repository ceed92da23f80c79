-- 支出功能分类 类 (function classes, 3-digit codes) with their current name and every name it has
-- been printed under (older names too: 210 医疗卫生与计划生育支出); from warehouse/seeds.
create or replace table marts.dim_function_class as
select function_class, first(printed_name order by seed_line) as class_name,
       list(printed_name order by seed_line) as printed_names
from seed_function_class_names
group by function_class
order by function_class;
