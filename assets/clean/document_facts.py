"""What a document says about itself: its department and fiscal year, read from table titles, the
cover, or the cells of a form ("部门名称 | 北京市审计局", "（2026年度）") where nothing else names them.
"""
from __future__ import annotations

import re

from assets.clean.grid import PageGrid
from assets.clean.text import join_wrapped_lines, label_key
from assets.extract.model import TextLine

YEAR = re.compile(r"(20\d{2})年")
COVER_TITLE = re.compile(r"(?:部门|单位)(?:预算|决算)")  # 年度部门决算, 部门预算公开
COVER_DEPARTMENT = re.compile(r"^([^\d\s第][^\d]{3,40}?)\s*20\d{2}\s*年")
COVER_NAME = re.compile(r"^[^\d\s第（(一二三四五六七八九十][^\d]{3,40}$")
COVER_NOTE = re.compile(r"[（(](?:汇总|本级|合并|部门|单位)[)）]$")  # 西安市审计局（汇总）
COVER_YEAR_TITLE = re.compile(r"^20\d{2}年度?(?:部门|单位)(?:预算|决算)")
BARE_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
DEPARTMENT_LABELS = {"部门名称", "单位名称", "部门(单位)名称", "预算单位名称", "编制单位", "编制部门"}
FORM_YEAR = re.compile(r"^\(?(20\d{2})年度?\)?$")
PARTY_PREFIX = re.compile(r"^(中共|中国共产党)")  # 中共江苏省委办公厅 = 江苏省委办公厅


def department_key(name: str | None) -> str | None:
    """Given a department's name as printed, return the form two PDFs of one disclosure share:
    folded (white space, full-width forms) and without the party prefix. A note such as （本级）
    stays: a department's own and its consolidated accounts are two disclosures."""
    return PARTY_PREFIX.sub("", label_key(name)) or None if name else None


def document_year(titles: list[str]) -> int | None:
    """Return the fiscal year printed in the first table title that names one."""
    for title in titles:
        match = YEAR.search(label_key(title))
        if match:
            return int(match.group(1))
    return None


def cover_department(lines: list[TextLine]) -> str | None:
    """The department named on the cover: "江苏省政协办公厅 2018 年度" above "部门预算公开", or
    "北京市政务服务和数据管理局" on its own line above "2026年度部门预算信息公开"."""
    first_page = [line for line in lines if line.page == (lines[0].page if lines else 0)][:6]
    for line, below in zip(first_page, [*first_page[1:], None], strict=True):
        match = COVER_DEPARTMENT.match(line.text.strip())
        if match:
            return match.group(1)
        if below and COVER_NAME.match(line.text.strip()) and COVER_YEAR_TITLE.match(label_key(below.text)):
            # the name on a line of its own above "2026年度部门预算…", without "（汇总）"
            return COVER_NOTE.sub("", line.text.strip())
    return None


def cover_year(lines: list[TextLine]) -> int | None:
    """Return the year next to the first "年度部门决算"-style title line. Some producers print
    the digits as a line of their own, just above or below the title ("年度部门决算" / "2024")."""
    for i, line in enumerate(lines):
        if COVER_TITLE.search(label_key(line.text)):
            near = [ln.text for ln in lines[max(i - 1, 0):i + 2] if ln.page == line.page]
            years = [m.group(1) for text in near for m in BARE_YEAR.finditer(text)]
            if years:
                return int(years[0])
    return None


def form_department(grids: list[PageGrid]) -> str | None:
    """The name a form prints beside its 部门名称 / 单位名称 label (a performance form's top row)."""
    for grid in grids:
        for row in grid.texts:
            texts = list(dict.fromkeys(join_wrapped_lines(t) for t in row if t.strip()))
            if len(texts) == 2 and label_key(texts[0]).rstrip(":") in DEPARTMENT_LABELS:
                return texts[1]
    return None


def form_year(grids: list[PageGrid]) -> int | None:
    """The year a form prints on a line of its own ("（2026年度）")."""
    for grid in grids:
        for row in grid.texts:
            for text in row:
                match = FORM_YEAR.match(label_key(text))
                if match:
                    return int(match.group(1))
    return None
