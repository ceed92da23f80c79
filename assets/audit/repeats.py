"""One item given two different amounts: the 说明 states the year's “三公”经费, 机关运行经费, 政府采购
预算, 收入/支出总计 or one function 类/款/项 in two places (overview and its own section) and the
amounts differ; the same year, scope (财政拨款, 一般公共预算…) and measure (预算/决算…) only."""
from __future__ import annotations

import re
from decimal import Decimal

from assets.audit.numbers import NUMBER, number
from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence

# the item at a clause's start: its year, scope and kind words, then its amount
ITEM = re.compile(
    r"(?:^|(?<=[，。；：、\s]))(?:(?P<year>20\d{2})\s*年度?)?\s*(?:本部门|本单位|部门|单位)?\s*"
    r"(?P<scope>财政拨款|一般公共预算(?:财政拨款)?)?\s*"
    r"(?P<item>[“\"]?三公[”\"]?经费|机关运行经费|政府采购预算|收入(?:预算)?总计|支出(?:预算)?总计|收支(?:预算)?总计)"
    rf"(?P<kind>预算|决算)?(?:数|总额|支出|安排)?\s*(?:为|共计|合计|共|是)?\s*(?P<value>{NUMBER})\s*万元")
QUOTES = re.compile(r"[“”\"]")
# a function item by its names marked 类/款/项 ("住房改革支出（款）住房公积金（项）"), by its names in
# quotes joined by dashes ("“一般公共服务支出-…-行政运行”科目"), or by its code ("高等教育（2050205）")
NAME = r"[\u4e00-\u9fff、（）()]+?[（(][类款项][)）]"
FUNCTION_NAME = re.compile(
    rf"(?P<marked>{NAME}(?:{NAME}){{0,2}})|[“\"](?P<dashed>[^“”\"，。]+?(?:[-—－][^“”\"，。\-—－]+?){{1,2}})[”\"]"
    r"|[\u4e00-\u9fff]*[（(](?P<code>20\d{5}|20\d{3})[)）]")
# the amount stated right after the name: "支出1442.74万元", "科目1,202.95万元", "，2024 年度决算数为 8,627.17万元"
AMOUNT_AFTER = re.compile(
    rf"[”\"]?(?:科目)?[，,]?\s*(?:(?P<year>20\d{{2}})\s*年度?)?(?P<measure>[^，。；：\d“”]{{0,8}}?)\s*(?P<value>{NUMBER})\s*万元")
LIST_NUMBER = re.compile(r"^[（(][一二三四五六七八九十\d]+[)）]")
LEVEL = re.compile(r"(.+?)[（(]([类款项])[)）]")
# the words that make one item's amount another measure: its scope, a part of it, another year's
CONTEXT = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "基本支出", "项目支出", "人员经费", "公用经费",
           "上年", "执行数", "年初预算", "调整预算")
MEASURE_FILLER = re.compile(r"\s|支出|为|是|数|安排|共计|合计|预算|决算")


def item_key(match: re.Match[str], document_year: int | None) -> tuple[str, str, str] | None:
    """(item, scope, kind) of a stated amount of the document's own year, or None for another year's."""
    if match.group("year") and document_year and int(match.group("year")) != document_year:
        return None
    item = QUOTES.sub("", match.group("item")).replace("预算总计", "总计")
    return item, match.group("scope") or "", match.group("kind") or ""


def function_key(name: re.Match[str]) -> tuple[str, ...] | None:
    """The function item a name match denotes: its code, or its 款 and 项 names (a 项 named alone
    is ambiguous: 行政运行 stands under many 款), or the 类/款 it ends at."""
    if name["code"]:
        return (name["code"],)
    if name["dashed"]:
        parts = re.split(r"[-—－]", name["dashed"])
        return tuple(parts[-2:]) if len(parts) == 3 else None
    levels = LEVEL.findall(LIST_NUMBER.sub("", QUOTES.sub("", name["marked"])))
    if levels[-1][1] == "项":
        return tuple(n for n, _ in levels[-2:]) if len(levels) >= 2 and levels[-2][1] == "款" else None
    return (levels[-1][0] + levels[-1][1],)


def function_amounts(sentence: Sentence, document_year: int | None):
    """(key, name, value text, start, end) of every function item stated with its amount in a sentence."""
    for name in FUNCTION_NAME.finditer(sentence.text):
        amount = AMOUNT_AFTER.match(sentence.text, name.end())
        key = function_key(name)
        if amount is None or key is None or (amount["year"] and document_year and int(amount["year"]) != document_year):
            continue
        context = sentence.section + sentence.text[:name.start()] + amount["measure"]
        measure = MEASURE_FILLER.sub("", amount["measure"])
        label = LIST_NUMBER.sub("", QUOTES.sub("", name[0]))
        parts = tuple(word for word in CONTEXT if word in context)
        yield (key, measure, parts), label, amount["value"], name.start(), amount.end()


def stated_amounts(sentence: Sentence, document_year: int | None):
    """(key, name, value text, start, end) of every headline or function item amount of a sentence."""
    for match in ITEM.finditer(sentence.text):
        key = item_key(match, document_year)
        if key is not None:
            yield key, key[0], match.group("value"), match.start("item"), match.end()
    yield from function_amounts(sentence, document_year)


def repeat_findings(sentences: list[Sentence], document_year: int | None) -> list[Finding]:
    """A finding where an item's amount differs from the one stated for it before."""
    first: dict[tuple, tuple[Decimal, Sentence]] = {}
    findings = []
    for sentence in sentences:
        for key, label, text, start, end in stated_amounts(sentence, document_year):
            value = number(text)
            stated, where = first.setdefault(key, (value, sentence))
            if value != stated:
                findings.append(finding("narrative.number.two_amounts", sentence, start, end,
                                        f"{label} {text}万元",
                                        f"{stated}万元, as stated on p. {where.page}: one amount"))
    return findings
