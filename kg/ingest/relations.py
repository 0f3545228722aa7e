"""Relations that sentences state between the things of the graph, each with its sentence as evidence:

- parties, in a role: "Het akkoord is gesloten door A, B en C" (partij), "... ondertekend door"
  (ondertekenaar), "Ook zijn betrokken D en E (Team Overheid)" (betrokken), "... geconsulteerd";
- "bouwt voort op" / "Voortbouwend op" a programme or agreement;
- a subtitle or motto printed in quotes after a name: het Hoofdlijnenakkoord (HLO) ‘Samen voor ...’;
- targets: "de bouw van 290.000 geschikte woningen voor ouderen tot en met 2030", "50.000 woningen nodig";
- commitments: "Zoals ik ... heb toegezegd, ontvangt u hierbij de eerste voortgangsrapportage ...".

The agreement a sentence speaks of is the one it names, else ("het akkoord", "genoemde partijen",
"het programmaplan") the one named last in the sentences just before it.
"""

from __future__ import annotations

import re

from kg.ingest.layout import Layout, Sentence
from kg.ingest.mentions import Gazetteer
from kg.ingest.records import CommitmentRecord, Relation, TargetRecord, sentence_quote

_INITIATIVES = ("agreement", "programme", "scheme")
LOOK_BACK = 4

#: a list of parties after the verb that gives their role
PARTIES = (
    (
        re.compile(r"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+)?(?:gesloten|afgesloten)\s+door\s+(?P<list>.+)$"),
        "partij",
    ),
    (
        re.compile(r"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+)?ondertekend\s+door\s+(?P<list>.+)$"),
        "ondertekenaar",
    ),
    (
        re.compile(r"\b(?:Ook\s+)?(?:zijn|is|waren|was)\s+(?:ook\s+)?betrokken\s*:?\s+(?P<list>.+)$"),
        "betrokken",
    ),
    (re.compile(r"\b(?:zijn|is|werden|werd)\s+geconsulteerd\s*:?\s+(?P<list>.+)$"), "geconsulteerd"),
    (re.compile(r"\b(?:heb|hebben)\s+(?:ik|we|wij)\s+(?P<list>[A-Z].+?)\s+geconsulteerd\b"), "geconsulteerd"),
)
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+en\s+")
_DETERMINER = re.compile(r"^(?:de|het|een|o\.a\.)\s+", re.IGNORECASE)
_GROUP = re.compile(r"\s*\((?P<group>[^()]+)\)\s*$")
_PAREN = re.compile(r"\(([^()]*)\)")
BUILDS_ON = re.compile(
    r"\b(?:[Bb]ouw(?:t|en|de|den)\s+(?:\w+\s+){0,3}?voort\s+op|[Vv]oortbouwend\s+op)\s+(?P<what>.+)$"
)
SUBTITLE = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?[‘'«“\"](?P<motto>[^’'»”\"]{5,120})[’'»”\"]")
#: "290.000 geschikte woningen voor ouderen", "50.000 woningen"
TARGET = re.compile(
    r"(?<![\d.,€])(?P<num>\d{1,3}(?:\.\d{3})+|\d{3,})\s+(?P<unit>(?:[a-z-]+\s+){0,2}?"
    r"(?:woningen|nultredenwoningen|verpleeghuisplaatsen|plaatsen|zorgmedewerkers|medewerkers|banen|"
    r"wooneenheden|huizen)(?:\s+voor\s+(?:ouderen|senioren))?)\b"
)
TARGET_CUE = re.compile(
    r"\b(?:nodig|doel\w*|ambitie\w*|inzet\w*|bouw(?:en)?|realiser\w*|bij\s+te\s+bouwen|erbij|toevoeg\w*)\b"
)
TARGET_YEAR = re.compile(r"\b(?:tot\s+en\s+met|in|voor|uiterlijk|eind)\s+(?P<y>20[2-5]\d)\b")
#: "Zoals ik ... heb toegezegd, ontvangt u hierbij X", "heb ik toegezegd dat/om X"
PROMISED = re.compile(r"\b(?:heb|hebben|had)\s+(?:ik|we|wij)?\s*(?:[^.]{0,300}?\s)?toegezegd\b(?P<after>.*)$")
FULFILLED = re.compile(
    r"^,?\s*(?:ontvangt\s+u\s+hierbij|stuur\s+ik\s+u\s+hierbij|treft\s+u\s+hierbij)\s+(?P<what>[^.;]+?)(?:\s+aan)?$"
)
PROMISE_CONTENT = re.compile(r"^,?\s*(?:dat|om)\s+(?P<what>[^.;]{5,200})")


def initiatives(sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[str, int, int]]:
    return [
        (h.iri, h.start, h.end)
        for h in gazetteer.find(sentence.text)
        if gazetteer.entities[h.iri].kind in _INITIATIVES
    ]


def _topic(layout: Layout, sentence: Sentence, gazetteer: Gazetteer, outside: tuple[int, int]) -> str | None:
    """The agreement or programme the sentence names outside the span, else the last one named before."""
    here = [iri for iri, a, b in initiatives(sentence, gazetteer) if b <= outside[0] or a >= outside[1]]
    if here:
        return here[0]
    for earlier in reversed(layout.sentences[max(0, sentence.index - LOOK_BACK) : sentence.index]):
        found = initiatives(earlier, gazetteer)
        if found:
            return found[-1][0]
    return None


def find_relations(layout: Layout, gazetteer: Gazetteer) -> list[Relation]:
    out: list[Relation] = []
    for sentence in layout.sentences:
        text = sentence.text.rstrip(".")
        for pattern, role in PARTIES:
            found = pattern.search(text)
            if found is None:
                continue
            topic = _topic(layout, sentence, gazetteer, found.span("list"))
            if topic is None:
                continue
            for iri, label, uncertain in parties(found["list"], gazetteer, topic):
                out.append(
                    Relation("participation", topic, sentence_quote(sentence), role, iri, label, uncertain)
                )
            break
        if found := BUILDS_ON.search(text):
            what = [iri for iri, a, _ in initiatives(sentence, gazetteer) if a >= found.start("what")]
            topic = _topic(layout, sentence, gazetteer, (found.start(), len(text)))
            if what and topic and topic != what[0]:
                out.append(Relation("builds-on", topic, sentence_quote(sentence), object_iri=what[0]))
        for iri, _, end in initiatives(sentence, gazetteer):
            if motto := SUBTITLE.match(sentence.text[end:]):
                out.append(
                    Relation(
                        "alternative", iri, sentence_quote(sentence), object_label=motto["motto"].strip()
                    )
                )
    return out


def parties(listed: str, gazetteer: Gazetteer, topic: str) -> list[tuple[str | None, str, str | None]]:
    """(known IRI or None, printed name, doubt) of each party in a list 'A, B (C) en D (Groep)'."""
    group = _GROUP.search(listed)
    if group and not gazetteer.find(group["group"]) and _PAREN.sub("", listed[: group.start()]).strip():
        before = listed[: group.start()]
        if "(" not in before[-40:] or before.count("(") == before.count(")"):
            listed = before  # "(Team Overheid)": the name of the whole list, not of its last item
    items: list[str] = []
    depth, current = 0, ""
    for piece in re.split(r"(\(|\)|,|\s+en\s+)", listed):
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        if depth == 0 and (piece == "," or re.fullmatch(r"\s+en\s+", piece or "")):
            items.append(current)
            current = ""
        else:
            current += piece or ""
    items.append(current)
    items = _rejoin(items, gazetteer)
    out: list[tuple[str | None, str, str | None]] = []
    for item in items:
        item = _DETERMINER.sub("", item.strip()).strip()
        if not item:
            continue
        hits = [h for h in gazetteer.find(item) if h.iri != topic]
        names = [
            _PAREN.sub("", item).strip(),
            *(_DETERMINER.sub("", p).strip() for p in _PAREN.findall(item)),
        ]
        if hits:
            out.append((hits[0].iri, names[0], None))
        elif re.match(r"[A-ZÀ-Þ]", names[0]) and len(names[0]) <= 80 and len(names[0].split()) <= 6:
            out.append((None, names[0], "not in the graph: a new organisation?"))
    return out


def _rejoin(items: list[str], gazetteer: Gazetteer) -> list[str]:
    """'Inspectie Gezondheidszorg' + 'Jeugd (IGJ)': one name with ' en ' in it, its abbreviation known."""
    out: list[str] = []
    for item in items:
        paren = _PAREN.search(item)
        if (
            out
            and paren
            and gazetteer.find(paren.group(1))
            and not gazetteer.find(_PAREN.sub("", item))
            and not gazetteer.find(out[-1])
            and re.match(r"\s*[A-ZÀ-Þ]", item)
        ):
            out[-1] = f"{out[-1]} en {item.strip()}"
        else:
            out.append(item)
    return out


def find_targets(layout: Layout) -> list[TargetRecord]:
    out: list[TargetRecord] = []
    for sentence in layout.sentences:
        if not TARGET_CUE.search(sentence.text):
            continue
        for found in TARGET.finditer(sentence.text):
            value = int(found["num"].replace(".", ""))
            if 1900 <= value <= 2100 and "." not in found["num"]:
                continue  # a year
            rest = sentence.text[found.end() : found.end() + 80]
            year = TARGET_YEAR.search(rest)
            label = f"{found['num']} {found['unit']}" + (
                f" {year.group(0)}" if year and year.start() < 30 else ""
            )
            out.append(
                TargetRecord(
                    value,
                    found["unit"],
                    label,
                    sentence_quote(sentence),
                    year["y"] if year and year.start() < 30 else None,
                )
            )
    return out


def find_commitments(layout: Layout, gazetteer: Gazetteer) -> list[CommitmentRecord]:
    out: list[CommitmentRecord] = []
    for sentence in layout.sentences:
        found = PROMISED.search(sentence.text.rstrip("."))
        if found is None:
            continue
        after = found["after"]
        if fulfilled := FULFILLED.match(after):
            what, done = fulfilled["what"], True
        elif content := PROMISE_CONTENT.match(after):
            what, done = content["what"], False
        else:
            continue
        what = re.sub(r"\s+", " ", what).strip(" ,")
        subjects = [iri for iri, *_ in initiatives(sentence, gazetteer)]
        out.append(CommitmentRecord(what[:1].upper() + what[1:], sentence_quote(sentence), done, subjects))
    return out
