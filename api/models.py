"""Response models, so that the OpenAPI document is typed."""

from __future__ import annotations

from pydantic import BaseModel, Field

from api.links import Links
from kg.describe import Description, Evidence, Value
from kg.resources import Item
from kg.search import Hit


class ErrorModel(BaseModel):
    error: str = Field(description="a stable code: not_found, bad_parameter, query_syntax, ...")
    message: str


HREF = "where the identifier opens on this server (HTML or RDF by Accept)"


class ResourceModel(BaseModel):
    id: str = Field(description="the IRI")
    slug: str
    label: str
    abbreviations: list[str] = []
    url: str = Field(description="this resource in the API, on this server")
    href: str = Field(description=HREF)

    @classmethod
    def of(cls, item: Item, plural: str, links: Links) -> ResourceModel:
        return cls(
            id=item.iri,
            slug=item.slug,
            label=item.label,
            abbreviations=list(item.abbreviations),
            url=links.path(f"api/v1/{plural}/{item.slug}"),
            href=links.href(item.iri),
        )


class ResourceList(BaseModel):
    items: list[ResourceModel]
    total: int = Field(description="how many match, over all pages")
    limit: int
    offset: int


class ValueModel(BaseModel):
    value: str
    is_iri: bool
    label: str | None = None
    language: str | None = None
    datatype: str | None = None
    href: str | None = Field(default=None, description=HREF + "; IRIs only")

    @classmethod
    def of(cls, v: Value, links: Links) -> ValueModel:
        href = links.href(v.value) if v.is_iri else None
        return cls(
            value=v.value, is_iri=v.is_iri, label=v.label, language=v.language, datatype=v.datatype, href=href
        )


class EvidenceModel(BaseModel):
    quote: str
    source: str
    source_label: str | None = None
    start_line: int | None = None
    end_line: int | None = None
    source_file: str | None = None
    page: str | None = None

    @classmethod
    def of(cls, e: Evidence) -> EvidenceModel:
        return cls(**e.__dict__)


class PropertyModel(BaseModel):
    predicate: str
    value: ValueModel


class RelationModel(BaseModel):
    direction: str = Field(description="out, in, or via an n-ary relation node")
    predicate: str
    target: ValueModel
    graph: str | None = None
    node_type: str | None = None
    details: list[PropertyModel] = []
    evidence: list[EvidenceModel] = []


class DescriptionModel(BaseModel):
    id: str
    href: str = Field(description=HREF)
    label: str
    labels: list[ValueModel]
    types: list[str]
    properties: list[PropertyModel]
    relations: list[RelationModel]
    evidence: list[EvidenceModel]
    graphs: list[str]

    @classmethod
    def of(cls, d: Description, links: Links) -> DescriptionModel:
        prop = lambda p, v: PropertyModel(predicate=p, value=ValueModel.of(v, links))  # noqa: E731
        return cls(
            id=d.iri,
            href=links.href(d.iri),
            label=d.label,
            labels=[ValueModel.of(v, links) for v in d.labels],
            types=d.types,
            properties=[prop(p, v) for p, v in d.properties],
            relations=[
                RelationModel(
                    direction=r.direction,
                    predicate=r.predicate,
                    target=ValueModel.of(r.target, links),
                    graph=r.graph,
                    node_type=r.node_type,
                    details=[prop(p, v) for p, v in r.details],
                    evidence=[EvidenceModel.of(e) for e in r.evidence],
                )
                for r in d.relations
            ],
            evidence=[EvidenceModel.of(e) for e in d.evidence],
            graphs=d.graphs,
        )


class SearchHitModel(BaseModel):
    id: str
    href: str = Field(description=HREF)
    label: str
    matched: str = Field(description="the name or abbreviation that matched")
    types: list[str]

    @classmethod
    def of(cls, hit: Hit, links: Links) -> SearchHitModel:
        return cls(
            id=hit.iri, href=links.href(hit.iri), label=hit.name, matched=hit.matched, types=list(hit.types)
        )


class SearchResult(BaseModel):
    query: str
    items: list[SearchHitModel]
    total: int
    limit: int
    offset: int


class ParamModel(BaseModel):
    name: str
    type: str
    default: str | None = None
    description: str = ""


class StoredQueryModel(BaseModel):
    name: str
    title: str
    description: str
    kind: str
    params: list[ParamModel]
    max_rows: int | None = None
    url: str


class SparqlResults(BaseModel):
    """SPARQL 1.1 Query Results JSON, plus `truncated` (the row cap cut the answer)."""

    head: dict[str, list[str]]
    results: dict[str, list[dict[str, dict[str, str]]]] | None = None
    boolean: bool | None = None
    truncated: bool = False


class FindingModel(BaseModel):
    severity: str
    focus: str
    path: str | None = None
    message: str
    shape: str | None = None
    value: str | None = None
    graph: str | None = None
    file: str | None = None
    line: int | None = None


class ValidationModel(BaseModel):
    conforms: bool
    results: list[FindingModel]
