"""Generating the explorer folder: its data, its safety, and where it may write."""

from __future__ import annotations

import json
import re

import pytest
from graph_helpers import agreement, graph, org, store_of, takes_part

from kg.errors import InputError
from kg.explorer.generate import MARKER, generate, payload, safe_json
from kg.settings import Settings

HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' </script><!-- & \u2028"
TRIG = graph(
    org("zn", "Zorgverzekeraars Nederland", "ZN"),
    org("loc", "Landelijke Organisatie Cliëntenraden", "LOC"),
    agreement("hlo", "Hoofdlijnenakkoord Ouderenzorg", "HLO"),
    takes_part("zn", "ag:hlo", "opsteller", "De partijen zijn ZN en LOC."),
    takes_part("loc", "ag:hlo", "ondertekenaar", "LOC tekent."),
    "o:nolabel a org:Organization .\n",
    f'o:evil a org:Organization ; skos:prefLabel "{HOSTILE.replace(chr(34), chr(92) + chr(34))}"@nl .\n',
)


@pytest.fixture
def settings(tmp_path):
    return Settings(build_dir=tmp_path / "build")


def test_payload_has_nodes_edges_quotes_and_sources(tmp_path, settings):
    content, exports = payload(store_of(tmp_path, TRIG), settings)
    nodes = {n["id"]: n for n in content["nodes"]}
    assert nodes["organisation/zn"]["label"] == {"nl": "Zorgverzekeraars Nederland", "en": None}
    assert nodes["organisation/zn"]["alt"] == ["ZN"] and nodes["organisation/zn"]["kind"] == "organisation"
    assert nodes["organisation/nolabel"]["label"] == {
        "nl": "organisatie nolabel",
        "en": "organisation nolabel",
    }
    assert all(isinstance(n["x"], float) and n["size"] > 0 for n in content["nodes"])
    position = {n["id"]: i for i, n in enumerate(content["nodes"])}
    edge = next(e for e in content["edges"] if e["s"] == position["organisation/zn"])
    assert edge["t"] == position["agreement/hlo"]
    assert content["relations"][edge["rel"]] == {
        "nl": "opsteller",
        "en": "drafting party",
        "group": "participation",
    }
    source, start, end, quote = content["evidence"][edge["ev"][0]]
    assert (start, end, quote) == (3, 4, "De partijen zijn ZN en LOC.")
    assert content["sources"][source]["file"] == "l.txt"
    assert content["sources"][source]["url"].startswith("https://zoek.officielebekendmakingen.nl/")
    matrix = content["tables"]["matrix"]
    assert [content["nodes"][c]["id"] for c in matrix["columns"]] == ["agreement/hlo"]
    roles = {content["nodes"][c["row"]]["id"]: c["role"]["nl"] for c in matrix["cells"]}
    assert roles == {"organisation/zn": "opsteller", "organisation/loc": "ondertekenaar"}
    assert set(exports) == {"network.graphml", "network.gexf", "network.csv", "network-edges.csv"}


def test_layout_is_stable(tmp_path, settings):
    store = store_of(tmp_path, TRIG)
    first = [(n["x"], n["y"]) for n in payload(store, settings)[0]["nodes"]]
    assert first == [(n["x"], n["y"]) for n in payload(store, settings)[0]["nodes"]]


def test_safe_json_cannot_end_a_script():
    text = safe_json({"label": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": HOSTILE}


def test_folder_holds_page_data_libraries_and_exports(tmp_path, settings):
    folder = tmp_path / "explorer"
    done = generate(store_of(tmp_path, TRIG), settings, folder)
    assert done.nodes >= 5
    for name in (
        "index.html",
        "app.js",
        "app.css",
        "data.js",
        "vendor/sigma.min.js",
        "vendor/graphology.umd.min.js",
        "network.graphml",
        MARKER,
    ):
        assert (folder / name).is_file(), name
    data = (folder / "data.js").read_text(encoding="utf-8")
    assert data.startswith("window.KG_DATA = {") and "</script" not in data.lower() and "<!--" not in data
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://(?!zoek\.officielebekendmakingen)", html), "no CDN or remote asset"
    assert "script-src 'self'" in html  # Content-Security-Policy: no inline or remote script
    assert "fetch(" not in "".join(p.read_text() for p in folder.glob("*.js") if p.name != "data.js")


def test_regenerating_replaces_the_old_folder_but_never_a_foreign_one(tmp_path, settings):
    store = store_of(tmp_path, TRIG)
    folder = tmp_path / "explorer"
    generate(store, settings, folder)
    (folder / "stale.txt").write_text("old")
    generate(store, settings, folder)
    assert not (folder / "stale.txt").exists()
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "report.docx").write_text("mine")
    with pytest.raises(InputError, match="not an explorer folder"):
        generate(store, settings, foreign)
    assert (foreign / "report.docx").read_text() == "mine"


def test_empty_graph_still_generates(tmp_path, settings):
    done = generate(store_of(tmp_path, "", with_ontology=False), settings, tmp_path / "empty")
    assert (done.nodes, done.edges) == (0, 0)
    data = json.loads((tmp_path / "empty" / "data.js").read_text()[len("window.KG_DATA = ") : -2])
    assert data["nodes"] == [] and data["tables"]["matrix"]["rows"] == []
