"""Benchmark of `kg ingest`: the 45 KB seed letter, then a batch of synthetic letters.

Works on a temporary copy of the source tree (the curated kg/data), built first, so kg/data is
never touched. Figures: the seed letter in-process (read, extract, propose, report, write; best of
5 and first run) and as a whole `kg ingest` process; the batch in letters per second with the
gazetteer built once. Run: `python bench/bench_ingest.py [--letters 1000] [--seeds DIR]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_letters import write_letters  # noqa: E402

from kg.build import build  # noqa: E402
from kg.ingest.run import ingest, load_gazetteer, propose_one  # noqa: E402
from kg.settings import Settings  # noqa: E402

SEED = "003_4f10061e1ff75208.txt"


def source_copy(root: Path) -> Settings:
    root.mkdir(parents=True)
    for name in ("ontology", "shapes", "queries"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "kg" / "data").mkdir(parents=True)
    for path in (ROOT / "kg" / "data").glob("*.trig"):
        shutil.copy(path, root / "kg" / "data" / path.name)
    return Settings(source_dir=root, build_dir=root / "build")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument(
        "--sizes", type=float, nargs="*", default=[0.25, 1, 2, 15], help="MB of long documents to time"
    )
    parser.add_argument(
        "--seeds", type=Path, default=Path(os.environ.get("KG_SEEDS", ROOT.parent / "shared" / "seeds"))
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        settings = source_copy(tmp_path / "src")
        build(settings)
        started = time.perf_counter()
        gazetteer = load_gazetteer(settings)
        print(
            f"gazetteer: {len(gazetteer.entities)} entities, {len(gazetteer.names)} names, "
            f"{time.perf_counter() - started:.3f} s"
        )

        seed = args.seeds / SEED
        times = []
        for _ in range(5):
            started = time.perf_counter()
            outcome = propose_one(seed, gazetteer, settings, tmp_path / "seed-out")
            times.append(time.perf_counter() - started)
            assert outcome.ok, outcome.message
        print(
            f"seed letter {seed.stat().st_size / 1000:.0f} KB in-process: first {times[0]:.3f} s, "
            f"best {min(times):.3f} s ({outcome.summary})"
        )
        env = {
            **os.environ,
            "KG_SOURCE_DIR": str(settings.source_dir),
            "KG_BUILD_DIR": str(settings.build_dir),
        }
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kg", "ingest", str(seed), "--quiet", "--out", str(tmp_path / "cli-out")],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        print(
            f"seed letter as a whole `kg ingest` process (start-up and store load included): "
            f"{time.perf_counter() - started:.3f} s"
        )

        paths = write_letters(tmp_path / "letters", args.letters)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        started = time.perf_counter()
        outcomes = ingest(paths, settings, tmp_path / "batch-out", progress=False, gazetteer=gazetteer)
        seconds = time.perf_counter() - started
        failed = [o.message for o in outcomes if not o.ok]
        assert not failed, failed[:3]
        print(
            f"batch: {len(paths)} synthetic documents of mixed kinds, {size / 1000:.1f} KB on average, "
            f"in {seconds:.2f} s = {len(paths) / seconds:.1f} documents/s"
        )
        for megabytes in args.sizes:
            big = tmp_path / f"long-{megabytes}.txt"
            text = seed.read_text(encoding="utf-8")
            big.write_text(text * int(megabytes * 1_000_000 // len(text) + 1), encoding="utf-8")
            started = time.perf_counter()
            outcome = propose_one(big, gazetteer, settings, tmp_path / "long-out")
            assert outcome.ok, outcome.message
            print(f"one document of {big.stat().st_size / 1e6:.2f} MB: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
