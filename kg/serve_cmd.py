"""`kg serve`: build the dataset if it is missing or older than its sources, then run the API."""

from __future__ import annotations

import argparse
import sys

from kg.cli import command
from kg.settings import Settings


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--reload", action="store_true", help="restart when the code changes (development)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--root-path",
        default="",
        metavar="PATH",
        help="the path prefix a reverse proxy serves this under (e.g. /kg); links include it",
    )
    p.add_argument(
        "--load",
        action="store_true",
        help="with KG_SPARQL_ENDPOINT: first put the built dataset into the remote server",
    )


def needs_build(settings: Settings) -> bool:
    """No built dataset, or a source file (data, ontology, shapes) newer than it."""
    target = settings.dataset_path
    if not target.is_file():
        return True
    built = target.stat().st_mtime
    sources = [
        *settings.data_dir.rglob("*.trig"),
        *settings.ontology_dir.glob("*.ttl"),
        *settings.shapes_dir.rglob("*.ttl"),
        *settings.shapes_dir.rglob("*.rq"),
    ]
    return any(path.stat().st_mtime > built for path in sources)


@command("serve", "build if needed, then serve the SPARQL endpoint, REST API and entity pages", _args)
def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from kg.builds import recover

    recover(settings)  # an apply killed after it published: its documents are written first
    if needs_build(settings) and (not settings.sparql_endpoint or args.load):
        from kg.build import build

        print(f"building {settings.dataset_path} ...", file=sys.stderr)
        build(settings)
    if not settings.sparql_endpoint or args.load:
        from kg import builds

        folder, meta = builds.published(settings)  # a damaged build: a clear error, not a traceback
        builds.checked_dataset(folder, meta)
    if settings.sparql_endpoint and args.load:
        from kg.remote import RemoteStore, load_dataset

        count = load_dataset(RemoteStore(settings), settings)
        print(f"loaded {count} quads into {settings.sparql_endpoint}", file=sys.stderr)
    print(f"serving on http://{args.host}:{args.port}/ (SPARQL: /sparql, API docs: /docs)", file=sys.stderr)
    uvicorn.run(
        "api.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        reload=args.reload,
        workers=None if args.reload else args.workers,
        log_level="info",
        root_path=args.root_path,
    )
    return 0
