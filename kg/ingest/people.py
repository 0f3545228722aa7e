"""Names of people as documents print them, and the identifiers the model gives them.

"H.P.M. Hijink" -> initials "H.P.M.", family "Hijink", id person/h-hijink; "Harmen Krul" -> given
"Harmen", id person/h-krul; "Van der Plas" (a family name alone) -> id person/van-der-plas.
A person already in the graph is linked by family name and a compatible first initial.
"""

from __future__ import annotations

import re

from kg.ingest.trig import slug

_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "in", "'t", "’t", "het", "la", "le", "du"}
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")


def split_name(name: str) -> tuple[str, str]:
    """(initials or given name, family name with its particles) of a printed name."""
    tokens = name.replace(".", ". ").split()
    tokens = [t for t in tokens if t]
    initials = []
    while tokens and _INITIALS.match(tokens[0]) and len(tokens) > 1:
        initials.append(tokens.pop(0))
    if initials:
        return "".join(initials), " ".join(tokens)
    if len(tokens) >= 2 and tokens[0].lower() not in _PARTICLES and tokens[0][:1].isupper():
        return tokens[0], " ".join(tokens[1:])
    return "", " ".join(tokens)


def person_slug(name: str) -> str:
    first, family = split_name(name)
    return f"{slug(first[0])}-{slug(family)}" if first else slug(family)


def link_person(name: str, known: set[str]) -> str | None:
    """The slug of a person already in the graph (from `known` person slugs) this name can be."""
    first, family = split_name(name)
    family_slug = slug(family)
    for candidate in sorted(known):
        initial, _, rest = candidate.partition("-")
        if candidate == family_slug and not first:
            return candidate
        if rest == family_slug and len(initial) == 1 and (not first or slug(first[0]) == initial):
            return candidate
        if candidate == family_slug:
            return candidate
    return None
