"""End to end in a real headless Chromium: the generated folder opened from disk (file://) and the
explorer served by the API. Search, click, quotes, language, matrix, analysis, exports, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_helpers import Page, node_point, screenshot, serving
from graph_helpers import graph, org, store_of, store_of_files, takes_part

from kg.explorer.generate import generate
from kg.settings import ROOT, Settings

pytestmark = pytest.mark.slow
HLO = ROOT / "kg" / "data" / "hlo-2025.trig"


@pytest.fixture(scope="module")
def hlo(tmp_path_factory):
    """The HLO letter's graph (real data) in a store, and its explorer folder."""
    tmp = tmp_path_factory.mktemp("hlo")
    store = store_of_files(tmp, [HLO])
    folder = tmp / "explorer"
    generate(store, Settings(build_dir=tmp / "build"), folder)
    return store, folder


@pytest.fixture
def page(browser):
    opened = Page(browser)
    yield opened
    opened.close()


def search(page, text: str) -> list[str]:
    box = page.locator("#search")
    box.fill("")
    box.type(text)
    return page.locator("#suggestions li .name").all_inner_texts()


def test_from_disk_search_click_quote_language_matrix(page, hlo, tmp_path):
    _, folder = hlo
    p = page.open((folder / "index.html").as_uri())
    screenshot(p, tmp_path, "explorer-network")
    assert search(p, "zorgverz")[0] == "Zorgverzekeraars Nederland"
    assert search(p, "zn")[0] == "Zorgverzekeraars Nederland"
    assert search(p, "CLIENTENRADEN")[0] == "Landelijke Organisatie Cliëntenraden"  # no diacritics, any case
    p.keyboard.press("Enter")
    assert p.locator("#details h2").inner_text() == "Landelijke Organisatie Cliëntenraden"
    assert "node=organisation%2Floc" in p.url or "node=organisation/loc" in p.url
    p.locator("#details .own-evidence summary").click()
    quotes = p.locator("#details .own-evidence blockquote").all_inner_texts()
    assert any("Landelijke Organisatie Cliëntenraden (LOC)" in q for q in quotes)
    assert "regels 4–9" in p.locator("#details .own-evidence figcaption").first.inner_text()
    screenshot(p, tmp_path, "explorer-details")

    x, y = node_point(p, "agreement/hlo")
    p.mouse.click(x, y)
    assert p.locator("#details h2").inner_text() == "Hoofdlijnenakkoord Ouderenzorg"
    groups = p.locator("#details .relation-group h3").all_inner_texts()
    assert any(g.startswith("heeft als opsteller") for g in groups)
    p.get_by_role("button", name="In het hele netwerk tonen").click()
    assert "ctx=1" in p.url
    p.get_by_role("button", name="In het hele netwerk tonen").click()

    p.locator("#language").click()
    assert p.evaluate("document.documentElement.lang") == "en"
    assert p.locator("#tab-graph").inner_text() == "Network"
    assert any(
        g.startswith("has as drafting party")
        for g in p.locator("#details .relation-group h3").all_inner_texts()
    )
    assert "lang=en" in p.url

    p.locator("#tab-matrix").click()
    table = p.locator("table.matrix")
    assert "HLO" in table.locator("thead").inner_text()
    cell = table.get_by_role(
        "button", name="Landelijke Organisatie Cliëntenraden — Hoofdlijnenakkoord Ouderenzorg: drafting party"
    )
    cell.click()
    assert "Landelijke Organisatie Cliëntenraden (LOC)" in p.locator(".matrix-evidence").inner_text()
    screenshot(p, tmp_path, "explorer-matrix")
    assert page.errors == [] and page.dialogs == []


def test_shareable_url_restores_view_node_language_and_filters(page, hlo):
    _, folder = hlo
    p = page.open((folder / "index.html").as_uri() + "#view=graph&node=organisation/zn&lang=en&hide=law")
    assert p.locator("#details h2").inner_text() == "Zorgverzekeraars Nederland"
    assert p.locator("#language").inner_text() == "Nederlands"
    assert not p.locator("#kind-law").is_checked()
    hidden = p.evaluate(
        "KGX.app.graph.renderer.getNodeDisplayData(String(KGX.app.index.get('law/wlz'))).hidden"
    )
    assert hidden is True
    p.locator("#filter-initiative").select_option("agreement/azwa")
    assert "ag=agreement%2Fazwa" in p.url or "ag=agreement/azwa" in p.url
    assert page.errors == []


def test_analysis_path_and_downloads(page, hlo, tmp_path):
    _, folder = hlo
    p = page.open((folder / "index.html").as_uri() + "#view=analysis")
    p.locator("#path-from").select_option("organisation/loc")
    p.locator("#path-to").select_option("organisation/igj")
    p.locator("#path-find").click()
    result = p.locator(".path-result").inner_text()
    assert "Landelijke Organisatie Cliëntenraden → IGJ: 2" in result and "Team Overheid" in result
    screenshot(p, tmp_path, "explorer-analysis")
    with p.expect_download() as info:
        p.locator(".analysis button.csv").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "#;Organisatie;Verbindingen;Tussenpositie;Groep"
    p.locator("#tab-graph").click()
    with p.expect_download() as info:
        p.locator("#export-png").click()
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []


def test_keyboard_only(page, hlo):
    _, folder = hlo
    p = page.open((folder / "index.html").as_uri())
    p.locator("#search").focus()
    p.keyboard.type("vng")
    p.keyboard.press("ArrowDown")
    p.keyboard.press("ArrowUp")
    p.keyboard.press("Enter")
    assert p.locator("#details h2").inner_text() == "Vereniging Nederlandse Gemeenten"
    assert p.evaluate("document.activeElement.id") == "details-title"
    p.keyboard.press("Escape")
    assert p.locator("#details h2").count() == 0
    p.locator("#tab-graph").focus()
    p.keyboard.press("ArrowRight")
    assert p.locator("#tab-matrix").get_attribute("aria-selected") == "true"
    assert p.evaluate("document.activeElement.id") == "tab-matrix"


def test_served_by_the_api_links_quotes_to_the_source_text(browser, hlo, tmp_path, seeds):
    from api.app import create_app

    store, _ = hlo
    settings = Settings(build_dir=tmp_path / "build", seeds=seeds)
    with serving(create_app(settings, store)) as url:
        opened = Page(browser)
        try:
            p = opened.open(f"{url}/explorer")
            search(p, "zn")
            p.keyboard.press("Enter")
            p.locator("#details .own-evidence summary").click()
            link = p.locator("#details .own-evidence a", has_text="brontekst").first
            assert link.get_attribute("href") == "../sources/000_14be2080959179c7.txt#L4"
            with p.context.expect_page() as new:
                link.click()
            source = new.value
            source.wait_for_load_state()
            assert "Zorgverzekeraars Nederland" in source.content()
            assert opened.errors == []
        finally:
            opened.close()


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '"; window.__pwned = 3; "',
    "'); alert(4); ('",
    "</script><script>alert(5)</script>",
]


def test_hostile_labels_are_shown_as_text_and_never_run(page, tmp_path):
    labels = "".join(
        org(f"evil{i}", text.replace("\\", "\\\\").replace('"', '\\"'), f"EV{i}")
        for i, text in enumerate(HOSTILE)
    )
    parts = "".join(
        takes_part(f"evil{i}", "o:evil0", "lid", HOSTILE[i].replace('"', '\\"')) for i in range(1, 5)
    )
    store = store_of(tmp_path, graph(labels, parts, "o:nolabel a org:Organization .\n"))
    folder = tmp_path / "explorer"
    generate(store, Settings(build_dir=tmp_path / "build"), folder)
    p = page.open(folder.as_uri() + "/index.html")
    for i, text in enumerate(HOSTILE):
        search(p, f"EV{i}")
        p.keyboard.press("Enter")
        assert p.locator("#details h2").inner_text() == text
    assert p.locator("#details blockquote").count() >= 1
    p.locator("#tab-matrix").click()
    p.locator("#tab-analysis").click()
    assert p.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []
    search(p, "nolabel")
    p.keyboard.press("Enter")
    assert p.locator("#details h2").inner_text() == "organisatie nolabel"


def test_empty_graph_shows_a_message(page, tmp_path):
    folder = tmp_path / "explorer"
    generate(store_of(tmp_path, "", with_ontology=False), Settings(build_dir=tmp_path / "build"), folder)
    p = page.open(folder.as_uri() + "/index.html")
    assert "leeg" in p.locator("#graph").inner_text()
    p.locator("#tab-motions").click()
    assert "Geen gegevens" in p.locator("#view-motions").inner_text()
    assert page.errors == []


@pytest.mark.parametrize("damage", ["missing", "broken", "not-an-explorer"])
def test_missing_or_broken_data_file_shows_a_message(page, hlo, tmp_path, damage):
    import shutil

    _, source = hlo
    folder = tmp_path / "copy"
    shutil.copytree(source, folder)
    data = folder / "data.js"
    if damage == "missing":
        data.unlink()
    elif damage == "broken":
        data.write_text(data.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    else:
        data.write_text("window.KG_DATA = " + json.dumps({"nodes": "x"}) + ";", encoding="utf-8")
    p = page.open((folder / "index.html").as_uri(), ready=False)
    status = p.locator("#status")
    status.wait_for(state="visible")
    p.wait_for_function("document.getElementById('status').getAttribute('role') === 'alert'")
    assert "data.js" in status.inner_text() and "kg explorer" in status.inner_text()
