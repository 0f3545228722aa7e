"""The vote on a motion, in the forms the Tweede Kamer's pages and openkamer print it:

Aangenomen met handopsteken / Verworpen met hoofdelijke stemming / Stemming: Aangenomen
Voor: 66 / Tegen: 83 / 75Vereist: 75 / 149Totaal: 149 / Voor: 95 (63,3%)
VVD | 34 | Tegen | | /  BIJ1 | 1 | Tegen | Vergissing |     (faction, seats, vote, mistake)
H. Krul | CDA | Voor                                         (a member, in a hoofdelijke stemming)
"""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.layouts.common import Line
from kg.ingest.records import VoteRecord, VoterVote

RESULT = re.compile(
    r"^(?:Stemming(?:suitslag)?\s*:\s*)?(?P<result>Aangenomen|Verworpen|Aangehouden|Ingetrokken)\b"
    r"(?:\s+(?:met|bij)\s+(?P<method>handopsteken|hoofdelijke\s+stemming))?",
    re.IGNORECASE,
)
COUNT = re.compile(
    r"(?<![A-Za-z])(?P<what>Voor|Tegen|Vereist|Totaal)\s*:\s*(?P<n>\d{1,3})(?!\d)"
    r"(?:\s*\((?P<pct>\d+(?:,\d+)?)\s?%\))?"
)
OPTION = r"(?P<option>Voor|Tegen|Niet deelgenomen)"
#: "VVD | 34 | Tegen | |", "BIJ1 | 1 | Tegen | Vergissing |"
FACTION_ROW = re.compile(
    rf"^(?P<voter>[^|]{{1,60}}?)\s*\|\s*(?P<seats>\d{{1,3}})\s*\|\s*{OPTION}\s*\|(?P<rest>.*)$"
)
#: "H. Krul | CDA | Voor"
MEMBER_ROW = re.compile(
    rf"^(?P<voter>[^|\d]{{2,60}}?)\s*\|\s*(?P<party>[^|]{{2,40}}?)\s*\|\s*{OPTION}\s*(?:\|(?P<rest>.*))?$"
)
VOTE_DATE = re.compile(
    r"(?:Stemmingsdatum|Datum stemming|Gestemd op)\s*:?\s*(?P<date>.{8,20})", re.IGNORECASE
)
_OPTIONS = {"voor": "voor", "tegen": "tegen", "niet deelgenomen": "niet-deelgenomen"}


def find_vote(lines: list[Line]) -> VoteRecord | None:
    """The vote printed in the document, or None when it shows none."""
    start = next((i for i, ln in enumerate(lines) if RESULT.match(ln.text)), None)
    if start is None:
        return None
    head = lines[start]
    found = RESULT.match(head.text)
    assert found is not None
    method = found["method"]
    record = VoteRecord(
        found["result"].lower(),
        ("hoofdelijk" if method.lower().startswith("hoofdelijk") else "handopsteken") if method else None,
        head.quote(found.group(0)),
    )
    for line in lines[start:]:
        for count in COUNT.finditer(line.text):
            what, n, quote = count["what"].lower(), int(count["n"]), line.quote(count.group(0))
            if what in ("voor", "tegen") and what not in record.counts:
                record.counts[what] = (n, quote)
            elif what == "vereist" and record.required is None:
                record.required = (n, quote)
            elif what == "totaal" and record.total is None:
                record.total = (n, quote)
        if (dated := VOTE_DATE.search(line.text)) and (date := rules.first_date(dated["date"])):
            record.date = (date[0], line.quote(dated.group(0)))
        if row := FACTION_ROW.match(line.text):
            record.votes.append(
                VoterVote(
                    row["voter"].strip(),
                    _OPTIONS[row["option"].lower()],
                    line.quote(),
                    seats=int(row["seats"]),
                    mistake="vergissing" in row["rest"].lower(),
                )
            )
        elif (row := MEMBER_ROW.match(line.text)) and not row["voter"].strip().lower().startswith("fractie"):
            record.votes.append(
                VoterVote(
                    row["voter"].strip(),
                    _OPTIONS[row["option"].lower()],
                    line.quote(),
                    mistake="vergissing" in (row["rest"] or "").lower(),
                    person=True,
                    party=row["party"].strip(),
                )
            )
    if record.method is None and any(v.person for v in record.votes):
        record.method = "hoofdelijk"
    return record
