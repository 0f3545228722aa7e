"""The published JSON-LD `@context` of the REST API: every key of its JSON has an IRI.

Keys with a standard meaning map to the reused vocabularies (SKOS, PROV, Web Annotation, Hydra
for collections); the API's own structure (relations, properties, direction ...) falls under
`{base}def/api#` through `@vocab`.
"""

from __future__ import annotations

from kg.namespaces import prefixes

HYDRA = "http://www.w3.org/ns/hydra/core#"


def context(base: str) -> dict:
    """The `@context` document for a base IRI."""
    known = prefixes(base)
    terms = {name: known[name] for name in ("kgdef", "skos", "prov", "oa", "foaf", "xsd", "rdfs", "dcterms")}
    return {
        "@context": {
            "@version": 1.1,
            "@vocab": f"{base}def/api#",
            **terms,
            "hydra": HYDRA,
            "id": "@id",
            "types": {"@id": "@type", "@container": "@set"},
            "label": "skos:prefLabel",
            "labels": {"@id": "skos:prefLabel", "@container": "@set"},
            "abbreviations": {"@id": "skos:altLabel", "@container": "@set"},
            "url": {"@id": "rdfs:seeAlso", "@type": "@id"},
            "items": {"@id": "hydra:member", "@container": "@list"},
            "total": {"@id": "hydra:totalItems", "@type": "xsd:integer"},
            "evidence": {"@id": "kgdef:evidence", "@container": "@set"},
            "quote": "oa:exact",
            "source": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
            "source_label": "dcterms:title",
            "start_line": {"@id": "kgdef:startLine", "@type": "xsd:integer"},
            "end_line": {"@id": "kgdef:endLine", "@type": "xsd:integer"},
            "source_file": "kgdef:sourceFile",
            "page": {"@id": "foaf:page", "@type": "@id"},
            "predicate": {"@type": "@id"},
            "node_type": {"@type": "@id"},
            "graph": {"@type": "@id"},
            "graphs": {"@type": "@id", "@container": "@set"},
        }
    }


def with_context(document: dict, context_url: str) -> dict:
    """`document` as JSON-LD: the same keys, with `@context` pointing at the published context."""
    return {"@context": context_url, **document}
