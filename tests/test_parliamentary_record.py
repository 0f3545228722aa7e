"""The parliamentary record on real data: the seed graph plus a curated fixture of one real vote.

The seed letters hold no votes, so `tests/fixtures/votes-*.trig` add the votes on motions
29 389, nr. 138 and 24 170, nr. 259 as printed in `../shared/corpus/`; their quotes are checked
against those files, and the whole is built (SHACL included) like `kg/data`.
"""

from __future__ import annotations

import re
import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.build import build
from kg.catalog import Catalog
from kg.query import run
from kg.service import open_store
from kg.settings import ROOT, Settings
from kg.store import EmbeddedStore
from tests.conftest import make_source

FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("votes-*.trig"))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    """A build of the seed graph with the vote fixtures."""
    tmp = tmp_path_factory.mktemp("record")
    source = make_source(tmp / "src", {})
    for data in sorted((ROOT / "kg" / "data").glob("*.trig")):
        shutil.copy(data, source / "kg" / "data" / data.name)
    for fixture in FIXTURES:
        shutil.copy(fixture, source / "kg" / "data" / fixture.name)
    built = Settings(source_dir=source, build_dir=tmp / "build")
    assert build(built).report.conforms, "the seed graph with the vote fixtures does not conform"
    return built


@pytest.fixture(scope="module")
def client(settings: Settings) -> TestClient:
    return TestClient(create_app(settings, open_store(settings)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def rows(settings: Settings):
    """A function (query name, parameters) -> answer rows as {variable: value}."""
    store, catalog = EmbeddedStore.from_dataset(settings), Catalog(ROOT / "queries")

    def answer(name: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
        result = run(store, catalog.get(name), params or {}).result
        return [{v: t.value for v, t in zip(result.variables, row) if t is not None} for row in result.rows]

    return answer


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_quotes_are_in_the_corpus_file(fixture) -> None:
    text = fixture.read_text(encoding="utf-8")
    path = CORPUS / re.search(r'kgdef:sourceFile "([^"]+)"', text).group(1)
    if not path.is_file():
        pytest.fail(f"corpus not found at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = re.findall(r'kgdef:startLine (\d+) ; kgdef:endLine (\d+) ;\s+oa:exact "([^"]+)"', text)
    assert len(found) >= 3
    for start, end, quote in found:
        passage = " ".join(line.strip() for line in lines[int(start) - 1 : int(end)])
        assert quote == passage, f"lines {start}-{end}: {quote!r} is not {passage!r}"


def test_how_each_faction_voted(rows) -> None:
    answer = rows("motion-votes")
    assert len(answer) == 15
    by_faction = {r["voterName"]: r for r in answer}
    assert by_faction["PVV"]["optionName"] == "tegen" and by_faction["PVV"]["seats"] == "37"
    assert by_faction["GroenLinks-PvdA"]["optionName"] == "voor"
    against = sorted(name for name, r in by_faction.items() if r["optionName"] == "tegen")
    assert against == ["BBB", "JA21", "PVV", "VVD"]
    assert sum(int(r["seats"]) for r in answer if r["optionName"] == "voor") == 81
    assert {r["resultName"] for r in answer} == {"aangenomen"}
    assert {r["methodName"] for r in answer} == {"handopsteken"}
    assert by_faction["JA21"]["quote"] == "JA21 | 1 | Tegen |"
    assert all(r["quote"] and r["document"].endswith("id/kamerstuk/29389-138") for r in answer)


def test_a_motion_without_votes_has_no_rows(rows) -> None:
    assert rows("motion-votes", {"motion": "mot:31765-744"}) == []


def test_motions_of_a_submitter_from_the_fixture(rows) -> None:
    answer = rows("motions-by-submitter", {"submitter": "per:h-krul"})
    found = [(r["kamerstuk"], r["role"], r["date"]) for r in answer]
    assert found == [("kst-29389-138", "indiener", "2024-11-27")]
    assert "Harmen Krul, Kamerlid" in answer[0]["quote"]


def test_status_of_the_motion_over_time(rows) -> None:
    assert rows("status-on-date", {"subject": "mot:29389-138", "date": "2024-11-01"}) == []
    (same_day,) = rows("status-on-date", {"subject": "mot:29389-138", "date": "2024-11-27"})
    # ingediend and aangenomen share the day: the change that leaves "ingediend" comes last
    assert (same_day["statusName"], same_day["fromStatusName"]) == ("aangenomen", "ingediend")
    assert same_day["quote"] == "Stemmingsuitslagen Aangenomen met handopsteken"
    assert same_day["documentId"] == "kst-29389-138"


def test_status_before_any_change_is_unknown(rows) -> None:
    assert rows("status-on-date", {"date": "2020-01-01"}) == []


def test_vote_totals_and_a_rejected_motion(rows) -> None:
    (count,) = rows("vote-counts", {"motion": "mot:24170-259"})
    assert (count["optionName"], count["value"], count["votesRequired"], count["votesTotal"]) == (
        "voor",
        "66",
        "75",
        "149",
    )
    assert count["quote"] == "Verworpen met handopsteken Voor: 66"
    (status,) = rows("status-on-date", {"subject": "mot:24170-259", "date": "2022-06-01"})
    assert status["statusName"] == "verworpen"


def test_posts_of_the_letters_signer(rows) -> None:
    (post,) = rows("posts-of-person")
    assert post["postName"] == "Minister voor Langdurige Zorg en Sport"
    assert post["quote"] == "De Minister voor Langdurige Zorg en Sport, C. Helder"


@pytest.mark.parametrize(
    ("plural", "slug", "name"),
    [
        ("factions", "pvv", "PVV"),
        ("persons", "h-krul", "Harmen Krul"),
        ("vote-events", "29389-138", None),
        ("status-changes", "31765-744-aangenomen", None),
        ("documents", None, "Voortgangsbrief Wonen, Ondersteuning en Zorg voor Ouderen (WOZO)"),
        (
            "commitments",
            "toezegging-mohandis-2022-09-29",
            "Toezegging aan het lid Mohandis van 29 september 2022",
        ),
        ("posts", "minister-lzs", "Minister voor Langdurige Zorg en Sport"),
    ],
)
def test_new_kinds_are_listed_and_served(client: TestClient, plural: str, slug: str | None, name: str | None):
    listing = client.get(f"/api/v1/{plural}", params={"limit": 500})
    assert listing.status_code == 200, listing.text
    items = listing.json()["items"]
    assert items, f"/api/v1/{plural} is empty"
    if name:
        assert name in {i["label"] for i in items}
    if slug:
        assert slug in {i["slug"] for i in items}
        one = client.get(f"/api/v1/{plural}/{slug}")
        assert one.status_code == 200, one.text
        assert one.json()["evidence"] or any(r["evidence"] for r in one.json()["relations"])


def test_a_motion_page_shows_its_votes(client: TestClient) -> None:
    page = client.get("/id/motion/29389-138", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'data-query="motion-votes"' in page.text
    assert "GroenLinks-PvdA" in page.text and "PVV | 37 | Tegen |" in page.text


def test_a_person_page_shows_their_posts(client: TestClient) -> None:
    page = client.get("/id/person/c-helder", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'data-query="posts-of-person"' in page.text
    assert "Minister voor Langdurige Zorg en Sport" in page.text
