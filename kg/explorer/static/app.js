// The explorer page: reads window.KG_DATA (set by data.js), wires search, filters, views and URL state.
"use strict";
window.KGX = window.KGX || {};

KGX.fail = function (message) {
  const box = document.getElementById("status");
  if (!box) return;
  box.hidden = false;
  box.className = "status error";
  box.setAttribute("role", "alert");
  box.textContent = message;
};

KGX.App = class {
  constructor(data) {
    this.data = data;
    this.index = new Map(data.nodes.map((node, i) => [node.id, i]));
    KGX.edgesByNode = data.nodes.map(() => []);
    data.edges.forEach((edge, i) => {
      if (!data.nodes[edge.s] || !data.nodes[edge.t]) return;
      KGX.edgesByNode[edge.s].push(i);
      KGX.edgesByNode[edge.t].push(i);
    });
    const hash = KGX.readHash();
    this.state = { view: hash.view, node: hash.node, lang: hash.lang === "en" ? "en" : "nl",
      hide: new Set(hash.hide), initiative: hash.initiative, source: hash.source,
      expand: new Set(hash.expand), focus: hash.focus, context: hash.context, all: hash.all, highlight: null };
    KGX.lang = this.state.lang;
    this.rendered = {};
    this.graph = null;
  }

  start() {
    const { data } = this;
    this.translate();
    this.buildFilters();
    this.search = new KGX.Search(document.getElementById("search"), document.getElementById("suggestions"), data,
      (id) => this.select(id, { view: "graph", center: true }));
    if (!data.nodes.length) {
      document.getElementById("graph").appendChild(KGX.el("p", { class: "status" }, KGX.t("emptyGraph")));
    } else if (!window.Sigma || !window.graphology) {
      KGX.fail(KGX.t("errorLibs"));
      this.graphFailed = true;
    }
    document.querySelectorAll("[role=tab]").forEach((tab) => {
      tab.addEventListener("click", () => this.show(tab.dataset.view));
      tab.addEventListener("keydown", (event) => this.onTabKey(event));
    });
    document.getElementById("language").addEventListener("click", () => this.setLanguage(this.state.lang === "nl" ? "en" : "nl"));
    document.getElementById("show-all").addEventListener("click", () => this.resetFilters());
    document.getElementById("export-png").addEventListener("click", () => this.graph && KGX.exportPng(data, this, "verkenner.png"));
    document.getElementById("export-gexf").addEventListener("click", () => this.graph && KGX.exportDrawn(data, this, "gexf"));
    document.getElementById("export-graphml").addEventListener("click", () => this.graph && KGX.exportDrawn(data, this, "graphml"));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.state.node && !event.target.closest("#search-box")) this.select(null);
    });
    window.addEventListener("hashchange", () => this.fromHash());
    // The skip links move the focus; they never touch the URL, so the view stays as it is.
    document.querySelectorAll("a.skip").forEach((link) => link.addEventListener("click", (event) => {
      event.preventDefault();
      const target = document.querySelector(link.getAttribute("href"));
      if (target && target.tagName === "DETAILS") {
        target.open = true;
        if (this.graph) this.listNodes();
        (target.querySelector("li button") || target.querySelector("summary")).focus();
      }
      else if (target) target.focus();
    }));
    document.getElementById("overview").addEventListener("click", () => this.resetFilters(false));
    const nodeList = document.getElementById("node-list");
    nodeList.addEventListener("toggle", () => { if (this.graph && nodeList.open && !nodeList.querySelector("li")) this.listNodes(); });
    this.apply();
    if (this.state.node && this.state.context && this.graph && this.index.has(this.state.node)) this.graph.centerOn(this.index.get(this.state.node));
  }

  fromHash() {
    if (!KGX.isStateHash(location.hash)) return;
    const hash = KGX.readHash();
    Object.assign(this.state, { view: hash.view, node: hash.node, hide: new Set(hash.hide), initiative: hash.initiative,
      source: hash.source, expand: new Set(hash.expand), focus: hash.focus, context: hash.context, all: hash.all });
    if ((hash.lang === "en" ? "en" : "nl") !== this.state.lang) this.setLanguage(hash.lang);
    else this.apply();
  }

  // Push the state to the graph, the panels, the views and the URL.
  // The drawing needs a visible container: it is made the first time the network view shows.
  ensureGraph() {
    if (this.graph || this.graphFailed || !this.data.nodes.length || this.state.view !== "graph") return false;
    const container = document.getElementById("graph");
    document.getElementById("view-graph").hidden = false;
    try {
      this.graph = new KGX.GraphView(container, this.data, this);
      this.listNodes();
      return true;
    } catch (error) {
      console.error(error);
      this.graphFailed = true;
      container.appendChild(KGX.el("p", { class: "status error", role: "alert" }, KGX.t("errorWebgl")));
      return false;
    }
  }

  apply() {
    const { state } = this;
    if (!this.ensureGraph()) this.redrawGraph();
    KGX.renderDetails(document.getElementById("details"), this.data, state.node !== null && this.index.has(state.node) ? this.index.get(state.node) : null, this);
    document.getElementById("details").hidden = false;
    document.querySelectorAll("[role=tab]").forEach((tab) => {
      const on = tab.dataset.view === state.view;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(`view-${tab.dataset.view}`).hidden = !on;
    });
    this.renderView(state.view);
    this.syncFilters();
    KGX.writeHash(state);
  }

  renderView(view) {
    const key = `${view}|${KGX.lang}`;
    if (this.rendered[view] === key || view === "graph") return;
    const root = document.getElementById(`view-${view}`);
    const draw = { matrix: KGX.renderMatrix, motions: KGX.renderMotions, budgets: KGX.renderBudgets, timeline: KGX.renderTimeline, analysis: KGX.renderAnalysis }[view];
    if (draw) draw(root, this.data, this);
    this.rendered[view] = key;
  }

  // The panels update at once; the drawing follows one frame later, so the page answers a click
  // within a frame even where redrawing a large graph takes longer (software WebGL).
  redrawGraph() {
    if (!this.graph || this.graphPending) return;
    this.graphPending = true;
    requestAnimationFrame(() => setTimeout(() => {
      this.graphPending = false;
      this.graph.applyState(this.state, this.index);
      this.listNodes();
      KGX.graphDrawn = performance.now();
    }, 0));
  }

  // The list mirror of the drawing: every node drawn, as a button, for the keyboard and screen readers.
  listNodes() {
    const { el, clear, t, pick } = KGX;
    const box = document.getElementById("node-list");
    const drawn = this.data.nodes.map((n, i) => [n, i]).filter(([, i]) => !this.graph.visible || this.graph.visible.has(i))
      .sort((a, b) => pick(a[0].label, a[0].id).localeCompare(pick(b[0].label, b[0].id), KGX.lang));
    box.querySelector("summary").textContent = `${t("nodeList")} (${drawn.length})`;
    const list = clear(box.querySelector("ul"));
    if (!box.open && drawn.length > 400) return;
    drawn.forEach(([node]) => {
      const kind = this.data.kinds.find((k) => k.id === node.kind) || {};
      list.appendChild(el("li", {}, el("button", { type: "button", class: "link", "data-node": node.id, "aria-current": node.id === this.state.node ? "true" : null,
        onclick: () => this.select(node.id, { center: true }) }, KGX.swatch(kind), pick(node.label, node.id),
      el("span", { class: "kind" }, ` · ${pick(kind)}`))));
    });
  }

  select(id, options = {}) {
    this.state.node = id && this.index.has(id) ? id : null;
    this.state.highlight = null;
    if (options.view) this.state.view = options.view;
    if (this.state.node === null && this.state.focus && !options.keepFocus) {
      this.state.focus = false;
      this.state.expand.clear();
    }
    this.apply();
    if (this.state.node !== null && options.center && this.state.context && this.graph) this.graph.centerOn(this.index.get(id));
    if (this.state.node !== null && !options.fromGraph) {
      const title = document.getElementById("details-title");
      if (title) title.focus({ preventScroll: false });
    }
  }

  expand(id) {
    this.state.expand.add(id);
    this.apply();
  }

  // The chosen node in the whole (filtered) network, or its ego network alone.
  toggleContext() {
    this.state.context = !this.state.context;
    this.apply();
  }

  showSet(positions) {
    this.state.view = "graph";
    this.state.node = null;
    this.apply();
    this.state.highlight = new Set(positions);
    this.redrawGraph();
  }

  show(view) {
    this.state.view = view;
    this.apply();
  }

  onTabKey(event) {
    const tabs = [...document.querySelectorAll("[role=tab]")];
    const at = tabs.indexOf(event.currentTarget);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    const tab = tabs[(next + tabs.length) % tabs.length];
    tab.focus();
    this.show(tab.dataset.view);
    event.preventDefault();
  }

  setLanguage(lang) {
    this.state.lang = lang === "en" ? "en" : "nl";
    KGX.lang = this.state.lang;
    this.translate();
    this.buildFilters();
    if (this.graph) this.graph.relabel();
    this.apply();
  }

  translate() {
    const { t } = KGX;
    document.documentElement.lang = KGX.lang;
    document.title = t("title");
    document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll("[data-i18n-label]").forEach((node) => node.setAttribute("aria-label", t(node.dataset.i18nLabel)));
    document.getElementById("search").placeholder = t("searchPlaceholder");
    document.getElementById("language").setAttribute("aria-label", t("languageLabel"));
  }

  buildFilters() {
    const { el, clear, t, pick } = KGX;
    const { data, state } = this;
    const counts = {};
    data.nodes.forEach((n) => { counts[n.kind] = (counts[n.kind] || 0) + 1; });
    const legend = clear(document.getElementById("legend"));
    data.kinds.filter((k) => counts[k.id]).forEach((kind) => {
      const box = el("input", { type: "checkbox", id: `kind-${kind.id}`, "data-kind": kind.id,
        onchange: (event) => { event.target.checked ? state.hide.delete(kind.id) : state.hide.add(kind.id); this.apply(); } });
      box.checked = !state.hide.has(kind.id);
      legend.appendChild(el("li", {}, box, el("label", { for: `kind-${kind.id}` }, KGX.swatch(kind), pick(kind),
        el("span", { class: "count" }, ` ${counts[kind.id]}`))));
    });
    const initiatives = data.nodes.map((n, i) => [n, i]).filter(([n]) => n.kind === "agreement" || n.kind === "programme")
      .sort((a, b) => pick(a[0].label).localeCompare(pick(b[0].label)));
    const select = clear(document.getElementById("filter-initiative"));
    select.appendChild(el("option", { value: "" }, `(${t("all")})`));
    initiatives.forEach(([n]) => select.appendChild(el("option", { value: n.id }, pick(n.label, n.id))));
    select.onchange = () => { state.initiative = select.value || null; this.apply(); };
    const sources = clear(document.getElementById("filter-source"));
    sources.appendChild(el("option", { value: "" }, `(${t("all")})`));
    data.sources.forEach((s) => sources.appendChild(el("option", { value: s.id }, pick(s.label, s.id))));
    sources.onchange = () => { state.source = sources.value || null; this.apply(); };
  }

  syncFilters() {
    document.getElementById("filter-initiative").value = this.state.initiative || "";
    document.getElementById("filter-source").value = this.state.source || "";
    document.querySelectorAll("#legend input[data-kind]").forEach((box) => { box.checked = !this.state.hide.has(box.dataset.kind); });
  }

  // "Alles tonen": every node; "Overzicht": back to the agreements and their parties.
  resetFilters(all = true) {
    Object.assign(this.state, { hide: new Set(), initiative: null, source: null, expand: new Set(), focus: false,
      highlight: null, all, node: null, context: false });
    this.apply();
  }
};

KGX.boot = function () {
  const data = window.KG_DATA;
  if (!data || typeof data !== "object" || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    KGX.fail(KGX.t("errorData"));
    return;
  }
  try {
    KGX.app = new KGX.App(data);
    KGX.app.start();
    document.getElementById("status").hidden = true;
    const done = () => { KGX.ready = performance.now(); document.body.dataset.ready = "true"; };
    if (KGX.app.graph) requestAnimationFrame(() => requestAnimationFrame(done)); else done();
  } catch (error) {
    KGX.fail(`${KGX.t("errorData")} (${error && error.message ? error.message : error})`);
    throw error;
  }
};

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", KGX.boot);
else KGX.boot();
