"""Load a report page in headless Chromium (offline) and read back what it shows: the DOM after a
small probe script has written each image's decoded size onto it."""
from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from tests.expectations.test_data_docs_browser import CHROMIUM, chromium  # noqa: F401  (CHROMIUM: skip marks)

PROBE = ("<script>window.addEventListener('load', () => { for (const img of document.images) "
         "img.dataset.natural = img.naturalWidth + 'x' + img.naturalHeight; "
         "document.body.dataset.probed = 'yes'; });</script>")
IMG = re.compile(r'<img [^>]*src="([^"]+)"[^>]*data-natural="(\d+)x(\d+)"')
HIGHLIGHT_RED = (220, 0, 0)


def rendered(report: Path, page: str, tmp_path: Path) -> str:
    """The DOM of report/page as Chromium rendered it, images probed (a copy beside it carries the probe)."""
    probe = report / f"probe-{page}"
    probe.write_text((report / page).read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                     encoding="utf-8")
    try:
        dom = chromium(probe.as_uri(), tmp_path / f"profile-{page}", "--allow-file-access-from-files",
                       "--dump-dom")
    finally:
        probe.unlink()
    assert 'data-probed="yes"' in dom
    return dom


def image_sizes(dom: str) -> dict[str, tuple[int, int]]:
    """{src: (natural width, natural height)} of every <img> of a probed DOM."""
    return {src: (int(w), int(h)) for src, w, h in IMG.findall(dom)}


def highlighted(png: Path) -> bool:
    """True when the picture holds the red highlight stroke."""
    image = Image.open(png).convert("RGB")
    return any(abs(r - HIGHLIGHT_RED[0]) < 30 and g < 40 and b < 40 for r, g, b in image.get_flattened_data())
