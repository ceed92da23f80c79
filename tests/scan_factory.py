"""Make image-only copies of PDF pages, as a scanner or a phone would: resolution, faded print,
colour tint, rotation, turned pages, noise, JPEG compression and a red seal over part of the page.
"""
from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
from PIL import Image, ImageDraw


@dataclass(frozen=True)
class ScanCondition:
    """How one scan is degraded; the defaults are a clean office scan at 200 dpi."""

    name: str = "clean_200dpi"
    dpi: int = 200
    contrast: float = 1.0  # the share of its darkness print keeps: light toner, a faded copy
    tint: tuple[int, int, int] | None = None  # paper colour multiplied into the page
    rotate_degrees: float = 0.0
    noise_sigma: float = 0.0  # grey-level standard deviation of added noise
    jpeg_quality: int | None = None
    seal: bool = False  # a red circular stamp over the page's upper right area
    turn: int = 0  # degrees anticlockwise, a quarter turn at a time: a page fed in upside down or sideways
    erase_rules: bool = False  # ruling lines painted over in paper colour: a table printed without rules


CONDITIONS = (
    ScanCondition(),
    ScanCondition("150dpi", dpi=150),
    ScanCondition("300dpi", dpi=300),
    ScanCondition("tinted", tint=(250, 240, 215)),
    ScanCondition("rotated_+1deg", rotate_degrees=1.0),
    ScanCondition("rotated_-0.5deg", rotate_degrees=-0.5),
    ScanCondition("rotated_+3deg", rotate_degrees=3.0),
    ScanCondition("rotated_-4.5deg", rotate_degrees=-4.5),
    ScanCondition("noise", noise_sigma=12.0),
    ScanCondition("jpeg_q60", jpeg_quality=60),
    ScanCondition("red_seal", seal=True),
    ScanCondition("faded_noise", contrast=0.5, noise_sigma=6.0),
)


def degrade(image: Image.Image, condition: ScanCondition, seed: int = 0) -> Image.Image:
    """Given a rendered page, return it as the condition's scanner would deliver it."""
    if condition.erase_rules:
        image = without_rules(image)
    if condition.contrast != 1.0:
        image = Image.fromarray((255 - (255 - np.asarray(image, np.float32)) * condition.contrast).astype(np.uint8))
    if condition.tint:
        tint = Image.new("RGB", image.size, condition.tint)
        image = Image.fromarray((np.asarray(image, np.uint16) * np.asarray(tint) // 255).astype(np.uint8))
    if condition.seal:
        image = with_seal(image)
    if condition.rotate_degrees:
        image = image.rotate(condition.rotate_degrees, resample=Image.BICUBIC, expand=False,
                             fillcolor=(255, 255, 255))
    if condition.turn:
        image = image.rotate(condition.turn, expand=True)
    if condition.noise_sigma:
        noise = np.random.default_rng(seed).normal(0, condition.noise_sigma, (image.height, image.width, 1))
        image = Image.fromarray(np.clip(np.asarray(image, np.float32) + noise, 0, 255).astype(np.uint8))
    if condition.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=condition.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return image


def without_rules(image: Image.Image, length: int = 60) -> Image.Image:
    """Given a page, return it with every straight run of ink at least `length` pixels long (its
    ruling lines; a character's stroke is shorter) painted white, a pixel around it too."""
    ink = (np.asarray(image.convert("L")) < 160).astype(np.uint8)
    rules = np.zeros_like(ink)
    for kernel in (np.ones((1, length), np.uint8), np.ones((length, 1), np.uint8)):
        rules |= cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), np.ones((3, 3), np.uint8))
    pixels = np.asarray(image).copy()
    pixels[rules.astype(bool)] = 255
    return Image.fromarray(pixels)


def with_seal(image: Image.Image) -> Image.Image:
    """Given a page, return it with a translucent red ring and star stamped in its upper right."""
    width, height = image.size
    radius = width // 9
    centre = (int(width * 0.72), int(height * 0.22))
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
    draw.ellipse(box, outline=(220, 30, 30, 150), width=max(radius // 12, 3))
    star = [(centre[0] + radius * 0.4 * np.cos(a), centre[1] + radius * 0.4 * np.sin(a))
            for a in np.linspace(-np.pi / 2, 3.5 * np.pi, 6)[:5]]
    draw.polygon([star[i] for i in (0, 2, 4, 1, 3)], fill=(220, 30, 30, 130))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def scan_copy(source: Path, target: Path, pages: list[int] | None = None,
              condition: ScanCondition = ScanCondition()) -> Path:
    """Given a PDF, write an image-only PDF of its pages (1-based, all by default) under the
    condition and return its path. The copy has no text layer: only the page pictures."""
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        numbers = pages or list(range(1, len(pdf) + 1))
        images = [degrade(pdf[n - 1].render(scale=condition.dpi / 72).to_pil().convert("RGB"), condition, n)
                  for n in numbers]
    finally:
        pdf.close()
    images[0].save(target, "PDF", save_all=True, append_images=images[1:], resolution=condition.dpi)
    return target


def folded(text: str | None) -> str:
    """Text compared as a reader would: half-width forms, no white space."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def page_cells(document, page: int) -> dict:
    """Each cell with text of a page keyed by (table order on the page, row, col), so a scan's
    cells line up with its text layer's."""
    tables = sorted({cell.table_index for cell in document.cells if cell.page == page})
    return {(tables.index(c.table_index), c.row, c.col): c for c in document.cells
            if c.page == page and c.text is not None}


def corner_pairs(text_layer, page: int, scan, scanned_page: int, tolerance: float = 3.0) -> list[tuple]:
    """Each cell of a page the scan read as a table, paired by position with the text layer's cell
    whose top-left corner lies within `tolerance` points of it, both ways: the scan's cells with
    text, and the text layer's cells with text inside the scan's tables (None where the other
    reading has no cell there). For PDFs whose text layer rules a page in an invisible (white)
    grid around the printed one, so that the two readings number rows and columns differently."""
    read = [c for c in scan.cells if c.page == scanned_page and c.text is not None]
    truth = [c for c in text_layer.cells if c.page == page and c.text is not None]
    boxes = [(min(c.x0 for c in cells), min(c.top for c in cells), max(c.x1 for c in cells),
              max(c.bottom for c in cells))
             for cells in ([c for c in read if c.table_index == t] for t in {c.table_index for c in read})]

    def at(cells, cell):
        return next((c for c in cells if abs(c.x0 - cell.x0) <= tolerance and abs(c.top - cell.top) <= tolerance),
                    None)

    def inside(cell) -> bool:
        x, y = (cell.x0 + cell.x1) / 2, (cell.top + cell.bottom) / 2
        return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    pairs = [(at(truth, c), c) for c in read if c.text] + [(c, at(read, c)) for c in truth if c.text and inside(c)]
    return list({(id(a), id(b)): (a, b) for a, b in pairs}.values())
