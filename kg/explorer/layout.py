"""Node positions, computed when the explorer is generated (never in the browser).

ForceAtlas2 from graphology (the npm package pinned in package.json), run once by `node`:
about 2.5 s for 5,000 nodes and 20,000 edges, where networkx's spring layout needs minutes.
Start positions come from a seeded generator, so the same graph gets the same picture.
`node` is the one `make setup` installed the packages with (kg.tools); without it, networkx's own
forceatlas2_layout does it (slow on large graphs).
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
from pathlib import Path

from kg.errors import InputError
from kg.tools import node as find_node

SCRIPT = Path(__file__).parent / "layout.cjs"
SEED = 20250710
#: on top of graphology's inferred settings: hubs (letters citing everything) pushed outwards,
#: clusters drawn apart (LinLog), so the picture is not one ball
FA2_SETTINGS: dict = {"linLogMode": True, "scalingRatio": 2, "gravity": 0.3, "strongGravityMode": False}


def iterations_for(order: int) -> int:
    return 600 if order <= 500 else 300 if order <= 2000 else 150


def start_positions(order: int) -> tuple[list[float], list[float]]:
    """Seeded positions on a disc, so the layout is the same from run to run."""
    rng = random.Random(SEED)
    radius = 10 * math.sqrt(max(order, 1))
    xs, ys = [], []
    for _ in range(order):
        angle, r = rng.uniform(0, 2 * math.pi), radius * math.sqrt(rng.random())
        xs.append(r * math.cos(angle))
        ys.append(r * math.sin(angle))
    return xs, ys


def layout(
    sizes: list[float], edges: list[tuple[int, int, float]], node_modules: Path, settings: dict | None = None
) -> list[tuple[float, float]]:
    """Positions for nodes 0..len(sizes)-1 linked by (a, b, weight) edges."""
    if not sizes:
        return []
    xs, ys = start_positions(len(sizes))
    node = find_node(node_modules)
    if node and (node_modules / "graphology-layout-forceatlas2").is_dir():
        job = {
            "sizes": sizes,
            "edges": edges,
            "x": xs,
            "y": ys,
            "iterations": iterations_for(len(sizes)),
            "settings": {**FA2_SETTINGS, **(settings or {})},
        }
        done = subprocess.run(
            [node, str(SCRIPT)],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            env={**os.environ, "NODE_PATH": str(node_modules)},
            timeout=600,
        )
        if done.returncode != 0:
            raise InputError(f"the layout step failed (node {SCRIPT.name}): {done.stderr.strip()[-300:]}")
        found = json.loads(done.stdout)
        return [(round(x, 3), round(y, 3)) for x, y in zip(found["x"], found["y"], strict=True)]
    return _networkx(sizes, edges, xs, ys)


def _networkx(sizes, edges, xs, ys) -> list[tuple[float, float]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(sizes)))
    graph.add_weighted_edges_from(edges)
    pos = nx.forceatlas2_layout(
        graph,
        pos={i: (xs[i], ys[i]) for i in graph},
        max_iter=200,
        seed=SEED,
        node_size=dict(enumerate(sizes)),
        dissuade_hubs=False,
    )
    return [(round(float(pos[i][0]) * 100, 3), round(float(pos[i][1]) * 100, 3)) for i in range(len(sizes))]
