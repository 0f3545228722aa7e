"""Names in Dutch and English for entities, concepts and relations, from the graph's own labels."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from kg import kinds

SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

#: names of the reused properties that the ontology does not label itself
STANDARD_LINKS = {
    DCT + "creator": ("maker", "creator"),
    DCT + "isPartOf": ("onderdeel van", "part of"),
    DCT + "relation": ("hangt samen met", "related to"),
    DCT + "source": ("bron", "source"),
    DCT + "subject": ("onderwerp", "subject"),
    DCT + "references": ("verwijst naar", "references"),
    "http://www.w3.org/ns/org#postIn": ("functie bij", "post in"),
    "http://www.w3.org/ns/org#holds": ("bekleedt", "holds"),
    "http://www.w3.org/ns/org#linkedTo": ("verbonden met", "linked to"),
    "http://www.w3.org/ns/org#classification": ("soort", "classification"),
    "http://www.w3.org/ns/prov#wasRevisionOf": ("herziening van", "revision of"),
}

#: names of the relation classes (from the kinds registry), used when a relation has no role
RELATION_NAMES = {
    k.name: (k.segment or k.name.lower(), k.relation.nl, k.relation.en)
    for k in kinds.relations()
    if k.relation is not None
}
#: relations whose role is a status: named "status: ..."
STATUS_GROUPS = {"status-change"}


def local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Labels:
    """All literal labels of the graph by subject, property and language."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self._by: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
        for row in rows:
            entity, prop, label = row["entity"], row["property"], row["label"]
            if not isinstance(label, ox.Literal) or entity is None:
                continue
            lang = label.language or ""
            self._by[entity.value][prop.value].setdefault(lang, []).append(label.value)  # type: ignore[union-attr]

    def _first(self, iri: str, prop: str, langs: tuple[str, ...]) -> str | None:
        values = self._by.get(iri, {}).get(prop, {})
        for lang in langs:
            if values.get(lang):
                return sorted(values[lang])[0]
        return None

    def names(self, iri: str, fallback: str | None = None) -> dict[str, str | None]:
        """{"nl": ..., "en": ...}: the preferred label, else the title, identifier or notation."""
        nl = (
            self._first(iri, RDFS + "label", ("nl", ""))  # the build's chosen display name (kg.derive)
            or self._first(iri, SKOS + "prefLabel", ("nl", ""))
            or self._first(iri, DCT + "title", ("nl", ""))
            or self._first(iri, DCT + "identifier", ("",))
            or self._first(iri, SKOS + "notation", ("",))
        )
        en = (
            self._first(iri, SKOS + "prefLabel", ("en",))
            or self._first(iri, DCT + "title", ("en",))
            or self._first(iri, RDFS + "label", ("en",))
        )
        if en is not None and en == nl:
            en = None  # the build's English label falls back to the Dutch one: no translation
        if nl is None:
            nl = en or (self._first(iri, SKOS + "prefLabel", tuple(self._langs(iri))) or fallback)
        return {"nl": nl, "en": en}

    def _langs(self, iri: str) -> list[str]:
        return sorted(self._by.get(iri, {}).get(SKOS + "prefLabel", {}))

    def alternatives(self, iri: str) -> list[str]:
        """Abbreviations and other names: alternative labels, identifiers, notations."""
        found: list[str] = []
        by_prop = self._by.get(iri, {})
        for prop in (SKOS + "altLabel", DCT + "identifier", SKOS + "notation"):
            for values in by_prop.get(prop, {}).values():
                found.extend(v for v in sorted(values) if v not in found)
        return found

    def descriptions(self, iri: str) -> dict[str, str | None]:
        return {
            "nl": self._first(iri, DCT + "description", ("nl", "")),
            "en": self._first(iri, DCT + "description", ("en",)),
        }

    def concepts(self) -> dict[str, dict[str, str | None]]:
        """Names of every labelled IRI outside the data (roles, statuses, kinds): for the tables."""
        return {
            iri: self.names(iri)
            for iri, props in self._by.items()
            if SKOS + "prefLabel" in props and "/def/" in iri
        }


def relation_label(cls: str, role: str | None, labels: Labels) -> tuple[dict[str, str | None], str]:
    """Names and group of an n-ary relation: its role where it has one, else the class's name."""
    group, nl, en = RELATION_NAMES.get(local_name(cls), ("relation", local_name(cls), local_name(cls)))
    if role:
        names = labels.names(role, fallback=local_name(role))
        role_nl, role_en = names["nl"], names["en"] or names["nl"]
        if group in STATUS_GROUPS:
            return {"nl": f"status: {role_nl}", "en": f"status: {role_en}"}, group
        return {"nl": role_nl, "en": role_en}, group
    return {"nl": nl, "en": en}, group


def link_label(prop: str, labels: Labels) -> dict[str, str | None]:
    """Names of a direct link: the ontology's label, a known standard property, or the local name."""
    names = labels.names(prop)
    if names["nl"]:
        return {"nl": names["nl"], "en": names["en"] or names["nl"]}
    nl, en = STANDARD_LINKS.get(prop, (local_name(prop), local_name(prop)))
    return {"nl": nl, "en": en}
