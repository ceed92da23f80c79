"""Make Great Expectations' Data Docs work offline: copy the vendored CSS/JS/fonts next to the
HTML and point every CDN address at those copies (see data_docs_assets/README.md)."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

ASSETS = Path(__file__).with_name("data_docs_assets")
VENDOR_DIR = Path("static") / "vendor"
CDN_TO_LOCAL = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/bootstrap.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark/bootstrap-prefers-dark.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper/popper.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker/bootstrap-datepicker.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table/bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega/vega-embed.min.js",
}
# The GX logo images come from S3: shown as our own small text logo instead.
LOGO = re.compile(r"https://great-expectations-web-assets\.s3[^\"'\s)]*\.png(\?[^\"'\s)]*)?")
LOGO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="28">'
            '<text x="0" y="20" font-family="sans-serif" font-size="16" fill="#333">'
            'Budget warehouse · quality checks</text></svg>')
RESOURCE = re.compile(r"""(?:src|href)=["'](https?://[^"']+)["']""")


def localise_html(html: str, to_vendor: str) -> str:
    """Point the CDN addresses of one page at the vendored copies (`to_vendor` is relative)."""
    for url, local in CDN_TO_LOCAL.items():
        html = html.replace(f'"{url}"', f'"{to_vendor}/{local}"')
    return LOGO.sub(f"{to_vendor}/logo.svg", html)


def localise_docs(site: Path) -> None:
    """Copy the assets into the site and rewrite every page of it."""
    vendor = site / VENDOR_DIR
    shutil.copytree(ASSETS, vendor, dirs_exist_ok=True)
    (vendor / "logo.svg").write_text(LOGO_SVG)
    for page in site.rglob("*.html"):
        to_vendor = os.path.relpath(vendor, page.parent)
        page.write_text(localise_html(page.read_text(), to_vendor))


def external_resources(site: Path) -> set[str]:
    """The http(s) stylesheets, scripts and images a page still loads (links to read are fine)."""
    remote = set()
    for page in site.rglob("*.html"):
        for match in RESOURCE.finditer(page.read_text()):
            tag_start = page.read_text().rfind("<", 0, match.start())
            tag = page.read_text()[tag_start:match.start()]
            if tag.startswith(("<link", "<script", "<img")):
                remote.add(match.group(1))
    return remote
