"""The curator's decisions on a proposal: one line per fact, in a file beside the proposal.

    accept identity
    reject mention/organisation/vws            # a wrong link
    repoint sender/minister-van-... -> id/post/minister-vws
    ? target/290-000-geschikte-woningen ...     # not reviewed yet

`kg ingest` writes the file with a `?` line for every fact (keeping the lines already decided,
so a re-ingest keeps the decisions), and reads it back: rejected facts are left out of the
graph, re-pointed ones link to the entity named, undecided ones are written and counted as
unreviewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.trig import FactEntry

_LINE = re.compile(r"^(?P<verb>accept|reject|repoint|\?)\s+(?P<fact>\S+)(?:\s+->\s+(?P<target>id/\S+))?\s*$")


@dataclass
class Decisions:
    accepted: set[str] = field(default_factory=set)
    rejected: set[str] = field(default_factory=set)
    repoint: dict[str, str] = field(default_factory=dict)  # fact -> relative IRI
    lines: dict[str, str] = field(default_factory=dict)  # fact -> its line, as written

    def decided(self, fact: str) -> bool:
        return fact in self.accepted or fact in self.rejected or fact in self.repoint

    @classmethod
    def load(cls, path: Path) -> Decisions:
        """The decisions in `path` (none when it does not exist); a bad line is an error naming it."""
        out = cls()
        if not path.is_file():
            return out
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            found = _LINE.match(line)
            if found is None or (found["verb"] == "repoint") != bool(found["target"]):
                raise InputError(
                    f"{path}:{number}: not a decision: {raw.strip()!r} "
                    "(write 'accept FACT', 'reject FACT' or 'repoint FACT -> id/...')",
                    file=str(path),
                )
            verb, fact = found["verb"], found["fact"]
            out.lines[fact] = raw
            if verb == "accept":
                out.accepted.add(fact)
            elif verb == "reject":
                out.rejected.add(fact)
            elif verb == "repoint":
                out.repoint[fact] = found["target"]
        return out


def template(facts: dict[str, FactEntry], decisions: Decisions) -> str:
    """The decisions file for these facts: decided lines kept, a `?` line for each new fact."""
    out = [
        "# Decisions on this proposal, one per fact: accept FACT | reject FACT | repoint FACT -> id/...",
        "# (a '?' line is not reviewed yet). Re-ingesting keeps these lines.",
    ]
    for fact_id, entry in facts.items():
        comment = f"  # {entry.status}: {entry.label[:90]} (line {entry.lines})"
        if fact_id in decisions.lines:
            out.append(decisions.lines[fact_id].split("#", 1)[0].rstrip() + comment)
        else:
            out.append(f"? {fact_id}{comment}")
    stale = [f for f in decisions.lines if f not in facts]
    if stale:
        out.append("# decisions on facts this ingest no longer proposes:")
        out += [f"# {decisions.lines[f].strip()}" for f in stale]
    return "\n".join(out) + "\n"
