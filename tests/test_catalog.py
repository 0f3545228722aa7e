"""Stored queries: every file parses, is documented, and binds its parameters as typed terms."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.catalog import Catalog, Param, parse_query_file, to_term
from kg.errors import NotFound, ParameterError
from kg.settings import ROOT
from kg.store import bind_values

CATALOG = Catalog(ROOT / "queries")
BASE = "http://localhost:8000/"


def test_at_least_twelve_stored_queries() -> None:
    assert len(CATALOG.queries) >= 12


@pytest.mark.parametrize("name", sorted(CATALOG.queries))
def test_query_parses_and_is_documented(name: str) -> None:
    query = CATALOG.get(name)
    assert query.title and query.title != name
    assert len(query.description) > 20
    bindings = query.bind({}, BASE)  # every parameter has a default
    store = ox.Store()
    store.query(bind_values(query.text, bindings), base_iri=BASE)  # raises SyntaxError if broken


@pytest.mark.parametrize("name", sorted(CATALOG.queries))
def test_declared_parameters_are_used(name: str) -> None:
    query = CATALOG.get(name)
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    for param in query.params:
        assert re.search(rf"\?{param.name}\b", body), f"{name}: ?{param.name} not in the query"


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(NotFound) as caught:
        CATALOG.get("nope")
    assert "agreement-parties" in caught.value.message


def test_parameters_are_typed() -> None:
    assert to_term("ag:hlo", Param("a", "iri"), BASE) == ox.NamedNode(BASE + "id/agreement/hlo")
    assert to_term("id/law/wlz", Param("a", "iri"), BASE) == ox.NamedNode(BASE + "id/law/wlz")
    assert to_term("42", Param("n", "integer"), BASE).datatype.value.endswith("#integer")
    assert to_term("2023-03-28", Param("d", "date"), BASE).value == "2023-03-28"
    for value, kind in [
        ("x y", "iri"),
        ("zz:1", "iri"),
        ("4.2", "integer"),
        ("28-03-2023", "date"),
        ("maybe", "boolean"),
        ("abc", "decimal"),
    ]:
        with pytest.raises(ParameterError) as caught:
            to_term(value, Param("p", kind), BASE)
        assert caught.value.details["parameter"] == "p"


def test_values_cannot_change_the_query() -> None:
    query = CATALOG.get("search")
    hostile = '"} } DROP ALL ; SELECT * WHERE { ?s ?p ?o'
    text = bind_values(query.text, query.bind({"q": hostile}, BASE))
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode(BASE + "id/x"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("x", language="nl"),
        )
    )
    assert list(store.query(text, base_iri=BASE, use_default_graph_as_union=True)) == []
    assert len(store) == 1


def test_bad_parameter_header_is_reported(tmp_path) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("# title: Bad\n# param: x float\nSELECT * WHERE { ?x ?p ?o }\n")
    with pytest.raises(ParameterError) as caught:
        parse_query_file(path)
    assert "bad.rq" in caught.value.message
