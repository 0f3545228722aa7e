"""The modules that add `kg` subcommands beyond the core ones; importing one registers its
commands with `kg.cli.command`. Each keeps its heavy imports inside the command, so that
`kg --help` and `kg query` start fast."""

from __future__ import annotations

import kg.explorer.cli  # noqa: F401
import kg.ingest.cli  # noqa: F401
import kg.network_cmd  # noqa: F401
import kg.serve_cmd  # noqa: F401
import kg.synthetic  # noqa: F401
