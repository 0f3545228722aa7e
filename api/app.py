"""`create_app(settings, store)`: the FastAPI app. Nothing is built at import time."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from api import errors
from api.deps import Services
from api.limits import BodySizeLimit
from api.routes import ROUTERS
from api.routes.queries import stored_query_router
from api.sparql import sparql_router
from kg.catalog import Catalog
from kg.settings import Settings
from kg.store import Store

DESCRIPTION = """The open knowledge graph of Dutch ageing-care policy: organisations, agreements,
programmes, laws, motions and Kamerstukken, every fact with the sentence that proves it.

* `/sparql`: SPARQL 1.1 Protocol endpoint (and a query editor in the browser)
* `/api/v1/...`: lists, resources with their relations and evidence, search; JSON or JSON-LD
* `/queries/{name}`: the stored queries, with typed parameters
* `/id/...`: every identifier dereferences (HTML, Turtle, JSON-LD)

Errors always have the shape `{"error": code, "message": text}`."""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app over `store` (default: the configured one, see `kg.service.open_store`)."""
    settings = settings or Settings.from_env()
    if store is None:
        from kg.service import open_store

        store = open_store(settings)
    catalog = Catalog(settings.queries_dir)
    services = Services(settings, store, catalog)
    app = FastAPI(
        title="Kennisgraaf ouderenzorg",
        version="0.1.0",
        description=DESCRIPTION,
        docs_url=None,  # api/routes/docs.py serves Swagger UI from npm, not from a CDN
        redoc_url=None,
    )
    app.state.kg = services
    errors.install(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # explorer, editor, docs: a quarter of the bytes
    app.add_middleware(
        errors.CORS,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-KG-Truncated"],
    )
    app.include_router(sparql_router(settings, store, catalog, on_update=services.forget))
    app.include_router(stored_query_router(catalog))
    for router in ROUTERS:
        app.include_router(router)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory api.app:app_from_env` (used by `kg serve`)."""
    return create_app(Settings.from_env())
