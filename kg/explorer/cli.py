"""`kg explorer -o DIR`: generate the standalone explorer folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import command
from kg.settings import Settings


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="folder to write (default: build/explorer); open its index.html in a browser",
    )
    p.add_argument(
        "--sources-href",
        default=None,
        metavar="URL",
        help="where the source letters are served, e.g. ../sources/ (links become "
        "URL{file}#L{line}); default: only links to the official publication",
    )


@command("explorer", "generate the explorer: a folder with index.html that works offline, from disk", _args)
def cmd_explorer(args: argparse.Namespace, settings: Settings) -> int:
    from kg.explorer.generate import generate
    from kg.service import open_store

    folder = args.output or settings.build_dir / "explorer"
    done = generate(open_store(settings, read_only=True), settings, folder, args.sources_href)
    print(
        f"wrote {done.folder / 'index.html'}: {done.nodes} nodes, {done.edges} edges in {done.seconds:.2f} s"
    )
    return 0
