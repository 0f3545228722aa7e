"""The search index (substring over folded labels) and the cached, name-ordered listings."""

from __future__ import annotations

import pyoxigraph as ox

from kg.resources import KINDS, Filters, list_resources
from kg.search import Entry, SearchIndex, fold
from kg.settings import Settings
from kg.store import EmbeddedStore
from kg.store_cache import forget

BASE = "http://localhost:8000/"
NAMES = {
    "zn": ["Zorgverzekeraars Nederland", "ZN"],
    "pfn": ["Patiëntenfederatie Nederland", "PFN"],
    "actiz": ["ActiZ"],
    "vng": ["Vereniging Nederlandse Gemeenten", "VNG"],
}


def index() -> SearchIndex:
    return SearchIndex(
        [
            Entry(f"{BASE}id/organisation/{slug}", labels[0], labels, [], [fold(x) for x in labels])
            for slug, labels in NAMES.items()
        ]
    )


def test_search_finds_substrings_without_case_or_diacritics_best_first() -> None:
    hits, total = index().search("zorgverz")
    assert total == 1 and hits[0].name == "Zorgverzekeraars Nederland"
    hits, total = index().search("patiente")
    assert [h.name for h in hits] == ["Patiëntenfederatie Nederland"]
    hits, total = index().search("nederland")
    assert total == 3 and {h.score for h in hits} == {2}  # a word start, never the start of the name
    hits, _ = index().search("zn")
    assert hits[0].score == 0  # the abbreviation itself


def test_search_agrees_with_a_plain_scan_and_never_matches_across_labels() -> None:
    idx = index()
    for text in ("n", "e", "land", "nl", "z", "nd\nz", "d z"):
        needle = fold(" ".join(text.split()))
        expected = {e.iri for e in idx.entries if any(needle in f for f in e.folded)}
        assert {h.iri for h in idx.search(text, limit=100)[0]} == expected, text
    assert idx.search("   ")[1] == 0


def test_listing_is_ordered_by_name_paged_and_refreshed_after_forget() -> None:
    store = EmbeddedStore(Settings(base=BASE))
    org = ox.NamedNode("http://www.w3.org/ns/org#Organization")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    graph = ox.NamedNode(BASE + "graph/a")

    def add(slug: str, name: str) -> None:
        node = ox.NamedNode(f"{BASE}id/organisation/{slug}")
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        store.load(
            [
                ox.Quad(node, rdf_type, org, graph),
                ox.Quad(node, label, ox.Literal(name, language="nl"), graph),
            ]
        )

    for slug, name in (
        ("vng", "Vereniging Nederlandse Gemeenten"),
        ("actiz", "ActiZ"),
        ("zn", "Zorgverzekeraars"),
    ):
        add(slug, name)
    kind = KINDS["organisations"]
    items, total = list_resources(store, kind, Filters(), limit=2)
    assert total == 3 and [i.slug for i in items] == ["actiz", "vng"]
    assert [i.slug for i in list_resources(store, kind, Filters(), limit=2, offset=2)[0]] == ["zn"]
    add("anbo", "ANBO")
    assert list_resources(store, kind, Filters())[1] == 3  # kept until the service forgets it
    forget(store)
    assert [i.slug for i in list_resources(store, kind, Filters())[0]][:2] == ["actiz", "anbo"]
