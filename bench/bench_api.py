"""Benchmark of the HTTP service (a script, not a test). Run: `python bench/bench_api.py`.

1. The real graph (build/dataset.nq, built if needed): our `/sparql` and the PyPI package
   `rdflib-endpoint` serve the same data, each in its own single-worker uvicorn process on
   loopback; the same queries (a join, a text search, a listing) are sent to both. Latency p50
   from sequential requests over one keep-alive connection; throughput with `wrk` (Debian
   package) for a fixed duration and a fixed number of connections, or a pool of httpx clients
   without it. Then every stored query (parameters bound) through our `/sparql`, p50.
2. A synthetic graph (kg/synthetic.py, default 1,000,000 triples) served by our app alone:
   bounded queries, listings and whole-graph aggregates, p50 of sequential requests.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.catalog import Catalog  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store import bind_values  # noqa: E402

SKOS = "http://www.w3.org/2004/02/skos/core#"
# Side by side with rdflib-endpoint: stored queries (parameters bound) and three plain queries of
# the kinds the issue measured. (`organisations` is left out: rdflib fails on it with NotBoundError.)
STORED = ["agreement-parties", "members", "motions", "citations", "search"]
PLAIN = [
    (
        "simple join",
        "SELECT ?org ?name WHERE { ?p <def#initiative> <id/agreement/hlo> ; <def#participant> ?org . "
        f"?org <{SKOS}prefLabel> ?name }}",
    ),
    (
        "text search",
        f"SELECT ?s ?l WHERE {{ ?s <{SKOS}prefLabel>|<{SKOS}altLabel> ?l "
        'FILTER(CONTAINS(LCASE(STR(?l)), "zorg")) }',
    ),
    (
        "listing",
        "SELECT ?org ?name WHERE { ?org a <http://www.w3.org/ns/org#Organization> ; "
        f"<{SKOS}prefLabel> ?name }} ORDER BY ?name",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 300) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server for {url} exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def start_ours(build_dir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "KG_BUILD_DIR": str(build_dir), "KG_MAX_ROWS": "10000"}
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "api.app:app_from_env",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, env=env)


def start_rdflib_endpoint(dataset: Path, port: int) -> subprocess.Popen:
    cmd = [sys.executable, __file__, "--rdflib-endpoint-child", str(dataset), str(port)]
    return subprocess.Popen(cmd, cwd=ROOT)


def rdflib_endpoint_child(dataset: str, port: int) -> None:
    """Runs in a child process: rdflib-endpoint over an rdflib Dataset whose default graph is the union."""
    import uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    graph = Dataset(default_union=True)
    graph.parse(dataset, format="nquads")
    app = SparqlEndpoint(graph=graph, public_url=f"http://127.0.0.1:{port}/")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def query_text(name: str, values: dict[str, str], settings: Settings) -> str:
    """A stored query with its parameters bound, and a BASE so any server resolves its relative IRIs."""
    query = Catalog(settings.queries_dir).get(name)
    return f"BASE <{settings.base}>\n" + bind_values(query.text, query.bind(values, settings.base))


def p50_ms(url: str, requests: int = 200, headers: dict | None = None) -> tuple[float, int]:
    """Median latency of sequential GETs over one keep-alive connection, and the answer size."""
    times = []
    with httpx.Client(timeout=120, headers=headers or {}) as client:
        size = len(client.get(url).content)
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code, response.text[:200])
    return statistics.median(times) * 1000, size


def throughput(url: str, seconds: float, connections: int, headers: dict[str, str]) -> float:
    """Requests per second under a bounded load: wrk if installed, else a pool of httpx clients."""
    if shutil.which("wrk"):
        cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "60s"]
        for name, value in headers.items():
            cmd += ["-H", f"{name}: {value}"]
        out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if errors:
            raise SystemExit(f"{errors.group(1)} failed requests to {url}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    end = time.monotonic() + seconds

    def worker(_: int) -> int:
        done = 0
        with httpx.Client(timeout=120, headers=headers) as client:
            while time.monotonic() < end:
                client.get(url).raise_for_status()
                done += 1
        return done

    started = time.monotonic()
    with ThreadPoolExecutor(connections) as pool:
        total = sum(pool.map(worker, range(connections)))
    return total / (time.monotonic() - started)


def compare_with_rdflib_endpoint(settings: Settings, seconds: float, connections: int) -> None:
    from kg.serve_cmd import needs_build

    if needs_build(settings):
        from kg.build import build

        build(settings)
    ours_port, theirs_port = free_port(), free_port()
    ours, theirs = (
        start_ours(settings.build_dir, ours_port),
        start_rdflib_endpoint(settings.dataset_path, theirs_port),
    )
    accept = {"Accept": "application/sparql-results+json"}
    try:
        wait_until_up(f"http://127.0.0.1:{ours_port}/", ours)
        wait_until_up(f"http://127.0.0.1:{theirs_port}/", theirs)
        triples = sum(1 for _ in settings.dataset_path.open(encoding="utf-8"))
        print(
            f"\n## Real graph ({triples} quads), one worker each, {connections} connections, "
            f"{seconds:g} s per run"
        )
        print(
            f"{'query':<34}{'ours p50':>10}{'rdflib-ep p50':>15}{'ours req/s':>12}"
            f"{'rdflib-ep req/s':>17}{'ratio':>8}"
        )
        compared = [(f"stored: {name}", query_text(name, {}, settings)) for name in STORED]
        compared += [(label, f"BASE <{settings.base}>\n{text}") for label, text in PLAIN]
        for label, text in compared:
            encoded = urllib.parse.quote(text)
            urls = (
                f"http://127.0.0.1:{ours_port}/sparql?query={encoded}",
                f"http://127.0.0.1:{theirs_port}/?query={encoded}",
            )
            rows = [
                len(httpx.get(u, headers=accept, timeout=120).json()["results"]["bindings"]) for u in urls
            ]
            if rows[0] != rows[1]:
                print(f"  note: {label}: {rows[0]} rows here, {rows[1]} from rdflib-endpoint")
            (ours_p50, _), (theirs_p50, _) = p50_ms(urls[0], 200, accept), p50_ms(urls[1], 20, accept)
            ours_rps = throughput(urls[0], seconds, connections, accept)
            theirs_rps = throughput(urls[1], seconds, connections, accept)
            print(
                f"{label:<34}{ours_p50:>8.2f}ms{theirs_p50:>13.2f}ms{ours_rps:>12.0f}"
                f"{theirs_rps:>17.1f}{ours_rps / theirs_rps:>7.1f}x"
            )
        print("\n## Every stored query through our /sparql (parameters bound), p50 of 100 requests")
        for name in (query.name for query in Catalog(settings.queries_dir)):
            encoded = urllib.parse.quote(query_text(name, {}, settings))
            ms, size = p50_ms(f"http://127.0.0.1:{ours_port}/sparql?query={encoded}", 100, accept)
            print(f"{name:<34}{ms:>8.2f}ms{size:>10} bytes")
    finally:
        for proc in (ours, theirs):
            proc.terminate()
            proc.wait(30)


def synthetic_dataset(triples: int, folder: Path, settings: Settings) -> Path:
    """A build in `folder` of a synthetic graph, the real ontology and the derived display labels
    (not validated: it is generated), published as `kg build` publishes."""
    import dataclasses

    import pyoxigraph as ox

    from kg.build import ontology_graph, publish_store
    from kg.derive import display_labels
    from kg.rdfio import parse_file
    from kg.store import MERGE_DEFAULT, EmbeddedStore
    from kg.synthetic import generate

    trig = folder / "synthetic.trig"
    with trig.open("w", encoding="utf-8") as out:
        for chunk in generate(triples):
            out.write(chunk)
    target = dataclasses.replace(settings, build_dir=folder)
    store = EmbeddedStore(target)
    store.native.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG, base_iri=settings.base)
    store.native.update(MERGE_DEFAULT)
    for path in sorted(settings.ontology_dir.glob("*.ttl")):
        store.load(parse_file(path, settings.base, ontology_graph(settings.base)))
    store.load(display_labels(store.native, settings.base))  # as `kg build` derives them
    publish_store(target, store)
    return target.dataset_path


def at_scale(settings: Settings, triples: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        synthetic_dataset(triples, folder, settings)
        print(
            f"\n## Synthetic graph, {triples:,} triples "
            f"(generated and written in {time.perf_counter() - started:.1f} s)"
        )
        port = free_port()
        server = start_ours(folder, port)
        try:
            started = time.perf_counter()
            wait_until_up(f"http://127.0.0.1:{port}/", server)
            print(f"server up in {time.perf_counter() - started:.1f} s")
            base = f"http://127.0.0.1:{port}"
            aggregate = (
                "SELECT ?class (COUNT(*) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)"
            )
            parties = (
                f"BASE <{settings.base}> SELECT ?org ?name WHERE "
                "{ ?p <def#initiative> <id/agreement/ag-3> ; "
                "<def#participant> ?org . ?org <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"
            )
            cases = [
                (
                    "bounded",
                    "/sparql: parties of one agreement",
                    f"/sparql?query={urllib.parse.quote(parties)}",
                    10,
                ),
                (
                    "bounded",
                    "/queries/agreement-parties (ag-3)",
                    "/queries/agreement-parties?agreement=id/agreement/ag-3",
                    10,
                ),
                ("bounded", "/api/v1/organisations/org-12 (describe)", "/api/v1/organisations/org-12", 10),
                ("bounded", "/api/v1/search?q=org-12", "/api/v1/search?q=org-12", 10),
                ("listing", "/api/v1/organisations?limit=50", "/api/v1/organisations?limit=50", 50),
                (
                    "listing",
                    "/api/v1/organisations?offset=2000",
                    "/api/v1/organisations?offset=2000&limit=50",
                    50,
                ),
                # every organisation with its kind and number of sources: a whole-graph aggregate
                ("aggregate", "/queries/organisations (1000 rows)", "/queries/organisations", 1000),
                (
                    "aggregate",
                    "/sparql: count per class",
                    f"/sparql?query={urllib.parse.quote(aggregate)}",
                    1000,
                ),
                (
                    "aggregate",
                    "/sparql: count all triples",
                    f"/sparql?query={urllib.parse.quote('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}",
                    1000,
                ),
            ]
            print(f"{'kind':<10}{'request':<44}{'first':>10}{'p50':>10}{'target':>10}")
            for kind, label, path, target in cases:
                started = time.perf_counter()
                httpx.get(base + path, timeout=120).raise_for_status()
                first = (time.perf_counter() - started) * 1000
                requests = 5 if kind == "aggregate" else 50
                p50, _ = p50_ms(base + path, requests)
                verdict = "ok" if p50 < target else "SLOW"
                print(
                    f"{kind:<10}{label:<44}{first:>8.1f}ms{p50:>8.2f}ms"
                    f"{'<' + str(target) + 'ms':>10}  {verdict}"
                )
        finally:
            server.terminate()
            server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5, help="duration of each throughput run")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the synthetic graph (0: skip)"
    )
    parser.add_argument("--rdflib-endpoint-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rdflib_endpoint_child:
        rdflib_endpoint_child(args.rdflib_endpoint_child[0], int(args.rdflib_endpoint_child[1]))
        return
    settings = Settings.from_env()
    compare_with_rdflib_endpoint(settings, args.seconds, args.connections)
    if args.triples:
        at_scale(settings, args.triples)


if __name__ == "__main__":
    main()
