"""What handlers depend on, declared once as `Annotated` aliases, and the per-app services."""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Annotated

from fastapi import Depends, Request

from kg.catalog import Catalog
from kg.describe import SourceDocument, source_documents
from kg.settings import Settings
from kg.store import Store


class Services:
    """The settings, the store, the stored queries, and what is computed from them once (cached)."""

    def __init__(self, settings: Settings, store: Store, catalog: Catalog) -> None:
        self.settings = settings
        self.store = store
        self.catalog = catalog
        self._lock = threading.Lock()
        self._validation: dict | None = None
        self._sources: dict[str, SourceDocument] | None = None
        self.version = 0  # how many updates the served data took (what is generated from it says so)

    def served_sources(self) -> dict[str, SourceDocument]:
        """Source documents named in the graph whose text is in KG_SEEDS or KG_CORPUS (only these are
        served)."""
        with self._lock:
            if self._sources is None:
                self._sources = {
                    name: doc
                    for name, doc in source_documents(self.store).items()
                    if self.settings.source_text(name) is not None
                }
            return self._sources

    def validation(self) -> dict:
        """The SHACL report of the served graph: the store's contents (computed once per version)."""
        with self._lock:
            if self._validation is None:
                from kg.served_validation import validate_store

                report = validate_store(self.store, self.settings)
                self._validation = {
                    "conforms": report.conforms,
                    "results": [asdict(f) for f in report.findings],
                }
            return self._validation

    def forget(self) -> None:
        """Drop everything computed from the data (after an update)."""
        from kg import store_cache

        with self._lock:
            self._validation = self._sources = None
            self.version += 1
        store_cache.forget(self.store)


def get_services(request: Request) -> Services:
    return request.app.state.kg


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings(services: ServicesDep) -> Settings:
    return services.settings


def get_store(services: ServicesDep) -> Store:
    return services.store


def get_catalog(services: ServicesDep) -> Catalog:
    return services.catalog


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
