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


def source_dir(root: Path, data: Path | None) -> Path:
    root.mkdir(parents=True)
    for name in ("ontology", "shapes", "queries"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "kg").mkdir()
    if data is None:
        (root / "kg" / "data").symlink_to(ROOT / "kg" / "data", target_is_directory=True)
    else:
        (root / "kg" / "data").mkdir()
        data.rename(root / "kg" / "data" / data.name)
    return root


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
    print(
        f"{triples:>9,} synthetic triples: generated in {gen:.1f} s; "
        f"kg build {seconds:.1f} s, peak {rss:.0f} MiB"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        real_graph(Path(tmp))
        for size in args.sizes:
            synthetic(Path(tmp), size)


if __name__ == "__main__":
    main()
