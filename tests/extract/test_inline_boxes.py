"""Boxes drawn around words of a sentence (长沙's 说明 rules a box around each figure it states) are
text, not tables: their words stay in the narrative line; a table's one row carried onto a page
stays a table. PDFs rendered here with reportlab."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from assets.extract.pdf_document import extract_document

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
SIZE = 12


def draw_words(pdf: canvas.Canvas, y: float, words: list[tuple[str, bool]], x: float = 72) -> None:
    """Write the words left to right on one line, ruling a box around those marked True."""
    for text, boxed in words:
        width = pdfmetrics.stringWidth(text, FONT, SIZE)
        pdf.setFont(FONT, SIZE)
        pdf.drawString(x, y, text)
        if boxed:
            pdf.rect(x - 1, y - 4, width + 2, SIZE + 6)
        x += width + 2


def test_boxed_figures_in_a_sentence_are_text(tmp_path):
    path = tmp_path / "boxed.pdf"
    pdf = canvas.Canvas(str(path))
    draw_words(pdf, 700, [("2026年本单位收入预算", False), ("1935.36", True), ("万元，其中，一般公共预算拨款", False)])
    draw_words(pdf, 670, [("1935.36", True), ("万元", True), ("，", True)])  # a line all in boxes
    pdf.showPage()
    pdf.save()
    document = extract_document(path)
    assert document.cells == ()
    texts = [line.text for line in document.lines]
    assert texts[0].replace(" ", "") == "2026年本单位收入预算1935.36万元，其中，一般公共预算拨款"
    assert texts[1].replace(" ", "") == "1935.36万元，"


def test_a_table_row_carried_alone_onto_a_page_stays_a_table(tmp_path):
    path = tmp_path / "one_row.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, SIZE)
    for x0, x1, text in [(72, 272, "其他一般公共服务支出"), (272, 372, "5.00"), (372, 472, "5.00")]:
        pdf.rect(x0, 696, x1 - x0, 20)
        pdf.drawString(x0 + 4, 701, text)
    pdf.showPage()
    pdf.save()
    document = extract_document(path)
    assert sorted(cell.text for cell in document.cells) == ["5.00", "5.00", "其他一般公共服务支出"]
