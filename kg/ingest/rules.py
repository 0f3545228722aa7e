"""Every extraction pattern of `kg ingest`, in one place. Each is a general rule of how Kamerbrieven
are printed, exercised by the test letters in tests/ingest/letters/.

Texts are matched after layout has joined the lines of a paragraph with single spaces and undone
hyphenation at line ends, so a pattern never needs to care about line breaks.
"""

from __future__ import annotations

import re
from decimal import Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH = "|".join(MONTHS)

# ---------------------------------------------------------------- document layout

#: "Tweede Kamer, vergaderjaar 2023–2024, 29 389, nr. 123" (as title line or as page header/footer)
HEADER = re.compile(
    r"Tweede Kamer, vergaderjaar (?P<y1>\d{4})\s?[–-]\s?(?P<y2>\d{4}), "
    r"(?P<dossier>[1-9]\d\s?\d{3})(?: (?P<toev>[IVXLC]+))?, nr\. (?P<nr>\d+)"
)
#: page furniture of a ministry's PDF letter, not text: "Pagina 2 van 11", "Kenmerk 3712345-1054321-DLZ"
PAGE_FURNITURE = re.compile(r"^\s*(?:#\s*source:\s*\S+|Pagina \d+ van \d+|Kenmerk \d[\d-]*[A-Z-]*)\s*$")
#: a footnote line: its number, then text ("12 Kamerstuk 29 538, nr. 339")
FOOTNOTE = re.compile(r"^\s*(?P<n>[1-9]\d{0,2})\s*(?P<text>[^\s\d].*)$")
#: a heading printed as "– Reablement" or "Actielijn 2: Sterke basiszorg" (checked with layout rules)
DASH_HEADING = re.compile(r"^\s*[–-]\s+(?P<title>[A-Z0-9«“‘(].{1,80}?)\s*$")


#: a glued footnote marker after a word or closing punctuation: "Ellemeet12", "c.s.16", "morgen»6"
def marker(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\s\d]){number}(?!\d)")


def marker_after_digits(number: int) -> re.Pattern[str]:
    """A marker glued to a number, as in "maart 202311" (year 2023, footnote 11): the fallback."""
    return re.compile(rf"(?<=\d){number}(?!\d)")


#: abbreviations whose full stop does not end a sentence
NO_SENTENCE_END = re.compile(
    r"(?:\b(?:nr|nrs|jl|ca|c\.s|o\.a|e\.d|bijv|blz|art|mr|dr|drs|ir|prof|resp|"
    r"incl|excl|m\.b\.t|t\.a\.v|i\.v\.m|z\.s\.m|p|vs|St)|\b[A-Z])\.$"
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\d»”’)]*\s+(?=[A-Z0-9«“‘(–•À-Þ])")

# ---------------------------------------------------------------- document metadata

LETTER_DATE = re.compile(rf"(?:^|\n)\s*(?:Datum|Den Haag,)\s+(?P<d>\d{{1,2}}) (?P<m>{_MONTH}) (?P<y>\d{{4}})")
SUBJECT = re.compile(r"(?:^|\n)\s*Onderwerp:?\s+(?P<subject>[^\n]{3,200})")
#: "De Minister voor Langdurige Zorg en Sport,\nC. Helder"
SIGNER = re.compile(
    r"(?:^|\n)[ \t]*(?:De|de) (?P<office>(?:[Mm]inister|[Ss]taatssecretaris)\b[^\n]{0,90}?),"
    r"[ \t]*\n[ \t]*\n?[ \t]*(?P<name>(?:[A-Z]\.[ \t]?){1,4}[ \t]*(?:[a-z]+ ){0,3}"
    r"[A-Z][\w’'-]+(?:-[A-Z][\w’'-]+)?)[ \t]*(?=\n|$)"
    #: "De voorzitter van de commissie,\nVan den Berg", "De griffier van de commissie,\nKramer"
    r"|(?:^|\n)[ \t]*(?:De|de) (?P<office2>(?:[Vv]oorzitter|[Gg]riffier|[Aa]djunct-griffier)\b[^\n,]{0,80}),"
    r"[ \t]*\n[ \t]*(?P<name2>(?:[A-Z]\.[ \t]?){0,4}(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er)\s+){0,3}"
    r"[A-Z][a-zà-ÿ’'-]+(?:-[A-Z][a-zà-ÿ’'-]+)?)[ \t]*(?=\n|$)"
)

# ---------------------------------------------------------------- Kamerstuk citations

_DOSSIER = r"(?P<dossier>[1-9]\d\s?\d{3})(?:[ -](?P<toev>[IVXLC]+))?"
#: the head word, then one or more references: "Kamerstukken 31 765, nr. 810 en 29 389, nrs. 1 en 2"
CITATION_HEAD = re.compile(r"\bKamerstuk(?:ken)?\b\s*(?:I{1,2}\s+\d{4}\s?[/–-]\s?\d{2,4},?\s*)?")
CITATION_REF = re.compile(
    _DOSSIER + r",?\s+nrs?\.\s*(?P<nrs>\d+(?:\s*(?:,|en|&)\s*(?:nrs?\.\s*)?\d+(?!\d)(?!\s?\d{3}\b))*)"
    r"(?:\s*\((?:pagina|p\.|blz\.)\s*(?P<page>\d+(?:\s?[–-]\s?\d+)?)\))?"
)
CITATION_SEPARATOR = re.compile(r"\s*(?:;|,|en)\s*(?:Kamerstuk(?:ken)?\s*)?")


def citation_numbers(nrs: str) -> list[int]:
    """'12 en nr. 13' -> [12, 13]."""
    return [int(n) for n in re.findall(r"\d+", nrs)]


def dossier_number(raw: str) -> str:
    return re.sub(r"\s", "", raw)


# ---------------------------------------------------------------- motions

_PARTICLE = r"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Ii]n ['’]t|['’]t)\s+)"
NAME = rf"(?:[A-Z]\.\s?){{0,3}}{_PARTICLE}{{0,3}}[A-ZÀ-Þ][a-zà-ÿ’'-]+(?:-[A-Z][a-zà-ÿ’'-]+)?"
NAMES = rf"{NAME}(?:\s*,\s*{NAME})*(?:\s+en\s+{NAME})?"
#: "de motie van het lid Ellemeet12", "de motie27 van het lid Mohandis", "de motie van de leden A, B en C",
#: "de motie van het lid Sahla c.s.16", "de gewijzigde motie-Agema"
MOTION = re.compile(
    rf"\bmotie(?P<m1>\d+)?\s+van\s+(?:het\s+lid\s+(?P<one>{NAME})|de\s+leden\s+(?P<many>{NAMES}))"
    rf"(?P<m2>\d+)?(?P<cs>\s+c\.s\.)?(?P<m3>\d+)?"
    rf"|\bmotie-(?P<hyph>{NAME})(?P<m4>\d+)?(?P<cs2>\s+c\.s\.)?(?P<m5>\d+)?"
)
SPLIT_NAMES = re.compile(r"\s*,\s*|\s+en\s+")
#: a later sentence that speaks of the motion last named: "deze motie", "de motie als afgedaan"
MOTION_ANAPHOR = re.compile(r"\b(?:de|deze|die) motie\b(?!\s*\d*\s+van\s+(?:het lid|de leden))")

#: how the letter handles a motion: phrase -> concept of the motion-status scheme (def/motion-status/...)
HANDLING = (
    (
        re.compile(
            r"\bbeschouw\w*\s+ik\s+(?:hiermee\s+|daarmee\s+)?(?:de|deze)\s+motie\b[^.]{0,250}?\bals\s+afgedaan"
            r"|\bdoe\s+ik\s+(?:hiermee\s+|daarmee\s+)?(?:de|deze)\s+motie\b.{0,300}?\baf\b"
            r"|\bmotie\b[^.]{0,250}?\b(?:is|wordt)\s+(?:hiermee\s+|daarmee\s+)?afgedaan"
            r"|\bmotie\b[^.]{0,250}?\bals\s+afgedaan"
        ),
        "afgedaan",
    ),
    (
        re.compile(
            r"\b(?:geef|gaf|geven)\s+(?:ik|we|wij)\s+(?:hiermee\s+|daarmee\s+)?(?:uitvoering|invulling|gevolg)"
            r"\s+aan\s+(?:de|deze)\s+motie"
            r"|\b(?:uitvoering|invulling|gevolg)\s+(?:geef|geven)\s+aan\s+(?:de|deze)\s+motie"
            r"|\bvoer\s+ik\s+(?:de|deze)\s+motie\b[^.]{0,200}?\buit\b"
            r"|\b(?:de|deze)\s+motie\s+is\s+(?:hiermee\s+)?uitgevoerd"
            r"|\bbrief\d*\s+over\s+de\s+uitvoering\s+van\s+(?:de|deze)\s+motie"
        ),
        "uitgevoerd",
    ),
    (
        re.compile(
            r"\binformeer\s+ik\s+u\s+(?:hierbij\s+)?over\s+de\s+(?:uitvoering|voortgang|stand\s+van\s+zaken)"
            r"\s+van\s+(?:de|deze)\s+motie"
            r"|\bover\s+de\s+voortgang\s+van\s+(?:de|deze)\s+motie"
        ),
        "in-uitvoering",
    ),
)

# ---------------------------------------------------------------- amounts and dates

#: "€ 75 mln", "€ 12,5 mln euro", "€ 1 mln per jaar", "€ 24,7 mln", "€ 1,2 miljard"
AMOUNT = re.compile(
    r"€\s?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s?(?P<unit>mln|miljoen|mld|miljard|duizend)\b)?(?:\s+euro\b)?"
    r"(?P<per>\s+per\s+jaar\b|\s+structureel\b|\s+jaarlijks\b)?"
)
#: "20 miljoen", "1,5 miljard euro": an amount without a € sign, counted only in a sentence about money
AMOUNT_PLAIN = re.compile(
    r"(?<![€\d.,])(?P<num>\d{1,3}(?:,\d+)?)\s+(?P<unit>miljoen|miljard|mln|mld)\b(?:\s+euro\b)?"
    r"(?!\s+(?:mensen|ouderen|inwoners|Nederlanders|huishoudens|woningen|patiënten|cliënten|jaar)\b)"
    r"(?P<per>\s+per\s+jaar\b|\s+structureel\b|\s+jaarlijks\b)?"
)
MONEY_CUE = re.compile(
    r"\beuro\b|\bbudget\w*|\bmiddelen\b|\bbeschikbaar\b|\bsubsidie\w*|\binvester\w*|\bbedrag\w*"
    r"|\bgeld\w*|\bkost\w*|\bgereserveerd\b|\bextra\b",
    re.IGNORECASE,
)
UNITS = {None: 1, "duizend": 1_000, "mln": 1_000_000, "miljoen": 1_000_000, "mld": 10**9, "miljard": 10**9}
BUDGET_KIND = (  # first match wins; default "totaal"
    (re.compile(r"\bper\s+jaar\b|\bjaarlijks\b|\bstructureel\b"), "per-jaar"),
    (re.compile(r"\btranche\b"), "tranche"),
    (re.compile(r"\bplafond\b|\bsubsidieplafond\b|\bmaximaal\b"), "plafond"),
    (re.compile(r"\bbeslag\b|\bingezet\b|\btoegekend\b|\bbenut\b|\btotale\s+waarde\b"), "benut"),
)
YEAR = re.compile(r"\b(20[0-4]\d)\b")
#: "16 september 2022", "per 1 augustus 2023", "Op 17 juli" (year taken from the letter when absent)
DATE = re.compile(rf"\b(?P<d>[1-3]?\d)\s+(?P<m>{_MONTH})(?:\s+(?P<y>(?:19|20)\d\d)(?!\d))?")
#: verbs that turn a dated sentence into a milestone of the agreement or scheme (def/status/...)
STATUS = (
    (re.compile(r"\bonderhandelaarsakkoord\b"), "onderhandelaarsakkoord"),
    (re.compile(r"\bondertekend\b"), "ondertekend"),
    (re.compile(r"\bvastgesteld\b"), "vastgesteld"),
    (re.compile(r"\bgesloten\b"), "gesloten"),
    (re.compile(r"\bopengesteld\b|\bgeopend\b|\bopenstelling\b"), "opengesteld"),
    (re.compile(r"\bgestart\b|\bvan start\b"), "gestart"),
    (
        re.compile(
            r"\b(?:naar|aan)\s+(?:uw|de)\s+Kamer\s+(?:gestuurd|verzonden|toegezonden|aangeboden)(?![a-z])"
            r"|\bdoen\s+toekomen(?![a-z])|\b(?:aan|naar)\s+u\s+(?:gestuurd|verzonden)(?![a-z])"
        ),
        "aangeboden",
    ),
)
#: a scheme named in a sentence: "de stimuleringsregeling zorggeschikte woningen", "SET-regeling"
_NOT_NAME_WORD = (
    r"(?!(?:is|was|wordt|werd|zijn|en|of|die|dat|met|voor|van|in|op|per|tot|te|uit|aan|"
    r"beschikbaar|opengesteld|geopend|gestart|ingesteld|gesloten|bereikt)\b)"
)
SCHEME_NAME = re.compile(
    rf"\b(?:[A-Z][\w-]*)?(?:[Ss]timulerings|[Ss]ubsidie)?regeling"
    rf"(?:\s+{_NOT_NAME_WORD}(?:[a-zà-ÿ]+|[A-Z][\w-]*)){{0,3}}|\b[A-Z][\w-]*-regeling\b"
)


def amount_value(num: str, unit: str | None) -> Decimal:
    """'12,5' mln -> 12500000 (Dutch decimal comma, dots for thousands)."""
    return Decimal(num.replace(".", "").replace(",", ".")) * UNITS[unit.lower() if unit else None]


# ---------------------------------------------------------------- organisations

#: names that a Kamerbrief uses for an organisation without printing its label
ALIASES = {"uw Kamer": "Tweede Kamer", "de Kamer": "Tweede Kamer"}
#: a national body named without its country: "de Patiëntenfederatie" for "Patiëntenfederatie Nederland"
#: (matched only capitalised and not at the start of a sentence, where any noun is capitalised)
SHORT_FORM = re.compile(r"^(?P<head>[A-ZÀ-Þ][\w-]{5,}) (?:Nederland|NL)$")
_CAP = r"[A-ZÀ-Þ][\w&'’-]*"
#: capitalised names with an organisation cue word: "Stichting Reable Nederland", "Raad voor ...",
#: "GGD GHOR Nederland", camel-case names ("MantelzorgNL", "ZonMw"), abbreviations ("ANBO", "KNGF/PPN")
CANDIDATE_ORG = re.compile(
    rf"\b(?:[Ss]tichting|Vereniging|Federatie|Instituut|Raad|Ministerie|Koepel|Platform|Centrum|Bureau|"
    rf"Autoriteit|Inspectie|College|Bond|Fonds|Netwerk)(?:\s+(?:van|voor|de|der|het|en)\s+|\s+)(?:{_CAP}\s?)+"
    rf"|\b(?:{_CAP}\s+){{1,4}}(?:Nederland|NL|Federatie|Vereniging|Instituut|Raad)\b"
    rf"|\b[A-Z][a-z]+[A-Z][A-Za-z]*\b"
    rf"|(?<![\w&/-])[A-Z]{{2,6}}(?:[/&-][A-Z]{{2,6}})*(?![\w&/-])"
)
#: capitalised words that look like candidates but are not organisations
NOT_ORG = frozenset(
    [
        "CD",
        "TZ",
        "BV",
        "NV",
        "EU",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "XVI",
        "PDF",
        "HTML",
        "URL",
        "IG",
    ]
)


# ---------------------------------------------------------------- dates in every printed form

#: "27 november 2024", "2025-04-25", "16-03-2023"
LONG_DATE = re.compile(rf"\b(?P<d>[1-3]?\d)\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)(?!\d)")
ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
DMY_DATE = re.compile(r"(?<!\d)(?P<d>[0-3]\d)-(?P<m>[01]\d)-(?P<y>(?:19|20)\d\d)(?!\d)")
DATE_FORMS = (LONG_DATE, ISO_DATE, DMY_DATE)


def iso_date(found: re.Match[str]) -> str | None:
    """The ISO form of a date matched by one of DATE_FORMS, or None when it is no calendar date."""
    month = found["m"]
    number = MONTHS.index(month) + 1 if month in MONTHS else int(month)
    day, year = int(found["d"]), int(found["y"])
    if not (1 <= number <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{number:02d}-{day:02d}"


def first_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date printed in `text`, in any of its forms."""
    hits = [m for form in DATE_FORMS if (m := form.search(text))]
    for found in sorted(hits, key=lambda m: m.start()):
        if (date := iso_date(found)) is not None:
            return date, found
    return None
