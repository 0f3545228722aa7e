"""Explorer benchmark: generation time, first render and interaction in headless Chromium.

    python bench/bench_explorer.py                 # the real graph (run `kg build` first)
    python bench/bench_explorer.py --nodes 5000 --edges 20000 --triples 100000

Measures (targets from issue 4):
- generation of the real graph's explorer (< 2 s);
- first render of the real graph, from navigation start to the first drawn frame (< 1 s);
- a synthetic explorer of 5,000 nodes and 20,000 edges: first render (< 3 s), search and click
  (< 100 ms each, from the event to the updated page, including the next frame);
- generation from a synthetic RDF graph of --triples triples (kg.synthetic), for scale;
- page weight of each interface served by the API (explorer, SPARQL editor, API docs): the bytes
  on the wire (compressed) and unpacked, of the page and everything it loads.
Uses Debian's /usr/bin/chromium through Playwright (KG_CHROMIUM to override).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "explorer"))

from browser_helpers import launch  # noqa: E402

from kg.explorer.generate import generate, node_modules, node_size, write_folder  # noqa: E402
from kg.explorer.kinds import KINDS, legend  # noqa: E402
from kg.explorer.layout import layout  # noqa: E402
from kg.settings import Settings  # noqa: E402

WORDS = ("zorg", "wonen", "ouderen", "welzijn", "samen", "regio", "thuis", "kennis", "netwerk", "vitaal")


def synthetic_content(nodes: int, edges: int, seed: int = 7) -> dict:
    """An explorer payload of exactly `nodes` nodes and `edges` edges, shaped like the real one."""
    rng = random.Random(seed)
    kinds = [k.id for k in KINDS]
    share = {"organisation": 200, "coalition": 30, "measure": 40, "document": 40, "motion": 8, "person": 17}
    node_kinds = rng.choices(kinds, weights=[share.get(k, 6) for k in kinds], k=nodes)
    out_nodes = [
        {
            "id": f"{k}/n{i}",
            "iri": f"http://localhost:8000/id/{k}/n{i}",
            "kind": k,
            "label": {
                "nl": f"{k.capitalize()} {i} {rng.choice(WORDS)} {rng.choice(WORDS)}",
                "en": f"{k.capitalize()} {i} (en)",
            },
            "alt": [f"{k[:2].upper()}{i}"],
            "ev": [i % 500],
            "src": [i % 20],
        }
        for i, k in enumerate(node_kinds)
    ]
    pairs: set[tuple[int, int]] = set()
    hubs = list(range(0, nodes, 25))
    while len(pairs) < edges:
        a = rng.randrange(nodes)
        b = rng.choice(hubs) if rng.random() < 0.5 else rng.randrange(nodes)
        if a != b:
            pairs.add((a, b))
    out_edges = [
        {"s": a, "t": b, "rel": rng.randrange(6), "ev": [rng.randrange(500)]} for a, b in sorted(pairs)
    ]
    degree = [0] * nodes
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    weight = {k.id: k.weight for k in KINDS}
    sizes = [node_size(d, nodes, weight[n["kind"]]) for d, n in zip(degree, out_nodes, strict=True)]
    for node, (x, y), size in zip(
        out_nodes, layout(sizes, [(a, b, 1) for a, b in pairs], node_modules()), sizes, strict=True
    ):
        node.update(x=x, y=y, size=size)
    orgs = [i for i, n in enumerate(out_nodes) if n["kind"] == "organisation"]
    return {
        "version": 1,
        "meta": {
            "generated": "synthetic",
            "base": "http://localhost:8000/",
            "sourcesHref": None,
            "nodes": nodes,
            "edges": edges,
        },
        "kinds": legend(),
        "relations": [
            {"nl": n, "en": n, "group": "participation"}
            for n in ("opsteller", "partij", "lid", "betrokken", "uitvoerder", "verwijst naar")
        ],
        "sources": [
            {
                "iri": f"http://localhost:8000/id/letter/s{i}",
                "id": f"letter/s{i}",
                "label": {"nl": f"Brief {i}", "en": None},
                "file": f"s{i}.txt",
                "url": f"https://zoek.officielebekendmakingen.nl/kst-1-{i}.html",
                "served": False,
            }
            for i in range(20)
        ],
        "evidence": [
            [i % 20, i, i + 2, f"Citaat {i}: " + " ".join(rng.choices(WORDS, k=12))] for i in range(500)
        ],
        "nodes": out_nodes,
        "edges": out_edges,
        "tables": {
            "matrix": {"columns": [], "rows": [], "cells": [], "truncated": False},
            "motions": {"rows": [], "truncated": False},
            "budgets": {"rows": [], "truncated": False},
            "timeline": {"rows": [], "truncated": False},
        },
        "network": {
            "centrality": [
                {"node": o, "degree": degree[o], "betweenness": 0.0, "degreeCentrality": 0.0}
                for o in orgs[:500]
            ],
            "communities": [orgs[:50]],
            "links": [[orgs[i], orgs[i + 1], 1, []] for i in range(200)],
        },
    }


def browser():
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    return manager, launch(manager)  # the same Chromium, with the same flags, as the tests


def first_render(chromium, url: str, runs: int = 5) -> float:
    """Median ms from navigation start to the first frame drawn with the graph (KGX.ready)."""
    found = []
    for _ in range(runs):
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60_000)
        found.append(page.evaluate("KGX.ready"))
        page.close()
    return statistics.median(found)


INTERACT = """async ([query, id]) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const box = document.getElementById('search');
  const times = {};
  await frame();
  let t = performance.now();
  box.value = query; box.dispatchEvent(new Event('input'));
  times.suggestions = document.querySelectorAll('#suggestions li').length;
  times.searchSync = performance.now() - t; await frame(); times.search = performance.now() - t;
  box.value = ''; box.dispatchEvent(new Event('input'));
  await frame();
  const drawn = KGX.graphDrawn;
  t = performance.now();
  KGX.app.select(id, {fromGraph: true});
  times.clickSync = performance.now() - t; await frame(); times.click = performance.now() - t;
  while (KGX.graphDrawn === drawn) await frame();
  await frame();
  times.redraw = performance.now() - t;
  times.title = document.querySelector('#details h2').textContent;
  return times;
}"""


def interaction(chromium, url: str, query: str, node_id: str) -> dict:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60_000)
    results = [page.evaluate(INTERACT, [query, node_id]) for _ in range(5)]
    page.close()
    return {
        k: statistics.median(r[k] for r in results)
        for k in ("searchSync", "search", "clickSync", "click", "redraw")
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--triples", type=int, default=100_000, help="size of the synthetic RDF graph")
    args = parser.parse_args()
    settings = Settings.from_env()
    work = Path(tempfile.mkdtemp(prefix="bench-explorer-"))
    manager, chromium = browser()
    try:
        from kg.service import open_store

        store = open_store(settings, read_only=True)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            done = generate(store, settings, work / "real")
            times.append(time.perf_counter() - started)
        print(f"real graph: {done.nodes} nodes, {done.edges} edges")
        print(f"  generation      {statistics.median(times):7.2f} s   (target < 2 s)")
        url = (work / "real" / "index.html").as_uri()
        print(f"  first render    {first_render(chromium, url):7.0f} ms  (target < 1000 ms)")
        real = interaction(chromium, url, "zorgverz", "organisation/zn")
        print(
            f"  search / click  {real['search']:7.1f} / {real['click']:.1f} ms (to the painted frame); "
            f"graph highlight redrawn after {real['redraw']:.0f} ms"
        )

        started = time.perf_counter()
        content = synthetic_content(args.nodes, args.edges)
        write_folder(work / "synthetic", content)
        print(
            f"synthetic explorer: {args.nodes} nodes, {args.edges} edges "
            f"(data and layout {time.perf_counter() - started:.2f} s)"
        )
        url = (work / "synthetic" / "index.html").as_uri()
        print(f"  first render    {first_render(chromium, url):7.0f} ms  (target < 3000 ms)")
        synthetic = interaction(chromium, url, "organisation 12", content["nodes"][0]["id"])
        print(
            f"  search          {synthetic['search']:7.1f} ms  (handler {synthetic['searchSync']:.1f} ms; "
            "target < 100 ms)"
        )
        print(
            f"  click           {synthetic['click']:7.1f} ms  (handler {synthetic['clickSync']:.1f} ms; "
            "details panel painted; target < 100 ms)"
        )
        print(
            f"  graph redrawn   {synthetic['redraw']:7.1f} ms  after the click (highlight of the neighbours)"
        )
        page_weights(chromium, settings, store)
        rdf_scale(settings, work, args.triples)
    finally:
        chromium.close()
        manager.stop()
    return 0


def page_weights(chromium, settings: Settings, store) -> None:
    """Bytes each interface costs a browser: compressed on the wire and unpacked."""
    from browser_helpers import serving

    from api.app import create_app

    measure = """() => {
        const all = [...performance.getEntriesByType('navigation'),
                     ...performance.getEntriesByType('resource')];
        const sum = (key) => all.reduce((n, e) => n + (e[key] || 0), 0);
        return [sum('encodedBodySize'), sum('decodedBodySize'), all.length];
    }"""
    with serving(create_app(settings, store)) as url:
        for name, path, ready in (
            ("explorer", "/explorer/", "document.body.dataset.ready === 'true'"),
            ("SPARQL editor", "/sparql", "window.kgYasgui && document.querySelector('.CodeMirror')"),
            ("API docs", "/docs", "document.querySelector('.swagger-ui .info')"),
        ):
            context = chromium.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_function(ready, timeout=30_000)
            wire, unpacked, files = page.evaluate(measure)
            print(
                f"  page weight {name:14} {wire / 1024:7.0f} KB compressed "
                f"({unpacked / 1024:.0f} KB unpacked, {files} files)"
            )
            context.close()


def rdf_scale(settings: Settings, work: Path, triples: int) -> None:
    """Generation from a synthetic RDF graph (kg.synthetic), loaded without validation."""
    import pyoxigraph as ox

    from kg.build import ontology_graph
    from kg.derive import display_labels
    from kg.rdfio import parse_file
    from kg.store import EmbeddedStore
    from kg.synthetic import write

    trig = work / "synthetic.trig"
    write(trig, triples)
    store = EmbeddedStore(settings)
    for ttl in sorted(settings.ontology_dir.glob("*.ttl")):
        store.load(parse_file(ttl, settings.base, ontology_graph(settings.base)))
    store.load(parse_file(trig, settings.base, ox.NamedNode(settings.base + "graph/synthetic")))
    store.load(display_labels(store.native, settings.base))
    started = time.perf_counter()
    done = generate(store, settings, work / "rdf")
    print(
        f"synthetic RDF graph of {store.count()} triples: {done.nodes} nodes, {done.edges} edges, "
        f"generation {time.perf_counter() - started:.2f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
