"""Prefixes of the vocabularies the graph reuses, and the project's own, per base IRI."""

from __future__ import annotations

STANDARD = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "oa": "http://www.w3.org/ns/oa#",
    "sh": "http://www.w3.org/ns/shacl#",
}

#: the project's prefixes, relative to the base IRI
PROJECT = {
    "kgdef": "def#",
    "role": "def/role/",
    "status": "def/status/",
    "handling": "def/handling/",
    "orgkind": "def/orgkind/",
    "budgetkind": "def/budgetkind/",
    "cstatus": "def/commitment-status/",
    "mstatus": "def/motion-status/",
    "vmethod": "def/vote-method/",
    "vresult": "def/vote-result/",
    "voption": "def/vote-option/",
    "o": "id/organisation/",
    "ag": "id/agreement/",
    "pr": "id/programme/",
    "al": "id/actionline/",
    "ms": "id/measure/",
    "law": "id/law/",
    "mot": "id/motion/",
    "kst": "id/kamerstuk/",
    "dos": "id/dossier/",
    "ltr": "id/letter/",
    "rep": "id/report/",
    "per": "id/person/",
    "post": "id/post/",
    "sch": "id/scheme/",
    "bud": "id/budget/",
    "tgt": "id/target/",
    "com": "id/commitment/",
    "part": "id/participation/",
    "mem": "id/membership/",
    "cit": "id/citation/",
    "hdl": "id/handling/",
    "mil": "id/milestone/",
    "doc": "id/document/",
    "fac": "id/faction/",
    "ten": "id/tenure/",
    "stc": "id/status-change/",
    "ve": "id/vote-event/",
    "vcount": "id/vote-count/",
    "vote": "id/vote/",
    "graph": "graph/",
}


def prefixes(base: str) -> dict[str, str]:
    """All prefixes, the project's resolved against `base`."""
    return {**STANDARD, **{k: base + v for k, v in PROJECT.items()}}


def sparql_prologue(base: str) -> str:
    """PREFIX lines for every known prefix, for the query editor and exported queries."""
    return "\n".join(f"PREFIX {k}: <{v}>" for k, v in prefixes(base).items())


def kgdef(base: str, name: str) -> str:
    """IRI of a term of the project ontology."""
    return f"{base}def#{name}"


def compactor(base: str):
    """A function that writes an IRI as a prefixed name where a known prefix fits."""
    known = sorted(prefixes(base).items(), key=lambda kv: -len(kv[1]))

    def compact(iri: str) -> str:
        for prefix, ns in known:
            if iri.startswith(ns) and iri != ns:
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    return compact
