"""Both store backends over the same tiny graph: embedded pyoxigraph and a real `oxigraph serve`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store.backends import make_store, start_oxigraph, tiny_quads


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory) -> Iterator[str]:
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.slow)])
def store_factory(request):
    """Makes an empty store of the backend under test (the remote one is wiped first)."""
    url = request.getfixturevalue("oxigraph_url") if request.param == "remote" else None
    return lambda **overrides: make_store(request.param, url, **overrides)


@pytest.fixture
def store(store_factory):
    """A store of the backend under test, holding the tiny graph."""
    s = store_factory()
    s.load(tiny_quads())
    return s
