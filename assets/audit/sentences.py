"""Narrative lines -> sentences, each with its section heading and the page of every position.

Headings are sentences of their own; a sentence ends at 。；！？ or at the next heading, and runs
on over line and page breaks the way wrapped Chinese text does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.clean.narrative import PAGE_NUMBER, PART, is_heading
from assets.clean.text import join_wrapped_lines
from assets.extract.model import TextLine

SENTENCE_STOP = re.compile(r"[。；！？;]+")
INNER_PUNCTUATION = re.compile(r"[，。：:；]")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading) as printed; `starts` holds (offset, page) where each page's part begins."""

    text: str
    section: str
    heading: bool
    starts: tuple[tuple[int, int], ...]

    @property
    def page(self) -> int:
        return self.starts[0][1]

    def page_at(self, offset: int) -> int:
        return [page for start, page in self.starts if start <= offset][-1]


def is_audit_heading(text: str) -> bool:
    """A part title or a heading line; a numbered line holding a comma, stop or colon is the
    first line of a wrapped list item or definition ("三、财政专户管理资金：包括…")."""
    return bool(PART.match(text)) or (is_heading(text) and not INNER_PUNCTUATION.search(text))


def block_to_sentences(text: str, starts: list[tuple[int, int]], section: str) -> list[Sentence]:
    """Split one run of text between headings at its sentence stops, keeping the pages."""
    sentences, begin = [], 0
    ends = [m.end() for m in SENTENCE_STOP.finditer(text)] + [len(text)]
    for end in ends:
        if text[begin:end].strip():
            first = [page for start, page in starts if start <= begin][-1]
            own = [(0, first)] + [(start - begin, page) for start, page in starts if begin < start < end]
            sentences.append(Sentence(text[begin:end], section, False, tuple(dedupe_pages(own))))
        begin = end
    return sentences


def dedupe_pages(starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, page in starts:
        if not kept or page != kept[-1][1]:
            kept.append((start if kept else 0, page))
    return kept


def lines_to_sentences(lines: list[TextLine]) -> list[Sentence]:
    """Given the narrative lines in reading order, return its headings and sentences."""
    sentences: list[Sentence] = []
    section, text, starts = "", "", []
    for line in lines:
        printed = line.text.strip()
        if not printed or PAGE_NUMBER.match(printed):
            continue
        if is_audit_heading(printed):
            if text:
                sentences.extend(block_to_sentences(text, starts, section))
            section, text, starts = printed, "", []
            sentences.append(Sentence(printed, section, True, ((0, line.page),)))
            continue
        joined = join_wrapped_lines(text + "\n" + printed) if text else join_wrapped_lines(printed)
        if not starts or starts[-1][1] != line.page:
            starts.append((max(len(joined) - len(join_wrapped_lines(printed)), 0), line.page))
        text = joined
    if text:
        sentences.extend(block_to_sentences(text, starts, section))
    return sentences
