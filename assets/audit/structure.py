"""Sentences -> findings of the structure rule: each section the disclosure rules require is
found in the 说明 (by its heading or its words), for a document whose 说明 is printed at all."""
from __future__ import annotations

import re

from assets.audit.rules import Finding, load_rules
from assets.audit.sentences import Sentence

MIN_SENTENCES = 40  # fewer: no 说明 in this PDF (a tables-only file of a split disclosure)
REQUIRED_SECTIONS = {
    "主要职能": re.compile(r"主要职能|主要职责|部门职责|职能职责|工作职责|职能简介|基本职能|基本情况"),
    "机构设置": re.compile(r"机构设置|机构编制|机构情况|内设机构|所属单位|下属单位|单位构成|部门构成"),
    "“三公”经费": re.compile(r"三公"),
    "机关运行经费": re.compile(r"机关运行经费|机构运行经费"),
    "政府采购": re.compile(r"政府采购"),
    "国有资产占有使用情况": re.compile(r"国有资产|资产占[有用]"),
    "绩效": re.compile(r"绩效"),
    "名词解释": re.compile(r"名词解释|名词说明|专业名词|术语解释"),
}


def structure_findings(sentences: list[Sentence]) -> list[Finding]:
    """One finding per required section that no heading or sentence of the 说明 mentions."""
    if len(sentences) < MIN_SENTENCES:
        return []
    rule = load_rules()["narrative.structure.required_section"]
    text = "".join(s.text for s in sentences)
    first, last = sentences[0].page, sentences[-1].page
    return [Finding(rule.id, rule.severity, first, "", f"(说明, pages {first}-{last}: no {name})",
                    "missing", f"a section on {name}")
            for name, pattern in REQUIRED_SECTIONS.items() if not pattern.search(text)]
