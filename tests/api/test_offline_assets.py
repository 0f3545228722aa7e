"""Every page works on a closed network: scripts, styles and icons come from this server."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

ASSET = re.compile(r"<(?:script[^>]*\bsrc|link[^>]*\bhref)=\"([^\"]+)\"", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/", "/sparql", "/docs", "/explorer/", "/id/organisation/zn", "/def"])
def test_pages_load_their_assets_from_this_server(client, path):
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = [urlsplit(url) for url in ASSET.findall(page.text)]
    assert all(url.netloc in ("", "testserver") for url in assets), assets  # no CDN, no other host
    for url in assets:
        if url.scheme != "data":
            target = url.path if url.path.startswith("/") else path.rsplit("/", 1)[0] + "/" + url.path
            assert client.get(target).status_code == 200, target
