"""`kg serve`: build the dataset if it is missing or older than its sources, then run the API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli import command
from kg.errors import KGError
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
    """No built dataset, or a source file (data, ontology, shapes) or a source folder (a file
    was added or deleted there) newer than it."""
    target = settings.dataset_path
    if not target.is_file():
        return True
    built = target.stat().st_mtime
    sources = [
        *settings.data_dir.rglob("*.trig"),
        *settings.ontology_dir.glob("*.ttl"),
        *settings.shapes_dir.rglob("*.ttl"),
        *settings.shapes_dir.rglob("*.rq"),
        *(d for top in (settings.data_dir, settings.ontology_dir, settings.shapes_dir) for d in folders(top)),
    ]
    return any(path.stat().st_mtime > built for path in sources)


def folders(root: Path) -> list[Path]:
    return [root, *(p for p in root.rglob("*") if p.is_dir())] if root.is_dir() else []


def build_or_keep(settings: Settings) -> None:
    """Build; when the sources do not build but an earlier build is there, serve that one and
    say so (a broken edit must not take the service down)."""
    from kg.build import build

    print(f"building {settings.dataset_path} ...", file=sys.stderr)
    try:
        build(settings)
    except KGError as exc:
        if not settings.dataset_path.is_file():
            raise
        print(
            f"warning: the sources do not build ({exc.message.splitlines()[0]}); "
            f"serving the last good build in {settings.build_dir}",
            file=sys.stderr,
        )


@command("serve", "build if needed, then serve the SPARQL endpoint, REST API and entity pages", _args)
def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    if needs_build(settings) and (not settings.sparql_endpoint or args.load):
        build_or_keep(settings)
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
        # a request line up to twice the request limit reaches the app, which answers an
        # oversized one in the JSON error shape (h11 alone says "Invalid HTTP request" as text)
        h11_max_incomplete_event_size=2 * settings.max_request_bytes,
    )
    return 0
