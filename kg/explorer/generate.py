"""`kg explorer`: write the standalone explorer folder (index.html, data.js, app code, libraries).

The folder works from disk (file://) and offline: the data is a script that sets a global
(no fetch), and sigma and graphology are copied from node_modules, never loaded from a CDN.
The data is JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped, so no label can end the
script or change the page; the page builds its DOM with textContent only.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kg.catalog import Catalog
from kg.errors import InputError
from kg.explorer.extract import GraphData, extract, unlimited
from kg.explorer.kinds import KINDS, legend
from kg.explorer.layout import layout
from kg.explorer.tables import tables
from kg.network import Network, build_network
from kg.settings import ROOT, Settings
from kg.store import Store

STATIC = Path(__file__).parent / "static"
MARKER = "explorer-manifest.json"
FORMAT_VERSION = 1
#: (file in node_modules, name in the folder): the UMD builds that set window.graphology and window.Sigma
VENDOR = (
    ("graphology/dist/graphology.umd.min.js", "graphology.umd.min.js"),
    ("graphology/LICENSE.txt", "graphology-LICENSE.txt"),
    ("sigma/dist/sigma.min.js", "sigma.min.js"),
    ("sigma/LICENSE.txt", "sigma-LICENSE.txt"),
)
EXPORTS = (
    ("network.graphml", "graphml"),
    ("network.gexf", "gexf"),
    ("network.csv", "csv"),
    ("network-edges.csv", "csv-edges"),
)
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass
class Generated:
    folder: Path
    nodes: int
    edges: int
    seconds: float


def node_modules() -> Path:
    return ROOT / "node_modules"


def safe_json(payload: object) -> str:
    """JSON that is also safe inside a <script>: no `</script>`, no HTML comment, no line separators."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "".join(_ESCAPES.get(c, c) for c in text) if any(c in text for c in _ESCAPES) else text


def node_size(degree: int, order: int, weight: float = 1.0) -> float:
    """Pixels at the default zoom: grows with the number of links, weighted by kind."""
    scale = 1.0 if order <= 1000 else 0.6
    return round(min(26.0, (3.5 + 2.0 * math.sqrt(degree)) * scale * weight), 2)


def payload(
    store: Store,
    settings: Settings,
    sources_href: str | None = None,
    served: set[str] | None = None,
    ids_href: str | None = None,
) -> tuple[dict, dict[str, bytes]]:
    """Everything the page shows, as one JSON-ready dict, and the network exports to write beside it.

    With `sources_href`, quotes link to `{sources_href}{file}#L{line}` for the files in `served`
    (default: every file named in the graph). With `ids_href`, identifiers link to
    `{ids_href}id/...` relative to the page (the server that serves it); without, to the
    identifier itself, which names a resource under the configured base (KG_BASE)."""
    store = unlimited(store)
    data = extract(store)
    for source in data.sources:
        source["served"] = bool(
            sources_href and source["file"] and (served is None or source["file"] in served)
        )
    degree = [0] * len(data.nodes)
    for edge in data.edges:
        degree[edge["s"]] += 1
        degree[edge["t"]] += 1
    weights = {k.id: k.weight for k in KINDS}
    sizes = [
        node_size(d, len(data.nodes), weights[n["kind"]]) for d, n in zip(degree, data.nodes, strict=True)
    ]
    pairs: dict[tuple[int, int], float] = {}
    for edge in data.edges:
        key = (min(edge["s"], edge["t"]), max(edge["s"], edge["t"]))
        pairs[key] = pairs.get(key, 0) + 1
    positions = layout(sizes, [(a, b, w) for (a, b), w in pairs.items()], node_modules())
    for node, (x, y), size in zip(data.nodes, positions, sizes, strict=True):
        node.update(x=x, y=y, size=size)
    network = build_network(store)
    content = {
        "version": FORMAT_VERSION,
        "meta": {
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "base": store.base,
            "sourcesHref": sources_href,
            "idsHref": ids_href,
            "nodes": len(data.nodes),
            "edges": len(data.edges),
        },
        "kinds": legend(),
        "relations": data.relations,
        "sources": data.sources,
        "evidence": data.evidence,
        "nodes": [_public(n) for n in data.nodes],
        "edges": data.edges,
        "tables": tables(store, Catalog(settings.queries_dir), data),
        "network": network_data(network, data),
    }
    exports = {name: network.export(fmt) for name, fmt in EXPORTS}
    return content, exports


def _public(node: dict) -> dict:
    return {k: v for k, v in node.items() if v not in (None, [], {"nl": None, "en": None})}


def network_data(network: Network, data: GraphData) -> dict:
    """Centrality, communities and the co-participation links, by node position."""
    index = data.index
    ranking = [
        {
            "node": index[r["iri"]],
            "degree": r["degree"],
            "betweenness": r["betweenness"],
            "degreeCentrality": r["degree_centrality"],
        }
        for r in network.centrality()
        if r["iri"] in index
    ]
    groups = [[index[m["iri"]] for m in c["members"] if m["iri"] in index] for c in network.communities()]
    links = [
        [index[a], index[b], d["weight"], [index[v["iri"]] for v in d["via"] if v["iri"] in index]]
        for a, b, d in network.graph.edges(data=True)
        if a in index and b in index
    ]
    return {"centrality": ranking, "communities": [g for g in groups if g], "links": links}


_LOCAL_ASSET = re.compile(r'(?P<attr>(?:src|href)=")(?P<path>(?!#|[a-z]+:)[\w./-]+\.(?:js|css))"')


def _version_links(page: Path) -> None:
    """Give the page's scripts and style `?v={hash of the file}`: a server may then keep them for a
    year (a new explorer links new versions); from disk the query changes nothing."""
    folder = page.parent

    def versioned(found: re.Match) -> str:
        digest = hashlib.sha256((folder / found["path"]).read_bytes()).hexdigest()[:12]
        return f'{found["attr"]}{found["path"]}?v={digest}"'

    page.write_text(_LOCAL_ASSET.sub(versioned, page.read_text(encoding="utf-8")), encoding="utf-8")


def write_folder(folder: Path, content: dict, exports: dict[str, bytes] | None = None) -> None:
    """Write the explorer into `folder`, replacing an earlier explorer there but nothing else."""
    folder = folder.resolve()
    if folder.exists() and (
        not folder.is_dir() or (any(folder.iterdir()) and not (folder / MARKER).is_file())
    ):
        raise InputError(f"{folder} exists and is not an explorer folder; give a new or empty folder")
    vendor_missing = [name for name, _ in VENDOR if not (node_modules() / name).is_file()]
    if vendor_missing:
        raise InputError(f"missing {', '.join(vendor_missing)} in {node_modules()}: run `npm ci` first")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    staging.chmod(0o755)
    try:
        for item in STATIC.iterdir():
            if item.is_file():
                shutil.copyfile(item, staging / item.name)
        (staging / "vendor").mkdir()
        for source, name in VENDOR:
            shutil.copyfile(node_modules() / source, staging / "vendor" / name)
        (staging / "data.js").write_text(f"window.KG_DATA = {safe_json(content)};\n", encoding="utf-8")
        for name, body in (exports or {}).items():
            (staging / name).write_bytes(body)
        _version_links(staging / "index.html")
        (staging / MARKER).write_text(
            json.dumps({"format": FORMAT_VERSION, **content["meta"]}, indent=1), encoding="utf-8"
        )
        _swap(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, folder: Path) -> None:
    """Put the new folder in place; the old one is removed only after the new one is there."""
    if not folder.exists():
        staging.rename(folder)
        return
    old = folder.with_name(f".{folder.name}-old-{time.time_ns()}")
    folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def generate(
    store: Store,
    settings: Settings,
    folder: Path,
    sources_href: str | None = None,
    served: set[str] | None = None,
    fingerprint: str | None = None,
    ids_href: str | None = None,
) -> Generated:
    """Generate the explorer of `store` into `folder` (`payload` tells what the hrefs do)."""
    started = time.perf_counter()
    content, exports = payload(store, settings, sources_href, served, ids_href)
    content["meta"]["fingerprint"] = fingerprint
    write_folder(folder, content, exports)
    return Generated(
        folder, content["meta"]["nodes"], content["meta"]["edges"], time.perf_counter() - started
    )
