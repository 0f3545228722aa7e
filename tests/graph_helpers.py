"""Tiny graphs for the network and explorer tests: TriG text loaded into an embedded store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.build import ontology_graph
from kg.derive import display_labels
from kg.rdfio import parse_file
from kg.settings import ROOT, Settings
from kg.store import EmbeddedStore

PREFIXES = """@prefix kgdef: <def#> . @prefix o: <id/organisation/> . @prefix ag: <id/agreement/> .
@prefix pr: <id/programme/> . @prefix role: <def/role/> . @prefix ltr: <id/letter/> .
@prefix part: <id/participation/> . @prefix mem: <id/membership/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
"""


def store_of(tmp_path: Path, trig: str, with_ontology: bool = True) -> EmbeddedStore:
    """An embedded store holding `trig` (relative IRIs, as in kg/data) and the ontology."""
    settings = Settings(build_dir=tmp_path / "build")
    path = tmp_path / "graph.trig"
    path.write_text(PREFIXES + trig, encoding="utf-8")
    store = EmbeddedStore(settings)
    if with_ontology:
        for ttl in sorted((ROOT / "ontology").glob("*.ttl")):
            store.load(parse_file(ttl, settings.base, ontology_graph(settings.base)))
    store.load(parse_file(path, settings.base, ox.NamedNode(settings.base + "graph/test")))
    store.load(display_labels(store.native, settings.base))  # as `kg build` does
    return store


def letter(name: str = "l") -> str:
    return (
        f'ltr:{name} a kgdef:Letter ; dcterms:title "Brief {name}"@nl ; kgdef:sourceFile "{name}.txt" ; '
        f"foaf:page <https://zoek.officielebekendmakingen.nl/kst-1-{len(name)}.html> .\n"
    )


def org(slug: str, name: str, abbreviation: str | None = None) -> str:
    alt = f' ; skos:altLabel "{abbreviation}"' if abbreviation else ""
    return f'o:{slug} a org:Organization ; skos:prefLabel "{name}"@nl{alt} .\n'


def takes_part(org_slug: str, initiative: str, role: str = "partij", quote: str = "staat in de brief") -> str:
    """A participation with evidence; `initiative` is a prefixed name such as ag:x."""
    slug = f"{org_slug}-{initiative.replace(':', '-')}-{role}"
    return (
        f"part:{slug} a kgdef:Participation ; kgdef:participant o:{org_slug} ; "
        f"kgdef:initiative {initiative} ; "
        f"kgdef:role role:{role} ; kgdef:evidence [ a kgdef:Evidence ; prov:wasDerivedFrom ltr:l ; "
        f'kgdef:startLine 3 ; kgdef:endLine 4 ; oa:exact "{quote}" ] .\n'
    )


def member(member_slug: str, coalition_slug: str) -> str:
    return (
        f"mem:{coalition_slug}-{member_slug} a org:Membership ; org:member o:{member_slug} ; "
        f"org:organization o:{coalition_slug} ; org:role role:lid .\n"
    )


def agreement(slug: str, name: str, abbreviation: str) -> str:
    return f'ag:{slug} a kgdef:Agreement ; skos:prefLabel "{name}"@nl ; skos:altLabel "{abbreviation}" .\n'


def graph(*statements: str) -> str:
    return "GRAPH <graph/test> {\n" + letter() + "".join(statements) + "}\n"


def store_of_files(tmp_path: Path, files: list[Path]) -> EmbeddedStore:
    """An embedded store with real data files (e.g. kg/data/hlo-2025.trig), the ontology and the
    display labels the build derives, without the SHACL step."""
    settings = Settings(build_dir=tmp_path / "build")
    store = EmbeddedStore(settings)
    for ttl in sorted((ROOT / "ontology").glob("*.ttl")):
        store.load(parse_file(ttl, settings.base, ontology_graph(settings.base)))
    for path in files:
        store.load(parse_file(path, settings.base, ox.NamedNode(settings.base + "graph/" + path.stem)))
    store.load(display_labels(store.native, settings.base))
    return store
