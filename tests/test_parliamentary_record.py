"""The parliamentary record on real data: the seed graph plus a curated fixture of one real vote.

The seed letters hold no votes, so `tests/fixtures/votes-krul-29389-138.trig` adds the vote on
motion 29 389, nr. 138 as printed in `../shared/corpus/motie-krul-29389-138.txt`; its quotes are
checked against that file, and the whole is built (SHACL included) like `kg/data`.
"""

from __future__ import annotations

import re
import shutil

import pytest

from kg.build import build
from kg.catalog import Catalog
from kg.query import run
from kg.settings import ROOT, Settings
from kg.store import EmbeddedStore
from tests.conftest import make_source

FIXTURE = ROOT / "tests" / "fixtures" / "votes-krul-29389-138.trig"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """A function (query name, parameters) -> answer rows as {variable: value}."""
    tmp = tmp_path_factory.mktemp("record")
    source = make_source(tmp / "src", {})
    for data in sorted((ROOT / "kg" / "data").glob("*.trig")):
        shutil.copy(data, source / "kg" / "data" / data.name)
    shutil.copy(FIXTURE, source / "kg" / "data" / FIXTURE.name)
    settings = Settings(source_dir=source, build_dir=tmp / "build")
    assert build(settings).report.conforms, "the seed graph with the vote fixture does not conform"
    store, catalog = EmbeddedStore.from_dataset(settings), Catalog(ROOT / "queries")

    def answer(name: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
        result = run(store, catalog.get(name), params or {}).result
        return [{v: t.value for v, t in zip(result.variables, row) if t is not None} for row in result.rows]

    return answer


def test_fixture_quotes_are_in_the_corpus_file() -> None:
    path = CORPUS / "motie-krul-29389-138.txt"
    if not path.is_file():
        pytest.fail(f"corpus not found at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    text = FIXTURE.read_text(encoding="utf-8")
    found = re.findall(r'kgdef:startLine (\d+) ; kgdef:endLine (\d+) ;\s+oa:exact "([^"]+)"', text)
    assert len(found) == 18
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
