"""The narrative audit on real published PDFs (shared/corpus/real, never copied into the repo):
every finding below was checked by hand against the printed page (docs/narrative_audit.md lists
them all); skipped with a message where the corpus folder is absent."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.audit.sentences import lines_to_sentences
from assets.clean.narrative import narrative_lines
from assets.clean.tables import document_to_tables
from assets.extract.model import TextLine
from assets.extract.pdf_document import extract_document
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "real"
WELFARE = "budget/2024_putuo-welfare-home_unit-budget.pdf"
WANLI = "budget/2024_putuo-wanli-subdistrict_dept-budget.pdf"
GOV_OFFICE = "budget/2025_putuo-gov-office_dept-budget.pdf"
COMMERCE = "budget/2025_putuo-commerce-commission_dept-budget.pdf"
FINANCE = "final/2024_putuo-finance-bureau_dept-final.pdf"
COMPLAINTS = "provinces/central/2026_national-public-complaints-bureau_dept-budget.pdf"
FOSHAN = "provinces/guangdong/2019_foshan-rail-transit-bureau_dept-final.pdf"
XIAN = "provinces/shaanxi/2026_xian-audit-bureau_dept-budget.pdf"
CHANGSHA = "provinces/hunan/2026_changsha-petition-bureau_dept-budget.pdf"

pytestmark = pytest.mark.skipif(
    not (CORPUS / "budget").is_dir(),
    reason=f"real corpus not found at {CORPUS} (it lives in shared/, outside the repo)")


@pytest.fixture(scope="module")
def extracted():
    """Given a corpus path, what extraction read of it (each file read once)."""
    cache: dict = {}

    def read(relative: str):
        if relative not in cache:
            cache[relative] = extract_document(CORPUS / relative)
        return cache[relative]

    return read


@pytest.fixture(scope="module")
def audited(extracted):
    """Given a corpus path, its clean document and narrative findings (each file read once)."""
    cache: dict = {}

    def read(relative: str):
        if relative not in cache:
            extracted_document = extracted(relative)
            document = document_to_tables(extracted_document)
            cache[relative] = document, audit_narrative(extracted_document.lines, extracted_document.cells,
                                                         DocumentFacts.of(document, extracted_document))
        return cache[relative]

    return read


def non_style(findings) -> list[tuple[str, int, str]]:
    return [(f.rule_id, f.page, f.printed) for f in findings if f.severity != "style"]


@pytest.mark.parametrize(("relative", "expected"), [
    # p.16: "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。"
    (WELFARE, [("narrative.drafting.cut_short", 16, "主要原因是。")]),
    # p.7: 执行数 0.00 -> 25.00 stated as +100.00 %; p.9: 348.52 -> 352.67 is +1.19 %, printed 0.53 %
    (WANLI, [("narrative.number.zero_base_rate", 7, "增加100.00%"), ("narrative.number.change_rate", 9, "增加0.53%")]),
    # p.19: "2026年预算数3,623.98为万元"; p.25: 333.83 / (1,391.68 - 333.83) = 31.56 %, printed 31.35 %
    (COMPLAINTS, [("narrative.drafting.missing_number", 19, "万元"),
                  ("narrative.number.change_rate", 25, "增长31.35%")]),
    # pp.26-27: a new bureau's spending "比年初预算数增加 1668.14万元，增长 0%" (no rate from a zero base)
    # p.26 also: 三公 and 公务接待费 "决算为0.16万元，完成预算0万元的0%" (no completion rate over a 0 budget)
    (FOSHAN, [("narrative.number.zero_base_rate", 26, "增长0%"),
              ("narrative.number.zero_base_rate", 26, "完成预算的0%"),
              ("narrative.number.zero_base_rate", 26, "完成预算的0%"),
              ("narrative.number.zero_base_rate", 27, "增长0%")]),
    # 说明 after the tables, digits drawn off the baseline: read, and no false finding; p. 14 is blank
    (FINANCE, [("narrative.structure.blank_page", 14, "a blank page")]),
    (GOV_OFFICE, []),
])
def test_errors_and_warnings_hand_checked(audited, relative, expected):
    assert non_style(audited(relative)[1]) == expected


def test_style_findings_of_the_wanli_budget(audited):
    findings = [f for f in audited(WANLI)[1] if f.severity == "style"]
    assert {f.rule_id for f in findings} == {"narrative.drafting.flat_with_bi"}
    assert len(findings) == 10 and findings[0].sentence == "政府性基金拨款支出预算0.00万元，比2023年预算持平；"


def test_finding_quotes_sentence_and_expected_value(audited):
    [finding] = [f for f in audited(COMPLAINTS)[1] if f.rule_id == "narrative.number.change_rate"]
    assert finding.sentence == ("国家信访局 2026 年委托业务费财政拨款预算 1,391.68万元，"
                                "比 2025 年预算增加 333.83 万元，增长 31.35%。")
    assert finding.expected == "31.56% (= 333.83 / 1057.85)"


def test_narrative_after_a_ruled_contents_table_is_read(audited):
    # 上海市普陀区人民政府办公室 2025: the 目录 is a ruled table on page 2; the 三公 section is on page 21
    document, _ = audited(GOV_OFFICE)
    three = [(f.value, f.page) for f in document.figures if f.statement.endswith("“三公”经费预算数")]
    assert three == [(Decimal("867.50"), 21)]


def test_final_accounts_narrative_after_the_tables_is_read(audited):
    # 上海市普陀区财政局 2024 决算: 说明 on pages 21-24, after the nine tables; ONLYOFFICE draws the
    # digits a few points below their sentence ("基本支出 万元" over "2336.91")
    document, _ = audited(FINANCE)
    figures = {(f.statement, f.value, f.page) for f in document.figures}
    assert ("一般公共预算财政拨款基本支出", Decimal("2336.91"), 23) in figures
    assert ("机关运行经费支出", Decimal("184.65"), 24) in figures


STRUCTURE_RULES = ("narrative.structure.section_repeated", "narrative.structure.cut_at_page_end",
                   "narrative.structure.toc_table_missing", "narrative.scope.heading_department",
                   "narrative.drafting.missing_full_stop")


@pytest.mark.parametrize(("relative", "expected"), [
    # p.27: "…发生国内接待 1次，接待人数共 13人，主要包括接待其他省市交通局参观所产生的费用" / "四、其他重要事项…"
    (FOSHAN, [("narrative.drafting.missing_full_stop", 27)]),
    # p.24: "…组织项目审核跟踪、评估，按程序落实专项资金拨付" / "五、实施周期"
    (COMMERCE, [("narrative.drafting.missing_full_stop", 24)]),
    (WELFARE, []), (WANLI, []), (GOV_OFFICE, []), (FINANCE, []), (COMPLAINTS, []),
])
def test_structure_findings_hand_checked(audited, relative, expected):
    assert [(f.rule_id, f.page) for f in audited(relative)[1] if f.rule_id in STRUCTURE_RULES] == expected


def test_a_table_the_contents_list_and_the_document_lost_is_named():
    # the welfare home's 目录 (p. 2) lists nine tables; without page 12 one of them is printed nowhere
    welfare = extract_document(CORPUS / WELFARE)
    lost = replace(welfare, cells=tuple(c for c in welfare.cells if c.page != 12),
                   lines=tuple(line for line in welfare.lines if line.page != 12))
    findings = audit_narrative(lost.lines, lost.cells, DocumentFacts.of(document_to_tables(lost)))
    assert [(f.page, f.sentence) for f in findings if f.rule_id == "narrative.structure.toc_table_missing"] == [
        (2, "2024年预算单位政府性基金预算支出功能分类预算表")]


def test_a_page_printing_only_an_empty_ruled_row_is_blank(audited):
    # 普陀区财政局 2024 决算, p. 14 of 25: one empty ruled row spilled over from 收入支出决算总表
    # (p. 13), no text (seen on the rendered page); its last page is not blank
    _, findings = audited(FINANCE)
    assert [(f.page, f.printed) for f in findings if f.rule_id == "narrative.structure.blank_page"] == [
        (14, "a blank page")]


def narrative_sentences(document) -> list[tuple[int, str]]:
    return [(s.page, s.text) for s in lines_to_sentences(narrative_lines(list(document.lines), document.cells))]


def test_a_glossary_printed_in_a_ruled_box_is_read(extracted):
    # 国家信访局 2026 pp. 33-37: the 名词解释 is a one-column ruled table of prose (seen on the page);
    # p. 37 prints "国外城市间交通费、" with its 、 past the box's right rule
    sentences = narrative_sentences(extracted(COMPLAINTS))
    assert (34, "培训支出（项）：指国家信访局对相关信访工作人员进行培训的支出。") in sentences
    assert [text for page, text in sentences if page == 36 and text.startswith("其中，因公出国")] == [
        "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、公杂费、培训费等支出；"]


def test_a_sentence_with_its_words_in_boxes_is_read_whole(extracted):
    # 长沙市信访局 2026 p. 7: "主要是 | 单位 | 为完成特定行政工作任务或事业发展目标而发生的" is one ruled row
    [(page, sentence)] = [(p, t) for p, t in narrative_sentences(extracted(CHANGSHA)) if t.startswith("（二）项目支出")]
    assert page == 7 and "417.41 万元，主要是单位为完成特定行政工作任务或事业发展目标而发生的支出，" in sentence


def test_comparison_words_checked_against_the_stated_pairs(extracted):
    # 普陀区财政局 2024 决算 pp. 21-23: 12 "决算数小于预算数" / "基本持平" after their pairs, all true
    # (p. 22 "年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数的主要原因：…"); with every
    # 小于 printed as 大于 (a defect injected into the real lines) the 10 are found, each with its own pair
    final = extracted(FINANCE)
    facts = DocumentFacts.of(document_to_tables(final), final)
    injected = tuple(replace(line, text=line.text.replace("小于", "大于")) for line in final.lines)
    findings = [f for f in audit_narrative(injected, final.cells, facts) if f.rule_id == "narrative.number.direction"]
    assert [(f.page, f.printed) for f in findings][:3] == [
        (21, "2940.05, 98.20%: 决算数大于预算数"), (22, "1560.05 → 1511.89: 决算数大于预算数"),
        (22, "135.90 → 135.25: 决算数大于预算数")]
    assert len(findings) == 10 and {f.expected for f in findings} == {"决算数小于预算数"}


def test_a_function_item_restated_with_another_amount_is_found(extracted):
    # 万里街道 2024 p. 9: "31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元" (each of its
    # 33 items is stated once: no finding); the same item restated on p. 32 with 305.35 is found
    wanli = extracted(WANLI)
    facts = DocumentFacts.of(document_to_tables(wanli), wanli)
    restated = TextLine(32, 999, "住房改革支出（款）住房公积金（项）预算305.35万元。", 90.0, 700.0, 712.0)

    def two_amounts(lines):
        return [f for f in audit_narrative(lines, wanli.cells, facts) if f.rule_id == "narrative.number.two_amounts"]

    assert two_amounts(wanli.lines) == []
    [finding] = two_amounts((*wanli.lines, restated))
    assert (finding.page, finding.printed, finding.expected) == (
        32, "住房改革支出（款）住房公积金（项） 305.35万元", "350.35万元, as stated on p. 9: one amount")


def empty_table_findings_of(findings) -> list[tuple[int, str]]:
    return [(f.page, f.printed) for f in findings if f.rule_id == "narrative.structure.empty_table_note"]


def test_empty_tables_without_a_note_are_found(audited):
    # 西安市审计局 2026 (seen on the pages): 表11 (p. 33) prints a blank 合计 row and 表16 (p. 44, the last)
    # a blank 绩效 form, no note, and the 说明 says nothing of 上年结转 or 专项资金; its empty 表9 (p. 31)
    # is covered by "本部门无当年政府性基金预算收支，并已公开空表。" (p. 16)
    assert empty_table_findings_of(audited(XIAN)[1]) == [
        (33, "部门综合预算财政拨款上年结转资金支出表: no amount, no note"),
        (44, "专项资金总体绩效目标表: no amount, no note")]


def test_empty_tables_with_their_note_are_not_found_and_without_it_are(extracted, audited):
    # 万里街道 2024 pp. 27-28: "注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。"; the 说明
    # also states "政府性基金拨款支出预算0.00万元" (p. 6): with the notes and that sentence taken out, both are found
    assert empty_table_findings_of(audited(WANLI)[1]) == []
    wanli = extracted(WANLI)
    unsaid = tuple(line for line in wanli.lines
                   if "本表为空表" not in line.text and "拨款支出预算0.00万元" not in line.text)
    stripped = replace(wanli, lines=unsaid)
    findings = audit_narrative(unsaid, wanli.cells, DocumentFacts.of(document_to_tables(stripped), stripped))
    assert [page for page, _ in empty_table_findings_of(findings)] == [27, 28]
