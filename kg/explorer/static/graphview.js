// The network view: a graphology graph drawn by sigma, with filters, selection and focus as reducers.
"use strict";
window.KGX = window.KGX || {};

const DIM_NODE = "#d5dae0";
const EDGE = "#b9c1ca";
const EDGE_STRONG = "#39424d";

// Short label for the drawing: an abbreviation when there is one, else the name cut at 26 characters.
KGX.shortLabel = function (node) {
  const name = KGX.pick(node.label, node.id);
  const abbreviation = (node.alt || []).find((a) => a.length <= 10 && a.length < name.length && /[A-Z]/.test(a));
  if (abbreviation && name.length > 14) return abbreviation;
  return name.length > 26 ? name.slice(0, 25).trimEnd() + "…" : name;
};

KGX.GraphView = class {
  constructor(container, data, app) {
    this.data = data;
    this.app = app;
    this.kinds = Object.fromEntries(data.kinds.map((k) => [k.id, k]));
    this.neighbours = data.nodes.map(() => new Set());
    for (const edge of data.edges) {
      this.neighbours[edge.s].add(edge.t);
      this.neighbours[edge.t].add(edge.s);
    }
    this.visible = null; // Set of node positions shown, or null = all
    this.selected = null;
    this.highlight = null;
    this.graph = new graphology.MultiGraph({ type: "directed", allowSelfLoops: false });
    data.nodes.forEach((node, i) => {
      const kind = this.kinds[node.kind] || { color: "#555", shape: "circle" };
      this.graph.addNode(String(i), {
        x: Number(node.x) || 0, y: Number(node.y) || 0, size: Number(node.size) || 5,
        label: KGX.shortLabel(node), color: kind.color, shape: kind.shape, type: "shape",
      });
    });
    data.edges.forEach((edge, i) => {
      if (data.nodes[edge.s] && data.nodes[edge.t]) {
        this.graph.addEdgeWithKey(String(i), String(edge.s), String(edge.t), { color: EDGE, size: 0.6 });
      }
    });
    this.computeState(app.state, app.index);
    const Sigma = window.Sigma;
    this.renderer = new Sigma(this.graph, container, {
      nodeProgramClasses: { shape: KGX.makeShapeProgram(Sigma) },
      defaultNodeType: "shape",
      defaultDrawNodeLabel: KGX.drawLabel,
      labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      labelSize: 13, labelWeight: "600", labelDensity: 1, labelGridCellSize: 90,
      labelRenderedSizeThreshold: data.nodes.length > 1000 ? 9 : 6,
      allowInvalidContainer: true, zIndex: true, minCameraRatio: 0.03, maxCameraRatio: 4, stagePadding: 40,
      nodeReducer: (key, attrs) => this.reduceNode(key, attrs),
      edgeReducer: (key, attrs) => this.reduceEdge(key, attrs),
    });
    this.renderer.on("beforeRender", () => { KGX.placedLabels = []; });
    this.renderer.on("clickNode", ({ node }) => app.select(data.nodes[+node].id, { fromGraph: true }));
    this.renderer.on("clickStage", () => app.select(null));
    this.renderer.on("enterNode", () => container.classList.add("pointing"));
    this.renderer.on("leaveNode", () => container.classList.remove("pointing"));
    container.addEventListener("keydown", (event) => this.onKey(event));
  }

  relabel() {
    this.data.nodes.forEach((node, i) => this.graph.setNodeAttribute(String(i), "label", KGX.shortLabel(node)));
  }

  applyState(state, index) {
    this.computeState(state, index);
    this.renderer.refresh();
  }

  // Which nodes the filters, the focus and the expanded neighbourhoods let through.
  computeState(state, index) {
    const data = this.data;
    const shown = new Set();
    const expanded = new Set();
    for (const id of state.expand) {
      const i = index.get(id);
      if (i === undefined) continue;
      expanded.add(i);
      this.neighbours[i].forEach((n) => expanded.add(n));
    }
    if (state.focus) {
      expanded.forEach((i) => shown.add(i));
    } else {
      const around = state.initiative !== null && index.has(state.initiative)
        ? this.initiativeScope(index.get(state.initiative)) : null;
      const source = state.source ? data.sources.findIndex((s) => s.id === state.source) : -1;
      data.nodes.forEach((node, i) => {
        if (state.hide.has(node.kind)) return;
        if (around && !around.has(i)) return;
        if (source >= 0 && !(node.src || []).includes(source)) return;
        shown.add(i);
      });
      expanded.forEach((i) => shown.add(i));
    }
    this.visible = shown.size === data.nodes.length ? null : shown;
    this.selected = state.node !== null && index.has(state.node) ? index.get(state.node) : null;
    this.highlight = state.highlight || null;
  }

  // An agreement or programme, its neighbours, and the parts below them (action lines, measures, schemes).
  initiativeScope(start) {
    const scope = new Set([start]);
    const parts = new Set(["actionline", "measure", "scheme", "budget"]);
    for (const n of this.neighbours[start]) {
      scope.add(n);
      if (parts.has(this.data.nodes[n].kind)) this.neighbours[n].forEach((m) => scope.add(m));
    }
    return scope;
  }

  reduceNode(key, attrs) {
    const i = +key;
    if (this.visible && !this.visible.has(i)) return { ...attrs, hidden: true };
    if (this.highlight) {
      return this.highlight.has(i) ? { ...attrs, forceLabel: true, zIndex: 2 }
        : { ...attrs, color: DIM_NODE, label: "", zIndex: 0 };
    }
    if (this.selected === null) return attrs;
    if (i === this.selected) return { ...attrs, highlighted: true, forceLabel: true, zIndex: 3 };
    if (this.neighbours[this.selected].has(i)) return { ...attrs, forceLabel: true, zIndex: 2 };
    return { ...attrs, color: DIM_NODE, label: "", zIndex: 0 };
  }

  reduceEdge(key, attrs) {
    const edge = this.data.edges[+key];
    if (this.visible && !(this.visible.has(edge.s) && this.visible.has(edge.t))) return { ...attrs, hidden: true };
    const focus = this.highlight ? (this.highlight.has(edge.s) && this.highlight.has(edge.t))
      : this.selected !== null ? (edge.s === this.selected || edge.t === this.selected) : null;
    if (focus === true) return { ...attrs, color: EDGE_STRONG, size: 1.4, zIndex: 1 };
    if (focus === false) return { ...attrs, color: "#e9ecef", zIndex: 0 };
    return attrs;
  }

  centerOn(position) {
    const display = this.renderer.getNodeDisplayData(String(position));
    if (!display) return;
    this.renderer.getCamera().animate({ x: display.x, y: display.y }, { duration: 250 });
  }

  onKey(event) {
    const camera = this.renderer.getCamera();
    const state = camera.getState();
    const step = 0.1 * state.ratio;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[event.key]) {
      camera.setState({ x: state.x + moves[event.key][0], y: state.y + moves[event.key][1] });
    } else if (event.key === "+" || event.key === "=") camera.animatedZoom({ duration: 150 });
    else if (event.key === "-") camera.animatedUnzoom({ duration: 150 });
    else if (event.key === "0") camera.animatedReset({ duration: 150 });
    else return;
    event.preventDefault();
  }

  // The current view as a PNG: the sigma layers drawn in order onto one white canvas.
  exportPng(name) {
    const renderer = this.renderer;
    renderer.refresh();
    const layers = renderer.getCanvases();
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement("canvas");
    out.width = width * ratio;
    out.height = height * ratio;
    const context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    for (const layer of ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"]) {
      if (layers[layer]) context.drawImage(layers[layer], 0, 0, out.width, out.height);
    }
    out.toBlob((blob) => { if (blob) KGX.download(name, blob); }, "image/png");
  }
};
