"""A generic checker of expected facts against a built graph (no per-document rules).

A fact names its subject by identifiers or labels and lists answer values. The subject is every
node whose identifier, label or title equals one of the subject's forms (a Kamerstuk also by the
last segment of its IRI, "29389-138"); a value is answered when it is a literal, a label or the last
IRI segment of a node reachable from the subject within HOPS links, in either direction. Evidence
nodes are not followed (their quotes would answer everything), nor concepts and hubs (nodes with
more than HUB links), whose own labels still count.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

HOPS = 3
HUB = 60
CONTAINED_FROM = 8  # an answer this long may be part of a longer label ("Minister voor <answer>")
_SKIP = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://www.w3.org/ns/oa#exact",
}


def normal(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value)).lower()
    text = re.sub(r"^kst-", "", text.strip())
    return re.sub(r"\s+", " ", text).strip(" .,;:‘’'\"")


class GraphIndex:
    def __init__(self, dataset: Path, base: str) -> None:
        store = ox.Store()
        store.load(path=str(dataset), format=ox.RdfFormat.N_QUADS)
        self.base = base
        self.values: dict[str, set[str]] = defaultdict(set)
        self.links: dict[str, set[str]] = defaultdict(set)
        evidence_p = base + "def#evidence"
        for s, p, o, _ in store:
            if p.value in _SKIP or p.value == evidence_p:
                continue
            subject = s.value
            if isinstance(o, ox.Literal):
                self.values[subject].add(normal(o.value))
            else:
                self.links[subject].add(o.value)
                self.links[o.value].add(subject)
        for node in list(self.links) + list(self.values):
            self.values[node].add(normal(node.rstrip("/").rsplit("/", 1)[-1]))

    def subjects(self, forms: list[str]) -> set[str]:
        wanted = {normal(f) for f in forms}
        return {node for node, values in self.values.items() if values & wanted}

    def reachable(self, starts: set[str]) -> set[str]:
        seen, frontier = set(starts), set(starts)
        for _ in range(HOPS):
            nxt = set()
            for node in frontier:
                if (
                    node.startswith((self.base + "def", self.base + "id/dossier/"))
                    or len(self.links[node]) > HUB
                ):
                    continue
                nxt |= self.links[node] - seen
            seen |= nxt
            frontier = nxt
        return {value for node in seen for value in self.values[node]}


def answered(alternatives: list[object], values: set[str]) -> bool:
    for alternative in alternatives:
        wanted = normal(alternative)
        if wanted in values:
            return True
        if len(wanted) >= CONTAINED_FROM:
            pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
            if any(pattern.search(v) for v in values):
                return True
    return False


def check(index: GraphIndex, fact: dict) -> list[str]:
    """The answers of `fact` not found (an empty list when the graph answers it)."""
    starts = index.subjects([str(s) for s in fact["subject"]])
    if not starts:
        return [f"subject {fact['subject']} not found"]
    values = index.reachable(starts)
    missing = []
    for answer in fact["answer"]:
        alternatives = answer if isinstance(answer, list) else [answer]
        if not answered(alternatives, values):
            missing.append(str(alternatives))
    return missing
