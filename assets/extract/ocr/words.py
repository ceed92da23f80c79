"""The words RapidOCR reads on a page image (its models ship in the wheel), in page pixels with their
scores and per-character x ranges, given the punctuation Chinese print uses."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

DETECT_SIDE = 1280
CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE_BY_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")
ASCII_PUNCTUATION = re.compile(r"[()]|(?<!\d)[:;,]|[:;,](?!\d)")
DIGIT_GROUP_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})


@dataclass(frozen=True)
class Word:
    """One box of text RapidOCR read, in page pixels, with the x range of each of its characters
    (empty where the recogniser gave none)."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float
    chars: tuple[tuple[str, float, float], ...] = ()

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


def printed(text: str) -> str:
    """Given OCR text, return it with the full-width punctuation Chinese print uses around words
    (the recogniser answers ASCII '(' for '（'), without the spaces it puts beside CJK; a comma
    grouping digits is ASCII (101,673.03), a colon between digits too (12:30)."""
    if not CJK.search(text):
        return text
    text = ASCII_PUNCTUATION.sub(lambda m: m.group().translate(FULL_WIDTH), text)
    text = DIGIT_GROUP_COMMA.sub(",", text)  # the recogniser also answers 101，673.03
    return SPACE_BY_CJK.sub("", text)


@lru_cache(maxsize=1)
def ocr_engine():
    """The RapidOCR engine (models ship in the wheel; loaded once per process)."""
    from rapidocr import RapidOCR

    # detection on the page scaled to at most DETECT_SIDE pixels (3x faster than at full size,
    # the same boxes); recognition reads the boxes at full resolution
    return RapidOCR(params={"Global.log_level": "critical", "Det.limit_type": "max",
                            "Det.limit_side_len": DETECT_SIDE})


def read_words(image: np.ndarray) -> list[Word]:
    """Given a page image, return the words RapidOCR finds with their recognition scores."""
    result = ocr_engine()(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
    if result.boxes is None:
        return []
    chars = result.word_results if len(result.word_results or ()) == len(result.txts) else [()] * len(result.txts)
    words = []
    for box, text, score, line in zip(result.boxes, result.txts, result.scores, chars, strict=True):
        xs, ys = box[:, 0], box[:, 1]
        spans = tuple((char, min(p[0] for p in corners), max(p[0] for p in corners))
                      for char, _, corners in line if corners is not None)
        words.append(Word(printed(text), float(score), xs.min(), ys.min(), xs.max(), ys.max(), spans))
    return words


def recognise(image: np.ndarray, box: tuple[int, int, int, int]) -> Word | None:
    """Given a page image and a box (x0, top, x1, bottom), return the text read inside it."""
    x0, top, x1, bottom = box
    if x1 - x0 < 4:
        return None
    result = ocr_engine()(image[top:bottom, x0:x1], use_det=False, use_cls=False, use_rec=True)
    text = "".join(result.txts or ())
    return Word(printed(text), float(min(result.scores or (0,))), x0, top, x1, bottom) if text else None


def words_in(words: list[Word], box: tuple[float, float, float, float]) -> list[Word]:
    """Given words and a box (x0, top, x1, bottom), return the words whose centre is inside it."""
    x0, top, x1, bottom = box
    return [w for w in words if x0 <= w.centre[0] < x1 and top <= w.centre[1] < bottom]


def joined(words: list[Word]) -> tuple[str, float | None]:
    """Given one cell's or line's words, return their text in reading order and the lowest score."""
    if not words:
        return "", None
    ordered = sorted(words, key=lambda w: (round(w.top / 20), w.x0))
    return "".join(w.text for w in ordered), min(w.score for w in ordered)
