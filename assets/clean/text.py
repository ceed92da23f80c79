"""Text repairs: Kangxi radicals, wrapped lines inside a cell, and label normalisation for matching.

Stored text keeps the document's own punctuation (full-width brackets stay); only the keys used
to compare labels are folded (NFKC, no white space, no quotes).
"""
from __future__ import annotations

import re
import unicodedata

CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x3000, 0x303F))
QUOTES = "“”\"'‘’「」"
WHITESPACE = re.compile(r"\s+")
RADICALS = re.compile("[\u2e80-\u2fdf]")
LETTER_SPACED = re.compile(r"(?:[\u3400-\u9fff\uff00-\uffef] ){3,}[\u3400-\u9fff\uff00-\uffef]")


def map_radicals(text: str) -> str:
    """Given text, return it with Kangxi / CJK radical code points replaced by unified ideographs."""
    if not RADICALS.search(text):
        return text
    return "".join(
        unicodedata.normalize("NFKC", ch) if 0x2E80 <= ord(ch) <= 0x2FDF else ch for ch in text
    )


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and full-width punctuation, where wrapped lines join without a space."""
    code = ord(ch)
    return any(low <= code <= high for low, high in CJK_RANGES)


def join_wrapped_lines(text: str | None) -> str:
    """Given a cell's text with line breaks from wrapping, return one line.

    CJK next to a break joins directly ("养老保\\n险" -> "养老保险"); Latin or digits on both
    sides keep one space ("Project\\nA" -> "Project A").
    """
    if not text:
        return ""
    parts = [part.strip() for part in map_radicals(text).split("\n") if part.strip()]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        glue = "" if is_cjk(joined[-1]) or is_cjk(part[0]) else " "
        joined += glue + part
    return join_letter_spaced(joined)


def join_letter_spaced(text: str) -> str:
    """Remove the spaces of letter-spaced CJK ("公 务 用 车 运 行" -> "公务用车运行"): a run of at
    least three CJK characters each followed by one space. A lone space ("经费 2023") stays."""
    return LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def label_key(text: str | None) -> str:
    """Given a header label or title, return the folded key used to compare it with specs."""
    folded = unicodedata.normalize("NFKC", text or "")
    folded = WHITESPACE.sub("", folded)
    return "".join(ch for ch in folded if ch not in QUOTES)
