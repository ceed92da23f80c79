"""A scanned page's ruling lines (OpenCV morphology): masks of its dark and faint rules, each table's
grid of row and column rules, and which slots a merged cell covers (no rule between them)."""
from __future__ import annotations

import cv2
import numpy as np

LINE_FRACTION = 40  # a ruling line is at least 1/40 of the page side long
FAINT_FRACTION = 12  # a rule lighter than the text is at least 1/12 of the page side long
FAINT_CONTRAST = 8  # grey levels under its surroundings: a rule's, not a 16-level tint's edge
RULE_GAP, MAX_RULE_WIDTH = 5, 10  # pixels: noise breaks a faint rule; a band this thick is no rule
MERGE_GAP = 6  # pixels: rule pixels closer than this are one rule
MIN_TABLE_SIDE = 60  # pixels: a line figure smaller than this is no table

Region = tuple[int, int, int, int]  # x, y, w, h in pixels
Grid = tuple[Region, list[int], list[int]]  # a table's region, its row and its column rules


def rule_masks(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Given a page image, return the masks of its horizontal and vertical ruling lines: dark rules
    1/LINE_FRACTION of the page long, and faint ones (light grey, faded, under noise) that are
    long, straight and thin, so that neither text strokes nor a tint's edge nor a seal's ring is one."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    faint = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25,
                                  FAINT_CONTRAST)
    height, width = ink.shape
    masks = []
    for across, side in ((True, width), (False, height)):
        dark = straight_runs(ink, max(side // LINE_FRACTION, 10), across)
        masks.append(cv2.dilate(cv2.bitwise_or(dark, faint_rules(faint, side // FAINT_FRACTION, across)),
                                np.ones((3, 3), np.uint8)))
    return masks[0], masks[1]


def straight_runs(ink: np.ndarray, length: int, across: bool) -> np.ndarray:
    """Given an ink mask, return its runs at least `length` pixels long across (or down) the page."""
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, line_kernel(length, across))


def line_kernel(length: int, across: bool) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if across else (1, length))


def faint_rules(faint: np.ndarray, length: int, across: bool) -> np.ndarray:
    """Given the mask of faint ink, return its rules: runs `length` long once gaps of a few pixels
    (noise) are closed, without the bands thicker than MAX_RULE_WIDTH (a tint's edge, a seal's ring)."""
    closed = cv2.morphologyEx(faint, cv2.MORPH_CLOSE, line_kernel(RULE_GAP, across))
    runs = straight_runs(closed, length, across)
    return cv2.subtract(runs, straight_runs(runs, MAX_RULE_WIDTH, not across))


def rule_positions(profile: np.ndarray, minimum: float) -> list[int]:
    """Given a line mask's sum along one axis, return the centres of the runs above minimum."""
    positions, start = [], None
    for index, hit in enumerate(np.append(profile >= minimum, False)):
        if hit and start is None:
            start = index
        elif not hit and start is not None:
            if positions and start - positions[-1][1] < MERGE_GAP:
                positions[-1] = (positions[-1][0], index)
            else:
                positions.append((start, index))
            start = None
    return [(a + b) // 2 for a, b in positions]


def table_regions(horizontal: np.ndarray, vertical: np.ndarray) -> list[Region]:
    """Given the rule masks, return each table's box (x, y, w, h): a connected figure of rules."""
    grid = cv2.bitwise_or(horizontal, vertical)
    contours, _ = cv2.findContours(grid, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [cv2.boundingRect(contour) for contour in contours]
    tables = [box for box in boxes if box[2] >= MIN_TABLE_SIDE and box[3] >= MIN_TABLE_SIDE]
    return sorted(tables, key=lambda box: (box[1], box[0]))


def grid_lines(region: Region, masks) -> tuple[list[int], list[int]]:
    """Given a table region and the rule masks, return the pixel positions of its row and column rules."""
    x, y, w, h = region
    horizontal, vertical = masks
    rows = [y + p for p in rule_positions(horizontal[y:y + h, x:x + w].sum(axis=1) / 255, w * 0.2)]
    cols = [x + p for p in rule_positions(vertical[y:y + h, x:x + w].sum(axis=0) / 255, h * 0.2)]
    return rows, cols


def table_grids(masks) -> list[Grid]:
    """Each table region of the rule masks with its row and column rules; a framed chart or a boxed
    line has fewer than three rules each way: not a table."""
    grids = [(region, *grid_lines(region, masks)) for region in table_regions(*masks)]
    return [(region, rows, cols) for region, rows, cols in grids if len(rows) >= 3 and len(cols) >= 3]


def has_rule(mask: np.ndarray, fixed: int, start: int, stop: int, across: bool) -> bool:
    """True when the mask has a rule at `fixed` covering most of start..stop."""
    low, high = sorted((start, stop))
    inset = max((high - low) // 4, 1)
    if across:
        segment = mask[max(fixed - 3, 0):fixed + 4, low + inset:high - inset]
    else:
        segment = mask[low + inset:high - inset, max(fixed - 3, 0):fixed + 4]
    if not segment.size:
        return True
    covered = segment.max(axis=0 if across else 1)
    return covered.mean() > 127


def slot_origins(rows: list[int], cols: list[int], horizontal, vertical) -> dict:
    """Given a table's rule positions, return each slot's origin slot (merged cells point to the
    slot where their cell starts: no rule to the left or above)."""
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(len(rows) - 1):
        for c in range(len(cols) - 1):
            origin = (r, c)
            if c and not has_rule(vertical, cols[c], rows[r], rows[r + 1], across=False):
                origin = origins[(r, c - 1)]
            elif r and not has_rule(horizontal, rows[r], cols[c], cols[c + 1], across=True):
                origin = origins[(r - 1, c)]
            origins[(r, c)] = origin
    return origins
