"""An empty table (no amount printed) carries a note saying so, or the 说明 says there is none of its
subject; a finding otherwise. Made-up tables and sentences (the real ones: test_real_narratives)."""
from __future__ import annotations

import pytest

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.audit.empty_tables import EmptyTable
from tests.audit.helpers import lines_of

FILLER = [f"第{i}项工作按计划推进。" for i in range(40)]  # a 说明 long enough to be one
FUND = "2025年部门政府性基金预算支出功能分类预算表"


def empty_table_hits(printed: tuple[str, ...], *sentences: str, title: str = FUND) -> list[tuple[int, str]]:
    facts = DocumentFacts(2025, "budget", "department",
                          empty_tables=(EmptyTable("government_fund_expenditure", title, 17, printed),))
    return [(f.page, f.printed) for f in audit_narrative(lines_of(*FILLER, *sentences), (), facts)
            if f.rule_id == "narrative.structure.empty_table_note"]


def test_an_empty_table_without_note_or_sentence_is_found():
    assert empty_table_hits(("合计", "科目编码", "科目名称")) == [(17, f"{FUND}: no amount, no note")]


@pytest.mark.parametrize("note", [
    "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。", "此表为空", "注：本表本年无发生额。",
    "备注：本部门没有国有资本经营预算拨款安排的支出，故本表无数据。", "(无政府性基金支出）", "注：本部门无该项目",
])
def test_a_note_in_or_under_the_table_says_it_is_empty(note):
    assert empty_table_hits(("合计", note)) == []


@pytest.mark.parametrize("sentence", [
    "本部门无当年政府性基金预算收支，并已公开空表。",
    "本部门 2025 年未使用政府性基金预算拨款安排的支出，与 2024 年持平。",
    "政府性基金拨款支出预算0万元，比2024年预算持平。",
    "收入全部为一般公共预算拨款（无政府性基金及国有资本经营预算拨款）。",
])
def test_a_sentence_of_the_narrative_says_there_is_none(sentence):
    assert empty_table_hits(("合计",), sentence) == []


@pytest.mark.parametrize("sentence", [
    "国有资本经营预算拨款0.00万元（详见公开报表中的政府性基金预算支出表）。",  # the zero is another subject's
    "本部门2025年政府性基金预算拨款支出100.00万元。",  # says there is some
    "本部门无国有资本经营预算拨款。",  # another subject
])
def test_a_sentence_not_saying_the_subject_is_none_is_no_note(sentence):
    assert empty_table_hits(("合计",), sentence) == [(17, f"{FUND}: no amount, no note")]


def test_a_pdf_without_a_narrative_is_not_checked():
    facts = DocumentFacts(2026, "budget", "department", empty_tables=(EmptyTable("x", FUND, 7, ("合计",)),))
    assert audit_narrative(lines_of("预算07表 政府性基金预算支出表"), (), facts) == []
