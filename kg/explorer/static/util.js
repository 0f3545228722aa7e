// Small helpers: DOM building (text only, never HTML from data), search folding, CSV, downloads.
"use strict";
window.KGX = window.KGX || {};

// el("button", {class: "x", onclick: fn, "aria-label": "..."}, "text", childNode, ...)
// Text children become text nodes; attributes are set one by one. No innerHTML anywhere.
KGX.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

KGX.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

// Lower case without diacritics: "Cliëntenraden" → "clientenraden".
KGX.fold = function (text) {
  return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
};

// Only http(s) links from data become hrefs; anything else (javascript:, data:) is dropped.
KGX.safeUrl = function (url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
};

// Where an identifier opens: served by the API, on the server that served this page (meta.idsHref
// is relative to the page, so host, port and path prefix stay); opened from disk, the identifier
// itself (it names the resource under the configured public base, KG_BASE).
KGX.identifierHref = function (data, iri) {
  const meta = data.meta || {};
  if (typeof iri !== "string" || typeof meta.idsHref !== "string" || !meta.base || !iri.startsWith(meta.base)) return iri;
  if (!/^https?:$/.test(location.protocol)) return iri;
  return new URL(meta.idsHref + iri.slice(meta.base.length), location.href).href;
};

KGX.csvCell = function (value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // not a formula in a spreadsheet
  return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
};

KGX.toCsv = function (header, rows) {
  return [header, ...rows].map((row) => row.map(KGX.csvCell).join(",")).join("\r\n") + "\r\n";
};

KGX.download = function (name, blob) {
  const url = URL.createObjectURL(blob);
  const link = KGX.el("a", { href: url, download: name, class: "visually-hidden" }, name);
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
};

KGX.downloadCsv = function (name, header, rows) {
  KGX.download(name, new Blob(["\ufeff" + KGX.toCsv(header, rows)], { type: "text/csv;charset=utf-8" }));
};

// URL hash state: #view=graph&node=organisation/actiz&lang=en&hide=law,budget&ag=...&src=...
KGX.readHash = function () {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const list = (key) => (params.get(key) || "").split(",").filter(Boolean);
  return {
    view: params.get("view") || "graph", node: params.get("node"), lang: params.get("lang") || "nl",
    hide: list("hide"), initiative: params.get("ag"), source: params.get("src"),
    expand: list("expand"), focus: params.get("focus") === "1", context: params.get("ctx") === "1",
    all: params.get("all") === "1",
  };
};

// The first view (nothing chosen, no filter): agreements and programmes with their parties.
KGX.isOverview = function (state) {
  return !state.all && !state.initiative && !state.source && !state.hide.size && !state.expand.size
    && !state.focus && !state.highlight;
};

KGX.writeHash = function (state) {
  const params = new URLSearchParams();
  if (state.view !== "graph") params.set("view", state.view);
  if (state.node) params.set("node", state.node);
  if (state.lang !== "nl") params.set("lang", state.lang);
  if (state.hide.size) params.set("hide", [...state.hide].join(","));
  if (state.initiative) params.set("ag", state.initiative);
  if (state.source) params.set("src", state.source);
  if (state.expand.size) params.set("expand", [...state.expand].join(","));
  if (state.focus) params.set("focus", "1");
  if (state.context) params.set("ctx", "1");
  if (state.all) params.set("all", "1");
  const hash = params.toString();
  const target = location.pathname + location.search + (hash ? "#" + hash : "");
  try {
    history.replaceState(null, "", target);
  } catch (error) {
    location.replace("#" + hash);
  }
};

KGX.formatAmount = function (value) {
  const number = Number(value);
  if (!Number.isFinite(number)) return value || "";
  return new Intl.NumberFormat(KGX.lang === "en" ? "en-GB" : "nl-NL",
    { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(number);
};

// A small coloured shape that shows a node's kind, as in the legend.
KGX.swatch = function (kind) {
  const span = KGX.el("span", { class: `swatch shape-${(kind && kind.shape) || "circle"}`, "aria-hidden": "true" });
  span.style.setProperty("--c", (kind && kind.color) || "#555");
  return span;
};
