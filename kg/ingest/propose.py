"""Turn an extraction into a named graph (TriG, relative IRIs) in the model of kg/data/*.trig.

The document is a kgdef:Letter, kgdef:MotionDocument or kgdef:MeetingReport (and a kgdef:Kamerstuk
when it has a Kamerstuk number, else id/document/{TK number}); every statement is grouped in a
fact the curator reviews (kg.ingest.review): accepted and undecided facts are written, rejected
ones left out, re-pointed ones link to the entity the curator names. Every quote is checked with
kg.evidence.SourceText; evidence IRIs are minted per document (kg.ingest.trig.evidence_name).
"""

from __future__ import annotations

from kg.evidence import SourceText
from kg.ingest import facts_people, facts_record
from kg.ingest.facts_common import known, tally
from kg.ingest.mentions import Gazetteer
from kg.ingest.records import Extraction, Kst, Quote
from kg.ingest.review import Decisions
from kg.ingest.trig import PAGE, Graph, Proposal, kst_id, lit, name, slug, source_file

DOC_CLASS = {"letter": "kgdef:Letter", "motion": "kgdef:MotionDocument", "report": "kgdef:MeetingReport"}
KIND_WORD = {"letter": "Kamerbrief", "motion": "Motie", "report": "Verslag"}


def document_id(x: Extraction) -> tuple[str, str]:
    """(slug, relative IRI) of the document: its Kamerstuk, else its TK document number, else its file."""
    meta = x.meta
    if meta.kst:
        doc_slug = kst_id(meta.kst)
        return doc_slug, f"id/kamerstuk/{doc_slug[4:]}"
    if meta.doc_number:
        return meta.doc_number, f"id/document/{meta.doc_number}"
    doc_slug = slug(x.letter.path.stem)
    return doc_slug, f"id/letter/{doc_slug}"


def propose(
    x: Extraction,
    gazetteer: Gazetteer,
    base: str,
    date: str | None = None,
    decisions: Decisions | None = None,
) -> Proposal:
    """The proposed named graph for one document (`date` overrides a missing or wrong date)."""
    meta = x.meta
    doc_slug, relative = document_id(x)
    document = name(relative)
    proposal = Proposal(doc_slug, f"graph/ingest/{doc_slug}", document, kind=meta.kind)
    proposal.identity_missing = meta.missing()
    g = Graph(SourceText(x.letter.text), document, proposal, gazetteer.entities, base)
    g.known_ids = gazetteer.known_ids
    proposal.document_known = base + relative in g.known_ids
    declared_kst = {meta.kst} if meta.kst else set()
    _document(g, x, gazetteer, doc_slug, date)
    facts_people.people(g, x, gazetteer)
    _citations(g, x, gazetteer, doc_slug, declared_kst)
    facts_record.letter_motions(g, x, doc_slug, declared_kst, _kamerstuk)
    facts_record.motion_document(g, x, gazetteer)
    _mentions(g, x)
    facts_record.relations(g, x, gazetteer)
    facts_record.targets(g, x, doc_slug)
    facts_record.commitments(g, x, gazetteer, doc_slug)
    facts_record.amounts_and_events(g, x, doc_slug)
    if decisions is not None:
        _decide(g, decisions, gazetteer)
    unreviewed = len(proposal.facts) - sum(
        1 for f in proposal.facts if decisions is not None and decisions.decided(f)
    )
    g.current = None
    g.add(document, "kgdef:unreviewedFacts", str(unreviewed))
    proposal.trig = g.render(proposal.graph)
    return proposal


def _decide(g: Graph, decisions: Decisions, gazetteer: Gazetteer) -> None:
    for fact_id, target in decisions.repoint.items():
        entry = g.proposal.facts.get(fact_id)
        if entry is None or entry.entity is None:
            continue
        iri = g.base + target
        if iri not in gazetteer.entities:
            g.proposal.missing.append(f"repoint {fact_id}: {target} is not an entity of the graph")
            continue
        if entry.entity == name_of(g, iri):
            entry.note = f"already links to {target}"
            continue
        with g.fact(fact_id, entry.kind, entry.label, None):
            new = known(g, iri, [])
            for q in _fact_quotes(g, fact_id):
                g.cite(new, q)
        g.replace(fact_id, entry.entity, new)
        entry.note = f"re-pointed to {target}"
    g.drop(decisions.rejected & set(g.proposal.facts))


def _fact_quotes(g: Graph, fact_id: str) -> list[Quote]:
    labels = {o for (s, p, o), owners in g.owners.items() if fact_id in owners and p == "kgdef:evidence"}
    return [
        Quote(text, first, last, text) for (first, last, text), label in g.evidence.items() if label in labels
    ]


def _document(g: Graph, x: Extraction, gazetteer: Gazetteer, doc_slug: str, date: str | None) -> None:
    meta, doc = x.meta, g.document
    quote = meta.header_quote or meta.doc_number_quote or meta.title_quote
    with g.fact("identity", "identity", f"{KIND_WORD[meta.kind]} {doc_slug}", quote):
        g.add(doc, "a", DOC_CLASS[meta.kind])
        if meta.kst:
            dossier, toev, nr = meta.kst
            g.add(doc, "a", "kgdef:Kamerstuk")
            g.add(doc, "dcterms:identifier", lit(doc_slug))
            g.add(doc, "kgdef:dossierNumber", lit(dossier))
            g.add(doc, "kgdef:ondernummer", str(nr))
            if toev:
                g.add(doc, "kgdef:toevoeging", lit(toev))
            if meta.vergaderjaar:
                g.add(doc, "kgdef:vergaderjaar", lit(meta.vergaderjaar))
            g.add(doc, "foaf:page", f"<{PAGE.format(doc_slug)}>")
            g.add(
                doc,
                "dcterms:isPartOf",
                _dossier(g, dossier, toev, meta.dossier_title, meta.dossier_quote or quote),
            )
            g.cite(doc, meta.header_quote)
        if meta.doc_number:
            g.add(doc, "kgdef:documentNumber", lit(meta.doc_number))
            g.cite(doc, meta.doc_number_quote)
        if meta.zaak:
            g.add(doc, "kgdef:zaakNumber", lit(meta.zaak))
            g.cite(doc, meta.zaak_quote)
        title = meta.subject or _fallback_title(x, doc_slug)
        g.add(doc, "dcterms:title", lit(title, "nl"))
        g.cite(doc, meta.title_quote)
        g.add(doc, "kgdef:sourceFile", lit(source_file(x.letter.path.name)))
        chosen = date or meta.date
        if chosen:
            g.add(doc, "dcterms:date", lit(chosen, datatype="xsd:date"))
            if not date:
                g.cite(doc, meta.date_quote)
        else:
            g.proposal.missing.append(
                "the document's date (none found in the text; give it with --date YYYY-MM-DD)"
            )
        if not any(p == "kgdef:evidence" for p, _ in g.nodes[doc]) and x.layout.sentences:
            first = x.layout.sentences[0]
            g.cite(doc, Quote(first.text, first.first_line, first.last_line, first.printed))
    if meta.subject and meta.title_quote:
        for hit in gazetteer.find(meta.subject):
            entity = gazetteer.entities[hit.iri]
            if entity.kind in ("agreement", "programme", "scheme"):
                with g.fact(
                    f"topic/{slug(entity.label)}",
                    "topic",
                    f"about {entity.label}",
                    meta.title_quote,
                    True,
                    entity=name_of(g, hit.iri),
                ):
                    node = known(g, hit.iri, [meta.title_quote])
                    g.add(doc, "dcterms:subject", node)


def name_of(g: Graph, iri: str) -> str:
    return name(iri[len(g.base) :]) if iri.startswith(g.base) else f"<{iri}>"


def _fallback_title(x: Extraction, doc_slug: str) -> str:
    if x.meta.heading:
        return x.meta.heading[:1] + x.meta.heading[1:].lower()
    return f"{KIND_WORD[x.meta.kind]} {doc_slug}"


def _dossier(g: Graph, dossier: str, toev: str | None, title: str | None, quote: Quote | None) -> str:
    node = name(f"id/dossier/{dossier}{'-' + toev if toev else ''}")
    if not g.has(node):
        g.add(node, "a", "kgdef:Dossier")
        g.add(node, "kgdef:dossierNumber", lit(dossier))
        if toev:
            g.add(node, "kgdef:toevoeging", lit(toev))
    if title:
        g.add(node, "dcterms:title", lit(title, "nl"))
    g.cite(node, quote)
    return node


def _kamerstuk(g: Graph, kst: Kst, quote: Quote, declared: set[Kst]) -> str:
    dossier, toev, nr = kst
    node = name(f"id/kamerstuk/{kst_id(kst)[4:]}")
    if kst not in declared:
        declared.add(kst)
        tally(g, f"id/kamerstuk/{kst_id(kst)[4:]}", f"{kst_id(kst)} (Kamerstuk)")
        g.add(node, "a", "kgdef:Kamerstuk")
        g.add(node, "dcterms:identifier", lit(kst_id(kst)))
        g.add(node, "kgdef:dossierNumber", lit(dossier))
        g.add(node, "kgdef:ondernummer", str(nr))
        if toev:
            g.add(node, "kgdef:toevoeging", lit(toev))
        g.add(node, "dcterms:isPartOf", _dossier(g, dossier, toev, None, quote))
        g.add(node, "foaf:page", f"<{PAGE.format(kst_id(kst))}>")
    g.cite(node, quote)
    return node


def _citations(g: Graph, x: Extraction, gazetteer: Gazetteer, doc_slug: str, declared: set[Kst]) -> None:
    for n, c in enumerate(x.citations, 1):
        if c.kst == x.meta.kst:
            continue
        ref = kst_id(c.kst)[4:]
        known_before = g.base + f"id/kamerstuk/{ref}" in g.known_ids
        label = (
            f"cites Kamerstuk {ref}"
            + (f" of {c.date}" if c.date else "")
            + (f" ({c.title})" if c.title else "")
        )
        with g.fact(
            f"citation/{ref}" + (f"/fn{c.footnote}" if c.footnote else ""),
            "citation",
            label,
            c.quotes[0],
            known_before,
        ):
            cited = _kamerstuk(g, c.kst, c.quotes[0], declared)
            node = name(f"id/citation/{doc_slug}-" + (f"fn{c.footnote}" if c.footnote else f"{n}"))
            if g.has(node):
                node = name(f"id/citation/{doc_slug}-fn{c.footnote}-{ref}")
            g.add(node, "a", "kgdef:Citation")
            g.add(node, "kgdef:citingDocument", g.document)
            g.add(node, "kgdef:citedDocument", cited)
            if c.footnote:
                g.add(node, "kgdef:footnote", str(c.footnote))
            if c.page:
                g.add(node, "kgdef:pageReference", lit(c.page))
            for q in c.quotes:
                g.cite(node, q)
            if c.date:
                g.add(cited, "dcterms:date", lit(c.date, datatype="xsd:date"))
            if c.title:
                g.add(cited, "dcterms:title", lit(c.title, "nl"))
                for hit in gazetteer.find(c.title):
                    if gazetteer.entities[hit.iri].kind in ("agreement", "programme", "scheme"):
                        g.add(cited, "dcterms:subject", known(g, hit.iri, c.quotes[:1]))


def _mentions(g: Graph, x: Extraction) -> None:
    for iri, mention in x.mentions.items():
        entity = g.entities[iri]
        with g.fact(
            f"mention/{slug(iri.rsplit('/', 2)[-2])}/{slug(iri.rsplit('/', 1)[-1])}",
            "mention",
            f"names {entity.label} ({entity.kind})",
            mention.quotes[0],
            True,
            entity=name_of(g, iri),
        ):
            node = known(g, iri, mention.quotes[:1])
            g.add(g.document, "kgdef:mentions", node)


def motion_label(submitters: list[str], co: bool) -> str:
    if len(submitters) == 1:
        return f"Motie van het lid {submitters[0]}{' c.s.' if co else ''}"
    return f"Motie van de leden {', '.join(submitters[:-1])} en {submitters[-1]}{' c.s.' if co else ''}"
