// The network view: a graphology graph drawn by sigma, with filters, selection and focus as reducers.
"use strict";
window.KGX = window.KGX || {};

const DIM_NODE = "#d5dae0";
const EDGE = "#b9c1ca";
const EDGE_STRONG = "#39424d";
const EDGE_LABELS = 12; // the chosen node's edges are named when it has at most this many neighbours drawn
const FEW = 80; // a drawing of at most this many nodes names every node

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
      renderEdgeLabels: true, edgeLabelSize: 11, edgeLabelColor: { color: "#39424d" },
      edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
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
    if (window.ResizeObserver) {
      new ResizeObserver(() => { this.renderer.resize(); this.renderer.refresh(); this.fit(false); }).observe(container);
    }
    this.frame(false);
  }

  relabel() {
    this.data.nodes.forEach((node, i) => this.graph.setNodeAttribute(String(i), "label", KGX.shortLabel(node)));
  }

  applyState(state, index) {
    this.computeState(state, index);
    this.renderer.refresh();
    this.frame(true);
  }

  // Zoom to fit whenever the set of drawn nodes changes (focus, filter, selection).
  frame(animate) {
    const drawn = this.highlight || this.visible;
    const key = drawn ? [...drawn].sort((a, b) => a - b).join(",") : "all";
    if (key === this.viewKey) return;
    this.viewKey = key;
    this.fit(animate);
  }

  // Which nodes are drawn. A chosen node shows its ego network (itself and its neighbours, within
  // the kind filter) unless "in context" is on; without a choice, the filters apply, and with no
  // filter at all the overview: agreements and programmes with their parties.
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
    const selected = state.node !== null && index.has(state.node) ? index.get(state.node) : null;
    const kindShown = (i) => !state.hide.has(data.nodes[i].kind);
    if (selected !== null && !state.context) {
      shown.add(selected);
      this.neighbours[selected].forEach((n) => kindShown(n) && shown.add(n));
      expanded.forEach((i) => kindShown(i) && shown.add(i));
    } else if (state.focus) {
      expanded.forEach((i) => shown.add(i));
    } else {
      const around = state.initiative !== null && index.has(state.initiative)
        ? this.initiativeScope(index.get(state.initiative)) : null;
      const source = state.source ? data.sources.findIndex((s) => s.id === state.source) : -1;
      const overview = KGX.isOverview(state) ? this.overviewScope() : null;
      data.nodes.forEach((node, i) => {
        if (!kindShown(i)) return;
        if (around && !around.has(i)) return;
        if (overview && !overview.has(i)) return;
        if (source >= 0 && !(node.src || []).includes(source)) return;
        shown.add(i);
      });
      expanded.forEach((i) => shown.add(i));
    }
    this.visible = shown.size === data.nodes.length ? null : shown;
    this.selected = selected;
    // Roles on the edges of the chosen node, where they stay readable (not on a hub of dozens).
    this.labelEdges = selected !== null && [...this.neighbours[selected]].filter((n) => shown.has(n)).length <= EDGE_LABELS;
    this.highlight = state.highlight || null;
  }

  // The first view: agreements and programmes, and who takes part in them.
  overviewScope() {
    if (this.overview) return this.overview;
    const data = this.data;
    const top = new Set(["agreement", "programme"]);
    const scope = new Set();
    data.nodes.forEach((node, i) => { if (top.has(node.kind)) scope.add(i); });
    data.edges.forEach((edge) => {
      if (data.relations[edge.rel].group !== "participation") return;
      if (top.has(data.nodes[edge.t].kind)) { scope.add(edge.s); scope.add(edge.t); }
    });
    this.overview = scope.size ? scope : new Set(data.nodes.map((_, i) => i));
    return this.overview;
  }

  // The camera frames what is drawn (with a margin); the whole graph when everything is drawn.
  fit(animate = true) {
    const drawn = this.highlight || this.visible;
    const keys = drawn ? [...drawn] : null;
    const camera = this.renderer.getCamera();
    if (!keys || !keys.length) {
      animate ? camera.animatedReset({ duration: 250 }) : camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      return;
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const i of keys) {
      const d = this.renderer.getNodeDisplayData(String(i));
      if (!d) continue;
      x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    }
    if (!Number.isFinite(x0)) return;
    const { width, height } = this.renderer.getDimensions();
    const short = Math.min(width, height) || 1;
    const ratio = Math.min(1, Math.max(0.06, 1.45 * Math.max((x1 - x0) / ((width || short) / short), (y1 - y0) / ((height || short) / short))));
    const target = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio };
    animate ? camera.animate(target, { duration: 300 }) : camera.setState(target);
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
    if (this.visible && this.visible.size <= FEW && this.selected === null && !this.highlight) {
      return { ...attrs, forceLabel: true };
    }
    if (this.highlight) {
      return this.highlight.has(i) ? { ...attrs, forceLabel: true, zIndex: 2 }
        : { ...attrs, color: DIM_NODE, label: "", zIndex: 0 };
    }
    if (this.selected === null) return attrs;
    if (i === this.selected) return { ...attrs, highlighted: true, forceLabel: true, keepLabel: true, zIndex: 3 };
    if (this.neighbours[this.selected].has(i)) return { ...attrs, forceLabel: true, keepLabel: true, zIndex: 2 };
    return { ...attrs, color: DIM_NODE, label: "", zIndex: 0 };
  }

  reduceEdge(key, attrs) {
    const edge = this.data.edges[+key];
    if (this.visible && !(this.visible.has(edge.s) && this.visible.has(edge.t))) return { ...attrs, hidden: true };
    const focus = this.highlight ? (this.highlight.has(edge.s) && this.highlight.has(edge.t))
      : this.selected !== null ? (edge.s === this.selected || edge.t === this.selected) : null;
    if (focus === true) {
      const label = this.selected !== null && this.labelEdges ? KGX.pick(this.data.relations[edge.rel]) : undefined;
      return { ...attrs, color: EDGE_STRONG, size: 1.4, zIndex: 1, label, forceLabel: Boolean(label) };
    }
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
    else if (event.key === "0") this.fit();
    else return;
    event.preventDefault();
  }
};
