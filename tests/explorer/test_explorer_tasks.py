"""The tasks of policy staff, done in a real Chromium on the real graph, on a desktop (1366×768) and
on a phone (390×844): find ActiZ and read the quote for each of its agreements; who signed the HLO;
which motions are afgedaan and who said so; the budgets of each action line, each with its quote;
share a view; export; and the same from the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import Page, screenshot
from graph_helpers import store_of_files

from kg.explorer.generate import generate
from kg.settings import ROOT, Settings

pytestmark = pytest.mark.slow
VIEWPORTS = {"desktop": (1366, 768), "phone": (390, 844)}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The explorer of the whole graph (every data file), opened from disk."""
    tmp = tmp_path_factory.mktemp("real")
    store = store_of_files(tmp, sorted((ROOT / "kg" / "data").glob("*.trig")))
    generate(store, Settings(build_dir=tmp / "build"), tmp / "explorer")
    return tmp / "explorer"


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    opened = Page(browser, *VIEWPORTS[request.param])
    opened.viewport = request.param
    yield opened
    assert opened.errors == [] and opened.dialogs == []
    opened.close()


def choose(p, text: str) -> None:
    p.locator("#search").fill(text)
    p.keyboard.press("Enter")


def readable(p, locator) -> None:
    """On screen, wide enough to read (not a 47 px strip), after scrolling to it as a person would."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    width = p.viewport_size["width"]
    assert box is not None and box["width"] >= min(300, width - 60), box
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box


def test_find_actiz_and_read_the_quote_for_each_of_its_agreements(page, folder, tmp_path):
    p = page.open((folder / "index.html").as_uri())
    choose(p, "ActiZ")
    assert p.locator("#details h2").inner_text() == "ActiZ"
    agreements = p.locator("#details .relation-group li[data-kind=agreement]")
    assert agreements.count() >= 2
    for i in range(agreements.count()):
        item = agreements.nth(i)
        item.locator("summary").click()
        quote = item.locator("blockquote").first
        assert quote.is_visible() and len(quote.inner_text()) > 20
        readable(p, quote)
        assert re.search(r"regels? \d+", item.locator("figcaption").first.inner_text())
    screenshot(p, tmp_path, f"task-actiz-{page.viewport}")
    # the ego network: ActiZ and its neighbours, each named on the drawing
    drawn = p.evaluate("[...KGX.app.graph.visible].map((i) => KGX.app.data.nodes[i].id)")
    assert "organisation/actiz" in drawn and "agreement/hlo" in drawn and len(drawn) < 30


def test_who_signed_the_hlo(page, folder):
    p = page.open((folder / "index.html").as_uri())
    choose(p, "HLO")
    assert p.locator("#details h2").inner_text() == "Hoofdlijnenakkoord Ouderenzorg"
    group = p.locator("#details .relation-group", has_text="heeft als ondertekening onder voorwaarde")
    names = group.locator("li > button").all_inner_texts()
    assert "Vereniging Nederlandse Gemeenten" in names
    item = group.locator("li", has_text="Vereniging Nederlandse Gemeenten")
    item.locator("summary").click()
    readable(p, item.locator("blockquote").first)
    p.locator("#tab-matrix").click()
    p.get_by_role("button", name=re.compile("^Vereniging Nederlandse Gemeenten — Hoofdlijnenakkoord")).click()
    assert p.locator(".matrix-evidence blockquote").count() >= 1


def test_which_motions_are_afgedaan_and_who_said_so(page, folder, tmp_path):
    p = page.open((folder / "index.html").as_uri() + "#view=motions")
    handling = p.get_by_label("Filter op Afhandeling")
    option = next(o for o in handling.locator("option").all_inner_texts() if o.startswith("afgedaan"))
    expected = int(re.search(r"\((\d+)\)", option).group(1))
    handling.select_option(label=option)
    rows = p.locator("#table-motions tbody tr")
    assert expected >= 1 and rows.count() == expected
    assert p.locator("#view-motions .count-line").inner_text().startswith(f"{expected} van de ")
    for i in range(rows.count()):
        row = rows.nth(i)
        assert "afgedaan" in row.inner_text()
        assert row.locator("td[data-label=Brief] button").inner_text()  # the letter that says so
        readable(p, row.locator("blockquote").first)
    screenshot(p, tmp_path, f"task-motions-{page.viewport}")


def test_the_budgets_of_each_action_line_each_with_its_quote(page, folder, tmp_path):
    p = page.open((folder / "index.html").as_uri() + "#view=budgets")
    rows = p.locator("#table-budgets tbody tr")
    assert rows.count() >= 12
    assert all(rows.nth(i).locator("blockquote").count() >= 1 for i in range(rows.count()))
    line = p.get_by_label("Filter op Actielijn")
    options = [o for o in line.locator("option").all_inner_texts()[1:]]
    for option in options:
        line.select_option(label=option)
        count = int(re.search(r"\((\d+)\)$", option).group(1))
        assert rows.count() == count
        assert all(rows.nth(i).locator("blockquote").count() >= 1 for i in range(count))
    p.get_by_role("button", name="Filters wissen").click()
    p.locator("#table-budgets th button", has_text="Bedrag").click()  # sort by amount
    p.locator("#table-budgets th button", has_text="Bedrag").click()  # largest first
    first = rows.nth(0).locator("td[data-label=Bedrag]").inner_text()
    assert first.startswith("€") and "." in first  # € 150.000.000, as people read it
    with p.expect_download() as info:
        p.locator("#view-budgets button.csv").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    header, top = text.splitlines()[:2]
    assert header.split(";")[:4] == ["Actielijn", "Regeling", "Budget", "Bedrag"]
    amount = top.split(";")[3]
    # exact, with the decimal comma
    assert re.fullmatch(r"\d+(,\d+)?", amount) and int(amount.split(",")[0]) >= 30_000_000
    screenshot(p, tmp_path, f"task-budgets-{page.viewport}")


def test_share_a_view(page, browser, folder):
    p = page.open((folder / "index.html").as_uri())
    choose(p, "Zorgverzekeraars Nederland")
    p.locator("#language").click()
    shared = p.url
    assert "node=organisation%2Fzn" in shared and "lang=en" in shared
    other = Page(browser, *VIEWPORTS["phone" if page.viewport == "desktop" else "desktop"])
    try:
        q = other.open(shared)
        assert q.locator("#details h2").inner_text() == "Zorgverzekeraars Nederland"
        assert q.locator("#tab-graph").inner_text() == "Network"
        assert other.errors == []
    finally:
        other.close()


def test_export_png_gexf_graphml_from_disk(page, folder):
    p = page.open((folder / "index.html").as_uri() + "#node=organisation/actiz")
    before = p.url
    drawn = p.evaluate("KGX.app.graph.visible.size")
    with p.expect_download() as info:
        p.locator("#export-png").click()
    png = Path(info.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    height = int.from_bytes(png[20:24], "big")
    graph_height = p.evaluate("document.getElementById('graph').getBoundingClientRect().height")
    assert height > graph_height + 60  # title above, legend, source and date below
    with p.expect_download() as info:
        p.locator("#export-gexf").click()
    gexf = Path(info.value.path()).read_text(encoding="utf-8")
    assert gexf.count("<node ") == drawn and "viz:position" in gexf and "viz:color" in gexf
    assert 'label="ActiZ"' in gexf
    with p.expect_download() as info:
        p.locator("#export-graphml").click()
    assert Path(info.value.path()).read_text(encoding="utf-8").count("<node ") == drawn
    p.locator("#tab-analysis").click()
    with p.expect_download() as info:
        p.locator(".exports button", has_text="netwerk.gexf").click()
    assert "<gexf" in Path(info.value.path()).read_text(encoding="utf-8")
    assert p.url.split("#")[0] == before.split("#")[0]  # the page stayed; nothing replaced it


def test_all_from_the_keyboard(page, folder):
    p = page.open((folder / "index.html").as_uri() + "#node=organisation/actiz")
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.id") == "skip-search"
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.id") == "search"
    assert "node=organisation%2Factiz" in p.url  # the skip link did not wipe the view
    p.keyboard.type("HLO")
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.id") == "details-title"
    p.keyboard.press("Tab")  # the close button
    p.keyboard.press("Tab")
    first = p.evaluate("[document.activeElement.className, document.activeElement.tagName]")
    assert first == ["link", "BUTTON"]  # a relation comes before any quote link
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.tagName") == "SUMMARY"
    p.keyboard.press("Enter")  # unfolds the quote under the relation
    assert p.evaluate("document.activeElement.parentElement.open") is True
    quote = "document.activeElement.parentElement.querySelector('blockquote').innerText.length"
    assert p.evaluate(quote) > 20
    # the list mirror of the drawing: reach a node and choose it
    p.locator("#skip-list").focus()
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.closest('#node-list') !== null")
    chosen = p.evaluate("document.activeElement.dataset.node")
    p.keyboard.press("Enter")
    assert p.evaluate("KGX.app.state.node") == chosen and p.locator("#details h2").count() == 1
    # a table, filtered from the keyboard
    p.locator("#tab-graph").focus()
    p.keyboard.press("ArrowRight")
    p.keyboard.press("ArrowRight")
    assert p.locator("#tab-motions").get_attribute("aria-selected") == "true"
    p.get_by_label("Filter op Afhandeling").focus()
    p.keyboard.press("ArrowDown")
    assert p.locator("#table-motions tbody tr").count() < 7
