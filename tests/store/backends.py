"""Helpers for the store contract suite: the tiny graph, a real `oxigraph serve`, a store per backend."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.remote import RemoteStore
from kg.settings import Settings
from kg.store import EmbeddedStore
from kg.tools import oxigraph_server

BASE = "http://example.org/"
TINY = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix kgdef: <def#> .
GRAPH <graph/a> {
  <id/organisation/zn> a org:Organization ; skos:prefLabel "Zorgverzekeraars Nederland"@nl ;
      skos:altLabel "ZN" .
  <id/organisation/pfn> a org:Organization ; skos:prefLabel "Patiëntenfederatie Nederland"@nl .
}
GRAPH <graph/b> {
  <id/organisation/zn> kgdef:relatedTo <id/organisation/pfn> ;
      skos:prefLabel "Zorgverzekeraars Nederland"@nl .
  <id/agreement/hlo> a kgdef:Agreement ; skos:prefLabel "Hoofdlijnenakkoord Ouderenzorg"@nl .
}
"""


def tiny_quads() -> list[ox.Quad]:
    return list(ox.parse(TINY, format=ox.RdfFormat.TRIG, base_iri=BASE))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_oxigraph(folder: Path) -> tuple[subprocess.Popen, str]:
    """`oxigraph serve` on a free loopback port, waits until it answers."""
    try:
        binary = oxigraph_server()
    except InputError as missing:
        pytest.fail(missing.message)
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return proc, url
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()[:500]}")
            time.sleep(0.05)
    proc.kill()
    pytest.fail("oxigraph serve did not start within 10 s")


def make_store(backend: str, url: str | None, **overrides) -> EmbeddedStore | RemoteStore:
    if backend == "embedded":
        return EmbeddedStore(Settings(base=BASE, **overrides))
    settings = Settings(base=BASE, sparql_endpoint=f"{url}/query", **overrides)
    remote = RemoteStore(settings)
    remote.update("DROP SILENT ALL")
    return remote
