"""`kg build`: parse ontology and data, validate each source graph, write the dataset atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.derive import display_labels
from kg.errors import InputError, ValidationFailed
from kg.namespaces import PROJECT
from kg.rdfio import parse_file, read_bytes
from kg.settings import Settings
from kg.stats import compute_stats
from kg.store import EmbeddedStore
from kg.validate import Cache, Finding, Report, load_shapes, shacl


@dataclass
class GraphSource:
    """One named graph and the files that contribute to it."""

    name: str
    files: list[Path] = field(default_factory=list)
    quads: list[ox.Quad] = field(default_factory=list)


@dataclass
class Sources:
    """Everything parsed from disk, ready to validate and write."""

    ontology: list[ox.Quad]
    shapes: list[ox.Quad]
    graphs: dict[str, GraphSource]
    fingerprint: bytes

    @property
    def quads(self) -> list[ox.Quad]:
        return self.ontology + [q for g in self.graphs.values() for q in g.quads]


def ontology_graph(base: str) -> ox.NamedNode:
    return ox.NamedNode(base + "graph/ontology")


def collect(settings: Settings, data_files: list[Path] | None = None) -> Sources:
    """Parse the ontology, the shapes and the data files (default: all of kg/data/*.trig)."""
    base = settings.base
    onto_files = sorted(settings.ontology_dir.glob("*.ttl"))
    shape_files = sorted(settings.shapes_dir.glob("*.ttl"))
    fingerprint = b"".join(read_bytes(p) for p in onto_files + shape_files) + base.encode()
    ontology = [q for p in onto_files for q in parse_file(p, base, ontology_graph(base))]
    shapes = load_shapes(settings.shapes_dir, base)
    graphs: dict[str, GraphSource] = {}
    for path in data_files if data_files is not None else sorted(settings.data_dir.rglob("*.trig")):
        fallback = ox.NamedNode(f"{base}graph/{path.stem}")
        for quad in parse_file(path, base, fallback):
            name = quad.graph_name.value
            source = graphs.setdefault(name, GraphSource(name))
            if path not in source.files:
                source.files.append(path)
            source.quads.append(quad)
    return Sources(ontology, shapes, graphs, fingerprint)


def validate_sources(
    sources: Sources, settings: Settings, use_cache: bool = True, lang: str = "en"
) -> Report:
    """SHACL per named graph (cached by content, in parallel), then the whole-graph SPARQL checks."""
    cache = Cache(settings.build_dir / ".shacl-cache")
    findings: list[Finding] = []
    todo: dict[str, str] = {}
    for source in sources.graphs.values():
        key = Cache.key(
            sources.fingerprint, lang.encode(), source.name.encode(), *(read_bytes(p) for p in source.files)
        )
        found = cache.get(key) if use_cache else None
        if found is None:
            todo[source.name] = key
        else:
            findings.extend(found)
    for name, found in zip(todo, _validate_graphs(sources, list(todo), lang)):
        found = _place_all(found, sources.graphs[name], settings.base)
        cache.put(todo[name], found)
        findings.extend(found)
    findings.extend(run_checks(sources, settings))
    return Report(findings)


_JOB: tuple[Sources, str] | None = None
PARALLEL_FROM_TRIPLES = 4_000


def _validate_one(name: str) -> list[Finding]:
    sources, lang = _JOB  # type: ignore[misc]
    return shacl(sources.graphs[name].quads, sources.shapes, sources.ontology, lang)


def _validate_graphs(sources: Sources, names: list[str], lang: str) -> list[list[Finding]]:
    """Validate the named graphs, on all cores when there is enough work (fork shares the parsed data)."""
    global _JOB
    _JOB = (sources, lang)
    workers = min(os.cpu_count() or 1, len(names))
    size = sum(len(sources.graphs[n].quads) for n in names)
    if workers < 2 or size < PARALLEL_FROM_TRIPLES or not hasattr(os, "fork"):
        return [_validate_one(n) for n in names]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import pyshacl  # noqa: F401  (imported once, before the fork)

    names_by_size = sorted(names, key=lambda n: -len(sources.graphs[n].quads))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        done = dict(zip(names_by_size, pool.map(_validate_one, names_by_size)))
    return [done[n] for n in names]


def run_checks(sources: Sources, settings: Settings) -> list[Finding]:
    """Checks across graphs (shapes/checks/*.rq): each query lists the nodes that break a rule."""
    check_files = sorted((settings.shapes_dir / "checks").glob("*.rq"))
    if not check_files:
        return []
    from kg.served_validation import check_queries

    store = EmbeddedStore(settings)
    store.load(sources.quads)
    return check_queries(store, settings.shapes_dir / "checks")


_NAME = re.compile(r"<[^>\s]+>|[A-Za-z][\w-]*:[\w\-.]*[\w-]")


def _place_all(findings: list[Finding], source: GraphSource, base: str) -> list[Finding]:
    """Attach to each finding the file and line where its focus node is first written."""
    if not findings:
        return findings
    first: dict[str, tuple[str, int]] = {}
    for path in source.files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name in _NAME.findall(line):
                first.setdefault(name, (str(path), number))
    placed = []
    for finding in findings:
        needles = [f"<{finding.focus}>"] + [
            f"{prefix}:{finding.focus[len(base + ns) :]}"
            for prefix, ns in PROJECT.items()
            if finding.focus.startswith(base + ns)
        ]
        hit = next((first[n] for n in needles if n in first), None)
        file, line = hit if hit else (str(source.files[0]) if source.files else None, None)
        placed.append(_with(finding, source.name, file, line))
    return placed


def _with(finding: Finding, graph: str, file: str | None, line: int | None) -> Finding:
    return Finding(
        finding.severity,
        finding.focus,
        finding.path,
        finding.message,
        finding.shape,
        finding.value,
        graph,
        file,
        line,
    )


@dataclass
class BuildResult:
    report: Report
    stats: dict
    seconds: float
    path: Path


def build(settings: Settings, use_cache: bool = True) -> BuildResult:
    """Parse, validate and write build/dataset.nq and build/manifest.json; on failure write nothing."""
    started = time.perf_counter()
    sources = collect(settings)
    if not sources.graphs:
        raise InputError(f"no data files in {settings.data_dir}")
    report = validate_sources(sources, settings, use_cache)
    if not report.conforms:
        raise ValidationFailed(
            "the data does not conform to the shapes; the previous build is untouched", report
        )
    store = EmbeddedStore(settings)
    store.load(sources.quads)
    del sources  # a million parsed quads are not needed once they are in the store
    store.load(display_labels(store.native, settings.base))
    stats = compute_stats(store)
    stats.update(
        base=settings.base,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        warnings=sum(f.severity == "Warning" for f in report.findings),
    )
    settings.build_dir.mkdir(parents=True, exist_ok=True)
    native = store.native
    del store
    _atomic_write(settings.dataset_path, partial(native.dump, format=ox.RdfFormat.N_QUADS))
    del native
    _give_back_memory()  # the on-disk bulk load below needs it (1.4 GB at 1M triples)
    stats["store"] = _write_disk_store(settings)
    manifest = json.dumps(stats, indent=2, ensure_ascii=False).encode()
    _atomic_write(settings.build_dir / "manifest.json", lambda out: out.write(manifest))
    _remove_old_stores(settings.build_dir, keep=stats["store"])
    return BuildResult(report, stats, time.perf_counter() - started, settings.dataset_path)


def _give_back_memory() -> None:
    """Return freed heap to the system (glibc keeps it otherwise, and RocksDB does not reuse it)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: nothing to do


def _write_disk_store(settings: Settings) -> str:
    """A new on-disk pyoxigraph store of the dataset; the manifest written after it points to it."""
    name = f"store-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    disk = ox.Store(str(settings.build_dir / name))
    disk.bulk_load(path=str(settings.dataset_path), format=ox.RdfFormat.N_QUADS)
    disk.flush()
    del disk
    return name


def _remove_old_stores(build_dir: Path, keep: str) -> None:
    import shutil

    for old in build_dir.glob("store-*"):
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def _atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """`write` to a file beside the target, then rename it over the target, so readers see the
    old or the new file (streamed: a 1M-triple dataset is never a whole bytes object)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
