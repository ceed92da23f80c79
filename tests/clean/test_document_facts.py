"""What a document says about itself: department and year on the cover, and the template of a
PDF without tables (the 说明 half of a disclosure) from the table titles its 目录 lists."""
from __future__ import annotations

from assets.clean.document_facts import cover_department, cover_year
from assets.clean.tables import narrative_template
from assets.extract.model import TextLine


def lines(*texts: str, page: int = 1) -> list[TextLine]:
    return [TextLine(page, i, text, 50.0, 20.0 * i, 20.0 * i + 12) for i, text in enumerate(texts)]


def test_cover_names_department_and_year():
    cover = lines("江苏省政协办公厅 2018 年度", "部门预算公开", "- 1 -")
    assert cover_department(cover) == "江苏省政协办公厅"
    assert cover_year(cover) == 2018
    # the year printed as a line of its own, under the title (Shanghai 决算)
    assert cover_year(lines("上海市普陀区财政局", "年度部门决算", "2024")) == 2024
    # the name on a line of its own above the year and title (北京, read by OCR)
    beijing = lines("北京市政务服务和数据管理局", "2026年度部门预算信息公开", "目录")
    assert cover_department(beijing) == "北京市政务服务和数据管理局"
    assert cover_department(lines("目录", "第一部分 2026年度部门预算情况说明")) is None
    assert cover_department(lines("西安市审计局（汇总）", "2026年部门预算公开说明")) == "西安市审计局"


def test_a_table_of_contents_names_the_template_of_a_pdf_without_tables():
    contents = lines("目 录", "第二部分 2018 年度部门预算表", "一、收支预算总表", "二、收入预算总表",
                     "三、支出预算总表", "四、财政拨款收支预算总表", "五、财政拨款支出预算表",
                     "六、财政拨款基本支出预算表", "七、一般公共预算支出预算表")
    template = narrative_template(contents)
    assert template is not None and template.template == "jiangsu_budget_12"
    # a text that names two budget tables in passing is not a budget disclosure's 目录
    assert narrative_template(lines("见收支预算总表和收入预算总表。")) is None


def test_a_unit_named_on_the_department_line_is_not_the_department_s():
    from assets.clean.headings import make_heading

    for line, name in [("编制单位：焦作市人民政府办公室　金额单位：元", "焦作市人民政府办公室"),
                       ("部门名称：国家信访局 金额单位：万元", "国家信访局"),
                       ("部门：江苏省人大常委会办公厅 单位：万元", "江苏省人大常委会办公厅")]:
        assert make_heading((line,), ()).department == name
