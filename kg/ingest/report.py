"""The review report of one ingested letter (Markdown): what is new, what links to existing
entities, and what is uncertain and needs a reviewer's eye before `--apply`."""

from __future__ import annotations

from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import motion_label
from kg.ingest.records import Extraction
from kg.ingest.review import Decisions
from kg.ingest.trig import Proposal, kst_id


def _cell(text: str, limit: int = 110) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(
    x: Extraction, proposal: Proposal, gazetteer: Gazetteer, decisions: Decisions | None = None
) -> str:
    meta = x.meta
    decisions = decisions or Decisions()
    out = [f"# Review: {x.letter.name}", ""]
    out += [
        f"- proposed graph: `<{proposal.graph}>` (letter node `{proposal.document}`)",
        f"- read as: {x.letter.kind}"
        + (
            " — line numbers refer to the extracted text written beside this report"
            if x.letter.kind != "text"
            else ""
        ),
        f"- Kamerstuk: {kst_id(meta.kst) if meta.kst else 'not found (no header line)'}"
        + (f", vergaderjaar {meta.vergaderjaar}" if meta.vergaderjaar else ""),
        f"- date: {meta.date or 'not found'}",
        "- signed by: " + ("; ".join(f"{name}, {office}" for office, name, _ in meta.signers) or "not found"),
        f"- read as layout: {meta.layout}; kind: {meta.kind}"
        + (f"; TK document {meta.doc_number}" if meta.doc_number else "")
        + (f"; zaak {meta.zaak}" if meta.zaak else ""),
        f"- title: {meta.subject or 'not found'}"
        + (f"; dossier: {meta.dossier_title}" if meta.dossier_title else ""),
        "- sent by: " + ("; ".join(post for post, _ in meta.senders) or "not found"),
        "- people: "
        + (
            "; ".join(f"{p.name} ({p.role}{', ' + p.office if p.office else ''})" for p in meta.people)
            or "none"
        ),
        "",
    ]
    if proposal.identity_missing:
        out += ["**Identity not found in the text:** " + "; ".join(proposal.identity_missing), ""]
    undecided = [f for f in proposal.facts if not decisions.decided(f)]
    out += [
        f"## Facts ({len(proposal.facts)}; {len(undecided)} not reviewed)",
        "",
        f"Decide per fact in `{proposal.slug}.decisions` beside this report: `accept FACT`, `reject FACT`, "
        "`repoint FACT -> id/...`; then ingest again (decisions are kept).",
        "",
        "| fact | status | decision | what | line | quote |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for fact_id, entry in proposal.facts.items():
        decision = (
            "accepted"
            if fact_id in decisions.accepted
            else "rejected"
            if fact_id in decisions.rejected
            else f"→ {decisions.repoint[fact_id]}"
            if fact_id in decisions.repoint
            else "?"
        )
        status = entry.status + (f" ({entry.note})" if entry.note else "")
        out.append(
            f"| `{fact_id}` | {status} | {decision} | {_cell(entry.label, 80)} | {entry.lines} | "
            f"{_cell(entry.quote, 90)} |"
        )
    out.append("")
    if proposal.document_known:
        out += [
            "**This Kamerstuk is already described in the graph**: `--apply` adds this proposal beside it "
            f"as its own graph `<{proposal.graph}>`; review for duplicates first.",
            "",
        ]
    if proposal.missing:
        out += ["**Needed before `--apply`:** " + "; ".join(proposal.missing), ""]

    out += [
        f"## Kamerstuk citations ({len(x.citations)})",
        "",
        "| footnote | Kamerstuk | page | lines |",
        "| --- | --- | --- | --- |",
    ]
    for c in x.citations:
        out.append(
            f"| {c.footnote or 'in text'} | {kst_id(c.kst)} | {c.page or ''} | "
            f"{', '.join(f'{q.first}-{q.last}' for q in c.quotes)} |"
        )

    out += [
        "",
        f"## Motions ({len(x.motions)})",
        "",
        "| motion | Kamerstuk | handling | lines |",
        "| --- | --- | --- | --- |",
    ]
    for m in x.motions:
        lines = m.handling_quote.first if m.handling_quote else m.quotes[0].first
        out.append(
            f"| {motion_label(m.submitters, m.co_submitters)} | "
            f"{kst_id(m.kst) if m.kst else '**none found**'} | {m.handling or '**not stated**'} | "
            f"{m.quotes[0].first}, {lines} |"
        )

    out += ["", f"## Links to entities already in the graph ({len(x.mentions)})", ""]
    for iri, mention in sorted(x.mentions.items(), key=lambda kv: gazetteer.entities[kv[0]].label.lower()):
        entity = gazetteer.entities[iri]
        printed = ", ".join(sorted(mention.printed))
        out.append(f"- {entity.label} ({entity.kind}) — printed as {printed}; line {mention.quotes[0].first}")

    out += ["", "## New entities proposed", ""]
    out += [f"- {label}" for label in dict.fromkeys(proposal.new)] or ["- none"]
    out += ["", "## Motions, Kamerstukken and persons already in the graph", ""]
    out += [f"- {label}" for label in dict.fromkeys(proposal.linked)] or ["- none"]

    money = [f for f in x.facts if f.value is not None]
    out += [
        "",
        f"## Amounts ({len(money)})",
        "",
        "| amount | kind | years | belongs to | line |",
        "| --- | --- | --- | --- | --- |",
    ]
    for f in money:
        known = "" if f.target_iri else " (new)"
        years = "–".join(dict.fromkeys(str(y) for y in (f.years[0], f.years[-1]))) if f.years else ""
        out.append(f"| {f.text} | {f.kind} | {years} | {_cell(f.target)}{known} | {f.quote.first} |")

    dates = [f for f in x.facts if f.date]
    out += [
        "",
        f"## Dates ({len(dates)})",
        "",
        "| date | event | belongs to | line |",
        "| --- | --- | --- | --- |",
    ]
    for f in dates:
        year = " (year from the letter's date)" if f.year_inferred and not f.date.startswith("--") else ""
        event = f.status or "— (no event word: not proposed)"
        out.append(f"| {f.date}{year} | {event} | {_cell(f.target or '?')} | {f.quote.first} |")

    out += [
        "",
        f"## Candidate new organisations, for review ({len(x.candidates)})",
        "",
        "Not asserted in the graph; add them to kg/data by hand when they are organisations.",
        "",
    ]
    for name, quote, count in sorted(x.candidates.values(), key=lambda v: -v[2]):
        out.append(f"- {name} — {count}×, first at line {quote.first}: “{_cell(quote.text, 90)}”")

    uncertain = list(x.uncertain) + [
        f"quote not found in the source, evidence dropped: {q}" for q in proposal.dropped_quotes
    ]
    uncertain += [
        f"amount {f.text} (line {f.quote.first}) attached to “{f.target}” named on line "
        f"{f.target_quote.first}, not in its own sentence"
        for f in money
        if f.target_quote.first != f.quote.first
    ]
    out += ["", f"## Uncertain ({len(uncertain)})", ""]
    out += [f"- {u}" for u in uncertain] or ["- nothing"]
    return "\n".join(out) + "\n"
