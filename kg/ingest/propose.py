"""Turn an extraction into a named graph (TriG, relative IRIs) in the model of kg/data/*.trig.

The letter is a kgdef:Letter (and kgdef:Kamerstuk when its header gives dossier and number);
citations, motions and their handling, budgets and milestones are nodes with kgdef:evidence;
entities already in the graph are declared again with their labels, evidence from this letter and
a kgdef:mentions link from the letter. Every quote is checked with kg.evidence.SourceText.
"""

from __future__ import annotations

import re

from kg.evidence import SourceText
from kg.ingest.mentions import Gazetteer, key
from kg.ingest.records import Extraction, Kst, Quote
from kg.ingest.trig import PAGE, Graph, Proposal, kst_id, lit, name, slug, source_file, type_name


def propose(x: Extraction, gazetteer: Gazetteer, base: str, date: str | None = None) -> Proposal:
    """The proposed named graph for one letter (`date` overrides a missing or wrong letter date)."""
    meta = x.meta
    doc_slug = kst_id(meta.kst) if meta.kst else slug(x.letter.path.stem)
    document = name(f"id/kamerstuk/{doc_slug[4:]}" if meta.kst else f"id/letter/{doc_slug}")
    proposal = Proposal(doc_slug, f"graph/ingest/{doc_slug}", document)
    g = Graph(SourceText(x.letter.text), document, proposal, gazetteer.entities, base)
    g.known_ids = gazetteer.known_ids
    relative = f"id/kamerstuk/{doc_slug[4:]}" if meta.kst else f"id/letter/{doc_slug}"
    proposal.document_known = base + relative in g.known_ids
    _document(g, x, gazetteer, doc_slug, date)
    declared_kst = {meta.kst} if meta.kst else set()
    for n, c in enumerate(x.citations, 1):
        if c.kst == meta.kst:
            continue
        cited = _kamerstuk(g, c.kst, c.quotes[0], declared_kst)
        node = name(f"id/citation/{doc_slug}-" + (f"fn{c.footnote}" if c.footnote else f"{n}"))
        if g.has(node):
            node = name(f"id/citation/{doc_slug}-fn{c.footnote}-{kst_id(c.kst)[4:]}")
        g.add(node, "a", "kgdef:Citation")
        g.add(node, "kgdef:citingDocument", document)
        g.add(node, "kgdef:citedDocument", cited)
        if c.footnote:
            g.add(node, "kgdef:footnote", str(c.footnote))
        if c.page:
            g.add(node, "kgdef:pageReference", lit(c.page))
        for q in c.quotes:
            g.cite(node, q)
    _motions(g, x, doc_slug, declared_kst)
    _mentions(g, x)
    _facts(g, x, doc_slug)
    proposal.trig = g.render(proposal.graph)
    return proposal


def _document(g: Graph, x: Extraction, gazetteer: Gazetteer, doc_slug: str, date: str | None) -> None:
    meta, doc = x.meta, g.document
    g.add(doc, "a", "kgdef:Letter")
    if meta.kst:
        dossier, toev, nr = meta.kst
        g.add(doc, "a", "kgdef:Kamerstuk")
        g.add(doc, "dcterms:identifier", lit(doc_slug))
        g.add(doc, "kgdef:dossierNumber", lit(dossier))
        g.add(doc, "kgdef:ondernummer", str(nr))
        if toev:
            g.add(doc, "kgdef:toevoeging", lit(toev))
        g.add(doc, "kgdef:vergaderjaar", lit(meta.vergaderjaar or ""))
        g.add(doc, "foaf:page", f"<{PAGE.format(doc_slug)}>")
        g.add(doc, "dcterms:isPartOf", _dossier(g, dossier, toev, meta.header_quote))
        g.cite(doc, meta.header_quote)
    title = meta.subject or f"Kamerbrief {doc_slug}"
    g.add(doc, "dcterms:title", lit(title, "nl"))
    chosen = date or meta.date
    if chosen:
        g.add(doc, "dcterms:date", lit(chosen, datatype="xsd:date"))
        if not date:
            g.cite(doc, meta.date_quote)
    else:
        g.proposal.missing.append(
            "the letter's date (none found in the text; give it with --date YYYY-MM-DD)"
        )
    g.add(doc, "kgdef:sourceFile", lit(source_file(x.letter.path.name)))
    for office, person_name, quote in meta.signers:
        person = name(f"id/person/{slug(person_name)}")
        g.add(person, "a", "foaf:Person")
        g.add(person, "skos:prefLabel", lit(person_name))
        g.add(person, "foaf:name", lit(person_name))
        g.add(person, "foaf:familyName", lit(person_name.split()[-1]))
        g.cite(person, quote)
        g.add(doc, "dcterms:creator", person)
        g.cite(doc, quote)
        known = gazetteer.names.get(key(office))
        if known and g.entities[known].kind == "post":
            post = _known(g, known, [quote])
        else:
            post = name(f"id/post/{slug(office)}")
            g.add(post, "a", "org:Post")
            g.add(post, "skos:prefLabel", lit(office, "nl"))
            g.cite(post, quote)
            g.proposal.new.append(f"{office} (post)")
        g.add(person, "org:holds", post)
    if not any(p == "kgdef:evidence" for p, _ in g.nodes[doc]) and x.layout.sentences:
        first = x.layout.sentences[0]
        g.cite(doc, Quote(first.text, first.first_line, first.last_line, first.printed))


def _dossier(g: Graph, dossier: str, toev: str | None, quote: Quote | None) -> str:
    node = name(f"id/dossier/{dossier}{'-' + toev if toev else ''}")
    if not g.has(node):
        g.add(node, "a", "kgdef:Dossier")
        g.add(node, "kgdef:dossierNumber", lit(dossier))
        if toev:
            g.add(node, "kgdef:toevoeging", lit(toev))
    g.cite(node, quote)
    return node


def _kamerstuk(g: Graph, kst: Kst, quote: Quote, declared: set[Kst]) -> str:
    dossier, toev, nr = kst
    node = name(f"id/kamerstuk/{kst_id(kst)[4:]}")
    if kst not in declared:
        declared.add(kst)
        _tally(g, f"id/kamerstuk/{kst_id(kst)[4:]}", f"{kst_id(kst)} (Kamerstuk)")
        g.add(node, "a", "kgdef:Kamerstuk")
        g.add(node, "dcterms:identifier", lit(kst_id(kst)))
        g.add(node, "kgdef:dossierNumber", lit(dossier))
        g.add(node, "kgdef:ondernummer", str(nr))
        if toev:
            g.add(node, "kgdef:toevoeging", lit(toev))
        g.add(node, "dcterms:isPartOf", _dossier(g, dossier, toev, quote))
        g.add(node, "foaf:page", f"<{PAGE.format(kst_id(kst))}>")
    g.cite(node, quote)
    return node


def _tally(g: Graph, relative: str, label: str) -> None:
    """Count a node as new, or as already in the graph (a link the reviewer should check)."""
    (g.proposal.linked if g.base + relative in g.known_ids else g.proposal.new).append(label)


def motion_label(submitters: list[str], co: bool) -> str:
    if len(submitters) == 1:
        return f"Motie van het lid {submitters[0]}{' c.s.' if co else ''}"
    return f"Motie van de leden {', '.join(submitters[:-1])} en {submitters[-1]}{' c.s.' if co else ''}"


def _motions(g: Graph, x: Extraction, doc_slug: str, declared: set[Kst]) -> None:
    for m in x.motions:
        if m.kst is None:
            continue
        ref = kst_id(m.kst)[4:]
        motion = name(f"id/motion/{ref}")
        _tally(g, f"id/motion/{ref}", f"{motion_label(m.submitters, m.co_submitters)} (motion {ref})")
        g.add(motion, "a", "opengov:Motion")
        g.add(motion, "skos:prefLabel", lit(motion_label(m.submitters, m.co_submitters), "nl"))
        for who in m.submitters:
            person = name(f"id/person/{slug(who)}")
            if not g.has(person):
                _tally(g, f"id/person/{slug(who)}", f"{who} (person)")
            g.add(person, "a", "foaf:Person")
            g.add(person, "skos:prefLabel", lit(who))
            g.add(person, "foaf:familyName", lit(who))
            g.cite(person, m.quotes[0])
            g.add(motion, "dcterms:creator", person)
        if m.co_submitters:
            g.add(motion, "kgdef:coSubmitters", "true")
        g.add(motion, "kgdef:publishedAs", _kamerstuk(g, m.kst, m.quotes[-1], declared))
        for q in m.quotes:
            g.cite(motion, q)
        if m.handling:
            node = name(f"id/handling/{ref}-in-{doc_slug}")
            g.add(node, "a", "kgdef:MotionHandling")
            g.add(node, "kgdef:motion", motion)
            g.add(node, "kgdef:handledIn", g.document)
            g.add(node, "kgdef:handling", f"handling:{m.handling}")
            g.cite(node, m.handling_quote)


def _known(g: Graph, iri: str, quotes: list[Quote]) -> str:
    """Declare an entity of the graph again in this letter's graph, with its labels and this evidence."""
    entity, base = g.entities[iri], g.base
    node = name(iri[len(base) :]) if iri.startswith(base) else f"<{iri}>"
    if not g.has(node):
        for t in entity.types:
            g.add(node, "a", type_name(t, base))
        for lang, label in entity.labels.items():
            g.add(node, "skos:prefLabel", lit(label, lang or None))
    for q in quotes:
        g.cite(node, q)
    return node


def _mentions(g: Graph, x: Extraction) -> None:
    for iri, mention in x.mentions.items():
        node = _known(g, iri, mention.quotes[:1])
        g.add(g.document, "kgdef:mentions", node)


_SCHEME_WORDS = re.compile(r"regeling|subsidie|fonds|budget|tranche", re.I)


def _facts(g: Graph, x: Extraction, doc_slug: str) -> None:
    for i, fact in enumerate(x.facts, 1):
        if fact.value is None and fact.status is None:
            continue  # a date without an event: reported, not proposed
        if fact.target_iri:
            target = _known(g, fact.target_iri, [fact.target_quote])
        else:
            target = (
                name(f"id/scheme/{slug(fact.target)}")
                if _SCHEME_WORDS.search(fact.target)
                else name(f"id/measure/{slug(fact.target)}")
            )
            if not g.has(target):
                kind = "kgdef:SubsidyScheme" if target.startswith("sch:") else "kgdef:Measure"
                g.add(target, "a", kind)
                g.add(target, "skos:prefLabel", lit(fact.target, "nl"))
                g.proposal.new.append(f"{fact.target} ({'scheme' if kind.endswith('Scheme') else 'measure'})")
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
            milestone = name(f"id/milestone/{doc_slug}-{i}")
            g.add(milestone, "a", "kgdef:Milestone")
            g.add(milestone, "kgdef:about", target)
            g.add(milestone, "kgdef:status", f"status:{fact.status}")
            kind = "xsd:gMonthDay" if fact.date.startswith("--") else "xsd:date"
            g.add(milestone, "dcterms:date", lit(fact.date, datatype=kind))
            g.cite(milestone, fact.quote)
