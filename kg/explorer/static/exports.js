// Exports that stand alone: the drawing as PNG with title, legend, source and date; the graph as
// drawn (the nodes and edges on screen, with positions and colours) as GEXF and GraphML for Gephi;
// the co-participation network as GEXF, GraphML and CSV. All are built in the page and downloaded
// as files, so they work the same from a file:// folder and from the server.
"use strict";
window.KGX = window.KGX || {};

KGX.xml = function (text) {
  return String(text === null || text === undefined ? "" : text).replace(/[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" }[c]))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
};

// {nodes: [{id, label, kind, color, x, y, size}], edges: [{s, t, label, weight}]} as GEXF 1.3 with viz.
KGX.toGexf = function (graph, title) {
  const x = KGX.xml;
  const rgb = (hex) => { const n = parseInt(String(hex).replace("#", ""), 16) || 0; return [(n >> 16) & 255, (n >> 8) & 255, n & 255]; };
  const nodes = graph.nodes.map((n) => { const [r, g, b] = rgb(n.color);
    return `<node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="kind" value="${x(n.kind)}"/></attvalues>`
      + `<viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${n.x}" y="${n.y}" z="0"/><viz:size value="${n.size}"/></node>`; });
  const edges = graph.edges.map((e, i) => `<edge id="e${i}" source="${x(e.s)}" target="${x(e.t)}" label="${x(e.label)}" weight="${e.weight || 1}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n`
    + `<meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}"><creator>Verkenner ouderenzorgbeleid</creator><description>${x(title)}</description></meta>\n`
    + `<graph defaultedgetype="directed" mode="static"><attributes class="node"><attribute id="kind" title="kind" type="string"/></attributes>\n`
    + `<nodes>\n${nodes.join("\n")}\n</nodes>\n<edges>\n${edges.join("\n")}\n</edges>\n</graph>\n</gexf>\n`;
};

// The same as GraphML, with position, colour and size as node data (yEd and Gephi read them).
KGX.toGraphml = function (graph, title) {
  const x = KGX.xml;
  const keys = [["label", "node", "string"], ["kind", "node", "string"], ["color", "node", "string"], ["x", "node", "double"],
    ["y", "node", "double"], ["size", "node", "double"], ["elabel", "edge", "string"], ["weight", "edge", "double"]];
  const head = keys.map(([id, kind, type]) => `<key id="${id}" for="${kind}" attr.name="${id === "elabel" ? "label" : id}" attr.type="${type}"/>`);
  const nodes = graph.nodes.map((n) => `<node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="kind">${x(n.kind)}</data>`
    + `<data key="color">${x(n.color)}</data><data key="x">${n.x}</data><data key="y">${n.y}</data><data key="size">${n.size}</data></node>`);
  const edges = graph.edges.map((e) => `<edge source="${x(e.s)}" target="${x(e.t)}"><data key="elabel">${x(e.label)}</data><data key="weight">${e.weight || 1}</data></edge>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<!-- ${x(title).replace(/--/g, "—")} -->\n`
    + `${head.join("\n")}\n<graph edgedefault="directed">\n${nodes.join("\n")}\n${edges.join("\n")}\n</graph>\n</graphml>\n`;
};

// What the network view draws now: the nodes not hidden, with their drawn positions and colours.
KGX.drawnGraph = function (data, view) {
  const kinds = Object.fromEntries(data.kinds.map((k) => [k.id, k]));
  const shown = data.nodes.map((_, i) => !view.visible || view.visible.has(i));
  const nodes = [];
  data.nodes.forEach((node, i) => {
    if (!shown[i]) return;
    const attrs = view.graph.getNodeAttributes(String(i));
    nodes.push({ id: node.id, label: KGX.pick(node.label, node.id), kind: node.kind, color: (kinds[node.kind] || {}).color || "#555555",
      x: Math.round(attrs.x * 100) / 100, y: Math.round(attrs.y * 100) / 100, size: attrs.size });
  });
  const edges = data.edges.filter((e) => shown[e.s] && shown[e.t])
    .map((e) => ({ s: data.nodes[e.s].id, t: data.nodes[e.t].id, label: KGX.pick(data.relations[e.rel]) }));
  return { nodes, edges };
};

// The co-participation network (organisations that take part together), for the analysis view.
KGX.coParticipation = function (data) {
  const kinds = Object.fromEntries(data.kinds.map((k) => [k.id, k]));
  const used = new Set(data.network.links.flatMap(([a, b]) => [a, b]));
  const nodes = [...used].map((i) => { const n = data.nodes[i];
    return { id: n.id, label: KGX.pick(n.label, n.id), kind: n.kind, color: (kinds[n.kind] || {}).color || "#555555", x: n.x, y: n.y, size: n.size }; });
  const edges = data.network.links.map(([a, b, w, via]) => ({ s: data.nodes[a].id, t: data.nodes[b].id, weight: w,
    label: via.map((v) => KGX.nodeName(data, v)).join(", ") }));
  return { nodes, edges };
};

KGX.downloadText = function (name, text, type) {
  KGX.download(name, new Blob([text], { type }));
};

// The title of what is drawn: the chosen node, the filter, or the overview.
KGX.viewTitle = function (data, app) {
  const { t, pick } = KGX;
  const state = app.state;
  if (state.node && app.index.has(state.node)) return `${t("title")}: ${KGX.nodeName(data, app.index.get(state.node))}`;
  if (state.initiative && app.index.has(state.initiative)) return `${t("title")}: ${KGX.nodeName(data, app.index.get(state.initiative))}`;
  if (state.source) { const s = data.sources.find((x) => x.id === state.source); if (s) return `${t("title")}: ${pick(s.label, s.id)}`; }
  return `${t("title")}: ${KGX.isOverview(state) ? t("overview") : t("wholeNetwork")}`;
};

// The drawing as a PNG that explains itself: title above, legend of the kinds drawn, the source
// documents and the dates below.
KGX.exportPng = function (data, app, name) {
  const view = app.graph;
  const renderer = view.renderer;
  renderer.refresh();
  const layers = renderer.getCanvases();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const drawn = KGX.drawnGraph(data, view);
  const kindsDrawn = data.kinds.filter((k) => drawn.nodes.some((n) => n.kind === k.id));
  const legendRows = Math.ceil(kindsDrawn.length / 4);
  const [top, bottom] = [48, 26 + legendRows * 22 + 44];
  const out = document.createElement("canvas");
  out.width = width * ratio;
  out.height = (height + top + bottom) * ratio;
  const c = out.getContext("2d");
  c.scale(ratio, ratio);
  c.fillStyle = "#ffffff";
  c.fillRect(0, 0, width, height + top + bottom);
  for (const layer of ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"]) {
    if (layers[layer]) c.drawImage(layers[layer], 0, top, width, height);
  }
  const font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  c.fillStyle = "#14191f";
  c.font = `700 20px ${font}`;
  c.fillText(KGX.viewTitle(data, app), 16, 30);
  c.strokeStyle = "#d3d9df";
  c.beginPath(); c.moveTo(0, top + height + 0.5); c.lineTo(width, top + height + 0.5); c.stroke();
  c.font = `14px ${font}`;
  kindsDrawn.forEach((kind, i) => {
    const [x, y] = [16 + (i % 4) * Math.max(150, (width - 32) / 4), top + height + 24 + Math.floor(i / 4) * 22];
    c.fillStyle = kind.color;
    c.beginPath(); c.arc(x + 6, y - 5, 6, 0, 2 * Math.PI); c.fill();
    c.fillStyle = "#14191f";
    c.fillText(`${KGX.pick(kind)} (${drawn.nodes.filter((n) => n.kind === kind.id).length})`, x + 18, y);
  });
  const letters = new Set();
  data.nodes.forEach((n, i) => { if (!view.visible || view.visible.has(i)) (n.src || []).forEach((s) => letters.add(s)); });
  const sources = [...letters].map((s) => KGX.pick(data.sources[s].label, data.sources[s].id)).join("; ");
  const generated = data.meta && data.meta.generated ? KGX.formatDate(data.meta.generated.slice(0, 10)) : "";
  c.fillStyle = "#4a5560";
  c.font = `12px ${font}`;
  const line = `${KGX.t("pngSource")}: ${sources || "—"}`;
  c.fillText(line.length > 190 ? line.slice(0, 189) + "…" : line, 16, top + height + bottom - 26);
  c.fillText(`${KGX.t("pngGraph")} ${generated} · ${KGX.t("pngExported")} ${KGX.formatDate(new Date().toISOString().slice(0, 10))}`, 16, top + height + bottom - 10);
  out.toBlob((blob) => { if (blob) KGX.download(name, blob); }, "image/png");
};

KGX.exportDrawn = function (data, app, format) {
  const graph = KGX.drawnGraph(data, app.graph);
  const title = KGX.viewTitle(data, app);
  if (format === "gexf") KGX.downloadText("verkenner.gexf", KGX.toGexf(graph, title), "application/xml");
  else KGX.downloadText("verkenner.graphml", KGX.toGraphml(graph, title), "application/xml");
};
