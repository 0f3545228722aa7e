"""`kg network`: centrality, communities, shortest path and exports of the co-participation network."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.cli import command
from kg.errors import InputError
from kg.settings import Settings

FORMATS = ("graphml", "gexf", "csv", "csv-edges")  # kg.network.FORMATS; networkx loads only when run


def _args(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, text in (
        ("centrality", "organisations ranked by betweenness and degree"),
        ("communities", "groups of organisations that work together"),
    ):
        action = sub.add_parser(name, help=text, description=text)
        action.add_argument("--format", "-f", default="text", choices=["text", "json"])
        action.add_argument("--top", type=int, default=0, help="show only the first N (0 = all)")
    path = sub.add_parser(
        "path",
        help="how two organisations are connected (ids, abbreviations or names)",
        description="The shortest chain of shared agreements, programmes, measures or "
        "coalitions between two organisations, e.g. `kg network path loc igj`.",
    )
    path.add_argument("source", help="id, abbreviation or name, e.g. loc")
    path.add_argument("target", help="id, abbreviation or name, e.g. igj")
    path.add_argument("--format", "-f", default="text", choices=["text", "json"])
    export = sub.add_parser(
        "export",
        help="write the network for Gephi or a spreadsheet",
        description="GraphML or GEXF (Gephi, Cytoscape), CSV of organisations with "
        "their measures, or csv-edges: one line per link.",
    )
    export.add_argument("--format", "-f", required=True, choices=FORMATS)
    export.add_argument("-o", "--output", type=Path, required=True, help="file to write ('-' = stdout)")


@command("network", "network analysis of the organisations: centrality, communities, path, export", _args)
def cmd_network(args: argparse.Namespace, settings: Settings) -> int:
    from kg.network import build_network
    from kg.service import open_store

    network = build_network(open_store(settings, read_only=True))
    if args.action == "export":
        payload = network.export(args.format)
        if str(args.output) == "-":
            sys.stdout.buffer.write(payload)
        else:
            _write(args.output, payload)
            print(
                f"wrote {args.output} ({len(network.graph)} organisations, "
                f"{network.graph.number_of_edges()} links)"
            )
        return 0
    if args.action == "path":
        found = network.path(args.source, args.target)
        print(
            json.dumps(found, ensure_ascii=False, indent=1) if args.format == "json" else render_path(found)
        )
        return 0
    found = network.centrality() if args.action == "centrality" else network.communities()
    found = found[: args.top] if args.top else found
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print(render_centrality(found) if args.action == "centrality" else render_communities(found))
    return 0


def _write(path: Path, payload: bytes) -> None:
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name, e.g. {path / 'network.graphml'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)


def render_centrality(rows: list[dict]) -> str:
    width = max([len(r["name"]) for r in rows] + [12])
    lines = [f"{'organisation':<{width}}  degree  betweenness  id"]
    lines += [f"{r['name']:<{width}}  {r['degree']:>6}  {r['betweenness']:>11.4f}  {r['id']}" for r in rows]
    return "\n".join(lines)


def render_communities(groups: list[dict]) -> str:
    lines = []
    for group in groups:
        names = ", ".join(m["name"] for m in group["members"])
        lines.append(f"{group['community']:>3}. ({group['size']}) {names}")
    return "\n".join(lines) if lines else "(no organisations)"


def render_path(found: dict) -> str:
    source, target = found["source"]["name"], found["target"]["name"]
    if not found["found"]:
        return f"{source} and {target} are not connected"
    lines = [f"{source} → {target}: {found['length']} step(s)"]
    for hop in found["hops"]:
        lines.append(f"  {hop['from']['name']} — {hop['to']['name']}")
        for via in hop["via"]:
            roles = "/".join(r["nl"] or "" for r in via["from_roles"]) or "verband"
            other = "/".join(r["nl"] or "" for r in via["to_roles"]) or "verband"
            lines.append(f"      via {via['name']} ({roles} · {other})")
            for quote in via["quotes"][:1]:
                lines.append(
                    f"        “{quote['quote']}” ({quote['source'].rsplit('/', 1)[-1]}, "
                    f"r. {quote['start']}-{quote['end']})"
                )
    return "\n".join(lines)
