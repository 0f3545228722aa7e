"""Applying documents (a letter `kg ingest --apply` wrote) to the published build, incrementally.

Only the changed named graphs are validated and loaded: the new build starts as a checkpoint of
the published store (hard links, instant at any size), takes the changed graphs, keeps the
default graph the merge and the display labels of the touched entities, runs the whole-graph
checks on the changed graphs, and is published in one step like `kg build`. The documents are
staged in the new build folder and written into kg/data only after the switch: killed before
it, nothing is published and kg/data is unchanged; killed after it, the next writer (or
`kg validate`, `kg serve`) finishes writing them (see `builds.roll_forward`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg import aggregates, builds
from kg.build import collect, run_checks, source_fingerprint, validate_sources
from kg.derive import RDFS_LABEL, derived_graph, display_labels_for
from kg.errors import InputError, ValidationFailed
from kg.namespaces import compactor
from kg.settings import Settings
from kg.store import EmbeddedStore
from kg.validate import Report

SKOS_PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def apply_documents(settings: Settings, documents: dict[Path, str]) -> dict:
    """Publish a build with `documents` (a path under kg/data -> its TriG text) added or replaced,
    then write them into kg/data; the new manifest. Raises ValidationFailed or InputError with
    nothing changed."""
    data_dir = settings.data_dir.resolve()
    relative = {}
    for path, text in documents.items():
        target = path.resolve()
        if data_dir not in target.parents:
            raise InputError(f"{path}: not under {settings.data_dir}")
        relative[target.relative_to(data_dir).as_posix()] = text
    try:
        folder, meta = builds.published(settings)
        fresh = meta.get("fingerprint") == source_fingerprint(settings)
    except InputError:
        fresh = False
    if not fresh:  # no build yet, or ontology or shapes changed since: first a whole build
        from kg.build import build

        build(settings)
    with builds.writing(settings) as partial:
        staged = [_stage(partial, name, text) for name, text in relative.items()]
        meta = _incremental(settings, partial, staged)
        meta["applied"] = sorted(relative)
        builds.write_manifest(partial, meta)
        builds.publish(settings, partial)
        builds.roll_forward(settings)
    return meta


def _stage(partial: Path, name: str, text: str) -> Path:
    target = partial / builds.APPLIED / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _incremental(settings: Settings, partial: Path, staged: list[Path]) -> dict:
    previous, meta = builds.published(settings)
    sources = collect(settings, [p for p in staged if p.suffix == ".trig"])  # others travel along
    report = validate_sources(sources, settings, checks=False)
    if not report.conforms:
        raise ValidationFailed("the documents do not conform to the shapes; nothing was applied", report)
    old = ox.Store.read_only(str(builds.store_dir(previous, meta)))
    old.backup(str(partial / builds.STORE))  # a checkpoint: hard links to the same files
    del old
    store = EmbeddedStore(settings, partial / builds.STORE)
    change = Change(store.native)
    names = [ox.NamedNode(name) for name in sources.graphs]
    replaced = [g for g in names if store.native.contains_named_graph(g)]
    touched = change.replace_graphs(replaced, [q for g in sources.graphs.values() for q in g.quads])
    change.relabel(touched, settings.base)
    findings = run_checks(store, settings, None if replaced else names)
    if not Report(findings).conforms:
        report.findings.extend(findings)
        raise ValidationFailed("the graph with the documents would not conform; nothing was applied", report)
    store.native.flush()
    stats = updated_stats(meta, change, store)
    stats.update(aggregates=aggregates.write(store.native, settings.base, partial))
    del store
    dataset = partial / builds.DATASET
    size, digest = _write_dataset(previous / builds.DATASET, dataset, change)
    quads = meta["dataset"]["quads"] + len(change.added) - len(change.removed)
    stats.update(
        warnings=meta.get("warnings", 0) + sum(f.severity == "Warning" for f in report.findings),
        dataset={"bytes": size, "sha256": digest, "quads": quads},
    )
    return stats


class Change:
    """Adds and removes quads in a store, keeping the net difference to what it held."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.added: set[ox.Quad] = set()
        self.removed: set[ox.Quad] = set()

    def add(self, quad: ox.Quad) -> None:
        if quad not in self.store:
            self.store.add(quad)
            self.removed.discard(quad) if quad in self.removed else self.added.add(quad)

    def remove(self, quad: ox.Quad) -> None:
        if quad in self.store:
            self.store.remove(quad)
            self.added.discard(quad) if quad in self.added else self.removed.add(quad)

    def replace_graphs(self, replaced: list[ox.NamedNode], quads: list[ox.Quad]) -> set:
        """Drop the `replaced` graphs, add `quads`, keep the default graph their merge; the
        subjects whose prefLabels may have changed."""
        gone = [q for g in replaced for q in self.store.quads_for_pattern(None, None, None, g)]
        for quad in gone:
            self.remove(quad)
        for quad in quads:
            self.add(quad)
            self.add(ox.Quad(quad.subject, quad.predicate, quad.object, DEFAULT))
        self._drop_from_default({q.triple for q in gone} - {q.triple for q in quads})
        return {q.subject for q in [*gone, *quads] if q.predicate == SKOS_PREF}

    def relabel(self, subjects: set, base: str) -> None:
        """Derive the display labels of `subjects` again (their prefLabels changed)."""
        graph = derived_graph(base)
        old = [q for s in subjects for q in self.store.quads_for_pattern(s, RDFS_LABEL, None, graph)]
        labels = display_labels_for(self.store, subjects, base)
        for quad in set(old) - set(labels):
            self.remove(quad)
        self._drop_from_default({q.triple for q in old} - {q.triple for q in labels})
        for quad in labels:
            self.add(quad)
            self.add(ox.Quad(quad.subject, quad.predicate, quad.object, DEFAULT))

    def _drop_from_default(self, triples: set[ox.Triple]) -> None:
        """Remove from the default graph the `triples` that no named graph states any more."""
        for t in triples:
            found = self.store.quads_for_pattern(t.subject, t.predicate, t.object)
            if next((q for q in found if q.graph_name != DEFAULT), None) is None:
                self.remove(ox.Quad(t.subject, t.predicate, t.object, DEFAULT))


DEFAULT = ox.DefaultGraph()
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def updated_stats(meta: dict, change: Change, store: EmbeddedStore) -> dict:
    """The manifest's counts after `change` (what `compute_stats` would count, without a scan)."""
    short = compactor(store.base)
    graphs = dict(meta["graphs"])
    for quad, step in [*((q, 1) for q in change.added), *((q, -1) for q in change.removed)]:
        if quad.graph_name != DEFAULT:
            name = short(quad.graph_name.value)
            graphs[name] = graphs.get(name, 0) + step
    graphs = {g: n for g, n in sorted(graphs.items()) if n > 0}
    stated: dict[tuple, set] = {}  # (subject, class) -> graphs the change added or removed it in
    dropped: dict[tuple, set] = {}
    for quads, into in ((change.added, stated), (change.removed, dropped)):
        for q in quads:
            if q.predicate == RDF_TYPE and q.graph_name != DEFAULT:
                into.setdefault((q.subject, q.object), set()).add(q.graph_name)
    classes, per_source = dict(meta["classes"]), dict(meta["per_source"])
    for subject, cls in stated.keys() | dropped.keys():
        now = _typed_in_named(store.native, subject, cls)
        before = (now - stated.get((subject, cls), set())) | dropped.get((subject, cls), set())
        name = short(cls.value)
        classes[name] = classes.get(name, 0) + bool(now) - bool(before)
    for graph in {q.graph_name for q in change.added | change.removed if q.graph_name != DEFAULT}:
        counts: dict[str, int] = {}
        for quad in store.native.quads_for_pattern(None, RDF_TYPE, None, graph):
            counts[short(quad.object.value)] = counts.get(short(quad.object.value), 0) + 1
        per_source[short(graph.value)] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    per_source = {g: c for g, c in sorted(per_source.items()) if c}
    classes = dict(sorted(((c, n) for c, n in classes.items() if n > 0), key=lambda kv: (-kv[1], kv[0])))
    return {
        **meta,
        "triples": sum(graphs.values()),
        "graphs": graphs,
        "classes": classes,
        "per_source": per_source,
    }


def _typed_in_named(store: ox.Store, subject, cls) -> set:
    return {q.graph_name for q in store.quads_for_pattern(subject, RDF_TYPE, cls) if q.graph_name != DEFAULT}


def _write_dataset(previous: Path, dataset: Path, change: Change) -> tuple[int, str]:
    """The previous dataset without the removed quads and with the added ones (the same lines a
    dump of the new store holds); its size and SHA-256."""
    import hashlib
    import itertools

    drop = set(_lines(change.removed))
    digest, size = hashlib.sha256(), 0
    with previous.open("rb") as old, dataset.open("wb") as out:
        kept = (line for line in old if line not in drop) if drop else iter(lambda: old.read(1 << 20), b"")
        for chunk in itertools.chain(kept, [b"".join(_lines(change.added))]):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return size, digest.hexdigest()


def _lines(quads: set[ox.Quad]) -> list[bytes]:
    text = ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS)
    return text.splitlines(keepends=True) if text else []
