"""The pages' own files in api/static (the editor's script and style, the favicon) and their
versions: links carry `?v=` a hash of the file, so a versioned link can be cached for a year."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


@lru_cache(maxsize=32)
def version(name: str) -> str:
    """A short hash of the asset's content, for its versioned link."""
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]
