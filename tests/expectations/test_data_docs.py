"""The run builds Great Expectations' Data Docs that load nothing from the internet."""
from __future__ import annotations

import re
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from functools import partial

from expectations.data_docs import external_resources


def test_data_docs_are_built_with_every_asset_local(pipeline_run, warehouse):
    summary, _ = pipeline_run
    site = summary.paths.data_docs_dir
    assert (site / "index.html").exists()
    assert external_resources(site) == set()
    pages = list(site.rglob("*.html"))
    validation = [p for p in pages if "validations" in p.parts]
    assert validation, "no validation result page"
    for page in pages:
        for ref in re.findall(r"""(?:src|href)=["']([^"'#?]+\.(?:css|js))["']""", page.read_text()):
            if not ref.startswith("http"):
                assert (page.parent / ref).resolve().exists(), (page.name, ref)


def test_data_docs_serve_over_http_on_loopback(pipeline_run, warehouse):
    summary, _ = pipeline_run
    handler = partial(SimpleHTTPRequestHandler, directory=str(summary.paths.data_docs_dir))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        index = urllib.request.urlopen(f"{base}/index.html", timeout=10).read().decode()
        css = urllib.request.urlopen(f"{base}/static/vendor/bootstrap/bootstrap.min.css", timeout=10)
        server.shutdown()
    assert "henan_budget_15" in index  # the Expectation Suite of the reference's template
    assert css.status == 200
