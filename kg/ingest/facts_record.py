"""Facts of the parliamentary record and of policy, written into the proposal graph, one reviewable
fact each: motions (named in a letter, or the motion document itself) with their votes and status
changes; parties and roles in agreements; "bouwt voort op"; subtitles; targets; commitments;
amounts and dated events."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.ingest.facts_common import is_known, known, tally
from kg.ingest.facts_people import faction_node, member_of, party_membership, person_node
from kg.ingest.mentions import Gazetteer, key
from kg.ingest.records import Extraction, Kst, Quote
from kg.ingest.trig import Graph, kst_id, lit, name, slug

_SCHEME_WORDS = re.compile(r"regeling|subsidie|fonds|budget|tranche", re.I)


def _label(submitters: list[str], co: bool) -> str:
    from kg.ingest.propose import motion_label

    return motion_label(submitters, co)


def letter_motions(
    g: Graph, x: Extraction, doc_slug: str, declared: set[Kst], kamerstuk: Callable[..., str]
) -> None:
    """Motions a letter names ("de motie van het lid X"), and how the letter says it handles them."""
    for m in x.motions:
        if m.kst is None:
            continue
        ref = kst_id(m.kst)[4:]
        label = _label(m.submitters, m.co_submitters)
        with g.fact(
            f"motion/{ref}", "motion", f"{label} (motion {ref})", m.quotes[0], is_known(g, f"id/motion/{ref}")
        ):
            motion = name(f"id/motion/{ref}")
            tally(g, f"id/motion/{ref}", f"{label} (motion {ref})")
            g.add(motion, "a", "opengov:Motion")
            g.add(motion, "skos:prefLabel", lit(label, "nl"))
            for who in m.submitters:
                person, _ = person_node(g, who, m.quotes[0])
                g.add(motion, "dcterms:creator", person)
            if m.co_submitters:
                g.add(motion, "kgdef:coSubmitters", "true")
            g.add(motion, "kgdef:publishedAs", kamerstuk(g, m.kst, m.quotes[-1], declared))
            for q in m.quotes:
                g.cite(motion, q)
        if m.handling and m.handling_quote:
            with g.fact(
                f"status/{ref}/{m.handling}", "status", f"motion {ref}: {m.handling}", m.handling_quote
            ):
                status_change(
                    g, f"{ref}-{m.handling}-in-{doc_slug}", motion, f"mstatus:{m.handling}", m.handling_quote
                )


def status_change(
    g: Graph, ident: str, of: str, to: str, quote: Quote, date: str | None = None, from_: str | None = None
) -> str:
    node = name(f"id/status-change/{slug(ident)}")
    g.add(node, "a", "kgdef:StatusChange")
    g.add(node, "kgdef:statusOf", of)
    g.add(node, "kgdef:toStatus", to)
    if from_:
        g.add(node, "kgdef:fromStatus", from_)
    if date and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        datatype = {4: "xsd:gYear", 7: "xsd:gYearMonth"}.get(len(date), "xsd:date")
        g.add(node, "dcterms:date", lit(date, datatype=datatype))
    g.add(node, "kgdef:declaredIn", g.document)
    g.cite(node, quote)
    return node


def motion_document(g: Graph, x: Extraction, gazetteer: Gazetteer) -> None:
    """A motion document: the motion, its submitters, date, dictum and subject, the vote on it."""
    meta, text = x.meta, x.motion_text
    if meta.kind != "motion" or meta.kst is None or text is None:
        return
    ref = kst_id(meta.kst)[4:]
    motion = name(f"id/motion/{ref}")
    submitters = [p for p in meta.people if p.role == "indiener"]
    co = [p for p in meta.people if p.role == "medeindiener"]
    if not submitters:
        g.proposal.identity_missing.append("the motion's submitters (indieners)")
        return
    families = [p.name.split()[-1] if "." in p.name else p.name for p in submitters]
    label = _label([_family(p.name) for p in submitters], bool(co))
    quote = meta.heading_quote or submitters[0].quote
    with g.fact(
        f"motion/{ref}",
        "motion",
        f"{label}: {', '.join(families)}",
        quote,
        is_known(g, f"id/motion/{ref}"),
        entity=motion,
    ):
        g.add(motion, "a", "opengov:Motion")
        g.add(motion, "skos:prefLabel", lit(label, "nl"))
        g.add(motion, "kgdef:publishedAs", g.document)
        g.cite(motion, quote)
        if meta.date:
            g.add(motion, "dcterms:date", lit(meta.date, datatype="xsd:date"))
            g.cite(motion, meta.date_quote)
    for role, people, predicate in (
        ("indiener", submitters, "dcterms:creator"),
        ("medeindiener", co, "kgdef:coSubmitter"),
    ):
        for person in people:
            with g.fact(
                f"{role}/{ref}/{slug(person.name)}", role, f"{role} {person.name}", person.quote
            ) as entry:
                node, linked = person_node(g, person.name, person.quote)
                entry.entity, entry.status = node, "linked" if linked else entry.status
                g.add(motion, predicate, node)
                g.cite(motion, person.quote)
            party_membership(g, gazetteer, node, person)
    if text.dictum and text.dictum_quote:
        with g.fact(f"dictum/{ref}", "dictum", text.dictum[:120], text.dictum_quote):
            g.add(motion, "dcterms:description", lit(text.dictum, "nl"))
            g.cite(motion, text.dictum_quote)
    for iri, q in text.subjects:
        entity = gazetteer.entities[iri]
        with g.fact(
            f"subject/{ref}/{slug(entity.label)}", "subject", f"about {entity.label}", q, True, entity=None
        ) as entry:
            node = known(g, iri, [q])
            entry.entity = node
            g.add(motion, "dcterms:subject", node)
            g.cite(motion, q)
    if text.vote is not None:
        _vote(g, gazetteer, ref, motion, text.vote)


def _family(printed: str) -> str:
    from kg.ingest.people import split_name

    return split_name(printed)[1]


def _vote(g: Graph, gazetteer: Gazetteer, ref: str, motion: str, vote) -> None:  # noqa: ANN001
    event = name(f"id/vote-event/{ref}")
    label = f"vote on {ref}: {vote.result}" + (f" ({vote.method})" if vote.method else "")
    with g.fact(f"vote/{ref}", "vote", label, vote.quote):
        g.add(event, "a", "opengov:VoteEvent")
        g.add(event, "opengov:motion", motion)
        if vote.result:
            g.add(event, "opengov:result", f"vresult:{vote.result}")
        if vote.method:
            g.add(event, "kgdef:voteMethod", f"vmethod:{vote.method}")
        if vote.date:
            g.add(event, "dcterms:date", lit(vote.date[0], datatype="xsd:date"))
            g.cite(event, vote.date[1])
        if vote.required:
            g.add(event, "kgdef:votesRequired", str(vote.required[0]))
            g.cite(event, vote.required[1])
        if vote.total:
            g.add(event, "kgdef:votesTotal", str(vote.total[0]))
            g.cite(event, vote.total[1])
        g.cite(event, vote.quote)
        if vote.result in ("aangenomen", "verworpen", "aangehouden", "ingetrokken"):
            status_change(
                g,
                f"{ref}-{vote.result}",
                motion,
                f"mstatus:{vote.result}",
                vote.quote,
                vote.date[0] if vote.date else None,
            )
        for option, (value, quote) in vote.counts.items():
            count = name(f"id/vote-count/{ref}-{option}")
            g.add(count, "a", "opengov:Count")
            g.add(count, "opengov:voteEvent", event)
            g.add(count, "opengov:option", f"voption:{option}")
            g.add(count, "opengov:value", str(value))
            g.cite(count, quote)
    for v in vote.votes:
        fact = f"vote/{ref}/{slug(v.voter)}"
        text = (
            f"{v.voter}: {v.option}"
            + (f" ({v.seats} seats)" if v.seats is not None else "")
            + (" — Vergissing" if v.mistake else "")
        )
        with g.fact(fact, "vote", text, v.quote, gazetteer.names.get(key(v.voter)) is not None) as entry:
            if v.person:
                voter, _ = person_node(g, v.voter, v.quote)
                if v.party:
                    member_of(g, gazetteer, voter, v.party, v.quote)
            else:
                voter, _ = faction_node(g, gazetteer, v.voter, v.quote)
            entry.entity = voter
            node = name(f"id/vote/{ref}-{slug(v.voter)}")
            g.add(node, "a", "opengov:Vote")
            g.add(node, "opengov:voteEvent", event)
            g.add(node, "opengov:voter", voter)
            g.add(node, "opengov:option", f"voption:{v.option}")
            if v.seats is not None:
                g.add(node, "kgdef:seats", str(v.seats))
            if v.mistake:
                g.add(node, "kgdef:mistake", "true")
            g.cite(node, v.quote)


def relations(g: Graph, x: Extraction, gazetteer: Gazetteer) -> None:
    for r in x.relations:
        topic_entity = gazetteer.entities[r.subject]
        topic_slug = slug(r.subject.rsplit("/", 1)[-1])
        if r.kind == "participation":
            party_slug = slug(r.object_iri.rsplit("/", 1)[-1]) if r.object_iri else slug(r.object_label or "")
            label = f"{r.object_label} — {r.role} — {topic_entity.label}"
            with g.fact(
                f"participation/{topic_slug}/{party_slug}/{r.role}",
                "participation",
                label,
                r.quote,
                r.object_iri is not None,
                r.uncertain or "",
            ) as entry:
                topic = known(g, r.subject, [r.quote])
                if r.object_iri:
                    party = known(g, r.object_iri, [r.quote])
                    labels = {key(v) for v in gazetteer.entities[r.object_iri].labels.values()}
                    printed = r.object_label or ""
                    if printed and key(printed) not in labels and key(printed) not in gazetteer.names:
                        g.add(party, "skos:altLabel", lit(printed, "nl"))
                else:
                    party = name(f"id/organisation/{party_slug}")
                    g.add(party, "a", "org:Organization")
                    g.add(party, "skos:prefLabel", lit(r.object_label or party_slug, "nl"))
                    g.cite(party, r.quote)
                    g.proposal.new.append(f"{r.object_label} (organisation)")
                entry.entity = party
                node = name(f"id/participation/{topic_slug}-{party_slug}-{r.role}")
                g.add(node, "a", "kgdef:Participation")
                g.add(node, "kgdef:participant", party)
                g.add(node, "kgdef:initiative", topic)
                g.add(node, "kgdef:role", f"role:{r.role}")
                g.cite(node, r.quote)
        elif r.kind == "builds-on" and r.object_iri:
            other = gazetteer.entities[r.object_iri]
            with g.fact(
                f"builds-on/{topic_slug}/{slug(r.object_iri.rsplit('/', 1)[-1])}",
                "builds-on",
                f"{topic_entity.label} bouwt voort op {other.label}",
                r.quote,
                True,
            ) as entry:
                topic = known(g, r.subject, [r.quote])
                target = known(g, r.object_iri, [r.quote])
                entry.entity = target
                g.add(topic, "kgdef:buildsOn", target)
        elif r.kind == "alternative" and r.object_label:
            with g.fact(
                f"subtitle/{topic_slug}",
                "subtitle",
                f"{topic_entity.label}: ‘{r.object_label}’",
                r.quote,
                True,
            ):
                topic = known(g, r.subject, [r.quote])
                g.add(topic, "dcterms:alternative", lit(r.object_label, "nl"))


def targets(g: Graph, x: Extraction, doc_slug: str) -> None:
    for t in x.targets:
        ident = f"{doc_slug}-{slug(t.label)}"
        with g.fact(
            f"target/{slug(t.label)}",
            "target",
            t.label,
            t.quote,
            uncertain="" if t.year else "no target year printed",
        ):
            node = name(f"id/target/{ident}")
            g.add(node, "a", "kgdef:Target")
            g.add(node, "skos:prefLabel", lit(t.label, "nl"))
            g.add(node, "schema:value", lit(str(t.value), datatype="xsd:decimal"))
            g.add(node, "schema:unitText", lit(t.unit, "nl"))
            if t.year:
                g.add(node, "kgdef:targetYear", lit(t.year, datatype="xsd:gYear"))
            g.cite(node, t.quote)
            g.add(g.document, "kgdef:mentions", node)


def _tweede_kamer(g: Graph, gazetteer: Gazetteer, quote: Quote) -> str:
    iri = gazetteer.names.get(key("Tweede Kamer"))
    if iri:
        return known(g, iri, [quote])
    node = name("id/organisation/tweede-kamer")
    g.add(node, "a", "org:Organization")
    g.add(node, "skos:prefLabel", lit("Tweede Kamer", "nl"))
    g.cite(node, quote)
    return node


def commitments(g: Graph, x: Extraction, gazetteer: Gazetteer, doc_slug: str) -> None:
    for c in x.commitments:
        ident = f"{doc_slug}-{slug(c.label)[:50]}"
        doubt = "fulfilled by this document (“ontvangt u hierbij”)" if c.fulfilled else ""
        with g.fact(f"commitment/{slug(c.label)[:50]}", "commitment", c.label, c.quote, uncertain=doubt):
            node = name(f"id/commitment/{ident}")
            g.add(node, "a", "kgdef:Commitment")
            g.add(node, "skos:prefLabel", lit(c.label, "nl"))
            g.add(node, "kgdef:madeTo", _tweede_kamer(g, gazetteer, c.quote))
            for post in [o for p, o in g.nodes.get(g.document, []) if p == "kgdef:sender"][:1]:
                g.add(node, "kgdef:madeBy", post)
            g.add(node, "kgdef:reportedIn", g.document)
            for iri in dict.fromkeys(c.subjects):
                g.add(node, "dcterms:subject", known(g, iri, [c.quote]))
            if not c.fulfilled:
                g.add(node, "kgdef:status", "cstatus:open")
            g.cite(node, c.quote)
            if c.fulfilled:
                status_change(
                    g, f"{ident}-afgedaan", node, "cstatus:afgedaan", c.quote, x.meta.date, "cstatus:open"
                )


def amounts_and_events(g: Graph, x: Extraction, doc_slug: str) -> None:
    """Budgets, and dates of the events a sentence names (a status change of the agreement or scheme)."""
    for i, fact in enumerate(x.facts, 1):
        if fact.value is None and fact.status is None:
            continue  # a date without an event: reported, not proposed
        if fact.value is None and not (fact.date and not fact.date.startswith("--")):
            continue
        kind = "budget" if fact.value is not None else "event"
        label = f"{fact.text} — {fact.target}" + (f" ({fact.status})" if fact.status else "")
        doubt = (
            "" if fact.target_quote.first == fact.quote.first else "attached to a name outside its sentence"
        )
        with g.fact(
            f"{kind}/{slug(fact.target)[:40]}/{slug(fact.text)}",
            kind,
            label,
            fact.quote,
            fact.target_iri is not None,
            doubt,
        ):
            if fact.target_iri:
                target = known(g, fact.target_iri, [fact.target_quote])
            else:
                target = (
                    name(f"id/scheme/{slug(fact.target)}")
                    if _SCHEME_WORDS.search(fact.target)
                    else name(f"id/measure/{slug(fact.target)}")
                )
                if not g.has(target):
                    cls = "kgdef:SubsidyScheme" if target.startswith("sch:") else "kgdef:Measure"
                    g.add(target, "a", cls)
                    g.add(target, "skos:prefLabel", lit(fact.target, "nl"))
                    g.proposal.new.append(
                        f"{fact.target} ({'scheme' if cls.endswith('Scheme') else 'measure'})"
                    )
                g.cite(target, fact.target_quote)
            if fact.value is not None:
                budget = name(f"id/budget/{doc_slug}-{i}")
                g.add(budget, "a", "kgdef:Budget")
                g.add(budget, "skos:prefLabel", lit(f"{fact.text} — {fact.target}", "nl"))
                g.add(budget, "schema:value", lit(f"{fact.value.normalize():f}", datatype="xsd:decimal"))
                g.add(budget, "schema:currency", lit("EUR"))
                g.add(budget, "kgdef:budgetKind", f"budgetkind:{fact.kind}")
                if fact.years:
                    g.add(budget, "schema:validFrom", lit(str(fact.years[0]), datatype="xsd:gYear"))
                    g.add(budget, "schema:validThrough", lit(str(fact.years[-1]), datatype="xsd:gYear"))
                g.cite(budget, fact.quote)
                g.add(target, "kgdef:budget", budget)
            elif fact.status and fact.date:
                status_change(g, f"{doc_slug}-{i}", target, f"status:{fact.status}", fact.quote, fact.date)
