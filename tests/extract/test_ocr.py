"""Pages without a text layer read by OCR: image-only copies of the reference made under eleven scan
conditions, compared cell by cell with the reference's own text layer; every amount exact, and
any cell read differently is flagged as uncertain."""
from __future__ import annotations

import pypdfium2
import pytest

from assets.clean.numbers import is_number
from assets.clean.ocr_readings import UNCERTAIN_BELOW, doubt, ocr_readings
from assets.extract.ocr.image import pixels_per_point, render_page, skew_degrees
from assets.extract.ocr.words import printed
from assets.extract.pdf_document import extract_document
from tests.conftest import REFERENCE_PDF, SHARED
from tests.scan_factory import CONDITIONS, ScanCondition, corner_pairs, folded, page_cells, scan_copy

# 01 收支总表 (two column blocks), 02 收入表 (a header merged over two rows and 11 columns), 05 一般公共预算支出表
PAGES = [16, 17, 21]


@pytest.fixture(scope="module")
def text_layer():
    return extract_document(REFERENCE_PDF)


@pytest.mark.parametrize("condition", CONDITIONS, ids=[c.name for c in CONDITIONS])
def test_scanned_reference_reads_like_its_text_layer(tmp_path, text_layer, condition):
    pages = PAGES if condition.name == "clean_200dpi" else PAGES[1:2]
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", pages, condition))
    assert scan.ocr_pages == tuple(range(1, len(pages) + 1))
    cells = equal = amounts = 0
    for scanned_page, page in enumerate(pages, start=1):
        truth, read = page_cells(text_layer, page), page_cells(scan, scanned_page)
        for key, cell in truth.items():
            got = read.get(key)
            same = got is not None and folded(got.text) == folded(cell.text)
            cells, equal = cells + 1, equal + same
            if is_number(cell.text):
                amounts += 1
                assert same, f"{condition.name} p.{page} {key}: {cell.text!r} read as {got and got.text!r}"
            elif not same and got is not None:  # a label read differently is never passed off as sure
                assert got.ocr_confidence < UNCERTAIN_BELOW or not got.text, (condition.name, page, key, got.text)
    assert amounts > 40 * len(pages) and equal / cells >= 0.98, (condition.name, equal, cells)


def test_every_cell_keeps_its_ocr_provenance(tmp_path):
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [21]))
    assert {c.source for c in scan.cells} == {"ocr"} and {ln.source for ln in scan.lines} == {"ocr"}
    assert all(0 < c.ocr_confidence <= 1 for c in scan.cells if c.text)
    readings = ocr_readings(scan)
    # 05's amounts and codes are all readings, each with its page position
    assert len(readings) > 60 and all(r.page == 1 and r.top > 0 for r in readings)


def test_text_pages_beside_a_scanned_one_keep_their_text_layer(tmp_path):
    scanned = scan_copy(REFERENCE_PDF, tmp_path / "p31.pdf", [31])
    mixed = pypdfium2.PdfDocument.new()
    mixed.import_pages(pypdfium2.PdfDocument(str(REFERENCE_PDF)), [29])  # p. 30, text layer
    mixed.import_pages(pypdfium2.PdfDocument(str(scanned)), [0])  # p. 31, scanned
    mixed.save(tmp_path / "mixed.pdf")
    document = extract_document(tmp_path / "mixed.pdf")
    assert document.ocr_pages == (2,)
    assert {c.source for c in document.cells if c.page == 1} == {"text"}
    assert {c.source for c in document.cells if c.page == 2} == {"ocr"}


@pytest.mark.parametrize("angle", [-4.5, -1.3, 0.0, 0.7, 3.0, 5.0])
def test_a_slanted_scan_is_measured_to_a_tenth_of_a_degree(tmp_path, angle):
    scan = scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [17], ScanCondition("slanted", rotate_degrees=angle))
    assert skew_degrees(render_page(scan, 1)[0]) == pytest.approx(angle, abs=0.05)


@pytest.mark.parametrize("condition", [ScanCondition("upside_down", turn=180), ScanCondition("sideways", turn=90),
                                       ScanCondition("sideways_slanted", turn=270, rotate_degrees=-2.0)],
                         ids=lambda c: c.name)
def test_a_turned_scan_is_read_upright(tmp_path, text_layer, condition):
    """The reference's 02 table fed in upside down, or its landscape page scanned in portrait: read
    turned upright, every cell as the text layer reads it, each where it is printed on the upright page."""
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [17], condition))
    truth, read = page_cells(text_layer, 17), page_cells(scan, 1)
    differ = {key for key, cell in truth.items() if key not in read or folded(read[key].text) != folded(cell.text)}
    assert len(truth) > 150 and differ == set()
    assert all(read[key].x0 == pytest.approx(cell.x0, abs=6) and read[key].top == pytest.approx(cell.top, abs=6)
               for key, cell in truth.items())


@pytest.mark.parametrize(("recognised", "shown"), [
    ("2026年度收入预算101，673.03万元,比(2025)年", "2026年度收入预算101,673.03万元，比（2025）年"),
    ("单位 (科目名称)", "单位（科目名称）"),
    ("1,168.30", "1,168.30"),  # no CJK: an amount is left as read
    ("会议时间12:30:是否", "会议时间12:30：是否"),
])
def test_ocr_text_is_given_the_punctuation_of_print(recognised, shown):
    assert printed(recognised) == shown


@pytest.mark.parametrize(("text", "confidence", "in_cell", "uncertain"), [
    ("1,168.30", 0.999, True, False),
    ("1,168.30", 0.80, True, True),  # low confidence
    ("1.168.30", 0.999, True, True),  # digits that are no amount
    ("2080501", 0.99, True, False),  # a function code
    ("（一）本年财政拨款收入101,673.03万元", 0.97, False, False),
    ("（一）本年财政拨款收入101,673.03万元", 0.90, False, True),
    ("- 6-", 0.88, False, False),  # the page number, on a line of its own (Beijing p. 6)
    ("5.事业收入0万元。", 0.94, False, True),  # the amount on Beijing p. 5
    ("“三公”经费财政拨款预算总额244.848000", 0.99, True, True),  # a rule not seen: amount in the label
    ("接待业务工作经费 2023", 0.99, True, False),  # a year in a name
])
def test_a_reading_is_uncertain_when_its_score_is_low_or_it_is_no_amount(text, confidence, in_cell, uncertain):
    assert bool(doubt(text, confidence, in_cell)) is uncertain


def placed_scan_page(tmp_path, picture, headings: list[tuple[float, float, float, str]], box,
                     size: tuple[float, float] = (841.889764, 595.303937)) -> object:
    """A one-page PDF (the reference's page size by default) with a text layer (`headings`: x,
    top, size, text) and `picture` placed over `box` (points), as a Word file with a pasted scan prints."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.rendering.render_budget import FONT

    width, height = size
    path = tmp_path / "placed.pdf"
    page = canvas.Canvas(str(path), pagesize=(width, height))
    x0, top, x1, bottom = box
    page.drawImage(ImageReader(picture), x0, height - bottom, x1 - x0, bottom - top)
    for x, top, size, text in headings:  # over the picture where they fall on it
        page.setFont(FONT, size)
        page.drawString(x, height - top - size * 0.88, text)
    page.save()
    return path


REFERENCE_05_HEADINGS = [(53, 47, 11, "预算 05 表"), (304, 71, 16, "2023 年一般公共预算支出预算表"),
                         (53, 101, 10, "部门名称：政府办 单位：万元")]


def test_a_scanned_table_placed_on_a_text_page_is_read_by_ocr(tmp_path, text_layer, reference_document):
    from assets.clean.tables import document_to_tables

    box = (50.0, 114.0, 792.0, 520.0)  # around 05's grid on the reference's p. 21
    reference = pypdfium2.PdfDocument(str(REFERENCE_PDF))
    scan = reference[20].render(scale=200 / 72, crop=(box[0], 595.303937 - box[3], 841.889764 - box[2], box[1]))
    path = placed_scan_page(tmp_path, scan.to_pil().convert("RGB"), REFERENCE_05_HEADINGS, box)
    document = extract_document(path)
    assert document.ocr_pages == (1,)
    assert {c.source for c in document.cells} == {"ocr"} and {ln.source for ln in document.lines} == {"text"}
    truth, read = page_cells(text_layer, 21), page_cells(document, 1)
    amounts = [(key, cell.text) for key, cell in truth.items() if is_number(cell.text)]
    assert len(amounts) > 60 and all(folded(read[key].text) == folded(text) for key, text in amounts)
    table = document_to_tables(document).tables[0]
    expected = next(t for t in reference_document.tables if t.printed_code == "05")
    assert (table.printed_code, table.table_id) == ("05", expected.table_id)
    assert [row.values for row in table.rows] == [row.values for row in expected.rows]


def test_a_scanned_page_with_its_page_number_printed_over_it_is_read_by_ocr(tmp_path, text_layer):
    """A portal's PDF of scans stamps each page's number as text over the picture: the page is still
    read from its picture, the number kept once."""
    reference = pypdfium2.PdfDocument(str(REFERENCE_PDF))
    scan = reference[20].render(scale=200 / 72).to_pil().convert("RGB")
    path = placed_scan_page(tmp_path, scan, [(410, 560, 10, "- 21 -")], (0.0, 0.0, 841.889764, 595.303937))
    document = extract_document(path)
    assert document.ocr_pages == (1,)
    assert [ln.text for ln in document.lines].count("- 21 -") == 1
    assert not any("21" in ln.text for ln in document.lines if ln.source == "ocr" and ln.top > 550)
    truth, read = page_cells(text_layer, 21), page_cells(document, 1)
    amounts = [(key, cell.text) for key, cell in truth.items() if is_number(cell.text)]
    assert len(amounts) > 60 and all(folded(read[key].text) == folded(text) for key, text in amounts)


def test_a_chart_placed_on_a_text_page_is_not_read(tmp_path):
    from PIL import Image, ImageDraw

    chart = Image.new("RGB", (900, 600), "white")
    draw = ImageDraw.Draw(chart)
    draw.pieslice((150, 100, 550, 500), 0, 120, fill=(68, 114, 196))
    draw.pieslice((150, 100, 550, 500), 120, 360, fill=(237, 125, 49))
    draw.line((50, 550, 850, 550), fill="black", width=3)  # an axis: one rule, no grid
    draw.line((50, 50, 50, 550), fill="black", width=3)
    path = placed_scan_page(tmp_path, chart, REFERENCE_05_HEADINGS, (100.0, 150.0, 550.0, 450.0))
    document = extract_document(path)
    assert document.ocr_pages == () and document.cells == ()
    assert [ln.text for ln in document.lines] == [text for _, _, _, text in REFERENCE_05_HEADINGS]


@pytest.mark.parametrize(("size", "dpi"), [
    ((595.28, 841.89), 200.0),  # A4 and A3: at 200 dpi
    ((841.89, 1190.55), 200.0),
    ((2383.94, 3370.39), 70.7),  # A0, eight times A3: 200 / √8 dpi
    ((595.0, 2773.0), 155.9),  # a sheet drawn 2,773 points tall: 200 × √(A3 / its area)
])
def test_a_page_is_rendered_within_the_pixels_of_a3_at_200_dpi(size, dpi):
    scale = pixels_per_point(*size)
    assert scale * 72 == pytest.approx(dpi, abs=0.1)
    assert size[0] * size[1] * scale ** 2 < 7.75e6


def test_a_huge_scanned_page_is_read_in_page_points(tmp_path, text_layer):
    """The reference's p. 17 scaled up 2.8 times on an image-only page of 2,400 x 3,400 points:
    rendered within the cap (70 dpi, not 200), every amount read, each cell where it is printed."""
    factor, left, top = 2.8, 100.0, 900.0
    picture = pypdfium2.PdfDocument(str(REFERENCE_PDF))[16].render(scale=250 / 72).to_pil().convert("RGB")
    box = (left, top, left + 841.889764 * factor, top + 595.303937 * factor)
    path = placed_scan_page(tmp_path, picture, [], box, size=(2400.0, 3400.0))
    image, points_per_pixel = render_page(path, 1)
    assert image.shape[0] * image.shape[1] < 7.75e6 and points_per_pixel == pytest.approx(72 / 70.1, abs=0.01)
    document = extract_document(path)
    truth, read = page_cells(text_layer, 17), page_cells(document, 1)
    amounts = [key for key, cell in truth.items() if is_number(cell.text)]
    assert len(amounts) > 40 and all(folded(read[key].text) == folded(truth[key].text) for key in amounts)
    for key, cell in truth.items():  # the grid's rules where the text layer's are, scaled: within 3 points
        got = read[key]
        assert got.x0 == pytest.approx(left + cell.x0 * factor, abs=3), key
        assert got.top == pytest.approx(top + cell.top * factor, abs=3), key
        assert got.bottom == pytest.approx(top + cell.bottom * factor, abs=3), key


PROVINCES = SHARED / "corpus" / "real" / "provinces"
BEIJING_TABLES = PROVINCES / "beijing" / "2026_bj-audit-bureau_dept-budget-tables.pdf"
# real ruled tables of five provinces and a central body, each page scanned at 200 dpi (the 三公 and
# 收支总表 pages hand-checked in tests/test_real_provinces.py); 北京市审计局 p. 9 rules its 三公 table
# in light grey beside a tinted header (the page was measured 0.7° slanted and the turn hid the
# rule under the header: two amounts read into their header cells)
REAL_SCANS = [("chongqing/2026_cq-gov-general-office_dept-budget.pdf", 20),
              ("central/2026_national-public-complaints-bureau_dept-budget.pdf", 16),
              ("zhejiang/2026_hangzhou-police_dept-budget.pdf", 29),
              ("guangdong/2026_guangzhou-statistics-bureau_dept-budget.pdf", 10),
              ("beijing/2026_bj-audit-bureau_dept-budget-tables.pdf", 9)]
real_corpus = pytest.mark.skipif(not PROVINCES.exists(), reason="real corpus absent: ../shared/corpus/real/provinces")


@real_corpus
@pytest.mark.parametrize(("name", "page"), REAL_SCANS)
def test_a_scanned_page_of_a_real_pdf_reads_like_its_text_layer(tmp_path, name, page):
    source = PROVINCES / name
    text_layer, scan = extract_document(source), extract_document(scan_copy(source, tmp_path / "scan.pdf", [page]))
    pairs = corner_pairs(text_layer, page, scan, 1)
    assert sum(1 for truth, _ in pairs if truth and is_number(truth.text)) >= 5
    assert [(t and t.text, r and r.text) for t, r in pairs if not (t and r and folded(t.text) == folded(r.text))] == []


@real_corpus
def test_a_page_ruled_in_light_grey_is_read_faded_under_noise(tmp_path):
    """北京市审计局 p. 9 printed at half its contrast under noise: its grey rules are then 30 grey
    levels under the paper and broken by the noise, yet found (the faint-rule pass); every amount exact."""
    faded = next(c for c in CONDITIONS if c.name == "faded_noise")
    text_layer = extract_document(BEIJING_TABLES)
    scan = extract_document(scan_copy(BEIJING_TABLES, tmp_path / "scan.pdf", [9], faded))
    amounts = [(t.text, r and r.text) for t, r in corner_pairs(text_layer, 9, scan, 1) if t and is_number(t.text)]
    assert len(amounts) == 6 and all(read and folded(read) == folded(text) for text, read in amounts)


@real_corpus
@pytest.mark.parametrize("angle", [0.0, 2.0])
def test_a_page_ruled_in_light_grey_is_measured_for_skew_by_its_rules(tmp_path, angle):
    """Its few lines of text sit at different heights in their cells: by the text alone, the upright
    page looked sharpest turned 0.7°; its faint rules, counted as ink, settle it."""
    scan = scan_copy(BEIJING_TABLES, tmp_path / "scan.pdf", [9], ScanCondition("slanted", rotate_degrees=angle))
    assert skew_degrees(render_page(scan, 1)[0]) == pytest.approx(angle, abs=0.05)


def test_a_scanned_table_printed_without_rules_is_read_from_its_white_space(tmp_path, reference_document):
    """The reference's 01, 05, 09 and 13 scanned with their ruling lines painted out: the OCR boxes are
    read as a text page's words would be (extract/unruled.py), row for row as the text layer reads
    them, and every amount is flagged: its column comes from white space, not from a rule. 01 prints
    each amount flush against the next column's name: the box OCR reads across both is cut at the
    white after the amount, and the amount ends its column."""
    from assets.clean.tables import document_to_tables

    condition = ScanCondition("unruled", erase_rules=True)
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [16, 21, 31, 36], condition))
    assert scan.cells and not any(cell.ruled for cell in scan.cells)
    read = {t.printed_code: t for t in document_to_tables(scan).tables}
    for code in ("01", "05", "09", "13"):
        expected = next(t for t in reference_document.tables if t.printed_code == code)
        assert read[code].table_id == expected.table_id
        assert [{k: folded(str(v)) for k, v in row.values.items()} for row in read[code].rows] == \
            [{k: folded(str(v)) for k, v in row.values.items()} for row in expected.rows], code
    amounts = [r for r in ocr_readings(scan) if r.table_index is not None and is_number(r.text)]
    assert len(amounts) > 60 and all("without rules" in r.uncertain for r in amounts)
