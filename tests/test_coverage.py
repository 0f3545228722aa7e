"""The built graph answers facts taken from the two letters, through the stored queries.

Each fact is (stored query, parameters, the values one answer row must have). The facts were
read from the letters by hand; the row must also carry the quote that proves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.catalog import Catalog
from kg.query import run
from kg.settings import ROOT, Settings
from kg.store import EmbeddedStore

HLO_PARTIES = [
    "ActiZ",
    "Seniorencoalitie",
    "Vereniging Nederlandse Gemeenten",
    "Verenso",
    "ZorgthuisNL",
    "Landelijke Organisatie Cliëntenraden",
    "Patiëntenfederatie Nederland",
    "Sociaal Werk Nederland",
    "Zorgverzekeraars Nederland",
    "Verpleegkundigen & Verzorgenden Nederland",
]
REGIEGROEP = [
    "Seniorencoalitie",
    "Landelijke Huisartsen Vereniging",
    "Verpleegkundigen & Verzorgenden Nederland",
    "Sociaal Werk Nederland",
    "ActiZ",
    "Vereniging Nederlandse Gemeenten",
    "Zorgverzekeraars Nederland",
    "VWS",
]
CITED_BY_WOZO = [
    "kst-30169-75",
    "kst-30169-76",
    "kst-33578-111",
    "kst-33578-98",
    "kst-23235-221",
    "kst-29538-339",
    "kst-34104-394",
    "kst-31765-810",
    "kst-31765-755",
    "kst-34104-395",
    "kst-31765-775",
    "kst-31765-744",
    "kst-34767-67",
    "kst-31765-782",
    "kst-29282-533",
    "kst-29282-554",
    "kst-31765-807",
    "kst-31765-834",
]

FACTS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    *[("agreement-parties", {}, {"partyName": p, "roleName": "opsteller"}) for p in HLO_PARTIES],
    ("agreement-parties", {}, {"partyName": "Landelijke Huisartsen Vereniging", "roleName": "geconsulteerd"}),
    ("agreement-parties", {}, {"partyName": "Team Overheid", "roleName": "geconsulteerd"}),
    *[
        ("conditional-signatures", {}, {"partyName": p, "agreementName": "HLO", "conditionName": "AZWA"})
        for p in (
            "Vereniging Nederlandse Gemeenten",
            "Sociaal Werk Nederland",
            "Verpleegkundigen & Verzorgenden Nederland",
        )
    ],
    *[
        ("members", {"collaboration": "o:team-overheid"}, {"memberName": m})
        for m in ("CAK", "CIZ", "NZa", "Zorginstituut", "IGJ")
    ],
    *[("members", {}, {"memberName": m, "roleName": "lid regiegroep"}) for m in REGIEGROEP],
    *[
        ("members", {"collaboration": "o:seniorencoalitie"}, {"memberName": m})
        for m in ("ANBO", "KBO-PCOB", "Koepel Gepensioneerden", "NOOM", "SOMNL")
    ],
    *[
        ("agreement-parties", {"agreement": "ag:gala"}, {"partyName": p})
        for p in (
            "VWS",
            "Vereniging Nederlandse Gemeenten",
            "GGD GHOR Nederland",
            "Zorgverzekeraars Nederland",
        )
    ],
    *[
        ("agreement-laws", {}, {"lawName": law})
        for law in ("Wet langdurige zorg", "Zorgverzekeringswet", "Wet maatschappelijke ondersteuning")
    ],
    ("motions", {}, {"kamerstuk": "kst-29538-339", "submitters": "Ellemeet", "handlingName": "afgedaan"}),
    ("motions", {}, {"kamerstuk": "kst-31765-810", "submitters": "Eerdmans", "handlingName": "uitgevoerd"}),
    ("motions", {}, {"kamerstuk": "kst-31765-755", "submitters": "Sahla", "coSubmitters": "true"}),
    ("motions", {}, {"kamerstuk": "kst-31765-775", "handlingName": "uitgevoerd"}),
    ("motions", {}, {"kamerstuk": "kst-31765-744", "adopted": "2023-03-28"}),
    ("motions", {}, {"kamerstuk": "kst-31765-782", "handlingName": "afgedaan"}),
    ("motions", {}, {"kamerstuk": "kst-31765-807", "submitters": "Mohandis", "adopted": "2023-10-03"}),
    *[("citations", {}, {"letter": "{base}id/kamerstuk/29389-123", "citedId": k}) for k in CITED_BY_WOZO],
    ("citations", {}, {"citedId": "kst-34767-67", "page": "pagina 8", "footnote": "23"}),
    (
        "citations",
        {},
        {"letter": "{base}id/letter/hlo-aanbieding-2025", "citedId": "kst-29389-128", "footnote": "2"},
    ),
    (
        "schemes-budgets",
        {},
        {
            "schemeName": "Stimuleringsregeling zorggeschikte woningen",
            "amount": "75000000",
            "kindName": "tranche",
            "through": "2024-10-31",
        },
    ),
    (
        "schemes-budgets",
        {},
        {"schemeName": "Stimuleringsregeling zorggeschikte woningen", "amount": "312000000"},
    ),
    ("schemes-budgets", {}, {"amount": "28000000", "actionLineName": "4"}),
    ("schemes-budgets", {}, {"amount": "12500000", "kindName": "plafond", "actionLineName": "5"}),
    ("schemes-budgets", {}, {"amount": "40000000", "actionLineName": "3"}),
    ("schemes-budgets", {}, {"amount": "30000000", "actionLineName": "3"}),
    ("schemes-budgets", {}, {"schemeName": "SectorplanPlus-TAZ", "amount": "20000000"}),
    *[
        ("signatories", {}, {"partyName": p, "amount": "150000000", "signed": "2023-03-17"})
        for p in (
            "ActiZ",
            "ZorgthuisNL",
            "Verpleegkundigen & Verzorgenden Nederland",
            "Zorgverzekeraars Nederland",
        )
    ],
    ("targets", {}, {"value": "290000", "year": "2030"}),
    ("targets", {}, {"value": "170000"}),
    ("targets", {}, {"value": "80000"}),
    ("targets", {}, {"value": "40000"}),
    (
        "timeline",
        {},
        {"subjectName": "Integraal Zorg Akkoord", "date": "2022-09-16", "statusName": "ondertekend"},
    ),
    (
        "timeline",
        {},
        {"subjectName": "Hoofdlijnenakkoord Ouderenzorg", "date": "2025-07-10", "statusName": "vastgesteld"},
    ),
    ("timeline", {}, {"subjectName": "Aanvullend Zorg en Welzijnsakkoord", "date": "2025-07-03"}),
    ("commitments", {}, {"identifier": "TZ202410-165", "date": "2024-10-16"}),
    ("commitments", {}, {"madeToName": "Mohandis", "date": "2022-09-29", "statusName": "afgedaan"}),
    *[("action-lines", {}, {"notation": str(n)}) for n in range(1, 6)],
    (
        "action-lines",
        {},
        {"notation": "5", "measureName": "Uitwerking Investeringsakkoord Opleiden Wijkverpleging"},
    ),
    *[
        ("motions-by-submitter", {}, {"motion": "{base}id/motion/" + m, "role": "indiener"})
        for m in ("31765-744", "31765-807")
    ],
    ("motions-by-submitter", {"submitter": "per:ellemeet"}, {"kamerstuk": "kst-29538-339"}),
    (
        "status-on-date",
        {"date": "2023-06-01"},
        {"statusName": "aangenomen", "since": "2023-03-28", "documentId": "kst-29389-123"},
    ),
    ("status-on-date", {"date": "2024-01-01"}, {"statusName": "in uitvoering", "since": "2023-12"}),
    ("status-on-date", {"subject": "ag:hlo", "date": "2025-06-30"}, {"statusName": "onderhandelaarsakkoord"}),
    ("status-on-date", {"subject": "ag:hlo", "date": "2025-07-10"}, {"statusName": "vastgesteld"}),
    (
        "status-on-date",
        {"subject": "com:toezegging-mohandis-2022-09-29", "date": "2024-01-01"},
        {"statusName": "afgedaan", "documentId": "kst-29389-123"},
    ),
    ("timeline", {}, {"subjectName": "Integraal Zorg Akkoord", "document": "{base}id/kamerstuk/29389-123"}),
    ("search", {"q": "zorgverz"}, {"name": "Zorgverzekeraars Nederland"}),
    ("search", {"q": "v&vn"}, {"name": "Verpleegkundigen & Verzorgenden Nederland"}),
]


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> callable:
    settings = Settings(source_dir=ROOT, build_dir=Path(tmp_path_factory.mktemp("build")))
    build(settings)
    store, catalog, cache = EmbeddedStore.from_dataset(settings), Catalog(ROOT / "queries"), {}

    def rows(name: str, params: dict[str, str]) -> list[dict[str, str]]:
        key = (name, tuple(sorted(params.items())))
        if key not in cache:
            result = run(store, catalog.get(name), params).result
            cache[key] = [
                {v: t.value for v, t in zip(result.variables, row) if t is not None} for row in result.rows
            ]
        return cache[key]

    rows.base = settings.base
    return rows


def test_enough_facts() -> None:
    assert len(FACTS) >= 40


@pytest.mark.parametrize(
    ("query", "params", "expected"), FACTS, ids=[f"{q}:{'/'.join(e.values())[:50]}" for q, _, e in FACTS]
)
def test_fact_is_answered_with_its_quote(answers, query: str, params: dict, expected: dict) -> None:
    wanted = {k: v.replace("{base}", answers.base) for k, v in expected.items()}
    rows = answers(query, params)
    matching = [
        r
        for r in rows
        if all(r.get(k, "") == v or (k == "submitters" and v in r.get(k, "")) for k, v in wanted.items())
    ]
    assert matching, f"{query}{params}: no row with {wanted}; rows: {rows[:5]}"
    if "quote" in rows[0] or any("quote" in r for r in rows):
        assert all(r.get("quote") for r in matching), "the answer carries no quote"
