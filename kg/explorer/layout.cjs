// Build-time layout: ForceAtlas2 from graphology, run once by `kg explorer`, never in the browser.
// Reads {sizes, edges: [[a, b, weight]], x, y, iterations} as JSON on stdin, writes {x, y}.
"use strict";
const Graph = require("graphology");
const forceAtlas2 = require("graphology-layout-forceatlas2");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const graph = new Graph({ type: "undirected", multi: false });
  job.sizes.forEach((size, i) => graph.addNode(i, { x: job.x[i], y: job.y[i], size }));
  for (const [a, b, weight] of job.edges) {
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 400,
    adjustSizes: graph.order <= 400,
    ...(job.settings || {}),
  };
  forceAtlas2.assign(graph, { iterations: job.iterations, settings, getEdgeWeight: "weight" });
  const x = [], y = [];
  graph.forEachNode((node, attrs) => { x[+node] = attrs.x; y[+node] = attrs.y; });
  process.stdout.write(JSON.stringify({ x, y }));
});
