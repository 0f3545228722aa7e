"""`kg ingest FILE... [--apply] [--out DIR] [--date YYYY-MM-DD]`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.cli import command
from kg.errors import ParameterError
from kg.settings import Settings


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, help="letters as .txt, .html or .pdf")
    p.add_argument(
        "--apply",
        action="store_true",
        help="validate each proposal and merge it into kg/data/ingested/, then rebuild",
    )
    p.add_argument(
        "--out", type=Path, default=None, help="folder for proposals and reports (default build/ingest)"
    )
    p.add_argument(
        "--date", default=None, help="the letter's date (YYYY-MM-DD) when the text does not give it"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


@command("ingest", "propose sourced facts from Kamerbrieven for review; --apply merges them", _args)
def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from kg.ingest.run import ingest

    if args.date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        raise ParameterError(f"--date needs YYYY-MM-DD, got {args.date!r}")
    out_dir = args.out or settings.build_dir / "ingest"
    outcomes = ingest(
        args.files, settings, out_dir, apply=args.apply, date=args.date, progress=not args.quiet
    )
    for outcome in outcomes:
        if outcome.ok:
            where = outcome.applied or outcome.written[0]
            print(f"ok: {outcome.path} -> {where} ({outcome.summary}); review {outcome.written[1]}")
        else:
            print(f"error: {outcome.message}", file=sys.stderr)
    failed = sum(not o.ok for o in outcomes)
    if failed:
        print(f"{failed} of {len(outcomes)} file(s) failed; nothing was written for them", file=sys.stderr)
        return max(o.exit_code for o in outcomes if not o.ok)
    return 0
