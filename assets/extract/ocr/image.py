"""A scanned page as an image: rendered within A3's pixels at 200 dpi from the red channel, cut to
the regions a text page leaves to a picture, and deskewed by the sharpness of its rows of ink."""
from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pypdfium2

DPI = 200
MAX_PIXELS = round(841.89 * 1190.55 * (DPI / 72) ** 2)  # an A3 page at DPI: 7.7 million pixels
MAX_SKEW, COARSE_STEP, SKEW_STEP = 5.0, 0.5, 0.1  # degrees: scans fed in at a slant
SKEW_WIDTH = 800  # pixels: the page is measured for skew at this width


def pixels_per_point(width: float, height: float) -> float:
    """Given a page's size in points, return its render scale: DPI, lowered on a page so large
    (A0, a sheet drawn 2,773 points tall) that its image would exceed MAX_PIXELS."""
    return min(DPI / 72, math.sqrt(MAX_PIXELS / (width * height)))


def render_page(path: Path, number: int) -> tuple[np.ndarray, float]:
    """Given a PDF and a 1-based page number, return the page as a grey image in RGB layout,
    taken from the red channel (a red seal stamped over cells fades to paper there while black
    and blue print stays dark), and the points one of its pixels covers."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        scale = pixels_per_point(*page.get_size())
        rgb = page.render(scale=scale, rev_byteorder=True).to_numpy()  # RGB, not BGR
    finally:
        pdf.close()
    return cv2.cvtColor(np.ascontiguousarray(rgb[:, :, 0]), cv2.COLOR_GRAY2RGB), 1 / scale


def only_regions(image: np.ndarray, regions: list[tuple[float, float, float, float]],
                 points_per_pixel: float) -> np.ndarray:
    """Given a page image and boxes in PDF points, return the image with paper outside them."""
    kept = np.full_like(image, 255)
    for x0, top, x1, bottom in regions:
        a, b, c, d = (max(0, round(v / points_per_pixel)) for v in (x0, top, x1, bottom))
        kept[b:d, a:c] = image[b:d, a:c]
    return kept


def skew_degrees(image: np.ndarray) -> float:
    """Given a page image, return the angle its lines of print are turned by (a scan fed in at a
    slant): the turn back that makes the rows of ink sharpest, to SKEW_STEP within MAX_SKEW."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    scale = SKEW_WIDTH / grey.shape[1]
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # ink by local contrast, not one global threshold: light grey rules beside a tinted header
    # (北京市审计局) are the page's straightest marks, and a threshold set by the text drops them
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turn = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, turn, ink.shape[::-1], flags=cv2.INTER_NEAREST)
        return float(np.var(turned.sum(axis=1, dtype=np.float64)))

    # coarse steps over the whole range, then fine steps between the best one's neighbours:
    # 21 + 9 turns cover ±5° where 41 fine ones covered ±2° (a quarter coarse step off, a row
    # of ink drifts under 4 of SKEW_WIDTH's pixels: still sharper than at the next step)
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + COARSE_STEP / 2, COARSE_STEP), key=sharpness)
    fine = coarse + np.arange(-COARSE_STEP + SKEW_STEP, COARSE_STEP - SKEW_STEP / 2, SKEW_STEP)
    scores = [sharpness(angle) for angle in fine]
    # a narrow table turned a tenth of a degree moves no pixel: the middle of the angles that tie
    sharpest = [angle for angle, score in zip(fine, scores, strict=True) if score == max(scores)]
    return -round(float(sharpest[len(sharpest) // 2]), 1)


def deskewed(image: np.ndarray) -> np.ndarray:
    """Given a page image, return it turned upright (unchanged when it is not skewed)."""
    angle = skew_degrees(image)
    if abs(angle) < SKEW_STEP / 2:
        return image
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    return cv2.warpAffine(image, turn, (width, height), flags=cv2.INTER_CUBIC,
                          borderValue=(255, 255, 255))
