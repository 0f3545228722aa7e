"""Whole-network aggregates computed once per build and kept in the build folder.

`aggregates/co-participation.json` holds every row of `queries/co-participation.rq` (the pairs
of organisations sharing an initiative through participations or memberships), computed from a
few quad-pattern scans of the default graph instead of the SPARQL join (32-36 s at 1M triples).
The manifest lists the file with its checksum; a reader that finds it damaged gets a clear error.
"""

from __future__ import annotations

import json
import os
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox

from kg.builds import DamagedBuild, file_digest

FOLDER = "aggregates"
CO_PARTICIPATION = "co-participation"
DEF = "def#"
ORG = "http://www.w3.org/ns/org#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DEFAULT = ox.DefaultGraph()


def _members(store: ox.Store, who: ox.NamedNode, what: ox.NamedNode) -> dict[str, set[str]]:
    """Initiative IRI -> IRIs of those that take part in it through nodes with `who` and `what`."""
    parties: dict[object, list[str]] = {}
    for quad in store.quads_for_pattern(None, who, None, DEFAULT):
        if isinstance(quad.object, ox.NamedNode):
            parties.setdefault(quad.subject, []).append(quad.object.value)
    found: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, what, None, DEFAULT):
        if quad.subject in parties:
            found.setdefault(_key(quad.object), set()).update(parties[quad.subject])
    return found


def _key(term: object) -> str:
    return f"{type(term).__name__}:{term}"


def co_participation(store: ox.Store, base: str) -> list[list[str | int]]:
    """The rows of the co-participation query: [a, aName, b, bName, shared], in its order."""
    shared: dict[tuple[str, str], set[str]] = {}
    branches = (
        (ox.NamedNode(base + DEF + "participant"), ox.NamedNode(base + DEF + "initiative")),
        (ox.NamedNode(ORG + "member"), ox.NamedNode(ORG + "organization")),
    )
    for who, what in branches:
        for initiative, members in _members(store, who, what).items():
            for a, b in combinations(sorted(members), 2):
                shared.setdefault((a, b), set()).add(initiative)
    names: dict[str, list[str]] = {}
    rows: list[list[str | int]] = []
    for (a, b), initiatives in shared.items():
        for iri in (a, b):
            if iri not in names:
                names[iri] = sorted(
                    {
                        q.object.value
                        for q in store.quads_for_pattern(ox.NamedNode(iri), RDFS_LABEL, None, DEFAULT)
                        if isinstance(q.object, ox.Literal) and q.object.language == "nl"
                    }
                )
        rows += [[a, x, b, y, len(initiatives)] for x in names[a] for y in names[b]]
    rows.sort(key=lambda r: (-r[4], r[1], r[3], r[0], r[2]))
    return rows


def write(store: ox.Store, base: str, folder: Path) -> dict:
    """Compute the aggregates of `store` into `folder/aggregates/`; their manifest entry."""
    target = folder / FOLDER
    target.mkdir(exist_ok=True)
    entry = {}
    for name, rows in ((CO_PARTICIPATION, co_participation(store, base)),):
        path = target / f"{name}.json"
        with path.open("wb") as out:
            out.write(json.dumps({"rows": rows}, ensure_ascii=False, separators=(",", ":")).encode())
            out.flush()
            os.fsync(out.fileno())
        size, digest = file_digest(path)
        entry[name] = {"file": f"{FOLDER}/{path.name}", "bytes": size, "sha256": digest, "rows": len(rows)}
    return entry


def read(folder: Path, meta: dict, name: str) -> list[list]:
    """The kept rows of aggregate `name`, checked against the manifest; DamagedBuild when the
    file is missing, altered or unreadable."""
    listed = (meta.get("aggregates") or {}).get(name)
    if not isinstance(listed, dict):
        raise DamagedBuild(f"{folder / 'manifest.json'}: no kept aggregate {name!r}; run `kg build`")
    path = (folder / str(listed.get("file"))).resolve()
    if folder.resolve() not in path.parents:
        raise DamagedBuild(f"{folder / 'manifest.json'}: aggregate {name!r} lies outside the build; refused")
    try:
        size, digest = file_digest(path)
        if (size, digest) != (listed.get("bytes"), listed.get("sha256")):
            raise DamagedBuild(
                f"{path}: {size} bytes that do not match the manifest ({listed.get('bytes')} bytes, "
                f"sha256 {str(listed.get('sha256'))[:12]}…): the aggregate is damaged; run `kg build`"
            )
        return json.loads(path.read_bytes())["rows"]
    except OSError as exc:
        reason = exc.strerror
        raise DamagedBuild(f"{path}: cannot read the kept aggregate ({reason}); run `kg build`") from None


XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
KEPT = {CO_PARTICIPATION: ["a", "aName", "b", "bName", "shared"]}  # stored query -> its variables


def result(name: str, folder: Path, meta: dict, cap: int):
    """The kept rows of stored query `name` as a SELECT result, cut at `cap` rows."""
    from kg.store import Result

    rows = read(folder, meta, name)
    cut = rows[:cap]
    terms = [
        [
            ox.NamedNode(a),
            ox.Literal(x, language="nl"),
            ox.NamedNode(b),
            ox.Literal(y, language="nl"),
            ox.Literal(str(n), datatype=XSD_INTEGER),
        ]
        for a, x, b, y, n in cut
    ]
    return Result(KEPT[name], terms, truncated=len(cut) < len(rows))
