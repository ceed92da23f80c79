-- Schemas and shared macros of the warehouse. Money is DECIMAL(20,2) in 元 everywhere.
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists quality;

-- Convert an amount printed in `unit` (万元, 元, 千元, 亿元) to 元, exactly.
create or replace macro to_yuan(amount, unit) as cast(
    amount * case unit when '元' then 1 when '千元' then 1000 when '万元' then 10000
                       when '亿元' then 100000000 end
    as decimal(20, 2));

-- Integer 分 (fen) for identity comparisons: never compare money as float.
create or replace macro to_fen(amount) as cast(round(coalesce(amount, 0) * 100) as hugeint);

-- Split a function code printed in one cell (Jiangsu: 201 / 20101 / 2010101) into 类, 款, 项;
-- NULL for anything that is not such a code (合计).
create or replace macro code_class(code) as
    case when regexp_matches(code, '^\d{3}(\d{2}){0,2}$') then left(code, 3) end;
create or replace macro code_kind(code) as
    case when regexp_matches(code, '^\d{5}(\d{2})?$') then substr(code, 4, 2) end;
create or replace macro code_item(code) as
    case when regexp_matches(code, '^\d{7}$') then substr(code, 6, 2) end;

-- The key of a functional line of a summary table, shared with the seed names:
-- "一、一般公共服务支出" / "(二)外交支出" -> "一般公共服务" / "外交".
create or replace macro function_line_key(item_name) as regexp_replace(
    regexp_replace(item_name, '^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])\s*', ''),
    '支出$', '');

-- How many decimals a rate is printed with in its sentence ("下降0.3%" -> 1, "占84.29%" -> 2): a
-- recomputed rate is rounded to what the document printed before it is compared.
create or replace macro printed_decimals(sentence, statement) as coalesce(length(regexp_extract(
    regexp_replace(sentence, '\s+', '', 'g'), regexp_escape(regexp_replace(statement, '\s+', '', 'g')) || '-?\d+\.(\d+)%', 1)), 0)::integer;

-- The function path a narrative statement quotes ("“一般公共服务支出-…-行政运行”科目",
-- "“…（类）…（款）…（项）”"): its 类, 款 or 项 name (part 1, 2, 3); NULL when it quotes none.
create or replace macro narrative_function_name(statement, part) as nullif(coalesce(
    nullif(regexp_extract(regexp_extract(statement, '“([^”]+)”(科目)?$', 1), '^([^-]+)-([^-]+)-([^-]+)$', part), ''),
    regexp_extract(regexp_extract(statement, '“([^”]+)”(科目)?$', 1),
                   '^(.+?)（类[)）](.+?)（款[)）](.+?)（项[)）]$', part)), '');

-- The function item a narrative statement names unquoted, marked …（款）…（项） ("1．检察（款）行政运行
-- （项）支出", "1.一般公共服务支出（类）信访事务（款）行政运行（项）2026年预算数") or with its 款 unmarked
-- ("1. 人大事务行政运行（项）支出"): its 款 (part 2; NULL when unmarked) or 项 name (part 3, the
-- words before （项）, back to a number, mark or space); NULL when it marks no 项.
create or replace macro narrative_marked_name(statement, part) as nullif(regexp_extract(statement,
    '(?:([^\d.．、，,（()）“”\s]+)[（(]类[)）])?(?:([^\d.．、，,（()）“”\s]+)[（(]款[)）])?([^\d.．、，,（()）“”\s]+)[（(]项[)）]\s*(支出)?\s*(\d{4}\s*年度?)?\s*((预算|决算)数?)?$',
    part), '');
