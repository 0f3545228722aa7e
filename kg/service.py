"""Opening the configured store: the embedded one loaded from the build, or a remote server."""

from __future__ import annotations

from kg.settings import Settings
from kg.store import EmbeddedStore, Store


def open_store(settings: Settings, read_only: bool = False) -> Store:
    """KG_SPARQL_ENDPOINT set: the remote backend; otherwise pyoxigraph from build/.

    `read_only` opens the build's on-disk store (instant at any size; for one-shot commands);
    otherwise the dataset is loaded into memory (for the server, which may take updates).
    """
    if settings.sparql_endpoint:
        from kg.remote import RemoteStore

        return RemoteStore(settings)
    return EmbeddedStore.open_built(settings) if read_only else EmbeddedStore.from_dataset(settings)
