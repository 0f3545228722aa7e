"""Links stay on the server that served them: `kg serve` on a port other than 8000 (the default base
of the identifiers), followed from the home page, an entity page, an API answer, the SPARQL editor's
results and the explorer, in a real Chromium and a real HTTP client."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from browser_helpers import Page, free_port

from kg.explorer.generate import generate
from kg.service import open_store
from kg.settings import ROOT, Settings
from tests.conftest import make_source

pytestmark = pytest.mark.slow
DEFAULT_BASE = "http://localhost:8000/"
HTML = {"accept": "text/html"}


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith(("#", "mailto:")):
                self.found.append(value)


def hrefs(html: str) -> list[str]:
    parser = Hrefs()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds):
    """`kg serve --port P` (never 8000) over the HLO letter's graph; identifiers under the default base."""
    tmp = tmp_path_factory.mktemp("links")
    data = {"hlo-2025.trig": (ROOT / "kg" / "data" / "hlo-2025.trig").read_text(encoding="utf-8")}
    source = make_source(tmp / "src", data)
    port = free_port()
    while port == 8000:
        port = free_port()
    env = {
        **os.environ,
        "KG_SOURCE_DIR": str(source),
        "KG_BUILD_DIR": str(tmp / "build"),
        "KG_SEEDS": str(seeds),
    }
    env.pop("KG_BASE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/", timeout=1)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"kg serve did not start: {proc.stderr.read().decode()[-800:]}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(10)


def follow_all(server: str, page: str, links: list[str]) -> list[str]:
    """Every link of `page` that is ours opens on `server` with a 200; returns the absolute links."""
    followed = []
    for link in links:
        target = urljoin(page, link)
        assert not target.startswith(DEFAULT_BASE), f"{page} links to another server: {link}"
        if urlsplit(target).netloc != urlsplit(server).netloc:
            continue  # an outside page (a vocabulary, the official publication)
        answer = httpx.get(target, headers=HTML, timeout=30)
        assert answer.status_code == 200, f"{page}: {link} gave {answer.status_code}"
        followed.append(target)
    return followed


def test_home_and_entity_pages_link_to_this_server(server):
    home = httpx.get(server + "/", headers=HTML)
    followed = follow_all(server, server + "/", hrefs(home.text))
    assert server + "/explorer/" in followed and server + "/sparql" in followed
    entity = server + "/id/organisation/actiz"
    page = httpx.get(entity, headers=HTML)
    assert page.status_code == 200 and "ActiZ" in page.text
    followed = follow_all(server, entity, hrefs(page.text))
    assert server + "/id/agreement/hlo" in followed, "ActiZ's page links the HLO on this server"


def test_api_answers_give_links_on_this_server(server):
    home = httpx.get(server + "/").json()
    assert home["base"] == DEFAULT_BASE, "identifiers keep their names"
    assert home["links"]["organisations"] == server + "/api/v1/organisations"
    listing = httpx.get(home["links"]["organisations"]).json()
    actiz = next(item for item in listing["items"] if item["slug"] == "actiz")
    assert actiz["id"] == DEFAULT_BASE + "id/organisation/actiz"
    assert actiz["href"] == server + "/id/organisation/actiz"
    described = httpx.get(actiz["url"]).json()
    targets = [r["target"]["href"] for r in described["relations"] if r["target"]["is_iri"]]
    ours = [t for t in targets if t.startswith(server)]
    assert ours and not [t for t in targets if t.startswith(DEFAULT_BASE)]
    for href in ours[:5]:
        assert httpx.get(href, headers={"accept": "text/turtle"}).status_code == 200


def test_explorer_identifier_links_open_on_this_server(server, browser):
    page = Page(browser)
    try:
        p = page.open(server + "/explorer/")
        p.locator("#search").type("ActiZ")
        p.keyboard.press("Enter")
        link = p.locator("#details .identifier a")
        href = link.get_attribute("href")
        assert href == server + "/id/organisation/actiz"
        assert httpx.get(href, headers=HTML).status_code == 200
    finally:
        page.close()


def test_sparql_editor_result_links_open_on_this_server(server, browser):
    page = Page(browser)
    try:
        p = page.open(server + "/sparql", ready=False)
        p.wait_for_function("window.kgYasgui !== undefined")
        p.evaluate(
            """() => { const tab = window.kgYasgui.getTab();
            tab.setQuery('SELECT ?o WHERE { ?o <http://www.w3.org/2004/02/skos/core#prefLabel> "ActiZ" }');
            tab.query(); }"""
        )
        cell = p.locator("#yasgui .yasr a[href*='/id/organisation/actiz']").first
        cell.wait_for(timeout=15_000)
        assert cell.evaluate("a => a.href") == server + "/id/organisation/actiz"
    finally:
        page.close()


def test_the_folder_opened_from_disk_links_to_the_configured_public_base(tmp_path, browser):
    from kg.build import build

    public = "https://kennisgraaf.example.org/"
    data = {"hlo-2025.trig": (ROOT / "kg" / "data" / "hlo-2025.trig").read_text(encoding="utf-8")}
    settings = Settings(base=public, source_dir=make_source(tmp_path / "src", data), build_dir=tmp_path / "b")
    build(settings)
    folder = tmp_path / "explorer"
    generate(open_store(settings, read_only=True), settings, folder)
    page = Page(browser)
    try:
        p = page.open((folder / "index.html").as_uri())
        p.locator("#search").type("ActiZ")
        p.keyboard.press("Enter")
        assert p.locator("#details .identifier a").get_attribute("href") == public + "id/organisation/actiz"
    finally:
        page.close()
