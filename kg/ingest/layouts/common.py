"""What the layout readers share: numbered lines, quotes of a line, and filling a field of the
document's identity once (the first reader to see a field wins; later readers fill only gaps)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.evidence import normalise
from kg.ingest import rules
from kg.ingest.records import Kst, Meta, Person, Quote

#: how far into a document its identity is printed (the header of a page, the head of a Kamerstuk)
HEAD_LINES = 80


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # white space normalised

    def quote(self, part: str | None = None) -> Quote:
        text = normalise(part) if part else self.text
        return Quote(text, self.number, self.number, text)


def numbered(text: str, limit: int | None = HEAD_LINES) -> list[Line]:
    """The non-empty lines of `text` (the first `limit` of them), numbered as evidence counts lines."""
    out: list[Line] = []
    for number, raw in enumerate(text.split("\n"), 1):
        if piece := normalise(raw):
            out.append(Line(number, piece))
            if limit is not None and len(out) >= limit:
                break
    return out


def source_url(lines: list[Line]) -> str:
    """The URL of a '# source: URL' first line ('' when there is none)."""
    if lines and (found := re.match(r"#\s*source:\s*(\S+)", lines[0].text)):
        return found.group(1)
    return ""


def set_kst(meta: Meta, kst: Kst, quote: Quote) -> None:
    if meta.kst is None:
        meta.kst, meta.header_quote = kst, quote


def set_date(meta: Meta, date: str | None, quote: Quote) -> None:
    if meta.date is None and date is not None:
        meta.date, meta.date_quote = date, quote


def set_title(meta: Meta, title: str, quote: Quote) -> None:
    title = title.strip().rstrip(".")
    if meta.subject is None and len(title) >= 3:
        meta.subject, meta.title_quote = title, quote


def set_dossier_title(meta: Meta, title: str, quote: Quote) -> None:
    title = title.strip().rstrip(".")
    if meta.dossier_title is None and len(title) >= 3:
        meta.dossier_title, meta.dossier_quote = title, quote


def set_kind(meta: Meta, printed: str, quote: Quote) -> None:
    """The document kind from the words a page uses for it: motie, brief, verslag, inbreng ..."""
    if meta.kind_quote is not None:
        return
    word = printed.lower()
    if re.search(r"\bmotie\b", word):
        meta.kind = "motion"
    elif re.search(r"verslag|inbreng|lijst van vragen|overleg", word):
        meta.kind = "report"
    elif re.search(r"\bbrief\b|kamerbrief", word):
        meta.kind = "letter"
    else:
        return
    meta.kind_quote = quote


def add_person(meta: Meta, person: Person) -> None:
    if all(p.name != person.name or p.role != person.role for p in meta.people):
        meta.people.append(person)


_SMALL = {"en", "van", "voor", "de", "het", "der", "den", "op", "in", "of"}


def office_case(upper: str) -> str:
    """'VOLKSGEZONDHEID, WELZIJN EN SPORT' -> 'Volksgezondheid, Welzijn en Sport'."""
    words = upper.lower().split()
    return " ".join(w if w in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(words))


#: "BRIEF VAN DE MINISTERS VAN A EN VOOR B EN DE STAATSSECRETARIS VAN C": the posts that send a letter
_SENDER_PART = re.compile(r"\s+EN\s+(?:DE|HET)\s+")
_SENDER_ROLE = re.compile(
    r"^(?P<role>MINISTERS?|STAATSSECRETARIS(?:SEN)?|MINISTER-PRESIDENT)\b\s*(?P<rest>.*)$"
)
_SENDER_OFFICE = re.compile(r"\s+EN\s+(?=(?:VAN|VOOR)\s)")


def sender_posts(heading: str) -> list[str]:
    """The post labels a 'BRIEF VAN DE ...' heading names, as 'Minister voor Langdurige Zorg en Sport'."""
    posts = []
    for part in _SENDER_PART.split(heading.strip().rstrip(".")):
        found = _SENDER_ROLE.match(part.strip())
        if found is None:
            continue
        role = found["role"]
        singular = (
            ("Minister" if role.startswith("MINISTER") else "Staatssecretaris")
            if role != "MINISTER-PRESIDENT"
            else "Minister-president"
        )
        rest = found["rest"].strip()
        if not rest:
            posts.append(singular)
            continue
        for office in _SENDER_OFFICE.split(rest):
            prep, _, name = office.partition(" ")
            if prep in ("VAN", "VOOR") and name:
                posts.append(f"{singular} {prep.lower()} {office_case(name)}")
    return posts


def proper_name(printed: str, spelled: list[str]) -> str:
    """A name printed in capitals ('VAN DER PLAS') in the form the document spells it elsewhere."""
    wanted = re.sub(r"\W+", "", printed).lower()
    for name in spelled:
        if re.sub(r"\W+", "", name).lower() == wanted:
            return name
    return "-".join(
        " ".join(
            w if w in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(part.lower().split())
        )
        for part in printed.split("-")
    )


def first_date_quote(line: Line) -> tuple[str, Quote] | None:
    if (found := rules.first_date(line.text)) is None:
        return None
    return found[0], line.quote()
