"""A ruled box around prose is narrative, not a table: a 名词解释 printed in a one-column table,
a sentence's words in boxes; its rows are read in reading order with their page, and a mark
printed past the box's right rule is read once. Made-up cells and a PDF rendered here."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import pytest

from assets.audit.sentences import lines_to_sentences
from assets.clean.narrative import narrative_lines
from assets.clean.tables import NoBudgetTables, document_to_tables
from assets.extract.model import RawCell, TextLine
from assets.extract.pdf_document import extract_document

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def box_row(page: int, row: int, texts: list[str], top: float, table: int = 0) -> list[RawCell]:
    """One ruled row of `texts`, each cell 100 points wide, 20 high."""
    return [RawCell(page, table, row, col, text, row, col, False, 90.0 + 100 * col, top, 190.0 + 100 * col, top + 20)
            for col, text in enumerate(texts)]


def text_line(page: int, text: str, top: float, x0: float = 90.0) -> TextLine:
    return TextLine(page, 0, text, x0, top, top + 12)


def narrative(lines, cells) -> list[str]:
    return [s.text for s in lines_to_sentences(narrative_lines(lines, cells))]


def test_a_one_column_box_of_prose_is_read_between_the_lines_around_it():
    cells = [*box_row(4, 0, ["一、基本支出：指为保障机构正常运转、完成日常工作"], 200),
             *box_row(4, 1, ["任务而发生的人员支出和公用支出。"], 220)]
    lines = [text_line(4, "第四部分 名词解释", 150), text_line(4, "以上为本部门的名词解释。", 300)]
    assert narrative(lines, cells) == [
        "第四部分 名词解释", "一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
        "以上为本部门的名词解释。"]


def test_a_mark_printed_past_the_box_rule_is_read_once():
    cells = [*box_row(2, 0, ["包括办公费、邮电费、"], 100), *box_row(2, 1, ["差旅费等支出。"], 120)]
    overflow = text_line(2, "、", 104, x0=192.0)
    assert narrative([overflow], cells) == ["包括办公费、邮电费、差旅费等支出。"]


def test_boxed_words_of_a_sentence_complete_it():
    # 长沙 2026 p. 7: "主要是 | 单位 | 为完成特定行政工作任务或事业发展目标而发生的" ruled as one row
    lines = [text_line(7, "（二）项目支出：2026年本单位项目支出预算417.41万元，", 180)]
    cells = box_row(7, 0, ["主要是", "单位", "为完成特定行政工作任务或事业发展目标而发生的"], 200)
    after = [text_line(8, "支出。", 80)]
    assert narrative(lines + after, cells) == [
        "（二）项目支出：2026年本单位项目支出预算417.41万元，主要是单位为完成特定行政工作任务或事业发展目标而发生的支出。"]


def test_tables_and_ruled_contents_stay_out_of_the_narrative():
    amounts = [*box_row(3, 0, ["项目", "预算数"], 100), *box_row(3, 1, ["一般公共服务支出，含行政运行", "12.00"], 120)]
    contents = [*box_row(2, 0, ["目 录"], 100), *box_row(2, 1, ["一、部门主要职能……………………3"], 120)]
    header = box_row(5, 0, ["资本性支出(基本建设)", "资本性支出", "对企业补助(基本建设）", "对企业补助"], 100)
    titles = [*box_row(6, 0, ["财政拨款基本支出预算表"], 100),
              *box_row(6, 1, ["部门：江苏省人大常委会办公厅单位：万元"], 120)]
    assert narrative([], amounts + contents + header + titles) == []


def test_a_rendered_glossary_box_is_read_as_narrative(tmp_path):
    path = tmp_path / "glossary.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 760, "第四部分 名词解释")
    rows = ["一、财政拨款收入：指本级财政当年拨付的资金。", "二、基本支出：指为保障机构正常运转、完成日常",
            "工作任务而发生的人员支出和公用支出。"]
    for index, text in enumerate(rows):
        top = 720 - 24 * index
        pdf.rect(72, top - 6, 400, 24)
        pdf.drawString(76, top, text)
    pdf.showPage()
    pdf.save()
    extracted = extract_document(path)
    assert extracted.cells, "the box is found as a table by extraction"
    assert narrative(list(extracted.lines), extracted.cells) == [
        "第四部分 名词解释", "一、财政拨款收入：指本级财政当年拨付的资金。",
        "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"]
    with pytest.raises(NoBudgetTables):  # and it is no table: not listed as an unclassified one
        document_to_tables(extracted)
