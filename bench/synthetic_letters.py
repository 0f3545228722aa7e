"""Synthetic parliamentary documents for the ingest benchmark, of mixed kinds: Kamerbrieven (Dutch
sentences built from templates, with a header, headings, footnoted Kamerstuk citations, motions and
their handling, amounts, dates, known organisation names and a signature; about 4 KB), motion pages
of tweedekamer.nl (submitters, dictum, vote table) and tkconv pages of letters (document number,
signers, parties of an agreement). Deterministic for a given seed."""

from __future__ import annotations

import random
from pathlib import Path

ORGANISATIONS = (
    "ActiZ",
    "Zorgthuisnl",
    "VNG",
    "NZa",
    "Zorgverzekeraars Nederland",
    "V&VN",
    "Verenso",
    "LHV",
    "Patiëntenfederatie Nederland",
    "Sociaal Werk Nederland",
    "Vilans",
    "ZonMw",
    "Movisie",
    "RIVM",
)
AGREEMENTS = (
    "het Integraal Zorg Akkoord (IZA)",
    "het Gezond en Actief Leven Akkoord (GALA)",
    "het Hoofdlijnenakkoord Ouderenzorg (HLO)",
    "het programma WOZO",
)
TOPICS = (
    "wijkverpleging",
    "mantelzorg",
    "dagbesteding",
    "zorggeschikte woningen",
    "reablement",
    "ouderenhuisvesting",
    "digitale zorg",
    "respijtzorg",
    "eenzaamheid",
    "personeelstekort",
)
NAMES = ("Vermeulen", "Jansen", "De Vries", "Bakker", "Pieters", "Smit", "Kok", "Visser", "Mulder", "Bos")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober")
HANDLING = (
    "Met deze brief beschouw ik de motie als afgedaan.",
    "Hiermee geef ik uitvoering aan de motie.",
    "Bij deze informeer ik u over de uitvoering van deze motie.",
)
FILLER = (
    "Ik ben de betrokken partijen dankbaar voor hun inzet en hun waardevolle bijdragen.",
    "De komende periode wordt de aanpak verder uitgewerkt met de regio's en de gemeenten.",
    "Het is van belang dat de zorg ook in de toekomst toegankelijk en betaalbaar blijft.",
    "Daarbij wordt nadrukkelijk gekeken naar de mogelijkheden om de administratieve lasten te verlagen.",
    "Over de voortgang zal ik uw Kamer voor de zomer opnieuw informeren.",
)


def letter(number: int, rng: random.Random) -> str:
    """One synthetic letter as plain text, laid out as a PDF extract is."""
    dossier = rng.choice(("29 389", "31 765", "36 200"))
    lines = [
        f"Tweede Kamer, vergaderjaar 2024–2025, {dossier}, nr. {100 + number}",
        "",
        f"Datum {rng.randint(1, 28)} {rng.choice(MONTHS)} 2025",
        "",
    ]
    notes: list[str] = []
    for section in range(rng.randint(5, 7)):
        topic = rng.choice(TOPICS)
        lines += [f"– Aanpak {topic} {section + 1}", ""]
        orgs = rng.sample(ORGANISATIONS, 3)
        notes.append(
            f"Kamerstuk {rng.choice(('29 538', '31 765', '35 925 XVI'))}, nr. {rng.randint(10, 900)}"
        )
        sentences = [
            f"Samen met {orgs[0]}, {orgs[1]} en {orgs[2]} werk ik aan {topic}{len(notes)}.",
            f"Op {rng.randint(1, 28)} {rng.choice(MONTHS)} 2024 is {rng.choice(AGREEMENTS)} ondertekend.",
            f"Voor de regeling {topic} is € {rng.randint(1, 90)},{rng.randint(1, 9)} mln beschikbaar.",
            rng.choice(FILLER),
            rng.choice(FILLER),
        ]
        if rng.random() < 0.7:
            notes.append(f"Kamerstukken 31 765, nr. {rng.randint(10, 900)}")
            sentences.append(
                f"In de motie van het lid {rng.choice(NAMES)}{len(notes)} wordt gevraagd om "
                f"meer aandacht voor {topic}."
            )
            sentences.append(rng.choice(HANDLING))
        lines += _wrap(" ".join(sentences)) + [""]
    lines += [f"{n} {text}" for n, text in enumerate(notes, 1)]
    lines += ["", "De Minister voor Langdurige Zorg en Sport,", "", "A.B. de Groot", ""]
    return "\n".join(lines)


FACTIONS = (
    ("PVV", 37),
    ("GroenLinks-PvdA", 25),
    ("VVD", 24),
    ("NSC", 20),
    ("D66", 9),
    ("BBB", 7),
    ("CDA", 5),
)


def motion(number: int, rng: random.Random) -> str:
    """A motion page as copied from tweedekamer.nl: title, official text, submitters, vote table."""
    who, other = rng.sample(NAMES, 2)
    topic = rng.choice(TOPICS)
    votes = [(name, seats, rng.choice(("Voor", "Tegen"))) for name, seats in FACTIONS]
    result = "Aangenomen" if sum(s for _, s, v in votes if v == "Voor") > 63 else "Verworpen"
    return (
        "\n".join(
            [
                "# source: https://www.tweedekamer.nl/kamerstukken/detail"
                f"?did=2024D{40000 + number}&id=2024Z{10000 + number}",
                f"Motie : Motie van de leden {who} en {other} over {topic}",
                "29 389 Vergrijzing en het integrale ouderenbeleid",
                f"Nr. {200 + number}",
                f"MOTIE VAN DE LEDEN {who.upper()} EN {other.upper()}",
                f"Voorgesteld {rng.randint(1, 28)} {rng.choice(MONTHS)} 2024",
                "De Kamer,",
                "gehoord de beraadslaging,",
                f"constaterende dat er {rng.randint(2, 90)}.000 woningen voor ouderen nodig zijn;",
                f"verzoekt de regering om in {rng.choice(AGREEMENTS)} afspraken te maken over {topic},",
                "en gaat over tot de orde van de dag.",
                who,
                other,
                "Indieners",
                "-",
                "Indiener",
                f"A. {who}, Tweede Kamerlid",
                "Medeindiener",
                f"B. {other}, Tweede Kamerlid",
                "Stemmingsuitslagen",
                f"{result} met handopsteken",
                "Fracties | Zetels | Voor/Tegen |",
                "---|---|---|",
                *[f"{name} | {seats} | {vote} |" for name, seats, vote in votes],
            ]
        )
        + "\n"
    )


def tkconv_letter(number: int, rng: random.Random) -> str:
    """A letter page as copied from tkconv: title, kind, document number, signers, its opening."""
    orgs = rng.sample(ORGANISATIONS, 4)
    topic = rng.choice(TOPICS)
    return (
        "\n".join(
            [
                f"# source: https://berthub.eu/tkconv/document.html?nummer=2025D{50000 + number}",
                f"Voortgang {topic}",
                "Vergrijzing en het integrale ouderenbeleid",
                "Brief regering",
                f"Nummer: 2025D{50000 + number}, "
                f"datum: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "Gerelateerde personen:- Eerste ondertekenaar: "
                f"C. {rng.choice(NAMES)}, minister voor Langdurige Zorg en Sport",
                f"Onderdeel van kamerstukdossier 29389 -{300 + number} "
                "Vergrijzing en het integrale ouderenbeleid",
                f"Onderdeel van zaak 2025Z{20000 + number}:",
                "Preview document",
                "",
                f"Met deze brief informeer ik uw Kamer over {topic} en over {rng.choice(AGREEMENTS)}.",
                f"Het akkoord is gesloten door {orgs[0]}, {orgs[1]}, {orgs[2]} en {orgs[3]}.",
                f"Voor {topic} is in 2025 {rng.randint(2, 90)} miljoen euro beschikbaar.",
                rng.choice(FILLER),
                rng.choice(FILLER),
            ]
        )
        + "\n"
    )


def _wrap(text: str, width: int = 72) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            out.append(line + " ")
            line = word
        else:
            line = f"{line} {word}".strip()
    return out + [line]


def write_letters(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` documents of mixed kinds into `folder`; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    kinds = (letter, letter, motion, tkconv_letter)  # half letters, a quarter each motions and tkconv pages
    for number in range(count):
        path = folder / f"synth-{number:05d}.txt"
        path.write_text(kinds[number % len(kinds)](number, rng), encoding="utf-8")
        paths.append(path)
    return paths
