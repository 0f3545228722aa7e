"""The outside programs the project runs, found where the project's own set-up put them.

Never looked up on `PATH`: a developer's PATH holds whatever they happened to install, a fresh
machine (and CI) has only what `make setup` and `make browser` installed. Each can be pointed
elsewhere with a `KG_*` variable.
- the Oxigraph server CLI: the `oxigraph` package from PyPI puts it beside this interpreter;
- Node.js: the one `make setup` ran `npm ci` with, recorded in `node_modules/.node-path`;
- Chromium (browser tests and benchmarks only): Debian's package, `/usr/bin/chromium`.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

from kg.errors import InputError

#: where `make setup` writes the absolute path of the `node` it installed the front-end packages with
NODE_RECORD = ".node-path"
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def scripts_dir() -> Path:
    """The folder where pip installs the console scripts of this interpreter's environment."""
    return Path(sysconfig.get_path("scripts"))


def _configured(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value) if value else None


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def oxigraph_server() -> Path:
    """The `oxigraph` server CLI (`KG_OXIGRAPH`, else beside this interpreter)."""
    path = _configured("KG_OXIGRAPH") or scripts_dir() / "oxigraph"
    if not _executable(path):
        raise InputError(
            f"the Oxigraph server CLI is not at {path}: run `make setup` (it installs the `oxigraph` "
            "package into the project's environment) or set KG_OXIGRAPH"
        )
    return path


def node(node_modules: Path) -> Path | None:
    """Node.js (`KG_NODE`, else the one `make setup` recorded); None when neither is there."""
    path = _configured("KG_NODE")
    if path is None:
        record = node_modules / NODE_RECORD
        if not record.is_file():
            return None
        path = Path(record.read_text(encoding="utf-8").strip())
    return path if _executable(path) else None


def chromium() -> Path:
    """Chromium for the browser tests (`KG_CHROMIUM`, else Debian's package)."""
    path = _configured("KG_CHROMIUM") or DEBIAN_CHROMIUM
    if not _executable(path):
        raise InputError(
            f"Chromium is not at {path}: run `make browser` (Debian's `chromium` package) or set "
            "KG_CHROMIUM; the tests never download a browser"
        )
    return path
