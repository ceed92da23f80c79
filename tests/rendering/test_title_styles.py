"""The reference's tables rendered under the titles other provinces print (numbered 表1, 附表1,
公开01表, 一、 or not at all; the publishing body before the year; the year on a line of its own;
the standard's own table names), read by the national catalogue alone: every table of a national
kind is recognised with the kind the reference's own template gives it, with all its rows."""
from __future__ import annotations

import copy

import pytest

from assets.clean.tables import document_to_tables
from assets.extract.pdf_document import extract_document
from tests.rendering.layouts import RENDERED_TABLES
from tests.rendering.render_budget import Layout, render_budget

# the standard's name of each table (DESIGN §8); 08 (支出经济分类部门表) is a Henan table of no national kind
NATIONAL_NAMES = {"01": "部门收支总表", "02": "部门收入总表", "03": "部门支出总表", "04": "财政拨款收支总表",
                  "05": "一般公共预算支出表", "06": "一般公共预算基本支出表", "09": "一般公共预算“三公”经费支出表",
                  "10": "政府性基金预算支出表", "11": "国有资本经营预算支出表", "12": "项目支出表",
                  "13": "机关运行经费预算表"}
NUMERALS = "一二三四五六七八九十"
STYLES = {  # (code line, title) for the k-th table and its national name
    "table_n_body_prefix": lambda k, name: (f"表{k}", f"焦作市人民政府办公室2023年{name}"),
    "appendix_year_du": lambda k, name: (f"附表{k}", f"2023年度{name}"),
    "gongkai_city_level": lambda k, name: (f"公开{k:02d}表", f"2023年市级{name}"),
    "list_numeral": lambda k, name: ("2023年", f"{NUMERALS[k - 1] if k <= 10 else '十' + NUMERALS[k - 11]}、{name}"),
    "year_on_its_own_line": lambda k, name: ("2023年", f"单位{name}"),
}


@pytest.fixture(scope="module")
def own_kinds(truth_tables, tmp_path_factory):
    path = render_budget(tmp_path_factory.mktemp("own") / "own.pdf", [truth_tables[c] for c in RENDERED_TABLES])
    return {t.printed_code: t.table_id for t in document_to_tables(extract_document(path)).tables}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_other_provinces_titles_read_by_the_catalogue(style, truth_tables, own_kinds, tmp_path):
    tables = []
    for k, code in enumerate(RENDERED_TABLES, 1):
        table = copy.deepcopy(truth_tables[code])
        if code in NATIONAL_NAMES:
            table["code_line"], table["title"] = STYLES[style](k, NATIONAL_NAMES[code])
        tables.append(table)
    document = document_to_tables(extract_document(render_budget(tmp_path / "styled.pdf", tables, Layout(flow=True))))
    assert document.template == "national_budget" and document.fiscal_year == 2023
    assert len(document.tables) == len(RENDERED_TABLES)
    for code, table in zip(RENDERED_TABLES, document.tables, strict=True):
        if code in NATIONAL_NAMES:
            assert (code, table.table_id) == (code, own_kinds[code])
            assert len(table.rows) == len(truth_tables[code]["rows"]), code


# header labels as other provinces word them, under the standard's titles
HEADER_WORDINGS = {
    "name_as_xiangmu": {"单位（科目名称）": "项目"},
    "total_as_zongji": {"合计": "总计"},
    "total_as_jine_heji": {"单位（科目名称）": "项目", "合计": "金额合计"},
}


def titled_tables(truth_tables, wording: dict[str, str]) -> list[dict]:
    tables = []
    for k, code in enumerate(RENDERED_TABLES, 1):
        table = copy.deepcopy(truth_tables[code])
        if code in NATIONAL_NAMES:
            table["code_line"], table["title"] = STYLES["appendix_year_du"](k, NATIONAL_NAMES[code])
        for cell in table["header"]:
            cell["text"] = wording.get(cell["text"], cell["text"])
        tables.append(table)
    return tables


@pytest.mark.parametrize("wording", sorted(HEADER_WORDINGS))
def test_other_provinces_header_wording_reads_the_same(wording, truth_tables, tmp_path):
    def read(name, words):
        path = render_budget(tmp_path / f"{name}.pdf", titled_tables(truth_tables, words), Layout(flow=True))
        return dict(zip(RENDERED_TABLES, document_to_tables(extract_document(path)).tables, strict=True))

    plain, worded = read("plain", {}), read(wording, HEADER_WORDINGS[wording])
    for code in NATIONAL_NAMES:
        assert worded[code].table_id == plain[code].table_id, code
        assert [row.values for row in worded[code].rows] == [row.values for row in plain[code].rows], code
