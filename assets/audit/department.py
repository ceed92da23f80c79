"""The department a 说明 names its own 预算/决算 by ("上海市普陀区民政局2025年部门预算") against the
document's department (cover, 编制单位): a text copied from another department's disclosure."""
from __future__ import annotations

import re
from os.path import commonprefix

from assets.audit.rules import Finding, finding
from assets.audit.sentences import Sentence
from assets.clean.document_facts import PARTY_PREFIX
from assets.clean.text import label_key

NAME = r"([^\s，。；、：:（）()“”‘’《》\d]{4,30}?)"
OWN_DISCLOSURE = (
    re.compile(rf"{NAME}\s*20\d{{2}}\s*年度?\s*(?:部门|单位)(?:预算|决算)"),
    re.compile(rf"20\d{{2}}\s*年度?\s*{NAME}\s*(?:部门|单位)(?:预算|决算)"),
    # no year, opening the sentence or heading: "上海市普陀区民政局部门预算是包括…", "第二部分 …部门预算表"
    re.compile(rf"^\s*(?:第[一二三四五六七八九十]+部分\s*)?{NAME}\s*(?:部门|单位)(?:预算|决算)"),
)
LEAD_WORDS = re.compile(r"^(关于|附件|第[一二三四五六七八九十]+部分)")
NOT_A_NAME = re.compile(r"^(本|我|各|全|该|所属|下属|市级|区级|县级|省级|中央)|(公开|说明|编制|情况|年度|部分)")
SHARED_CHARS = 0.8  # an abbreviation keeps most characters of the full name (人大常委会 / 人民代表大会常务委员会)


def same_department(stated: str, department: str) -> bool:
    """True when a stated name is the department's, written in full, shortened or abbreviated."""
    a, b = (PARTY_PREFIX.sub("", label_key(name)) for name in (stated, department))
    if a in b or b in a:
        return True
    common = len(commonprefix([a, b]))
    shorter, longer = sorted((a[common:], b[common:]), key=len)
    return sum(ch in longer for ch in shorter) >= SHARED_CHARS * len(shorter)


def department_findings(sentences: list[Sentence], department: str | None) -> list[Finding]:
    """One finding per heading or sentence naming its 预算/决算 by another department."""
    if not department:
        return []
    findings = []
    for sentence in sentences:
        for pattern in OWN_DISCLOSURE:
            match = pattern.search(sentence.text)
            name = LEAD_WORDS.sub("", match.group(1)) if match else ""
            if match and not NOT_A_NAME.search(name) and not same_department(name, department):
                findings.append(finding("narrative.scope.heading_department", sentence,
                                        match.start(1), match.end(1), name, department))
                break
    return findings
