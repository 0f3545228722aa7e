"""A synthetic graph of the same shape as the curated one, for benchmarks at scale.

Letters are named graphs; each declares the organisations, agreements, programmes and
Kamerstukken it mentions (with evidence), and states participations, memberships, citations,
motions and their handling, schemes and budgets — the classes and relations of the real data,
in about the same proportions. The output is TriG with relative IRIs, like kg/data/*.trig, and
conforms to the shapes. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from kg.cli import command

PREFIXES = """@prefix kgdef: <def#> .
@prefix role: <def/role/> .
@prefix status: <def/status/> .
@prefix mstatus: <def/motion-status/> .
@prefix budgetkind: <def/budgetkind/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
@prefix opengov: <http://www.w3.org/ns/opengov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
"""
ROLES = ("opsteller", "ondertekenaar", "partij", "geconsulteerd", "betrokken", "uitvoerder")
WORDS = (
    "zorg",
    "wonen",
    "ouderen",
    "welzijn",
    "samen",
    "regio",
    "thuis",
    "kennis",
    "netwerk",
    "vitaal",
    "wijk",
    "mantel",
    "opleiden",
    "digitaal",
    "basis",
)
TRIPLES_PER_LETTER = 5_000


class _Letter:
    """Writes one letter's named graph, counting triples as it goes."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.number, self.rng, self.triples, self.declared = number, rng, 0, set()
        self.doc = f"<id/letter/synth-{number}>"
        self.lines: list[str] = [
            f"GRAPH <graph/synth-{number}> {{",
            f'{self.doc} a kgdef:Letter ; dcterms:title "Synthetische brief {number}"@nl ;',
            f'  dcterms:date "2024-01-01"^^xsd:date ; kgdef:sourceFile "synth-{number}.txt" ;',
            f"  kgdef:evidence {self.evidence()} .",
        ]
        self.triples += 5

    def evidence(self) -> str:
        line = self.rng.randint(1, 800)
        self.triples += 5
        return (
            f"[ a kgdef:Evidence ; prov:wasDerivedFrom {self.doc} ; kgdef:startLine {line} ; "
            f'kgdef:endLine {line + 1} ; oa:exact "{" ".join(self.rng.choices(WORDS, k=8))}" ]'
        )

    def declare(self, iri: str, kind: str, label: str, extra: str = "") -> None:
        if iri in self.declared:
            return
        self.declared.add(iri)
        self.lines.append(
            f'{iri} a {kind} ; skos:prefLabel "{label}"@nl ; {extra}kgdef:evidence {self.evidence()} .'
        )
        self.triples += 3 + extra.count(";")

    def add(self, statement: str, triples: int) -> None:
        self.lines.append(statement)
        self.triples += triples


def generate(triples: int, seed: int = 1) -> Iterator[str]:
    """TriG text chunks of a graph with about `triples` triples."""
    rng = random.Random(seed)
    n_org = max(20, triples // 250)
    n_agreement = max(5, triples // 2_500)
    yield PREFIXES
    total, number = 0, 0
    while total < triples:
        number += 1
        letter = _Letter(number, rng)
        while letter.triples < min(TRIPLES_PER_LETTER, triples - total):
            _fact(letter, rng, n_org, n_agreement)
        letter.lines.append("}\n")
        total += letter.triples
        yield "\n".join(letter.lines)


def _org(letter: _Letter, rng: random.Random, n_org: int) -> str:
    i = rng.randrange(n_org)
    iri = f"<id/organisation/org-{i}>"
    letter.declare(
        iri, "org:Organization", f"Organisatie {i} {WORDS[i % len(WORDS)]}", f'skos:altLabel "O{i}" ; '
    )
    return iri


def _kamerstuk(letter: _Letter, rng: random.Random) -> tuple[int, int, str]:
    """A random Kamerstuk and its dossier, declared in `letter`: (dossier, number, IRI)."""
    dossier, nr = rng.randint(21000, 36999), rng.randint(1, 999)
    kst = f"<id/kamerstuk/{dossier}-{nr}>"
    letter.declare(
        f"<id/dossier/{dossier}>", "kgdef:Dossier", str(dossier), f'kgdef:dossierNumber "{dossier}" ; '
    )
    letter.declare(
        kst,
        "kgdef:Kamerstuk",
        f"Kamerstuk {dossier}, nr. {nr}",
        f'dcterms:identifier "kst-{dossier}-{nr}" ; kgdef:dossierNumber "{dossier}" ; '
        f"kgdef:ondernummer {nr} ; dcterms:isPartOf <id/dossier/{dossier}> ; "
        f"foaf:page <https://zoek.officielebekendmakingen.nl/kst-{dossier}-{nr}.html> ; ",
    )
    return dossier, nr, kst


def _fact(letter: _Letter, rng: random.Random, n_org: int, n_agreement: int) -> None:
    kind = rng.random()
    a = rng.randrange(n_agreement)
    agreement = f"<id/agreement/ag-{a}>"
    letter.declare(agreement, "kgdef:Agreement", f"Akkoord {a}", f'skos:altLabel "A{a}" ; ')
    n = letter.number
    if kind < 0.55:
        org = _org(letter, rng, n_org)
        slug = f"{a}-{org[19:-1]}-{n}-{len(letter.lines)}"
        letter.add(
            f"<id/participation/p-{slug}> a kgdef:Participation ; kgdef:participant {org} ; "
            f"kgdef:initiative {agreement} ; kgdef:role role:{rng.choice(ROLES)} ; "
            f"kgdef:evidence {letter.evidence()} .",
            5,
        )
    elif kind < 0.70:
        coalition, member = _org(letter, rng, n_org), _org(letter, rng, n_org)
        if coalition != member:
            letter.add(
                f"<id/membership/m-{n}-{len(letter.lines)}> a org:Membership ; org:member {member} ; "
                f"org:organization {coalition} ; org:role role:lid ; kgdef:evidence {letter.evidence()} .",
                5,
            )
    elif kind < 0.85:
        _, _, kst = _kamerstuk(letter, rng)
        letter.add(
            f"<id/citation/c-{n}-{len(letter.lines)}> a kgdef:Citation ; kgdef:citingDocument {letter.doc} ; "
            f"kgdef:citedDocument {kst} ; kgdef:footnote {rng.randint(1, 40)} ; "
            f"kgdef:evidence {letter.evidence()} .",
            5,
        )
    elif kind < 0.93:
        person = f"<id/person/mp-{rng.randrange(150)}>"
        letter.declare(person, "foaf:Person", f"Kamerlid {person[14:-1]}")
        dossier, nr, kst = _kamerstuk(letter, rng)
        motion = f"<id/motion/{dossier}-{nr}>"
        letter.declare(
            motion,
            "opengov:Motion",
            f"Motie {dossier}-{nr}",
            f"dcterms:creator {person} ; kgdef:publishedAs {kst} ; ",
        )
        letter.add(
            f"<id/status-change/h-{n}-{len(letter.lines)}> a kgdef:StatusChange ; kgdef:statusOf {motion} ; "
            f"kgdef:declaredIn {letter.doc} ; "
            f"kgdef:toStatus mstatus:{rng.choice(['afgedaan', 'uitgevoerd'])} ; "
            f"kgdef:evidence {letter.evidence()} .",
            5,
        )
    else:
        i = f"{n}-{len(letter.lines)}"
        prog, line_no = a % 5, rng.randint(1, 5)
        programme, line = f"<id/programme/prog-{prog}>", f"<id/actionline/prog-{prog}-{line_no}>"
        letter.declare(programme, "kgdef:Programme", f"Programma {prog}")
        letter.declare(
            line,
            "kgdef:ActionLine",
            f"Actielijn {line_no}",
            f'skos:notation "{line_no}" ; kgdef:programme {programme} ; ',
        )
        amount = rng.randint(1, 500) * 100_000
        letter.add(
            f'<id/budget/b-{i}> a kgdef:Budget ; skos:prefLabel "Budget {i}"@nl ; '
            f'schema:value "{amount}"^^xsd:decimal ; schema:currency "EUR" ; '
            f"kgdef:budgetKind budgetkind:totaal ; kgdef:evidence {letter.evidence()} .",
            6,
        )
        letter.add(
            f'<id/scheme/s-{i}> a kgdef:SubsidyScheme ; skos:prefLabel "Regeling {i}"@nl ; '
            f"kgdef:budget <id/budget/b-{i}> ; kgdef:actionLine {line} ; "
            f"kgdef:evidence {letter.evidence()} .",
            4,
        )


def write(path: Path, triples: int, seed: int = 1) -> None:
    """Write a synthetic graph of about `triples` triples to `path` (TriG)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for chunk in generate(triples, seed):
            out.write(chunk)


def _args(p) -> None:
    p.add_argument("--triples", type=int, required=True, help="about how many triples to write")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", type=Path, required=True, help="TriG file to write")


@command("synth", "write a synthetic graph of the curated graph's shape (for benchmarks)", _args)
def cmd_synth(args, settings) -> int:
    write(args.output, args.triples, args.seed)
    print(f"wrote {args.output}")
    return 0
