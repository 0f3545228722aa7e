"""Opening the configured store: the embedded one loaded from the build, or a remote server."""

from __future__ import annotations

from kg.settings import Settings
from kg.store import EmbeddedStore, Store


def open_store(settings: Settings) -> Store:
    """KG_SPARQL_ENDPOINT set: the remote backend; otherwise pyoxigraph loaded from build/."""
    if settings.sparql_endpoint:
        from kg.remote import RemoteStore

        return RemoteStore(settings)
    return EmbeddedStore.from_dataset(settings)
