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

// CSV as Dutch Excel reads it: ";" between cells (the comma is the decimal sign there), a BOM
// (in downloadCsv) so the accents survive, CRLF between rows.
KGX.CSV_SEPARATOR = ";";

KGX.csvCell = function (value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(,\d+)?$/.test(text)) text = "'" + text; // not a formula in a spreadsheet
  return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
};

KGX.toCsv = function (header, rows) {
  return [header, ...rows].map((row) => row.map(KGX.csvCell).join(KGX.CSV_SEPARATOR)).join("\r\n") + "\r\n";
};

// An exact number with the decimal comma ("2500000.5" → "2500000,5"), nothing rounded.
KGX.decimalComma = function (value) {
  if (value === null || value === undefined || value === "") return "";
  return /^-?\d+(\.\d+)?$/.test(String(value)) ? String(value).replace(".", ",") : String(value);
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

// A hash that carries the page's state (view=…&node=…), not an in-page anchor such as #search.
KGX.isStateHash = function (hash) {
  const text = String(hash || "").replace(/^#/, "");
  return text === "" || text.includes("=");
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

// A date for people: "2023-03-28" → "28 maart 2023", "2023-04" → "april 2023", "2023" stays.
KGX.formatDate = function (value) {
  const text = String(value || "");
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
  if (!match) return text;
  const [, year, month, day] = match;
  if (!month) return year;
  const locale = KGX.lang === "en" ? "en-GB" : "nl-NL";
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day || 1)));
  const options = day ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(date);
};

// A small coloured shape that shows a node's kind, as in the legend.
KGX.swatch = function (kind) {
  const span = KGX.el("span", { class: `swatch shape-${(kind && kind.shape) || "circle"}`, "aria-hidden": "true" });
  span.style.setProperty("--c", (kind && kind.color) || "#555");
  return span;
};
