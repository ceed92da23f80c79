"""The narrative's stated figures, extracted from the reference PDF, against the truth file."""
from collections import Counter
from decimal import Decimal


def test_every_truth_figure_is_found(reference_document, truth):
    found = Counter((f.value, f.unit) for f in reference_document.figures)
    wanted = Counter((Decimal(f["value"]), f["unit"]) for f in truth["narrative_figures"])
    assert wanted - found == Counter()


def test_figures_are_named_by_their_clause(reference_document):
    named = {(f.statement, f.value, f.unit) for f in reference_document.figures}
    assert ("“三公”经费支出预算", Decimal("392.85"), "万元") in named
    assert ("基本支出", Decimal("2829.06"), "万元") in named
    assert ("占", Decimal("84.29"), "%") in named
    assert ("因公出国（境）费", Decimal("0"), "万元") in named
    assert ("涉及项目", Decimal("28"), "个") in named


def test_figures_keep_section_and_page(reference_document):
    figure = next(f for f in reference_document.figures if f.statement == "公务接待费")
    assert figure.value == Decimal("281.85")
    assert "三公" in figure.section
    assert 1 <= figure.page <= 15


def test_no_figure_comes_from_table_pages(reference_document):
    assert all(f.page <= 15 for f in reference_document.figures)


def test_every_figure_is_printed_on_its_own_page(reference_document, reference_extracted):
    printed: dict[int, str] = {}
    for line in reference_extracted.lines:
        printed[line.page] = printed.get(line.page, "") + line.text.replace(" ", "").replace(",", "")
    assert all(str(f.value) in printed[f.page] for f in reference_document.figures)
