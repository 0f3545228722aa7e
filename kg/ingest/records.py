"""What extraction finds in a letter: plain records, each with the quotes that prove it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.ingest.layout import Footnote, Layout, Sentence
from kg.ingest.reader import Letter

Kst = tuple[str, str | None, int]  # dossier, toevoeging, ondernummer


@dataclass
class Quote:
    """Evidence: a sentence or footnote, its line range and both printed forms."""

    text: str
    first: int
    last: int
    printed: str = ""


@dataclass
class Citation:
    kst: Kst
    footnote: int | None
    page: str | None
    quotes: list[Quote]
    date: str | None = None  # the cited document's date, where the citing sentence prints it
    title: str | None = None  # its title ("de brief van 3 juli 2025 inzake ...")


@dataclass
class Motion:
    submitters: list[str]
    co_submitters: bool
    kst: Kst | None
    footnote: int | None
    quotes: list[Quote]
    handling: str | None = None
    handling_quote: Quote | None = None


@dataclass
class Mention:
    iri: str
    printed: set[str]
    quotes: list[Quote]


@dataclass
class Fact:
    """An amount or a date, and the scheme or agreement it belongs to."""

    text: str
    quote: Quote
    target: str  # label
    target_iri: str | None  # a known entity, or None for a name not in the graph
    target_quote: Quote
    value: Decimal | None = None
    kind: str | None = None  # budget kind
    years: tuple[int, ...] = ()
    date: str | None = None  # xsd:date or gMonthDay text
    year_inferred: bool = False
    status: str | None = None


@dataclass
class Person:
    """A person the document names with a role: signer, indiener, medeindiener ..."""

    name: str  # as printed, e.g. "M.C.G. Keijzer", "Harmen Krul", "Van der Plas"
    role: str  # "signer", "indiener", "medeindiener"
    quote: Quote
    office: str | None = None  # "minister van Volkshuisvesting en Ruimtelijke Ordening"
    party: str | None = None  # faction printed beside the name, "GroenLinks-PvdA"


@dataclass
class Meta:
    """The document's own identity, as its layout prints it (each field with the quote that shows it)."""

    kst: Kst | None = None
    vergaderjaar: str | None = None
    header_quote: Quote | None = None
    date: str | None = None
    date_quote: Quote | None = None
    subject: str | None = None
    signers: list[tuple[str, str, Quote]] = field(default_factory=list)  # office, name, quote
    layout: str = "kamerstuk"  # the reader that recognised the page
    kind: str = "letter"  # "letter", "motion" or "report"
    kind_quote: Quote | None = None
    doc_number: str | None = None  # Tweede Kamer document number, "2025D19458"
    doc_number_quote: Quote | None = None
    zaak: str | None = None  # "2024Z19599"
    zaak_quote: Quote | None = None
    title_quote: Quote | None = None
    dossier_title: str | None = None
    dossier_quote: Quote | None = None
    senders: list[tuple[str, Quote]] = field(default_factory=list)  # post label as printed, quote
    people: list[Person] = field(default_factory=list)
    heading: str | None = None  # "MOTIE VAN HET LID KRUL", "BRIEF VAN DE MINISTER ..."
    heading_quote: Quote | None = None

    def missing(self) -> list[str]:
        """The identity fields the document did not show, for the review."""
        out = []
        if self.kst is None and self.doc_number is None:
            out.append("Kamerstuk number or TK document number")
        if self.date is None:
            out.append("date")
        if self.subject is None:
            out.append("title")
        if self.kind == "letter" and not self.senders and not self.signers and not self.people:
            out.append("sender or signer")
        return out


def sentence_quote(s: Sentence) -> Quote:
    return Quote(s.text, s.first_line, s.last_line, s.printed)


def note_quote(note: Footnote, start: int = 0, end: int | None = None) -> Quote:
    end = len(note.flow.text) if end is None else end
    first, last = note.flow.lines(start, end)
    return Quote(note.flow.text[start:end].strip(), first, last, note.flow.printed(start, end).strip())


@dataclass
class VoterVote:
    """How one faction (or one member, in a hoofdelijke stemming) voted."""

    voter: str
    option: str  # "voor", "tegen", "niet-deelgenomen"
    quote: Quote
    seats: int | None = None
    mistake: bool = False
    person: bool = False
    party: str | None = None


@dataclass
class VoteRecord:
    result: str | None  # "aangenomen", "verworpen", "aangehouden", "ingetrokken"
    method: str | None  # "handopsteken", "hoofdelijk"
    quote: Quote
    counts: dict[str, tuple[int, Quote]] = field(default_factory=dict)  # "voor"/"tegen" -> value
    required: tuple[int, Quote] | None = None
    total: tuple[int, Quote] | None = None
    date: tuple[str, Quote] | None = None
    votes: list[VoterVote] = field(default_factory=list)


@dataclass
class MotionText:
    """What a motion document says: its dictum, what it is about, and the vote on it."""

    dictum: str | None = None
    dictum_quote: Quote | None = None
    subjects: list[tuple[str, Quote]] = field(default_factory=list)  # known agreement/programme IRIs
    vote: VoteRecord | None = None


@dataclass
class Relation:
    """A sentence relating two things: a party of an agreement, 'bouwt voort op', a subtitle."""

    kind: str  # "participation", "builds-on", "alternative"
    subject: str  # IRI of a known agreement or programme
    quote: Quote
    role: str | None = None  # participation role concept
    object_iri: str | None = None  # a known entity
    object_label: str | None = None  # the printed name (a new candidate when object_iri is None)
    uncertain: str | None = None


@dataclass
class TargetRecord:
    value: int
    unit: str  # "geschikte woningen voor ouderen"
    label: str
    quote: Quote
    year: str | None = None


@dataclass
class CommitmentRecord:
    label: str
    quote: Quote
    fulfilled: bool
    subjects: list[str] = field(default_factory=list)  # known IRIs it is about


@dataclass
class Extraction:
    letter: Letter
    layout: Layout
    meta: Meta
    citations: list[Citation]
    motions: list[Motion]
    mentions: dict[str, Mention]
    candidates: dict[str, tuple[str, Quote, int]]  # key -> name, first quote, count
    facts: list[Fact]
    uncertain: list[str]
    motion_text: MotionText | None = None
    relations: list[Relation] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    commitments: list[CommitmentRecord] = field(default_factory=list)
