"""`/validate` reports on the served graph (the store's contents), not on the source files."""

from __future__ import annotations

from app_helpers import client_for

TOKEN = {"Authorization": "Bearer s3cret"}
BAD_NOTE = """PREFIX org: <http://www.w3.org/ns/org#>
INSERT DATA { GRAPH <graph/notes> { <id/organisation/naamloos> a org:Organization } }"""


def test_validate_sees_what_an_update_wrote(built) -> None:
    client = client_for(built, update_token="s3cret")
    before = client.get("/validate").json()
    assert before["conforms"] is True
    assert client.post("/sparql", data={"update": BAD_NOTE}, headers=TOKEN).status_code == 204
    after = client.get("/validate").json()
    assert after["conforms"] is False
    broken = [r for r in after["results"] if r["focus"].endswith("id/organisation/naamloos")]
    assert broken and {r["severity"] for r in broken} == {"Violation"}
    assert {r["graph"] for r in broken} == {built.base + "graph/notes"}
    assert any("no name" in r["message"] for r in broken)
