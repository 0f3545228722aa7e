"""The `kg` command: a thin shell over the library.

Exit codes, the same for every command: 0 ok / conforms, 1 shape violations, 2 bad input
(unreadable file, unknown name, bad parameter or setting), 3 an unexpected error (a bug: the
message says so and where; KG_DEBUG=1 shows the traceback), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from kg.errors import KGError, ValidationFailed
from kg.settings import Settings

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT, EXIT_UNEXPECTED = 0, 1, 2, 3

Command = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, tuple[str, Command, Callable[[argparse.ArgumentParser], None]]] = {}


def command(name: str, help: str, args: Callable[[argparse.ArgumentParser], None] = lambda p: None):
    """Register a subcommand: its help line, its argument set-up and its function."""

    def register(fn: Command) -> Command:
        COMMANDS[name] = (help, fn, args)
        return fn

    return register


MAX_SHOWN = 20


def _build_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-cache", action="store_true", help="validate every graph again")


@command("build", "parse, validate and write the dataset (build/dataset.nq) and its stats", _build_args)
def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from kg.build import build
    from kg.stats import render_stats

    result = build(settings, use_cache=not args.no_cache)
    warnings = [f for f in result.report.findings if f.severity != "Violation"]
    for finding in warnings[:MAX_SHOWN]:
        print(finding.render(), file=sys.stderr)
    if len(warnings) > MAX_SHOWN:
        print(f"... and {len(warnings) - MAX_SHOWN} more warnings (`kg validate` lists all)", file=sys.stderr)
    print(render_stats(result.stats))
    print(f"built {result.path} in {result.seconds:.2f} s")
    return 0


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", type=Path, help="data files (default: all of kg/data)")
    p.add_argument("--lang", default="en", choices=["en", "nl"], help="language of the messages")
    p.add_argument("--format", default="text", choices=["text", "json"])


@command(
    "validate",
    "check data files against the shapes; exit 0 conforms, 1 violations, 2 unreadable",
    _validate_args,
)
def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from kg.build import collect, validate_sources
    from kg.namespaces import compactor

    report = validate_sources(collect(settings, args.files or None), settings, lang=args.lang)
    if args.format == "json":
        print(
            json.dumps(
                {"conforms": report.conforms, "results": [asdict(f) for f in report.findings]},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(report.render(compactor(settings.base)))
    return 0 if report.conforms else 1


def _query_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help="a stored query name, a .rq file, or SPARQL text")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument(
        "--format",
        "-f",
        default="table",
        choices=["table", "json", "csv", "tsv", "turtle", "ntriples", "jsonld"],
    )


@command("query", "run a stored query (see `kg queries`), a .rq file or SPARQL text", _query_args)
def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    from kg.catalog import Catalog
    from kg.errors import ParameterError
    from kg.namespaces import prefixes
    from kg.query import resolve, run
    from kg.results import render_graph, render_select
    from kg.service import open_store

    values = {}
    for pair in args.param:
        if "=" not in pair:
            raise ParameterError(f"--param needs NAME=VALUE, got {pair!r}")
        key, value = pair.split("=", 1)
        values[key.strip()] = value
    answer = run(
        open_store(settings, read_only=True), resolve(args.query, Catalog(settings.queries_dir)), values
    )
    if answer.result is not None:
        print(render_select(answer.result, args.format if args.format in ("json", "csv", "tsv") else "table"))
    elif answer.triples is not None:
        fmt = args.format if args.format in ("turtle", "ntriples", "jsonld") else "turtle"
        print(render_graph(answer.triples, fmt, prefixes(settings.base)))
    else:
        print("true" if answer.boolean else "false")
    return 0


@command("queries", "list the stored queries with their parameters")
def cmd_queries(args: argparse.Namespace, settings: Settings) -> int:
    from kg.catalog import Catalog

    for q in Catalog(settings.queries_dir):
        print(f"{q.name}({q.signature()})\n    {q.title}")
    return 0


def _stats_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", default="text", choices=["text", "json"])


@command("stats", "counts of the built graph: triples, per graph, per class, per source", _stats_args)
def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from kg.service import open_store
    from kg.stats import compute_stats, render_stats

    stats = compute_stats(open_store(settings, read_only=True))
    print(json.dumps(stats, indent=1, ensure_ascii=False) if args.format == "json" else render_stats(stats))
    return 0


def parser() -> argparse.ArgumentParser:
    import kg.plugins  # noqa: F401  (registers the commands of the other modules)

    top = argparse.ArgumentParser(
        prog="kg",
        description="The open knowledge graph of Dutch ageing-care policy: build, validate, query, serve.",
    )
    sub = top.add_subparsers(dest="command", required=True)
    for name, (help_text, fn, add_args) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
        p.set_defaults(fn=fn)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place an unexpected error becomes an exit code
        if os.environ.get("KG_DEBUG"):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"unexpected error in `kg {args.command}`: {type(exc).__name__}: {exc} "
            f"({Path(where.filename).name}:{where.lineno}); this is a bug, please report it "
            "(KG_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def _run(args: argparse.Namespace) -> int:
    try:
        code = args.fn(args, Settings.from_env())
        sys.stdout.flush()  # here, so a reader that stopped early (`kg stats | head`) is noticed
        return code
    except BrokenPipeError:  # the reader has what it wanted; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ValidationFailed as exc:
        from kg.namespaces import compactor

        settings = Settings.from_env()
        print(exc.report.render(compactor(settings.base)), file=sys.stderr)  # type: ignore[attr-defined]
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KGError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    from kg.cli import main as registered_main  # the module instance the plugins register with

    sys.exit(registered_main())
