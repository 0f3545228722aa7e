"""The explorer keeps the project's promise on the real graph: every edge and every row of every
table carries its evidence, and each quote a stored query joined is found again, not just one."""

from __future__ import annotations

import pytest
from graph_helpers import store_of_files

from kg.explorer.generate import payload
from kg.explorer.tables import QUOTE_SEPARATOR
from kg.settings import ROOT, Settings


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("real")
    store = store_of_files(tmp, sorted((ROOT / "kg" / "data").glob("*.trig")))
    return payload(store, Settings(build_dir=tmp / "build"))[0]


def name(content, position) -> str:
    return content["nodes"][position]["label"]["nl"]


def test_every_edge_carries_evidence(content):
    bare = [
        (name(content, e["s"]), content["relations"][e["rel"]]["nl"], name(content, e["t"]))
        for e in content["edges"]
        if not e["ev"]
    ]
    assert bare == []


@pytest.mark.parametrize("table", ["motions", "budgets", "timeline"])
def test_every_table_row_carries_evidence(content, table):
    rows = content["tables"][table]["rows"]
    assert rows
    assert [r for r in rows if not r["ev"]] == []
    assert all(0 <= e < len(content["evidence"]) for r in rows for e in r["ev"])


def test_every_matrix_cell_carries_evidence(content):
    cells = content["tables"]["matrix"]["cells"]
    assert cells and [c for c in cells if not c["ev"]] == []


def test_joined_quotes_are_each_found(content):
    """The rows the issue named: the regional investment budget of € 30 mln, the transition budget
    of € 40 mln, motion 31765-744 (their stored queries joined several quotes)."""
    budgets = content["tables"]["budgets"]["rows"]
    quotes = {r["amount"]: [content["evidence"][e][3] for e in r["ev"]] for r in budgets if r["amount"]}
    for amount in ("30000000", "40000000"):
        found = [k for k in quotes if k.split(".")[0] == amount]
        assert found, f"no budget of {amount}"
        assert all(quotes[k] for k in found)
    motions = {r["kamerstuk"]: r for r in content["tables"]["motions"]["rows"]}
    assert motions["kst-31765-744"]["ev"]
    assert motions["kst-31765-807"]["ev"]
    several = [r for r in budgets + content["tables"]["motions"]["rows"] if len(r["ev"]) > 1]
    assert several, "no row joined several quotes: the test would not see the defect"
    for row in several:
        assert all(QUOTE_SEPARATOR not in content["evidence"][e][3] for e in row["ev"])
