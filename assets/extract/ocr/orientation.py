"""Which way up a scanned page is: a quarter turn from the shapes of its lines of print (on a small
copy, before any recognition), a half turn from how well its words read."""
from __future__ import annotations

import cv2
import numpy as np

from assets.extract.ocr.words import Word, ocr_engine

ORIENT_SIDES = (480, 960)  # pixels: lines are found for the quarter-turn check at the first size showing
ORIENT_MIN_LINES = 8  # ... this many of them (a page of small print shows none at 480)
HALF_TURN_BELOW = 0.9  # a page whose words read with a lower median score is read upside down too


def line_quads(image: np.ndarray) -> list[np.ndarray]:
    """Given a page image, return the corners (top left, top right, bottom right, bottom left, in
    its pixels) of the lines of print RapidOCR detects on a copy ORIENT_SIDES pixels long: the
    first size that shows ORIENT_MIN_LINES of them, or the last."""
    for side in ORIENT_SIDES:
        scale = side / max(image.shape[:2])
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        boxes = ocr_engine()(small, use_det=True, use_cls=False, use_rec=False).boxes
        quads = [] if boxes is None else [np.float32(box) / scale for box in boxes]
        if len(quads) >= ORIENT_MIN_LINES:
            break
    return quads


def along(quad: np.ndarray) -> tuple[float, float]:
    """Given a line's corners, return its length along its top edge and across it."""
    return float(np.linalg.norm(quad[1] - quad[0])), float(np.linalg.norm(quad[3] - quad[0]))


def sideways_turned(image: np.ndarray) -> np.ndarray:
    """Given a page image, return it turned a quarter clockwise when its lines of print run down
    the page (a landscape table scanned in portrait, either way round: a page then upside down is
    turned the rest of the way once read, see `page.upright_reading`)."""
    quads = line_quads(image)
    wide = sum(along(q)[0] > 1.5 * along(q)[1] for q in quads)
    tall = sum(along(q)[1] > 1.5 * along(q)[0] for q in quads)
    return np.ascontiguousarray(np.rot90(image, -1)) if tall > 2 * wide else image


def median_score(words: list[Word]) -> float:
    """Given the words read on a page, return their median recognition score (1 for none)."""
    return float(np.median([w.score for w in words])) if words else 1.0


def half_turned(image: np.ndarray) -> np.ndarray:
    """Given a page image, return it turned upside down."""
    return np.ascontiguousarray(np.rot90(image, 2))
