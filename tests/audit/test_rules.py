"""Each narrative rule on made-up sentences: it fires on the defect, and stays silent on the
correct sentence next to it (the negative tests are what keeps findings true)."""
from __future__ import annotations

import pytest

from assets.audit.audit import DocumentFacts, audit_narrative
from assets.audit.rules import (RULES_FILE, load_pairs, load_rules, load_sections, parse_pair, parse_rule,
                                parse_section)
from tests.audit.helpers import lines_of, rule_hits, rules_fired

FINAL_2024 = DocumentFacts(2024, "final_accounts", "department")
UNIT_2024 = DocumentFacts(2024, "budget", "unit")
DEPARTMENT_2024 = DocumentFacts(2024, "budget", "department")


@pytest.mark.parametrize(("rule", "defect", "correct"), [
    ("narrative.drafting.unchosen_alternative", "收入预算100.00万元，比上年增加（减少）12.00万元。",
     "收入预算100.00万元，比上年增加12.00万元（主要是人员增加）。"),
    ("narrative.drafting.unchosen_alternative", "比上年增长（下降）3.00%。", "比上年增长3.00%。"),
    ("narrative.drafting.placeholder", "XX局2024年部门预算收入100.00万元。", "本局2024年部门预算收入100.00万元。"),
    ("narrative.drafting.placeholder", "××单位共有车辆2辆。", "本单位共有X光机2台。"),
    ("narrative.drafting.cut_short", "公务用车运行费6.40万元，与上年持平，主要原因是。",
     "公务用车运行费6.40万元，与上年持平，主要原因是车辆数未变。"),
    ("narrative.drafting.missing_number", "2026年预算数3,623.98为万元，比上年减少1.00万元。",
     "本表金额转换为万元时，因四舍五入可能存在尾差。"),
    ("narrative.drafting.missing_number", "公务接待费增长%。", "公务接待费增长3.00%。"),
    ("narrative.drafting.doubled_punctuation", "主要用于在职人员经费。。", "主要用于“三公”经费……等支出。"),
    ("narrative.drafting.doubled_punctuation", "主要用于在职人员经费，。", "主要用于在职人员经费。"),
    ("narrative.drafting.percent_without_sign", "比上年增加12.00万元，增长3.5。", "比上年增加12.00万元，增长3.5%。"),
    ("narrative.drafting.percent_without_sign", "完成预算的98.2，主要原因是项目延期。",
     "项目数增长1倍，下降2个百分点。"),
    # Jiangsu 2019 p. 26 with its % taken out (占 alone, as Henan, Hunan, Zhejiang and the central bureau write it)
    ("narrative.drafting.percent_without_sign", "其中：基本支出15,844.04万元，占65.56；",
     "其中：基本支出15,844.04万元，占65.56%；"),
    ("narrative.drafting.percent_without_sign", "住房保障支出 1,111.44 万元，占 5.93。", "占地面积 5.93 亩。"),
    ("narrative.drafting.flat_with_bi", "政府性基金拨款支出预算0万元，比2024年预算持平。",
     "政府性基金拨款支出预算0万元，与2024年预算持平。"),
    ("narrative.drafting.unbalanced_pair", "“三公经费预算数为6.40万元，主要用于公务接待。",
     "“三公”经费预算数为6.40万元，主要用于公务接待。"),
    ("narrative.drafting.unbalanced_pair", "“住房保障支出（类)住房改革支出（款）”136.10万元，主要用于公积金。",
     "“住房保障支出（类）住房改革支出（款）”136.10万元，主要用于公积金。"),
])
def test_drafting_rule_fires_on_the_defect_only(rule, defect, correct):
    assert rule in rules_fired(defect)
    assert rule not in rules_fired(correct)


def test_a_bracket_around_semicolons_is_balanced():
    # 上海市普陀区财政局 2024 决算 p.23: one bracket spans five ；-separated sentences
    text = ("平均得分99.43分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个；"
            "绩效评级为“不合格”的项目0个。绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个）。")
    assert "narrative.drafting.unbalanced_pair" not in rules_fired(text)


def test_a_bracket_left_open_just_before_the_full_stop_is_a_defect():
    # the finance bureau p. 22 and Beijing p. 8 with their closing bracket taken out: the sentence
    # ends in its stop, so it was not cut there
    for text in ("6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项。",
                 "2025年预算安排中，购置单位价值100万元以上的设备0台（套。"):
        assert "narrative.drafting.unbalanced_pair" in rules_fired(text), text


def test_a_quote_cut_by_a_wrapped_heading_is_not_a_defect():
    # a list item's first line taken for a heading must not leave half a quote on each side
    assert rules_fired("（十二）以提高履职能力为重点加强自身建设。巩固“三", "严三实”专题教育成果。") == set()


@pytest.mark.parametrize(("text", "facts", "fired"), [
    ("财政拨款收入9,101.68万元，比2025年预算减少2,389.52万元。", DocumentFacts(2025, "budget", "department"), True),
    ("财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元。", DocumentFacts(2025, "budget", "department"), False),
    ("支出决算2940.05万元，比2024年年初预算减少53.87万元。", FINAL_2024, False),
    ("机关运行经费支出184.65万元，比2022年度增加2.55万元。", FINAL_2024, True),
    ("机关运行经费支出184.65万元，比2023年度增加2.55万元。", FINAL_2024, False),
    ("本部门2024年与2025年相比无变化。", DocumentFacts(2023, "budget", "department"), True),
])
def test_comparison_year(text, facts, fired):
    assert ("narrative.year.comparison_year" in rules_fired(text, facts=facts)) is fired


@pytest.mark.parametrize(("text", "facts", "fired"), [
    ("截至2025年12月31日，共有车辆3辆。", DocumentFacts(2025, "budget", "department"), True),
    ("截至2024年8月31日，共有车辆3辆。", DocumentFacts(2025, "budget", "department"), False),
    ("截至2026年1月31日，本部门固定资产金额10,884.06万元。", DocumentFacts(2026, "budget", "department"), False),
    ("截至2022年12月31日，共有车辆3辆。", DocumentFacts(2025, "budget", "department"), True),
    ("截至2024年12月31日，共有车辆3辆。", FINAL_2024, False),
    ("截至2023年12月31日，共有车辆3辆。", FINAL_2024, True),
])
def test_as_of_date(text, facts, fired):
    assert ("narrative.year.as_of_date" in rules_fired(text, facts=facts)) is fired


def test_stated_year_in_a_heading_and_not_in_an_execution_figure():
    assert rule_hits("一、2024年“三公”经费预算情况说明") == [
        ("narrative.year.stated_year", "一、2024年“三公”经费预算")]
    assert rules_fired("一、2025年“三公”经费预算情况说明") == set()
    assert rules_fired("2024年当年预算执行数为60.13万元，2025年预算安排60.13万元，与2024年预算执行数持平。") == set()


@pytest.mark.parametrize(("heading", "fired"), [
    # the real headings of Jiangsu 2017 p. 2, the finance bureau p. 21, Guangzhou p. 23 with the year one too early
    ("第三部分 省人大办公厅 2024 年度部门预算情况说明", True),
    ("第三部分 省人大办公厅 2025 年度部门预算情况说明", False),
    ("第三部分上海市普陀区财政局2024年度部门决算情况", True), ("第二部分 2024年部门预算表", True),
    ("第二部分 2025年部门预算表", False),
])
def test_stated_year_in_a_heading_opening_with_its_part_or_department(heading, fired):
    assert ("narrative.year.stated_year" in rules_fired(heading)) is fired
    # a sentence is read from its start only: an earlier year named later in it is a comparison's
    assert rules_fired("按照本部门比2024年预算增减情况说明如下。") == set()


def test_scope_wording_depends_on_the_document_scope():
    text = "本部门2024年无政府性基金预算财政拨款安排的支出。"
    assert "narrative.scope.department_words_in_unit" in rules_fired(text, facts=UNIT_2024)
    assert rules_fired(text, facts=DEPARTMENT_2024) == set()
    assert rules_fired("是区级预算主管部门及所属预算单位本年度取得的财政拨款。", facts=UNIT_2024) == set()
    assert "narrative.scope.unit_words_in_department" in rules_fired("2024年单位预算编制说明", facts=DEPARTMENT_2024)
    assert rules_fired("部门预算包括本部及下属单位预算。", facts=DEPARTMENT_2024) == set()
    # Jiangsu 2017 p. 6 and Wanli p. 32 with 部门 turned into 单位: the document named by 单位
    for text in ("省人大办公厅 2024 年单位预算由省人大办公厅机关、培训中心等组成。", "2024年单位预算安排购置车辆1辆。"):
        assert "narrative.scope.unit_words_in_department" in rules_fired(text, facts=DEPARTMENT_2024), text
    assert rules_fired("2024年部门预算安排购置车辆1辆。", facts=DEPARTMENT_2024) == set()


def test_change_rate_recomputed_from_this_year_and_the_change():
    defect = "2026年本部门收入预算9,483.72万元，比上年增加552.08万元，增长7.2%，主要原因是人员增加。"
    [finding] = audit_narrative(lines_of(defect), (), DocumentFacts(2026, "budget", "department"))
    assert (finding.rule_id, finding.printed) == ("narrative.number.change_rate", "增长7.2%")
    assert finding.expected.startswith("6.18%")
    assert rules_fired(defect.replace("7.2%", "6.2%"), facts=DocumentFacts(2026, "budget", "department")) == set()


def test_change_rate_from_last_years_amount_printed_in_the_base():
    # Beijing 2026 p. 5 (OCR): last year's 99,003.18 is printed between 比 and 增加; 2,669.85 / 99,003.18 = 2.70 %
    facts = DocumentFacts(2026, "budget", "department")
    text = "2026年度收入预算101,673.03万元，比2025年年初预算数99,003.18万元增加2,669.85万元，增长2.7%。"
    assert rules_fired(text, facts=facts) == set()
    [finding] = audit_narrative(lines_of(text.replace("2.7%", "5.7%")), (), facts)
    assert (finding.rule_id, finding.printed) == ("narrative.number.change_rate", "增长5.7%")
    assert finding.expected.startswith("2.70%")
    assert rules_fired(text.replace("增加2,669", "减少2,669"), facts=facts) == {"narrative.number.direction"}


def test_change_rate_base_may_be_the_total_before_its_parts():
    # 西安市审计局 2026 p.10: the change is of the 4,203.47 total, not of the last part named
    text = ("本部门当年预算收入4,203.47万元，其中：一般公共预算拨款4,005.29万元、上年实户资金余额98.18万元、"
            "其他收入100.00万元，较上年增加142.30万元，增长3.50%。")
    assert rules_fired(text, facts=DocumentFacts(2026, "budget", "department")) == set()


def test_change_rate_tolerates_the_rounding_of_a_one_decimal_change():
    # 江苏省人民检察院 2019: 28.1 / 371.92 = 7.555 %, printed 7.57 %: within the rounding of 28.1
    text = ("（二）公务用车运行费400.02万元。", "与上年相比增加 28.1万元，增加7.57 %。")
    assert rules_fired(*text, facts=DocumentFacts(2019, "budget", "department")) == set()


@pytest.mark.parametrize(("text", "rule"), [
    ("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少30.00万元。",
     "narrative.number.change_amount"),
    ("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数增加57.14%。",
     "narrative.number.direction"),
    ("2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。",
     "narrative.number.change_rate"),
    ("2023年当年预算执行数为10.00万元，2024年预算安排12.00万元，比2023年预算执行数持平。",
     "narrative.number.flat_with_difference"),
    ("2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。",
     "narrative.number.zero_base_rate"),
])
def test_previous_and_current_stated(text, rule):
    assert rule in rules_fired(text, facts=DEPARTMENT_2024)


@pytest.mark.parametrize("text", [
    "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。",
    "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少34.36万元。",
    "2023年当年预算执行数为217.72万元，2024年预算安排217.72万元，与2023年预算执行数持平。",
])
def test_previous_and_current_stated_correctly(text):
    assert rules_fired(text, facts=DEPARTMENT_2024) == set()


def test_final_accounts_words_against_the_figures():
    budget = "年初预算为135.90万元，支出决算为135.25万元。"
    wrong = budget + "决算数大于预算数的主要原因：项目调减。"
    assert "narrative.number.direction" in rules_fired(wrong, facts=FINAL_2024)
    assert rules_fired(budget + "决算数小于预算数的主要原因：项目调减。", facts=FINAL_2024) == set()
    assert "narrative.number.flat_with_difference" in rules_fired(budget + "决算数与预算数持平。", facts=FINAL_2024)
    assert rules_fired("年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。", facts=FINAL_2024) == set()


def test_completion_rate():
    text = "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。"
    assert rules_fired(text, facts=FINAL_2024) == set()
    assert "narrative.number.completion_rate" in rules_fired(text.replace("98.20", "97.20"), facts=FINAL_2024)


@pytest.mark.parametrize(("text", "hits"), [
    # 决算 over a budget of 0: no completion rate exists (Foshan 2019's wording)
    ("“三公”经费支出决算为0.16万元，完成预算0万元的0%。",
     [("narrative.number.zero_base_rate", "完成预算的0%")]),
    ("因公出国（境）费支出决算为0万元，完成预算0万元的0%。", []),  # both zero: nothing to say
    ("公务接待费支出决算为90.00万元，完成预算100.00万元的80.00%。",
     [("narrative.number.completion_rate", "完成预算的80.00%")]),
    ("公务接待费支出决算为90.00万元，完成预算100.00万元的90.00%。", []),
    ("年初预算为0万元，支出决算为12.00万元，完成年初预算的0%。", [("narrative.number.zero_base_rate", "完成预算的0%")]),
])
def test_completion_rate_in_either_order_and_from_a_zero_budget(text, hits):
    assert rule_hits(text, facts=FINAL_2024) == hits


def test_every_stated_pair_wording_reads_its_example():
    for pair in load_pairs():
        match = pair.pattern.search(pair.example)
        assert match and match["current"] and pair.compares in ("决算", "本年"), pair.id
    with pytest.raises(ValueError, match="pair p: keys"):
        parse_pair({"id": "p", "compares": "决算", "example": "e", "patern": "x"})


def test_a_comparison_checked_against_a_pair_stated_earlier_in_its_section():
    pair = "（一）“三公”经费支出：年初预算为20.00万元，支出决算为18.00万元。"
    between = ["其中因公出国（境）费0万元。", "公务用车运行维护费10.00万元。", "公务接待费8.00万元。",
               "接待国内来访团组5批次。"]
    wrong, right = "决算数大于预算数的主要原因是会议增加。", "决算数小于预算数的主要原因是厉行节约。"
    [finding] = audit_narrative(lines_of(pair, *between, wrong), (), FINAL_2024)
    assert (finding.rule_id, finding.printed) == ("narrative.number.direction", "20.00 → 18.00: 决算数大于预算数")
    assert rules_fired(pair, *between, right, facts=FINAL_2024) == set()
    assert rules_fired(pair, *between, "（二）机关运行经费", wrong, facts=FINAL_2024) == set()  # another section


def test_direction_words_of_change_and_rate_disagree():
    assert "narrative.number.direction" in rules_fired("支出100.00万元，比上年增加10.00万元，下降5.00%。")


def test_one_item_given_two_amounts():
    overview = ("一、收支预算总体情况", "2025年“三公”经费预算数为867.50万元，机关运行经费预算120.00万元。")
    own = ("二、“三公”经费预算情况", "2025年“三公”经费预算876.50万元，比上年减少2.00万元。")
    assert rule_hits(*overview, *own) == [("narrative.number.two_amounts", "三公经费 876.50万元")]
    assert rule_hits(*overview, own[0], "2025年“三公”经费预算867.50万元。") == []


@pytest.mark.parametrize("other", [
    "2024年“三公”经费预算数为900.00万元。",  # the previous year's amount
    "其中：财政拨款“三公”经费预算数为800.00万元。",  # another scope
    "2025年“三公”经费决算数为850.00万元。",  # another kind
    "因公出国（境）费预算数为20.00万元。",  # a part, not the item
])
def test_another_year_scope_kind_or_part_is_not_the_same_item(other):
    assert "narrative.number.two_amounts" not in rules_fired("2025年“三公”经费预算数为867.50万元。", other)


def test_zero_change_with_a_direction_word():
    assert rule_hits("公务用车购置费0万元，比上年增加0万元。") == [
        ("narrative.number.zero_change_direction", "增加0万元")]
    assert rules_fired("公务用车购置费0万元，与上年持平。") == set()


def test_required_sections_of_a_long_narrative():
    filler = [f"第{i}项工作按计划推进。" for i in range(40)]
    findings = audit_narrative(lines_of("一、主要职能", *filler), (), DocumentFacts(2025, "budget", "department"))
    assert {f.rule_id for f in findings} == {"narrative.structure.required_section"}
    missing = {f.expected for f in findings}
    assert "a section on 名词解释" in missing and "a section on 主要职能" not in missing


EVERY_OTHER_SECTION = ["一、主要职能", "二、机构设置", "三、“三公”经费预算情况", "四、机关运行经费",
                       "五、政府采购情况", "六、国有资产占有使用情况", "七、绩效目标设置情况", "八、名词解释"]


@pytest.mark.parametrize(("heading", "missing"), [
    ("第二部分 2025年部门预算情况说明", False),
    ("2025年部门预算编制说明", False),  # Shanghai
    ("第三部分 2025年度部门决算情况说明", False),
    ("第二部分 部门预算收支总体情况", False),  # Shenzhen's wording
    ("第二部分 部门收支情况", True),  # neither 预算 nor 决算 named
    ("", True),
])
def test_the_budget_explanation_is_a_required_section(heading, missing):
    filler = [f"第{i}项工作按计划推进。" for i in range(40)]
    lines = [*EVERY_OTHER_SECTION, *([heading] if heading else []), *filler]
    findings = audit_narrative(lines_of(*lines), (), DocumentFacts(2025, "budget", "department"))
    assert [f.expected for f in findings] == (["a section on 预算/决算编制或情况说明"] if missing else [])


def test_every_required_section_finds_its_example():
    sections = load_sections()
    assert len(sections) == 9
    for section in sections:
        assert section.pattern.search(section.example), section.name
    with pytest.raises(ValueError, match="section 绩效: keys"):
        parse_section({"name": "绩效", "example": "四、绩效", "patern": "绩效"})


def test_required_sections_skip_a_pdf_without_narrative():
    assert rules_fired("公开01表", "单位：万元") == set()


def test_every_rule_is_described_and_its_id_is_unique():
    rules = load_rules()
    assert len(rules) >= 19
    for rule in rules.values():
        assert rule.id.startswith("narrative.") and rule.what and rule.example and rule.expected


def test_a_misspelt_rule_key_is_rejected_with_its_id():
    with pytest.raises(ValueError, match="narrative.x: unknown keys \\['patern'\\]"):
        parse_rule({"id": "narrative.x", "severity": "error", "kind": "pattern", "what": "w", "example": "e",
                    "expected": "x", "patern": "a"})
    with pytest.raises(ValueError, match="severity"):
        parse_rule({"id": "narrative.y", "severity": "fatal", "kind": "logic", "what": "w", "example": "e",
                    "expected": "x"})


def test_a_finding_carries_the_page_of_its_own_sentence():
    lines = lines_of(("一、收支预算情况", 3), ("收入预算100.00万元，与上年持平。支出预算100.00万元，比上", 3),
                     ("年增加（减少）10.00万元。", 4))
    [finding] = audit_narrative(lines, (), DocumentFacts(2025, "budget", "department"))
    assert (finding.rule_id, finding.page, finding.section) == ("narrative.drafting.unchosen_alternative", 4,
                                                                 "一、收支预算情况")
    assert finding.sentence == "支出预算100.00万元，比上年增加（减少）10.00万元。"


def test_every_logic_rule_has_code_and_every_pattern_rule_catches_its_example():
    code = "".join(path.read_text() for path in RULES_FILE.parent.glob("*.py"))
    for rule in load_rules().values():
        if rule.kind == "logic":
            assert f'"{rule.id}"' in code, rule.id
        else:
            assert rule.pattern.search(rule.example), rule.id


@pytest.mark.parametrize(("text", "printed", "expected"), [
    # the pair stated in the sentence itself, the words after it
    ("“三公”经费年初预算为12.00万元，决算为15.00万元，决算数小于预算数。",
     "12.00 → 15.00: 决算数小于预算数", "决算数大于预算数"),
    # 决算 first, then 完成预算的 P% (no budget amount printed): 97 % is less
    ("机关运行经费支出决算为97.00万元，完成预算的97.00%。机关运行经费决算高于预算数，主要原因是会议增加。",
     "97.00, 97.00%: 决算高于预算数", "决算数小于预算数"),
    # 决算 and 完成预算 X万元的 P%, the words two sentences later
    ("公务接待费支出决算为0.16万元，完成预算0万元的0%。新成立单位。决算数等于预算数。",
     "0 → 0.16: 决算数等于预算数", "决算数大于预算数"),
    ("年初预算为20.00万元，支出决算为18.00万元。决算数与预算数持平。",
     "20.00 → 18.00: 决算数与预算数持平", "决算数小于预算数"),
    ("上年预算数为30.00万元，本年预算安排为25.00万元，本年数大于上年数。",
     "30.00 → 25.00: 本年数大于上年数", "本年数小于上年数"),
])
def test_a_comparison_word_against_the_stated_pair(text, printed, expected):
    [finding] = [f for f in audit_narrative(lines_of(text), (), FINAL_2024)
                 if f.rule_id in ("narrative.number.direction", "narrative.number.flat_with_difference")]
    assert (finding.printed, finding.expected) == (printed, expected)


@pytest.mark.parametrize("text", [
    "年初预算为20.00万元，支出决算为18.00万元，完成预算的90.00%。决算数低于预算数。",
    "“三公”经费年初预算为0.95万元，决算为0.00万元。其中：公务接待费支出决算为0.00万元，完成预算的0%。"
    "“三公”经费支出决算数小于预算数的主要原因：当年度无支出。",
    # any pair in reach that agrees silences it: the total is less, a part is more
    "支出年初预算为10.00万元，决算为8.00万元。其中：会议费预算为1.00万元，决算为2.00万元。决算数小于预算数。",
    "决算数大于预算数的主要原因：新增项目。",  # no pair stated: nothing to check
    "支出决算为5.00万元，完成预算的100.00%。决算数小于预算数。",  # 100 % is rounded from either side
    "本年数小于上年预算数403.75万元，原因是调减。",  # the difference only, no pair
    "年初预算为20.00万元，支出决算为20.00万元。决算数与预算数基本持平。",
])
def test_a_comparison_word_the_stated_pairs_allow(text):
    assert rules_fired(text, facts=FINAL_2024) == set()


@pytest.mark.parametrize(("first", "again", "printed", "expected"), [
    ("1．住房改革支出（款）住房公积金（项）支出1442.74万元，与上年相比增加368.97万元。",
     "（三）住房改革支出（款）住房公积金（项）1424.74万元，主要用于在职人员公积金缴纳。",
     "住房改革支出（款）住房公积金（项） 1424.74万元", "1442.74万元"),
    # the same 款 and 项 named by dashes and by their marks
    ("1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于基本支出。",
     "“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”1,220.95万元。",
     "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项） 1,220.95万元", "1202.95万元"),
    ("3.高等教育（2050205），2025 年度决算数为 206,360.32万元，比 2024 年度决算数增长 10.55%。",
     "高等教育（2050205）决算数206,630.32万元。", "高等教育（2050205） 206,630.32万元", "206360.32万元"),
])
def test_one_function_item_given_two_amounts(first, again, printed, expected):
    [finding] = audit_narrative(lines_of(first, again), (), DocumentFacts(2025, "final_accounts", "department"))
    assert (finding.rule_id, finding.printed) == ("narrative.number.two_amounts", printed)
    assert finding.expected == f"{expected}, as stated on p. 1: one amount"


@pytest.mark.parametrize("other", [
    "高等教育（2059802），2025 年度决算数为 6,304.68万元。",  # another code, the same name
    "人大事务（款）行政运行（项）支出 10528.33 万元。",  # another 款
    "住房改革支出（款）住房公积金（项）2024年决算数1000.00万元。",  # another year
    "其中：基本支出：住房改革支出（款）住房公积金（项）800.00万元。",  # a part
    "政府性基金预算支出：住房改革支出（款）住房公积金（项）10.00万元。",  # another scope
    "住房改革支出（款）住房公积金（项）年初预算为1500.00万元。",  # another measure
])
def test_another_function_item_year_part_scope_or_measure_is_not_the_same(other):
    items = ("住房改革支出（款）住房公积金（项）支出1442.74万元。",
             "高等教育（2050205），2025 年度决算数为 206,360.32万元。", "政协事务（款）行政运行（项）4,432.78 万元。")
    assert "narrative.number.two_amounts" not in rules_fired(
        *items, other, facts=DocumentFacts(2025, "final_accounts", "department"))
