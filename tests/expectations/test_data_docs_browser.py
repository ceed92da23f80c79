"""The Data Docs render styled, with their scripts run, in headless Chromium that can reach
nothing but 127.0.0.1; without the vendored assets the same page renders unstyled."""
from __future__ import annotations

import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from expectations.data_docs import VENDOR_DIR

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no headless Chromium: `apt-get install chromium` (.ci/run does) to check the Data Docs in a browser")

BOOTSTRAP_PRIMARY = (0, 123, 255)  # .btn-primary background of bootstrap 4
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def chromium(url: str, profile: Path, *args: str) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", OFFLINE, "--virtual-time-budget=5000",
               *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def served(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def primary_pixels(png: Path) -> int:
    image = Image.open(png).convert("RGB")
    return sum(1 for pixel in image.get_flattened_data() if pixel == BOOTSTRAP_PRIMARY)


def render(site: Path, page: str, tmp_path: Path, name: str) -> tuple[str, int]:
    """Return the page's DOM after its scripts ran, and its count of bootstrap-blue pixels."""
    server = served(site)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        dom = chromium(url, tmp_path / f"{name}-profile-dom", "--dump-dom")
        png = tmp_path / f"{name}.png"
        chromium(url, tmp_path / f"{name}-profile-png", "--window-size=1200,800", f"--screenshot={png}")
    finally:
        server.shutdown()
    return dom, primary_pixels(png)


def test_validation_page_renders_styled_offline(pipeline_run, warehouse, tmp_path):
    summary, _ = pipeline_run
    site = summary.paths.data_docs_dir
    page = next(site.glob("validations/**/*.html")).relative_to(site).as_posix()

    dom, blue = render(site, page, tmp_path, "styled")
    assert 'class="bootstrap-table bootstrap4"' in dom  # bootstrap-table's script ran
    assert blue > 1000  # the "Show All" button is painted by bootstrap's CSS

    bare = tmp_path / "bare_site"
    shutil.copytree(site, bare)
    shutil.rmtree(bare / VENDOR_DIR)
    dom, blue = render(bare, page, tmp_path, "bare")
    assert "bootstrap-table bootstrap4" not in dom
    assert blue == 0
