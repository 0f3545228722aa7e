"""People a document names, with their posts, tenures and faction memberships, and its senders.

"Eerste ondertekenaar: M.C.G. Keijzer, minister van Volkshuisvesting en Ruimtelijke Ordening" gives
person/m-keijzer, the post as printed, the tenure and the signer link; "(GroenLinks-PvdA)" beside
a name gives the membership of that faction; "BRIEF VAN DE MINISTER VOOR ..." gives the sender posts.
A person already in the graph is linked by family name and compatible initial, a post by its label.
"""

from __future__ import annotations

from kg.ingest.facts_common import is_known, known
from kg.ingest.mentions import Gazetteer, key
from kg.ingest.people import link_person, person_slug, split_name
from kg.ingest.records import Extraction, Person, Quote
from kg.ingest.trig import Graph, lit, name, slug


def person_node(g: Graph, printed: str, quote: Quote) -> tuple[str, bool]:
    """The person's node (declared in this graph) and whether the graph held it before."""
    known_slugs = {
        iri[len(g.base) + len("id/person/") :] for iri in g.known_ids if iri.startswith(g.base + "id/person/")
    }
    linked = link_person(printed, known_slugs)
    node = name(f"id/person/{linked or person_slug(printed)}")
    first, family = split_name(printed)
    if linked and g.base + f"id/person/{linked}" in g.entities:
        node = known(g, g.base + f"id/person/{linked}", [quote])  # its own labels, not this spelling
    g.add(node, "a", "foaf:Person")
    if not any(p == "skos:prefLabel" for p, _ in g.nodes.get(node, [])):
        g.add(node, "skos:prefLabel", lit(printed))
        g.add(node, "foaf:familyName", lit(family))
    g.add(node, "foaf:name", lit(printed))
    if first and not first.endswith("."):
        g.add(node, "foaf:givenName", lit(first))
    g.cite(node, quote)
    return node, linked is not None


def post_node(g: Graph, gazetteer: Gazetteer, label: str, quote: Quote) -> tuple[str, bool]:
    iri = gazetteer.names.get(key(label))
    if iri and gazetteer.entities[iri].kind == "post":
        return known(g, iri, [quote]), True
    node = name(f"id/post/{slug(label)}")
    g.add(node, "a", "org:Post")
    g.add(node, "skos:prefLabel", lit(label, "nl"))
    g.cite(node, quote)
    return node, False


def faction_node(g: Graph, gazetteer: Gazetteer, printed: str, quote: Quote) -> tuple[str, bool]:
    iri = gazetteer.names.get(key(printed))
    if iri and gazetteer.entities[iri].kind == "faction":
        return known(g, iri, [quote]), True
    relative = f"id/faction/{slug(printed)}"
    node = name(relative)
    g.add(node, "a", "kgdef:Faction")
    if not any(p == "skos:prefLabel" for p, _ in g.nodes.get(node, [])):
        g.add(node, "skos:prefLabel", lit(printed))
    g.cite(node, quote)
    return node, is_known(g, relative)


def hold(g: Graph, gazetteer: Gazetteer, person: str, office: str, quote: Quote) -> str:
    """The person holds the post: org:holds and the Tenure node; returns the post."""
    post, _ = post_node(g, gazetteer, office, quote)
    g.add(person, "org:holds", post)
    tenure = name(f"id/tenure/{person.split(':', 1)[-1]}-{post.split(':', 1)[-1]}")
    g.add(tenure, "a", "kgdef:Tenure")
    g.add(tenure, "kgdef:holder", person)
    g.add(tenure, "kgdef:post", post)
    g.cite(tenure, quote)
    return post


def party_membership(g: Graph, gazetteer: Gazetteer, node: str, person: Person) -> None:
    """The fact that `person` (written as `node`) is a member of the party printed beside the name."""
    if not person.party:
        return
    with g.fact(
        f"membership/{person_slug(person.name)}/{slug(person.party)}",
        "membership",
        f"{person.name} member of {person.party}",
        person.quote,
    ):
        member_of(g, gazetteer, node, person.party, person.quote)


def member_of(g: Graph, gazetteer: Gazetteer, person: str, party: str, quote: Quote) -> None:
    faction, _ = faction_node(g, gazetteer, party, quote)
    membership = name(f"id/membership/{faction.split(':', 1)[-1]}-{person.split(':', 1)[-1]}")
    g.add(membership, "a", "org:Membership")
    g.add(membership, "org:member", person)
    g.add(membership, "org:organization", faction)
    g.add(membership, "org:role", "role:kamerlid")
    g.cite(membership, quote)


def people(g: Graph, x: Extraction, gazetteer: Gazetteer) -> None:
    """Signers and senders of the document (submitters of a motion are written with the motion)."""
    meta = x.meta
    for post_label, quote in meta.senders:
        iri = gazetteer.names.get(key(post_label))
        linked = bool(iri and gazetteer.entities[iri].kind == "post")
        with g.fact(
            f"sender/{slug(post_label)}", "sender", f"sent by {post_label}", quote, linked, entity=None
        ) as entry:
            post, _ = post_node(g, gazetteer, post_label, quote)
            entry.entity = post
            g.add(g.document, "kgdef:sender", post)
            g.cite(g.document, quote)
    signers = [p for p in meta.people if p.role == "signer"]
    signers += [Person(n, "signer", q, office) for office, n, q in meta.signers]
    for person in signers:
        _signer(g, gazetteer, person)


def _signer(g: Graph, gazetteer: Gazetteer, person: Person) -> None:
    label = f"signed by {person.name}" + (f", {person.office}" if person.office else "")
    fact_id = f"signer/{person_slug(person.name)}"
    with g.fact(fact_id, "signer", label, person.quote) as entry:
        node, linked = person_node(g, person.name, person.quote)
        entry.entity, entry.status = node, "linked" if linked else entry.status
        g.add(g.document, "kgdef:signer", node)
        g.cite(g.document, person.quote)
    if person.office:
        with g.fact(
            f"post/{person_slug(person.name)}/{slug(person.office)}",
            "post",
            f"{person.name}: {person.office}",
            person.quote,
        ) as post_entry:
            post_entry.entity = hold(g, gazetteer, node, person.office, person.quote)
    party_membership(g, gazetteer, node, person)
