"""Network analysis of the actors: the co-participation network of organisations.

Two organisations are linked when they take part in the same agreement, programme or measure,
or belong to the same coalition; a member is also linked to its coalition. Each link keeps
*why*: the initiatives shared, each side's role and the quote that proves it. On this network:
degree and betweenness centrality, communities (Louvain, seeded), shortest paths, and exports
for Gephi (GraphML, GEXF) and spreadsheets (CSV).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.errors import InputError, NotFound
from kg.explorer.extract import rows, terms, unlimited
from kg.explorer.labels import Labels
from kg.store import Store
from kg.store_cache import StoreCache

ORG = "http://www.w3.org/ns/org#Organization"
EXACT_BETWEENNESS_UP_TO = 1000  # above this many organisations betweenness is estimated (seeded sample)
FORMATS = ("graphml", "gexf", "csv", "csv-edges")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Cliëntenraden' and 'clientenraden' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@dataclass
class Network:
    """The co-participation graph with the names it needs to explain itself."""

    graph: nx.Graph
    base: str
    names: dict[str, dict[str, str | None]] = field(default_factory=dict)  # IRI -> {"nl", "en"}
    abbreviations: dict[str, list[str]] = field(default_factory=dict)
    _measured: dict[str, list[dict]] = field(default_factory=dict, repr=False)  # computed once

    def short(self, iri: str) -> str:
        prefix = self.base + "id/"
        return iri[len(prefix) :] if iri.startswith(prefix) else iri

    def name(self, iri: str, lang: str = "nl") -> str:
        names = self.names.get(iri, {})
        return names.get(lang) or names.get("nl") or self.short(iri)

    # ----------------------------------------------------------------- measures

    def centrality(self) -> list[dict]:
        """Organisations by betweenness, then degree: who brokers, who is everywhere."""
        if "centrality" not in self._measured:
            self._measured["centrality"] = self._centrality()
        return self._measured["centrality"]

    def _centrality(self) -> list[dict]:
        g = self.graph
        degree = nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)
        k = None if len(g) <= EXACT_BETWEENNESS_UP_TO else EXACT_BETWEENNESS_UP_TO
        between = nx.betweenness_centrality(g, k=k, seed=1) if len(g) > 2 else dict.fromkeys(g, 0.0)
        ranked = sorted(g, key=lambda n: (-between[n], -degree[n], self.name(n).lower()))
        return [
            {
                "id": self.short(n),
                "iri": n,
                "name": self.name(n),
                "names": self.names.get(n, {}),
                "abbreviations": self.abbreviations.get(n, []),
                "degree": g.degree(n),
                "degree_centrality": round(degree[n], 6),
                "betweenness": round(between[n], 6),
                "weighted_degree": g.degree(n, weight="weight"),
            }
            for n in ranked
        ]

    def communities(self) -> list[dict]:
        """Groups of organisations that work together more than with the rest (largest first)."""
        if "communities" not in self._measured:
            self._measured["communities"] = self._communities()
        return self._measured["communities"]

    def _communities(self) -> list[dict]:
        g = self.graph
        if g.number_of_edges() == 0:
            groups = [{n} for n in g]
        else:
            groups = nx.community.louvain_communities(g, weight="weight", seed=1)
        ordered = sorted(groups, key=lambda c: (-len(c), min(self.name(n).lower() for n in c)))
        found = []
        for number, members in enumerate(ordered, start=1):
            inside = sorted(members, key=lambda n: (-g.degree(n), self.name(n).lower()))
            found.append(
                {
                    "community": number,
                    "size": len(members),
                    "members": [
                        {"id": self.short(n), "iri": n, "name": self.name(n), "names": self.names.get(n, {})}
                        for n in inside
                    ],
                }
            )
        return found

    def community_of(self) -> dict[str, int]:
        return {m["iri"]: c["community"] for c in self.communities() for m in c["members"]}

    def resolve(self, text: str) -> str:
        """The organisation meant by an id, IRI, abbreviation or (part of a) name; refuses ambiguity."""
        wanted = fold(text)
        if not wanted:
            raise InputError("name an organisation: an id (loc), abbreviation (LOC) or name")
        exact, partial = [], []
        for n in self.graph:
            keys = {fold(self.short(n)), fold(self.short(n).rsplit("/", 1)[-1]), fold(n)}
            keys |= {fold(v) for v in self.names.get(n, {}).values() if v}
            keys |= {fold(a) for a in self.abbreviations.get(n, [])}
            if wanted in keys:
                exact.append(n)
            elif any(wanted in k for k in keys):
                partial.append(n)
        found = exact or partial
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFound(f"no organisation matches {text!r} in the co-participation network")
        options = ", ".join(sorted(f"{self.name(n)} ({self.short(n)})" for n in found)[:10])
        raise InputError(f"{text!r} matches {len(found)} organisations: {options}; be more precise")

    def path(self, source: str, target: str) -> dict:
        """The shortest chain of shared initiatives from one organisation to another."""
        a, b = self.resolve(source), self.resolve(target)
        try:
            nodes = nx.shortest_path(self.graph, a, b)
        except nx.NetworkXNoPath:
            return {"source": self._org(a), "target": self._org(b), "found": False, "hops": []}
        hops = []
        for x, y in zip(nodes, nodes[1:], strict=False):
            via = self.graph.edges[x, y]["via"]
            hops.append(
                {
                    "from": self._org(x),
                    "to": self._org(y),
                    "via": [
                        {
                            "id": self.short(v["iri"]),
                            "iri": v["iri"],
                            "name": self.name(v["iri"]),
                            "names": self.names.get(v["iri"], {}),
                            "from_roles": v["roles"][x],
                            "to_roles": v["roles"][y],
                            "quotes": v["quotes"],
                        }
                        for v in via
                    ],
                }
            )
        return {
            "source": self._org(a),
            "target": self._org(b),
            "found": True,
            "length": len(hops),
            "hops": hops,
        }

    def _org(self, iri: str) -> dict:
        return {"id": self.short(iri), "iri": iri, "name": self.name(iri), "names": self.names.get(iri, {})}

    # ----------------------------------------------------------------- exports

    def export(self, fmt: str) -> bytes:
        """The network as GraphML, GEXF, a CSV of organisations with their measures, or of links."""
        if fmt not in FORMATS:
            raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt == "csv":
            return _csv(
                self.centrality(),
                [
                    "id",
                    "name",
                    "abbreviations",
                    "degree",
                    "weighted_degree",
                    "degree_centrality",
                    "betweenness",
                ],
                self.community_of(),
            )
        if fmt == "csv-edges":
            return _csv(
                [
                    {
                        "source": self.short(a),
                        "source_name": self.name(a),
                        "target": self.short(b),
                        "target_name": self.name(b),
                        "weight": d["weight"],
                        "via": "; ".join(self.name(v["iri"]) for v in d["via"]),
                    }
                    for a, b, d in sorted(self.graph.edges(data=True))
                ],
                None,
                None,
            )
        flat = self._flat()
        out = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flat, out)
        return out.getvalue()

    def _flat(self) -> nx.Graph:
        """A copy with only scalar attributes, as GraphML and GEXF require."""
        flat = nx.Graph()
        community = self.community_of()
        for row in self.centrality():
            flat.add_node(
                row["id"],
                label=row["name"],
                abbreviations=", ".join(row["abbreviations"]),
                degree=row["degree"],
                betweenness=row["betweenness"],
                community=community.get(row["iri"], 0),
            )
        for a, b, d in self.graph.edges(data=True):
            flat.add_edge(
                self.short(a),
                self.short(b),
                weight=d["weight"],
                via="; ".join(self.name(v["iri"]) for v in d["via"]),
            )
        return flat


def _csv(records: list[dict], columns: list[str] | None, community: dict[str, int] | None) -> bytes:
    buffer = io.StringIO()
    columns = columns or (list(records[0]) if records else ["source", "target", "weight", "via"])
    writer = csv.writer(buffer)
    writer.writerow(columns + (["community"] if community is not None else []))
    for record in records:
        values = [", ".join(v) if isinstance(v, list) else v for v in (record[c] for c in columns)]
        if community is not None:
            values.append(community.get(record["iri"], 0))
        writer.writerow([_safe_cell(v) for v in values])
    return buffer.getvalue().encode("utf-8")


def _safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_NETWORKS: StoreCache[Network] = StoreCache()


def network_for(store: Store) -> Network:
    """The network of `store`, built on first use and kept until the store changes."""
    return _NETWORKS.get(store, None, lambda: build_network(store))


def build_network(store: Store) -> Network:
    """The co-participation network of the organisations in `store`."""
    store = unlimited(store)
    labels = Labels(terms(store, "labels"))
    graph = nx.Graph()
    network = Network(graph, store.base)
    for row in rows(store, "entities"):
        if row["type"] == ORG:
            graph.add_node(row["entity"])
    by_initiative: dict[str, dict[str, dict]] = {}
    for row in rows(store, "affiliations"):
        org, initiative = row["organisation"], row["initiative"]
        graph.add_node(org)
        entry = by_initiative.setdefault(initiative, {}).setdefault(
            org, {"kind": row["kind"], "roles": set(), "quotes": []}
        )
        if row["role"]:
            entry["roles"].add(row["role"])
        if row["quote"]:
            quote = {
                "source": row["source"],
                "start": int(row["start"]),
                "end": int(row["end"]),
                "quote": row["quote"],
            }
            if quote not in entry["quotes"]:
                entry["quotes"].append(quote)
    for initiative, members in sorted(by_initiative.items()):
        for a, b in combinations(sorted(members), 2):
            _link(graph, a, b, initiative, members[a], members[b], labels)
        if initiative in graph:  # a coalition: its members are linked to it
            for member, entry in sorted(members.items()):
                if entry["kind"] == "membership" and member != initiative:
                    _link(
                        graph, member, initiative, initiative, entry, {"roles": set(), "quotes": []}, labels
                    )
    for iri in list(graph) + list(by_initiative):
        network.names[iri] = labels.names(iri)
        network.abbreviations[iri] = labels.alternatives(iri)
    return network


def _link(
    graph: nx.Graph, a: str, b: str, initiative: str, first: dict, second: dict, labels: Labels
) -> None:
    """Add (or strengthen) the link a–b because both take part in `initiative`."""

    def roles(entry: dict) -> list[dict]:
        return [labels.names(r) for r in sorted(entry["roles"])]

    via = {
        "iri": initiative,
        "roles": {a: roles(first), b: roles(second)},
        "quotes": first["quotes"][:2] + [q for q in second["quotes"][:2] if q not in first["quotes"][:2]],
    }
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        if all(v["iri"] != initiative for v in data["via"]):
            data["via"].append(via)
            data["weight"] += 1
    else:
        graph.add_edge(a, b, weight=1, via=[via])
