"""The structure and department rules on made-up 说明 text: sections printed twice, sentences cut
at a page end or missing their full stop, 目录 entries without their table, another department's
name in a heading; each with the correct text beside it, which must stay silent."""
from __future__ import annotations

import pytest

from dataclasses import replace

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.audit.department import same_department
from tests.audit.helpers import BUDGET_2025, lines_of, rule_hits

LONG = ("机关运行经费是指为保障行政单位（包括参照公务员法管理的事业单位）运行，"
        "用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费。")
ANOTHER = ("2025年政府采购预算总额120.00万元，其中：货物类80.00万元，服务类40.00万元，"
           "均为一般公共预算拨款安排的采购项目。")


def test_a_section_printed_twice_is_found_where_it_is_printed_again():
    hits = rule_hits("一、机关运行经费情况", LONG, "二、政府采购情况", ANOTHER, "三、机关运行经费情况", LONG)
    assert hits == [("narrative.structure.section_repeated", "printed on p. 1 and again on p. 1")]
    assert rule_hits("一、机关运行经费情况", LONG, "二、政府采购情况", ANOTHER) == []


def test_one_short_formula_under_two_headings_is_not_a_repeat():
    formula = "2025年预算数为0万元，与上年持平。"
    assert rule_hits("（一）因公出国（境）费", formula, "（二）公务接待费", formula) == []


def test_a_sentence_stopping_at_a_page_end_before_a_heading_is_cut():
    lines = lines_of(("三、机关运行经费情况", 5), ("2025年机关运行经费预算12.00万元，比上年减少", 5),
                     ("四、政府采购情况", 6), (ANOTHER, 6))
    [finding] = audit_narrative(lines, (), BUDGET_2025)
    assert (finding.rule_id, finding.page, finding.severity) == ("narrative.structure.cut_at_page_end", 5, "error")
    assert finding.sentence == "2025年机关运行经费预算12.00万元，比上年减少"


def test_a_sentence_without_its_full_stop_on_the_same_page_is_style():
    assert rule_hits("三、机关运行经费情况", "2025年机关运行经费预算12.00万元，比上年减少1.00万元",
                     "四、政府采购情况", ANOTHER) == [("narrative.drafting.missing_full_stop", "…，比上年减少1.00万元")]


@pytest.mark.parametrize("sentence", [
    # real sentences of the corpus with their full stop taken out: no comma in them, but an amount
    # (the commerce commission p. 22), a reason (Jiangsu 2018 p. 12), or a closing bracket (Beijing p. 8)
    "2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为171.01万元",
    "主要原因是住房公积金和提租补贴政策性调整",
    "2025年预算安排中，购置单位价值100万元以上的设备0台（套）",
])
def test_a_sentence_without_comma_but_with_an_amount_or_reason_needs_its_full_stop(sentence):
    assert [rule for rule, _ in rule_hits("三、情况说明", sentence, "四、政府采购情况", ANOTHER)] == [
        "narrative.drafting.missing_full_stop"]


def test_captions_lists_and_notes_need_no_full_stop():
    assert rule_hits("三、实施主体", "上海市普陀区商务委员会", "四、实施方案", ANOTHER) == []
    assert rule_hits("三、情况说明", "具体情况如下：", "四、政府采购情况", ANOTHER) == []
    assert rule_hits("三、情况说明", "注：以上报表中，空表表示本部门无相关收支情况", "四、政府采购情况", ANOTHER) == []
    # a chart's labels read by OCR (Beijing p. 6), a 职能 list item
    chart = "收入预算4.87%一般公共预算拨款收入上年结转结余图1：收入预算"
    assert rule_hits("三、收入情况", chart, "四、支出情况", ANOTHER) == []
    assert rule_hits("一、主要职能", "办理市政府和市政府领导同志交办的其他事项", "二、机构设置", ANOTHER) == []


TOC = [("目录", 2), ("一、部门收支总表……………3", 2), ("二、部门收入总表……………4", 2),
       ("三、部门支出总表……………5", 2), ("四、国有资本经营预算支出表……………6", 2), ("第一部分 部门概况", 3)]
PRINTED = (("income_expenditure_summary", "2025年部门收支总表"), ("income_by_source", "2025年部门收入总表"),
           ("expenditure_summary", "2025年部门支出总表"))


def toc_hits(*texts, tables=PRINTED):
    facts = replace(BUDGET_2025, tables=tables)
    return [(f.rule_id, f.page, f.sentence) for f in audit_narrative(lines_of(*TOC, *texts), (), facts)
            if f.rule_id == "narrative.structure.toc_table_missing"]


def test_a_table_the_toc_lists_and_no_page_prints_is_found():
    assert toc_hits() == [("narrative.structure.toc_table_missing", 2, "国有资本经营预算支出表")]


def test_a_listed_table_printed_or_titled_on_its_page_is_not_missing():
    assert toc_hits(tables=(*PRINTED, ("state_capital_expenditure", "国有资本经营预算支出表"))) == []
    # printed, though not recognised (its header unread): its title stands on its page
    assert toc_hits(("2025年部门国有资本经营预算支出表", 6)) == []
    assert toc_hits(tables=()) == []  # the 说明 half of a split disclosure prints no table


def test_a_heading_naming_another_department_is_found():
    facts = replace(BUDGET_2025, department="上海市普陀区商务委员会")
    heading = "上海市普陀区民政局2025年部门预算"
    hits = [(f.rule_id, f.printed, f.expected) for f in audit_narrative(lines_of(heading, ANOTHER), (), facts)]
    assert hits == [("narrative.scope.heading_department", "上海市普陀区民政局", "上海市普陀区商务委员会")]
    for own in ("上海市普陀区商务委员会2025年部门预算", "2025年普陀区商务委部门预算", "本部门2025年部门预算"):
        assert audit_narrative(lines_of(own, ANOTHER), (), facts) == [], own


def test_another_department_named_without_a_year_at_a_sentence_start():
    """Wanli p. 4 and the complaints bureau p. 5 with another department's name: no year printed."""
    facts = replace(BUDGET_2025, department="上海市普陀区商务委员会")
    for text in ("上海市普陀区民政局部门预算是包括商务委本部以及下属1家预算单位的综合收支计划。",
                 "第二部分 上海市普陀区民政局部门预算表"):
        hits = [(f.rule_id, f.printed) for f in audit_narrative(lines_of(text, ANOTHER), (), facts)]
        assert hits == [("narrative.scope.heading_department", "上海市普陀区民政局")], text
    # the corpus' own sentences naming 部门预算 inside a clause (Jiangsu 2017 p. 30, Foshan p. 31)
    for text in ("上海市普陀区商务委员会部门预算是包括商务委本部以及下属1家预算单位的综合收支计划。",
                 "六、项目支出：包括编入部门预算的单位发展项目、省直发展项目支出安排数等。",
                 "“三公”经费：按照党中央、国务院有关文件及部门预算管理有关规定，“三公”经费包括因公出国（境）费。"):
        assert audit_narrative(lines_of(text, ANOTHER), (), facts) == [], text


def test_a_department_written_short_or_with_its_party_prefix_is_the_same():
    assert same_department("中共江苏省委办公厅", "江苏省委办公厅")
    assert same_department("江苏省人大常委会办公厅", "江苏省人民代表大会常务委员会办公厅")
    assert not same_department("上海市普陀区民政局", "上海市普陀区商务委员会")
    assert DocumentFacts(2025, "budget", "unit").department is None


def test_a_blank_page_inside_the_document_is_found_and_its_ends_are_not(tmp_path):
    from reportlab.pdfgen import canvas

    from assets.audit.structure import blank_page_findings
    from assets.extract.pdf_document import extract_document

    path = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(path))
    for number in range(1, 6):
        if number in (2, 4):
            pdf.rect(72, 700, 400, 20)  # a page of ruling alone, as a table spilled over prints it
        elif number != 5:  # the last page stays empty
            pdf.drawString(72, 700, f"page {number}")
        pdf.showPage()
    pdf.save()
    document = extract_document(path)
    assert document.blank_pages == (2, 4, 5)
    assert [f.page for f in blank_page_findings(document.blank_pages, document.page_count)] == [2, 4]
