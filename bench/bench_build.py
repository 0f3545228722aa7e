"""Benchmark of `kg build` and `kg query`: the real graph, then synthetic graphs of 100k and 1M triples.

Each figure is the wall time of a whole `kg` process (start-up included) and its peak
resident memory. Run: `python bench/bench_build.py [--sizes 100000 1000000]`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_kg(env: dict[str, str], *args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `kg` process (GNU time reports the RSS)."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "kg", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def source_dir(root: Path, data: Path | None, link_data: bool = True) -> Path:
    root.mkdir(parents=True)
    for name in ("ontology", "shapes", "queries"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "kg").mkdir()
    if data is None and not link_data:
        (root / "kg" / "data").mkdir()
    elif data is None:
        (root / "kg" / "data").symlink_to(ROOT / "kg" / "data", target_is_directory=True)
    else:
        (root / "kg" / "data").mkdir()
        data.rename(root / "kg" / "data" / data.name)
    return root


def oxigraph_load(dataset: Path, folder: Path) -> float:
    """Wall seconds of the Oxigraph CLI loading `dataset` into a new on-disk store: the floor."""
    from kg.tools import oxigraph_server

    started = time.perf_counter()
    subprocess.run(
        [str(oxigraph_server()), "load", "--location", str(folder), "--file", str(dataset)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def real_graph(tmp: Path) -> None:
    env = {
        **os.environ,
        "KG_SOURCE_DIR": str(source_dir(tmp / "real", None)),
        "KG_BUILD_DIR": str(tmp / "real-build"),
    }
    cold, rss = run_kg(env, "build", "--no-cache")
    warm, _ = run_kg(env, "build")
    print(f"real graph: kg build {cold:.2f} s without cache, {warm:.2f} s with cache; peak {rss:.0f} MiB")
    from kg.catalog import Catalog

    times = {q.name: run_kg(env, "query", q.name, "-f", "json")[0] for q in Catalog(ROOT / "queries")}
    slowest = max(times, key=times.get)
    print(
        f"real graph: kg query, {len(times)} stored queries: max {times[slowest]:.3f} s ({slowest}), "
        f"median {sorted(times.values())[len(times) // 2]:.3f} s (wall, start-up included)"
    )


def synthetic(tmp: Path, triples: int) -> None:
    data = tmp / f"synth-{triples}.trig"
    env = {**os.environ, "KG_SOURCE_DIR": "", "KG_BUILD_DIR": ""}
    gen, _ = run_kg(env, "synth", "--triples", str(triples), "-o", str(data))
    src = source_dir(tmp / f"src-{triples}", data)
    env = {**os.environ, "KG_SOURCE_DIR": str(src), "KG_BUILD_DIR": str(tmp / f"build-{triples}")}
    seconds, rss = run_kg(env, "build", "--no-cache")
    floor = oxigraph_load(tmp / f"build-{triples}" / "current" / "dataset.nq", tmp / f"floor-{triples}")
    print(
        f"{triples:>9,} synthetic triples: generated in {gen:.1f} s; "
        f"kg build {seconds:.1f} s, peak {rss:.0f} MiB; `oxigraph load` of its dataset {floor:.1f} s "
        f"(build = {seconds / floor:.2f}x the load)"
    )
    seconds, rss = run_kg(env, "query", "co-participation", "-f", "csv")
    print(
        f"{triples:>9,} synthetic triples: kg query co-participation (join-heavy) "
        f"{seconds:.2f} s, peak {rss:.0f} MiB"
    )
    seconds, rss = run_kg(env, "query", "organisation-relations", "-p", "organisation=o:org-1", "-f", "csv")
    print(
        f"{triples:>9,} synthetic triples: kg query organisation-relations "
        f"{seconds:.2f} s, peak {rss:.0f} MiB"
    )


def published_synthetic(tmp: Path, triples: int):
    """A source folder holding a synthetic graph, published without validation (it is generated to
    conform; a whole validated build of 1M triples is what `synthetic` measures)."""
    import pyoxigraph as ox

    from kg.build import ontology_graph, publish_store, source_fingerprint
    from kg.derive import display_labels
    from kg.rdfio import parse_file
    from kg.settings import Settings
    from kg.store import MERGE_DEFAULT, EmbeddedStore
    from kg.synthetic import write

    src = source_dir(tmp / f"apply-src-{triples}", None, link_data=False)
    write(src / "kg" / "data" / "synthetic.trig", triples)
    settings = Settings(source_dir=src, build_dir=tmp / f"apply-build-{triples}")
    store = EmbeddedStore(settings)
    trig = src / "kg" / "data" / "synthetic.trig"
    store.native.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG, base_iri=settings.base)
    store.native.update(MERGE_DEFAULT)
    for path in sorted(settings.ontology_dir.glob("*.ttl")):
        store.load(parse_file(path, settings.base, ontology_graph(settings.base)))
    store.load(display_labels(store.native, settings.base))
    publish_store(settings, store, fingerprint=source_fingerprint(settings))
    return settings


def new_letter() -> str:
    """One synthetic letter of about 5,000 triples, about organisations the big graph knows."""
    from kg.synthetic import generate

    text = "".join(generate(5_000, seed=7))
    return text.replace("synth-1>", "synth-new>").replace("synth-1.txt", "synth-new.txt")


def apply_one(tmp: Path, triples: int) -> None:
    """`kg.apply` of one new letter on a published graph: until `kg query` answers from it."""
    from kg.apply import apply_documents

    settings = published_synthetic(tmp, triples)
    env = {**os.environ, "KG_SOURCE_DIR": str(settings.source_dir), "KG_BUILD_DIR": str(settings.build_dir)}
    load, _ = run_kg(env, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv")
    letter = new_letter()
    started = time.perf_counter()
    meta = apply_documents(settings, {settings.data_dir / "ingested" / "synth-new.trig": letter})
    applied = time.perf_counter() - started
    ask = "ASK { GRAPH <graph/synth-new> { ?s ?p ?o } }"
    query, _ = run_kg(env, "query", ask)
    print(
        f"{triples:>9,} triples: apply one letter ({meta['graphs']['graph:synth-new']} triples) "
        f"{applied:.2f} s in process, then `kg query` answers from it in {query:.2f} s "
        f"(total {applied + query:.2f} s; a `kg query` on the graph before: {load:.2f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--apply-only", action="store_true", help="only the apply benchmark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.apply_only:
            real_graph(Path(tmp))
            for size in args.sizes:
                synthetic(Path(tmp), size)
        for size in args.sizes:
            apply_one(Path(tmp), size)


if __name__ == "__main__":
    main()
