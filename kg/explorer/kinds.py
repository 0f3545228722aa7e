"""The kinds of node the explorer shows, derived from the kinds registry in the ontology (kg/kinds.py).

Colours are chosen (in `ontology/kg.ttl`) to stay distinguishable for the common colour-vision
deficiencies when combined with the shape (circle, square, diamond, triangle), and dark enough
to read on white.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg import kinds as registry


@dataclass(frozen=True)
class Kind:
    id: str
    nl: str
    en: str
    color: str
    shape: str
    classes: tuple[str, ...]  # class IRIs (relative for the project's terms); the most specific wins
    weight: float = 1.0  # node size factor: the main actors and agreements stand out and get labels


def _kinds() -> tuple[Kind, ...]:
    classes = registry.explorer_classes()
    return tuple(
        Kind(e.id, e.nl, e.en, e.color, e.shape, tuple(c for c, k in classes if k == e.id), e.weight)
        for e in registry.explorer_kinds()
    )


KINDS: tuple[Kind, ...] = _kinds()

#: classes whose instances are relations or details (drawn as edges or not at all), not nodes
RELATION_CLASSES: tuple[str, ...] = tuple(k.class_iri for k in registry.not_nodes())


def class_index(base: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(class IRI, kind id) pairs in order of precedence, and the IRIs of the relation classes."""
    pairs = [(registry.absolute(c, base), k) for c, k in registry.explorer_classes()]
    return pairs, {registry.absolute(c, base) for c in RELATION_CLASSES}


def legend() -> list[dict[str, str]]:
    """The kinds as the page's legend needs them."""
    return [{"id": k.id, "nl": k.nl, "en": k.en, "color": k.color, "shape": k.shape} for k in KINDS]
