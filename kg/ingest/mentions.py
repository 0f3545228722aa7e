"""Mentions of entities already in the graph, and candidate new organisations.

The gazetteer holds every prefLabel and altLabel of the organisations, agreements, programmes,
laws, schemes and posts in the built graph. Names match case-insensitively on word boundaries,
with spaces, hyphens and '&' flexible ("Zorgthuisnl" = "ZorgthuisNL", "NZA" = "NZa"); a match
printed all in lower case is not a name and is dropped. A footnote marker glued to a name
("LHV2") does not stop it matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg import kinds
from kg.ingest import rules
from kg.store import Store

#: class (relative for the project's terms) -> kind: the registry's `kgdef:gazetteer` classes
KINDS = kinds.gazetteer()
_QUERY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?type ?label ?alt ?g WHERE { GRAPH ?g {
  ?e a ?type . FILTER(?type IN (%s))
  { ?e skos:prefLabel ?label BIND(false AS ?alt) } UNION { ?e skos:altLabel ?label BIND(true AS ?alt) }
} }"""


_IDS = """SELECT DISTINCT ?s ?g WHERE { GRAPH ?g { ?s a ?type }
  FILTER(STRSTARTS(STR(?s), "{base}id/motion/") || STRSTARTS(STR(?s), "{base}id/person/")
      || STRSTARTS(STR(?s), "{base}id/kamerstuk/") || STRSTARTS(STR(?s), "{base}id/dossier/")
      || STRSTARTS(STR(?s), "{base}id/letter/") || STRSTARTS(STR(?s), "{base}id/document/")
      || STRSTARTS(STR(?s), "{base}id/faction/")) }"""


@dataclass
class Entity:
    iri: str
    kind: str
    types: list[str]
    labels: dict[str, str]  # language ("" for none) -> prefLabel, as in the graph

    @property
    def label(self) -> str:
        return self.labels.get("nl") or self.labels.get("") or next(iter(self.labels.values()), self.iri)


@dataclass(frozen=True)
class Hit:
    iri: str
    start: int
    end: int
    text: str


def key(name: str) -> str:
    """The form two spellings of one name share: lower case, no spaces, hyphens or dots."""
    return re.sub(r"[\s\-.’']+", "", name).lower()


def _piece(label: str) -> str:
    out = []
    for char in label:
        if char.isspace():
            out.append(r"[\s-]*")  # "Integraal Zorg Akkoord" is also printed "Integraal Zorgakkoord"
        elif char == "-":
            out.append(r"-?\s?")
        elif char == "&":
            out.append(r"\s?&\s?")
        else:
            out.append(re.escape(char))
    return "".join(out)


class Gazetteer:
    """Known names → entities, matched with one compiled pattern."""

    def __init__(
        self,
        entities: dict[str, Entity],
        names: dict[str, str],
        printed: set[str],
        lower: set[str] | None = None,
        short: set[str] | None = None,
    ) -> None:
        self.entities = entities
        self.names = names  # key(name) -> iri
        self.known_ids: set[str] = set()  # every motion, person, Kamerstuk, dossier and letter IRI
        self._sources: tuple[list, list] = ([], [])  # rows by named graph, for `excluding`
        self._found: dict[str, list[Hit]] = {}
        self.lower = lower or set()  # keys of labels that the graph itself writes in lower case
        self.short = short or set()  # keys of short forms ("Patiëntenfederatie")
        self.aliases = {key(a): a for a in rules.ALIASES if key(a) in names}
        alternatives = sorted({_piece(n) for n in printed}, key=len, reverse=True)
        body = "|".join(alternatives) or r"(?!x)x"
        self.pattern = re.compile(rf"(?<![\w&])(?:{body})(?![^\W\d_])", re.IGNORECASE)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str, str, bool]]) -> Gazetteer:
        """From (iri, type, label, language, is_alt) rows."""
        entities: dict[str, Entity] = {}
        names: dict[str, str] = {}
        originals: set[str] = set()
        lower: set[str] = set()
        short: dict[str, str] = {}
        for iri, type_, label, lang, alt in rows:
            kind = next((k for suffix, k in KINDS.items() if type_.endswith(suffix)), None)
            if kind is None or not label.strip():
                continue
            entity = entities.setdefault(iri, Entity(iri, kind, [], {}))
            if type_ not in entity.types:
                entity.types.append(type_)
            if not alt:
                entity.labels.setdefault(lang, label)
            names.setdefault(key(label), iri)
            originals.add(label)
            if label == label.lower():
                lower.add(key(label))
            if found := rules.SHORT_FORM.match(label):
                short.setdefault(found["head"], iri)
        for head, iri in short.items():
            if key(head) not in names:
                names[key(head)] = iri
                originals.add(head)
        for alias, target in rules.ALIASES.items():
            if key(target) in names:
                names.setdefault(key(alias), names[key(target)])
                originals.add(alias)
        return cls(
            entities, names, originals, lower, {key(h) for h in short if names.get(key(h)) == short[h]}
        )

    @classmethod
    def from_store(cls, store: Store) -> Gazetteer:
        """Every label of the organisations, agreements, programmes, laws, schemes and posts in the store."""
        types = ", ".join(f"<{t if t.startswith('http') else store.base + t}>" for t in KINDS)
        result = store.select(_QUERY % types, limit=1_000_000)
        rows = []
        for e, t, label, alt, g in result.rows:
            if e is None or label is None:
                continue
            rows.append(
                (
                    (
                        e.value,
                        t.value,
                        label.value,
                        label.language or "",
                        alt is not None and alt.value == "true",
                    ),
                    g.value if g is not None else "",
                )
            )
        rows.sort()  # the store returns rows in no fixed order: proposals must not depend on it
        ids = store.select(_IDS.replace("{base}", store.base), limit=10_000_000)
        id_rows = [(row[0].value, row[1].value if row[1] is not None else "") for row in ids.rows if row[0]]
        gazetteer = cls.from_rows([r for r, _ in rows])
        gazetteer.known_ids = {i for i, _ in id_rows}
        gazetteer._sources = (rows, id_rows)
        return gazetteer

    def excluding(self, graph: str) -> Gazetteer:
        """The names the graph holds apart from one named graph (a document's own earlier ingest)."""
        rows, id_rows = getattr(self, "_sources", ([], []))
        if not any(g == graph for _, g in rows) and not any(g == graph for _, g in id_rows):
            return self
        other = Gazetteer.from_rows([r for r, g in rows if g != graph])
        other.known_ids = {i for i, g in id_rows if g != graph}
        other._sources = (rows, id_rows)
        return other

    def find(self, text: str) -> list[Hit]:
        """Every known name in `text` (not those printed all in lower case); the rules ask for the
        names of one sentence several times, so the last answers are kept."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) > 4096:
                self._found.clear()
            found = self._found[text] = self._find(text)
        return list(found)

    def _find(self, text: str) -> list[Hit]:
        hits = []
        for match in self.pattern.finditer(text):
            printed = match.group(0)
            k = key(printed)
            if k in self.aliases and printed not in self.aliases[k]:
                continue  # an alias ("uw Kamer") counts only as printed
            if printed == printed.lower() and not re.search(r"\s", printed) and k not in self.lower:
                continue  # a one-word name printed in lower case is a word, not a name
            if k in self.short and (match.start() == 0 or not printed[0].isupper()):
                continue
            iri = self.names.get(k)
            if iri is not None:
                hits.append(Hit(iri, match.start(), match.end(), printed))
        return hits

    def knows(self, name: str) -> bool:
        return key(name) in self.names


def candidate_organisations(text: str, gazetteer: Gazetteer) -> list[tuple[str, int]]:
    """Capitalised names that look like organisations and are not in the graph: (name, offset)."""
    found = []
    known = [(h.start, h.end) for h in gazetteer.find(text)]
    for match in rules.CANDIDATE_ORG.finditer(text):
        name = match.group(0).strip().rstrip("0123456789")
        if name in rules.NOT_ORG or re.fullmatch(r"[IVXLC]+", name) or gazetteer.knows(name):
            continue
        if any(a < match.end() and match.start() < b for a, b in known):
            continue
        found.append((name, match.start()))
    return found
