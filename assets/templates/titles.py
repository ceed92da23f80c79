"""How the national standard's tables are numbered and titled (DESIGN §8): 预算01表, 预算表12, 表1,
表 1：, 表01, 表一, 公开表1, 公开01表, 部门公开表1, 附表14, 决算01表, "一、", a trailing （预算表1）;
a title ends in 表, or in 表 and a qualifier: "一般公共预算支出情况表（按功能分类科目）"."""
from __future__ import annotations

import re

NUMERALS = r"(?:\d{1,2}|[一二三四五六七八九十]+)"  # 表1, 表01, 表十二 (not 表一2026年: 一 is not part of 2026)
TABLE_NUMBER = (rf"(?:(?:部门)?公开表{NUMERALS}|(?:预算|决算|公开|附|部门公开)?表{NUMERALS}表?"
                rf"|(?:预算|决算|公开)\d{{1,2}}表)")
# a table number (or a list number "一、") opening a title
NUMBERING = re.compile(rf"^(?:{TABLE_NUMBER}|{NUMERALS}[、.])[:：、.]?")
TRAILING_NUMBER = re.compile(rf"[(（](?:预算|公开)?表{NUMERALS}[)）]$")
# a line printing only a table's number, as above its title ("表2", "公开03表（续）")
NUMBER_LINE = re.compile(rf"^{TABLE_NUMBER}(?:[(（]续[)）])?[:：]?$")
TITLE_END = re.compile(r"表(?:[(（][^)）]*[)）])?$")


def is_number_line(text: str) -> bool:
    """True for a line that prints a table's number and nothing else."""
    return bool(NUMBER_LINE.match(re.sub(r"\s+", "", text)))


def ends_like_title(text: str) -> bool:
    """True for text ending as a table's title does: in 表, or in 表 and a bracketed qualifier."""
    return bool(TITLE_END.search(re.sub(r"\s+", "", text)))
