"""`kg build`: parse ontology and data, validate each source graph, write the dataset atomically."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import aggregates, builds
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


def source_fingerprint(settings: Settings) -> str:
    """A hash of what every build depends on besides the data: ontology, shapes, checks, base."""
    files = sorted(settings.ontology_dir.glob("*.ttl")) + sorted(settings.shapes_dir.rglob("*.[tr][tq]*"))
    return Cache.key(settings.base.encode(), *(p.name.encode() + read_bytes(p) for p in files))


def validate_sources(
    sources: Sources,
    settings: Settings,
    use_cache: bool = True,
    lang: str = "en",
    checks: bool = True,
    store: EmbeddedStore | None = None,
) -> Report:
    """SHACL per named graph (cached by content, in parallel), then (with `checks`) the
    whole-graph SPARQL checks on `store` (given empty, it is left holding every source quad)."""
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
    if checks and (settings.shapes_dir / "checks").is_dir():
        store = store if store is not None else EmbeddedStore(settings)
        store.load(sources.quads)
        findings.extend(run_checks(store, settings))
    elif store is not None:
        store.load(sources.quads)
    return Report(findings)


_JOB: tuple[Sources, str, int] | None = None  # what the forked workers share, and the build's pid
PARALLEL_FROM_TRIPLES = 4_000


def _validate_one(name: str) -> list[Finding]:
    sources, lang, _ = _JOB  # type: ignore[misc]
    return shacl(sources.graphs[name].quads, sources.shapes, sources.ontology, lang)


def _validate_graphs(sources: Sources, names: list[str], lang: str) -> list[list[Finding]]:
    """Validate the named graphs, on all cores when there is enough work (fork shares the parsed data)."""
    global _JOB
    _JOB = (sources, lang, os.getpid())
    workers = min(os.cpu_count() or 1, len(names))
    size = sum(len(sources.graphs[n].quads) for n in names)
    if workers < 2 or size < PARALLEL_FROM_TRIPLES or not hasattr(os, "fork"):
        return [_validate_one(n) for n in names]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import pyshacl_turbo  # noqa: F401  (imported once, before the fork)

    names_by_size = sorted(names, key=lambda n: -len(sources.graphs[n].quads))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_die_with_parent) as pool:
        done = dict(zip(names_by_size, pool.map(_validate_one, names_by_size)))
    return [done[n] for n in names]


def _die_with_parent() -> None:
    """In a pool worker: end when the build is killed (Linux), never outlive it as an orphan."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if _JOB is None or os.getppid() != _JOB[2]:  # the build died before the line above took effect
        os._exit(1)


def run_checks(store: EmbeddedStore, settings: Settings, graphs: list | None = None) -> list[Finding]:
    """Checks across graphs (shapes/checks/*.rq): each query lists the nodes that break a rule
    (with `graphs`, only in those named graphs: each check names its graph ?g)."""
    check_files = sorted((settings.shapes_dir / "checks").glob("*.rq"))
    if not check_files:
        return []
    from kg.served_validation import check_queries

    return check_queries(store, settings.shapes_dir / "checks", graphs)


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
    """Parse, validate and publish a new build folder (dataset, on-disk store, manifest), switched
    to in one step; on failure, or when killed at any moment, the published build is untouched."""
    started = time.perf_counter()
    sources = collect(settings)
    if not sources.graphs:
        raise InputError(f"no data files in {settings.data_dir}")
    store = EmbeddedStore(settings)  # the data is loaded once: the checks run on the store that is built
    report = validate_sources(sources, settings, use_cache, store=store)
    if not report.conforms:
        raise ValidationFailed(
            "the data does not conform to the shapes; the previous build is untouched", report
        )
    del sources  # a million parsed quads are not needed once they are in the store
    store.load(display_labels(store.native, settings.base))
    warnings = sum(f.severity == "Warning" for f in report.findings)
    stats = publish_store(settings, store, warnings=warnings, fingerprint=source_fingerprint(settings))
    return BuildResult(report, stats, time.perf_counter() - started, settings.dataset_path)


def publish_store(settings: Settings, store: EmbeddedStore, **extra: object) -> dict:
    """Write `store` as a new build folder (dataset, on-disk store, manifest with counts and
    checksum) and publish it in one step; the manifest's content. The store is emptied on the
    way (its memory is given back before the on-disk bulk load)."""
    stats = compute_stats(store)
    native, store._store = store.native, ox.Store()
    stats.update(base=settings.base, built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"), **extra)
    with builds.writing(settings) as folder:
        stats.update(aggregates=aggregates.write(native, settings.base, folder))
        dataset = folder / builds.DATASET
        quads = len(native)
        with dataset.open("wb") as out:
            native.dump(out, format=ox.RdfFormat.N_QUADS)
            out.flush()
            os.fsync(out.fileno())
        del native
        _give_back_memory()  # the on-disk bulk load below needs it (1.4 GB at 1M triples)
        _write_disk_store(dataset, folder / builds.STORE)
        size, digest = builds.file_digest(dataset)
        stats.update(store=builds.STORE, dataset={"bytes": size, "sha256": digest, "quads": quads})
        builds.write_manifest(folder, stats)
        builds.publish(settings, folder)
    return stats


def _give_back_memory() -> None:
    """Return freed heap to the system (glibc keeps it otherwise, and RocksDB does not reuse it)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: nothing to do


def _write_disk_store(dataset: Path, folder: Path) -> None:
    """The on-disk pyoxigraph store of the dataset, flushed; its blank nodes keep the dataset's
    labels (a bulk load from the file would rename them), so an apply can edit both alike."""
    disk = ox.Store(str(folder))
    disk.bulk_extend(ox.parse(path=str(dataset), format=ox.RdfFormat.N_QUADS))
    disk.flush()
    del disk
