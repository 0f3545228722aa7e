"""The co-participation aggregate is computed at build and apply, kept in the build folder, and
served by the stored query with the rows the SPARQL query gives."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg import builds
from kg.apply import apply_documents
from kg.build import build
from kg.builds import DamagedBuild
from kg.catalog import Catalog
from kg.query import run
from kg.service import open_store
from kg.store import EmbeddedStore
from kg.synthetic import write as write_synthetic
from tests.conftest import TINY

SQL = "co-participation"
SECOND = (
    TINY.replace("<graph/tiny>", "<graph/second>")
    .replace("ltr:t ", "ltr:second ")
    .replace("wasDerivedFrom ltr:t", "wasDerivedFrom ltr:second")
    .replace('"tiny.txt"', '"second.txt"')
    .replace("o:actiz", "o:vng")
    .replace('"ActiZ"', '"VNG"@nl')
    .replace("part:x-actiz", "part:x-vng")
)


def live_rows(settings) -> list[list[str]]:
    """The rows the SPARQL query gives on the published build (past the kept aggregate)."""
    store = EmbeddedStore.open_built(settings)
    store.build = None  # as a remote store: no build folder, so the query runs
    query = Catalog(settings.queries_dir).get(SQL)
    result = run(store, query).result
    return [[t.value for t in row] for row in result.rows]


def kept_rows(settings) -> list[list[str]]:
    result = run(open_store(settings, read_only=True), Catalog(settings.queries_dir).get(SQL)).result
    return [[t.value for t in row] for row in result.rows]


def _ordered(rows):
    return sorted(rows, key=lambda r: (-int(r[4]), r[1], r[3], r[0], r[2]))


def test_kept_rows_equal_the_sparql_query_on_the_real_graph(built):
    live = live_rows(built)
    assert len(live) > 50  # the HLO letter alone has dozens of pairs
    assert kept_rows(built) == _ordered(live)


def test_kept_rows_equal_the_sparql_query_on_a_synthetic_graph(tiny):
    write_synthetic(tiny.data_dir / "synthetic.trig", 3000)
    build(tiny)
    live = live_rows(tiny)
    assert len(live) > 10
    assert kept_rows(tiny) == _ordered(live)


def test_the_stored_query_route_serves_the_kept_rows(built):
    client = TestClient(create_app(built, open_store(built)))
    served = client.get(f"/queries/{SQL}").json()["results"]["bindings"]
    rows = [[b[v]["value"] for v in ("a", "aName", "b", "bName", "shared")] for b in served]
    assert rows == _ordered(live_rows(built))[: len(rows)] and rows


def test_an_applied_document_with_a_new_participation_shows_up(tiny):
    build(tiny)
    assert kept_rows(tiny) == []  # one organisation: no pair
    apply_documents(tiny, {tiny.data_dir / "second.trig": SECOND})
    rows = kept_rows(tiny)
    assert [r[1] for r in rows] == ["ActiZ"] and [r[3] for r in rows] == ["VNG"] and rows[0][4] == "1"
    assert rows == _ordered(live_rows(tiny))


def test_a_damaged_aggregate_is_a_clear_error(tiny):
    build(tiny)
    folder, meta = builds.published(tiny)
    (folder / meta["aggregates"][SQL]["file"]).write_text(json.dumps({"rows": [["x"]]}))
    with pytest.raises(DamagedBuild, match="co-participation.json.*do not match the manifest"):
        kept_rows(tiny)
    (folder / meta["aggregates"][SQL]["file"]).unlink()
    with pytest.raises(DamagedBuild, match="cannot read the kept aggregate"):
        kept_rows(tiny)


def test_an_updated_store_runs_the_query_again(tiny):
    apply_documents(tiny, {tiny.data_dir / "second.trig": SECOND})
    store = open_store(tiny)
    store.update(
        "PREFIX kgdef: <def#> INSERT DATA { GRAPH <graph/notes> { <id/participation/n> "
        "kgdef:participant <id/organisation/actiz> ; kgdef:initiative <id/agreement/y> . "
        "<id/participation/m> kgdef:participant <id/organisation/vng> ; kgdef:initiative <id/agreement/y> } }"
    )
    assert store.build is None  # the served data is no longer the build's: the query runs
    rows = [[t.value for t in r] for r in run(store, Catalog(tiny.queries_dir).get(SQL)).result.rows]
    assert [r[4] for r in rows] == ["2"]
