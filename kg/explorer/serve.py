"""The explorer as the API serves it: generated into build/explorer when missing or stale.

Stale means: the built dataset, the page sources, the base IRI or the set of letters the server
shows at /sources/ changed since the folder was written. Served, the explorer links each quote
to `../sources/{file}#L{line}` (the API's source route), next to the official publication, and
each identifier to `../id/...`: links stay on the server (host, port, path prefix) that served
the page, whatever the configured base of the identifiers is.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from kg.errors import NotFound
from kg.explorer.generate import FORMAT_VERSION, MARKER, STATIC, generate
from kg.settings import Settings
from kg.store import Store

SOURCES_HREF = "../sources/"
IDS_HREF = "../"


class ServedExplorer:
    """One generated folder per app; generation is serialised by a lock."""

    def __init__(self, settings: Settings, folder: Path | None = None) -> None:
        self.settings = settings
        self.folder = (folder or settings.build_dir / "explorer").resolve()
        self._lock = threading.Lock()

    def fingerprint(self, store: Store, served: set[str], version: int = 0) -> str:
        """What the folder depends on; `version` counts the updates the server took."""
        parts: list[object] = [FORMAT_VERSION, store.base, SOURCES_HREF, IDS_HREF, sorted(served), version]
        dataset = self.settings.dataset_path
        if dataset.is_file() and not self.settings.sparql_endpoint:
            stat = dataset.stat()
            parts.append((stat.st_mtime_ns, stat.st_size))
        for item in sorted(STATIC.iterdir()):
            stat = item.stat()
            parts.append((item.name, stat.st_mtime_ns, stat.st_size))
        return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()

    def current(self) -> str | None:
        try:
            return json.loads((self.folder / MARKER).read_text(encoding="utf-8")).get("fingerprint")
        except (OSError, ValueError):
            return None

    def ensure(self, store: Store, served: set[str], version: int = 0) -> Path:
        """The folder, (re)generated first if it is missing or stale."""
        wanted = self.fingerprint(store, served, version)
        if self.current() == wanted:
            return self.folder
        with self._lock:
            if self.current() != wanted:
                generate(
                    store,
                    self.settings,
                    self.folder,
                    SOURCES_HREF,
                    served=served,
                    fingerprint=wanted,
                    ids_href=IDS_HREF,
                )
        return self.folder

    def file(self, store: Store, served: set[str], path: str, version: int = 0) -> Path:
        """A file of the explorer by its path below /explorer/; nothing outside the folder."""
        if "\x00" in path:  # no file name holds one (and the OS refuses it)
            raise NotFound(f"no file {path!r} in the explorer")
        folder = self.ensure(store, served, version)
        target = (folder / (path or "index.html")).resolve()
        if folder not in target.parents or not target.is_file() or target.name == MARKER:
            raise NotFound(f"no file {path!r} in the explorer")
        return target
