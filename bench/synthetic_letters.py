"""Synthetic Kamerbrieven for the ingest benchmark: Dutch sentences built from templates, with a
header, headings, footnoted Kamerstuk citations, motions and their handling, amounts, dates, known
organisation names and a signature. Deterministic for a given seed; about 4 KB a letter."""

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
    """Write `count` letters into `folder`; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"synth-{number:05d}.txt"
        path.write_text(letter(number, rng), encoding="utf-8")
        paths.append(path)
    return paths
