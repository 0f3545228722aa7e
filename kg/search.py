"""Full-text search over names and abbreviations (skos:prefLabel, skos:altLabel, dcterms:title).

Case- and diacritics-insensitive: `zorgverz` finds Zorgverzekeraars Nederland, `patientenfederatie`
finds Patiëntenfederatie. The labels are read once per store into an in-memory index and folded
in Python; a search is then a scan of folded strings (about a millisecond per 50,000 labels).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg import rq
from kg.store import Store, Term
from kg.store_cache import StoreCache


def fold(text: str) -> str:
    """Lower case without diacritics: 'Patiëntenfederatie' -> 'patientenfederatie'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class Entry:
    """One entity in the index: its IRI, display name, all labels and types."""

    iri: str
    name: str = ""
    labels: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Hit:
    iri: str
    name: str
    matched: str
    types: tuple[str, ...]
    score: int


class SearchIndex:
    """Labels of every entity under `{base}id/`, folded once, searched by substring."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        # All folded labels in one string, so that finding the candidates is one C-speed scan.
        self._starts: list[int] = []
        self._owners: list[int] = []
        parts: list[str] = []
        position = 0
        for number, entry in enumerate(entries):
            for folded in entry.folded:
                self._starts.append(position)
                self._owners.append(number)
                parts.append(folded)
                position += len(folded) + 1
        self._haystack = "\n".join(parts)

    def _candidates(self, needle: str) -> list[Entry]:
        """The entries with a label that contains `needle`, in index order."""
        found: set[int] = set()
        at = self._haystack.find(needle)
        while at >= 0:
            label = bisect_right(self._starts, at) - 1
            found.add(self._owners[label])
            following = self._starts[label + 1] if label + 1 < len(self._starts) else len(self._haystack)
            at = self._haystack.find(needle, following)
        return [self.entries[number] for number in sorted(found)]

    @classmethod
    def build(cls, store: Store) -> SearchIndex:
        prefix = store.base + "id/"
        entries: dict[str, Entry] = {}
        preferred: dict[str, int] = {}
        for entity, label, pref, kind in all_rows(store, rq.text("search-labels", store.base)):
            if entity is None or label is None or not entity.value.startswith(prefix):
                continue
            entry = entries.setdefault(entity.value, Entry(entity.value))
            if label.value not in entry.labels:
                entry.labels.append(label.value)
                entry.folded.append(fold(label.value))
            if kind is not None and kind.value not in entry.types:
                entry.types.append(kind.value)
            rank = _name_rank(label, pref is not None and pref.value == "true")
            if rank < preferred.get(entity.value, 99):
                preferred[entity.value], entry.name = rank, label.value
        return cls(list(entries.values()))

    def search(
        self, text: str, limit: int = 20, offset: int = 0, type_iri: str | None = None
    ) -> tuple[list[Hit], int]:
        """Hits best first (exact, then prefix, then word start, then anywhere) and their total."""
        needle = fold(" ".join(text.split()))
        if not needle:
            return [], 0
        hits = []
        for entry in self._candidates(needle):
            if type_iri is not None and type_iri not in entry.types:
                continue
            best = None
            for label, folded in zip(entry.labels, entry.folded):
                at = folded.find(needle)
                if at < 0:
                    continue
                score = 0 if folded == needle else 1 if at == 0 else 2 if not folded[at - 1].isalnum() else 3
                if best is None or score < best[0]:
                    best = (score, label)
            if best is not None:
                hits.append(Hit(entry.iri, entry.name or best[1], best[1], tuple(entry.types), best[0]))
        hits.sort(key=lambda h: (h.score, len(h.name), h.name))
        return hits[offset : offset + limit], len(hits)


def all_rows(store: Store, query: str, page: int = 5_000, bindings: Mapping[str, Term] | None = None):
    """Every row of a query without solution modifiers, past the row cap (native or paged)."""
    if store.capabilities.in_process:
        solutions = store.raw(query, bindings)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            yield [solution[n] for n in names]
        return
    page = min(page, store.settings.max_rows)
    offset = 0
    while True:
        rows = store.select(f"{query} LIMIT {page} OFFSET {offset}", bindings, limit=page).rows
        yield from rows
        if len(rows) < page:
            return
        offset += page


def _name_rank(label, preferred: bool) -> int:
    """Lower is better as a display name: a Dutch or untagged prefLabel first."""
    lang = getattr(label, "language", None) or ""
    return (0 if preferred else 4) + (0 if lang in ("nl", "") else 1 if lang == "en" else 2)


_INDEXES: StoreCache[SearchIndex] = StoreCache()


def index_for(store: Store) -> SearchIndex:
    """The search index of `store`, built on first use and kept until the store changes."""
    return _INDEXES.get(store, None, lambda: SearchIndex.build(store))


def search(
    store: Store, text: str, limit: int = 20, offset: int = 0, type_iri: str | None = None
) -> tuple[list[Hit], int]:
    """Search the labels of `store` (see `SearchIndex.search`)."""
    return index_for(store).search(text, limit, offset, type_iri)
