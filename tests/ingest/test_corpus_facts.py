"""The nine corpus documents, ingested and reviewed into kg/data/ingested/, answer the facts a careful
reader finds in them (../shared/corpus/expected-facts.yaml), checked by one generic rule."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from answers import GraphIndex, check

from kg.build import build
from kg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = 36


@pytest.fixture(scope="module")
def index(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> GraphIndex:
    settings = Settings(source_dir=ROOT, build_dir=tmp_path_factory.mktemp("corpus-build"))
    build(settings)
    return GraphIndex(settings.dataset_path, settings.base)


@pytest.fixture(scope="module")
def expected(corpus: Path) -> list[dict]:
    return yaml.safe_load((corpus / "expected-facts.yaml").read_text(encoding="utf-8"))["facts"]


def test_the_built_graph_answers_the_expected_facts(index: GraphIndex, expected: list[dict]) -> None:
    failures = {fact["id"]: missing for fact in expected if (missing := check(index, fact))}
    answered = len(expected) - len(failures)
    print(f"expected facts answered: {answered} of {len(expected)}; not: {failures}")
    assert len(expected) == 38
    assert answered >= REQUIRED, failures


def test_every_corpus_document_is_a_graph_of_its_own(index: GraphIndex, corpus: Path) -> None:
    files = sorted(p.name for p in corpus.glob("*.txt"))
    served = {value for values in index.values.values() for value in values}
    assert [f for f in files if f.lower() not in served] == []


def test_the_checker_does_not_answer_what_the_graph_does_not_say(index: GraphIndex) -> None:
    wrong = {"subject": ["29389-138"], "answer": [["verworpen"]]}
    assert check(index, wrong) == ["['verworpen']"]
    assert check(index, {"subject": ["24170-259"], "answer": [67]}) == ["[67]"]
