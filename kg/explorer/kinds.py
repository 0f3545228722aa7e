"""The kinds of node the explorer shows: which RDF classes they gather, their names, colour and shape.

Colours are chosen to stay distinguishable for the common colour-vision deficiencies when
combined with the shape (circle, square, diamond, triangle), and dark enough to read on white.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.namespaces import prefixes


@dataclass(frozen=True)
class Kind:
    id: str
    nl: str
    en: str
    color: str
    shape: str
    classes: tuple[str, ...]  # prefixed names; the first kind whose class matches wins
    weight: float = 1.0  # node size factor: the main actors and agreements stand out and get labels


KINDS: tuple[Kind, ...] = (
    Kind(
        "coalition",
        "samenwerkingsverband",
        "collaboration",
        "#00838f",
        "circle",
        ("org:OrganizationalCollaboration",),
        1.25,
    ),
    Kind("organisation", "organisatie", "organisation", "#1f5fbf", "circle", ("org:Organization",), 1.2),
    Kind("agreement", "akkoord", "agreement", "#d35400", "square", ("kgdef:Agreement",), 1.5),
    Kind("programme", "programma", "programme", "#7b3fa0", "square", ("kgdef:Programme",), 1.5),
    Kind("actionline", "actielijn", "action line", "#a0527a", "diamond", ("kgdef:ActionLine",), 1.1),
    Kind("measure", "maatregel", "measure", "#5d7f1e", "diamond", ("kgdef:Measure",), 0.9),
    Kind("law", "wet", "law", "#c0392b", "triangle", ("eli:LegalResource",), 1.2),
    Kind("motion", "motie", "motion", "#b7770e", "triangle", ("opengov:Motion",)),
    Kind(
        "document",
        "document",
        "document",
        "#5a6570",
        "square",
        ("kgdef:Letter", "kgdef:Kamerstuk", "kgdef:Report", "kgdef:Document", "foaf:Document"),
        0.85,
    ),
    Kind("dossier", "Kamerdossier", "parliamentary dossier", "#8a939b", "square", ("kgdef:Dossier",), 0.7),
    Kind("scheme", "regeling", "scheme", "#1e8449", "diamond", ("kgdef:SubsidyScheme",), 0.9),
    Kind("budget", "budget", "budget", "#27ae60", "circle", ("kgdef:Budget",), 0.75),
    Kind("target", "doelstelling", "target", "#8e6c00", "triangle", ("kgdef:Target",), 0.8),
    Kind("commitment", "toezegging", "commitment", "#6d4c41", "triangle", ("kgdef:Commitment",), 0.8),
    Kind(
        "person",
        "persoon of functie",
        "person or office",
        "#34495e",
        "circle",
        ("foaf:Person", "org:Post"),
        0.9,
    ),
)

#: classes whose instances are relations (drawn as edges), not nodes
RELATION_CLASSES = (
    "kgdef:Participation",
    "org:Membership",
    "kgdef:Citation",
    "kgdef:StatusChange",
    "kgdef:Tenure",
    "opengov:Vote",
    "opengov:Count",
    "kgdef:Evidence",
)


def expand_name(name: str, base: str) -> str:
    """A full IRI for a prefixed class name, the project's prefix resolved against `base`."""
    prefix, local = name.split(":", 1)
    return prefixes(base)[prefix] + local


def class_index(base: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(class IRI, kind id) pairs in order of precedence, and the IRIs of the relation classes."""
    pairs = [(expand_name(c, base), k.id) for k in KINDS for c in k.classes]
    return pairs, {expand_name(c, base) for c in RELATION_CLASSES}


def legend() -> list[dict[str, str]]:
    """The kinds as the page's legend needs them."""
    return [{"id": k.id, "nl": k.nl, "en": k.en, "color": k.color, "shape": k.shape} for k in KINDS]
