"""Imports the modules that add `kg` subcommands beyond the core ones (serve, explorer, ingest ...).

Each module registers itself with `kg.cli.command`; a module that is not there yet is skipped.
"""

from __future__ import annotations

import importlib

for _name in (
    "kg.synthetic",
    "kg.serve_cmd",
    "kg.explorer.cli",
    "kg.ingest.cli",
    "kg.network_cmd",
    "kg.bench_cmd",
):
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name and not _name.startswith(str(exc.name)):
            raise
