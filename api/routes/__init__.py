"""The routers `create_app` includes, in order. One module per resource.

`/sparql` (api/sparql.py) and the generated `/queries/{name}` routes are added by `create_app`
itself, because they are built from the settings, the store and the stored queries.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import (
    assets,
    docs,
    entities,
    explorer,
    home,
    network,
    queries,
    resources,
    search,
    sources,
    tasks,
    validate,
)

ROUTERS: list[APIRouter] = [
    home.router,
    assets.router,
    docs.router,
    tasks.router,
    resources.router,
    search.router,
    queries.router,
    entities.router,
    validate.router,
    sources.router,
    explorer.router,
    network.router,
]
