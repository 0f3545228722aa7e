// The tables policy staff ask for: agreement × organisation matrix, motions, budgets; each with CSV.
"use strict";
window.KGX = window.KGX || {};

KGX.nodeName = function (data, position) {
  const node = data.nodes[position];
  return node ? KGX.pick(node.label, node.id) : "";
};

KGX.nodeButton = function (data, position, app, text) {
  const node = data.nodes[position];
  if (!node) return document.createTextNode(text || "");
  return KGX.el("button", { type: "button", class: "link", onclick: () => app.select(node.id, { view: "graph", center: true }) },
    text || KGX.pick(node.label, node.id));
};

// All quotes of a row, one under the other; and their text for an export.
KGX.quotes = function (data, evidence) {
  return KGX.el("div", { class: "quotes" }, (evidence || []).map((e) => KGX.quoteBlock(data, e)));
};

KGX.quoteText = function (data, evidence) {
  return (evidence || []).map((e) => (data.evidence[e] ? data.evidence[e][3] : "")).filter(Boolean).join(" … ");
};

KGX.tableSection = function (intro, header, rows, onCsv, truncated) {
  const { el, t } = KGX;
  const head = el("tr", {}, header.map((h) => el("th", { scope: "col" }, h)));
  const body = el("tbody", {});
  rows.forEach((cells) => body.appendChild(el("tr", {}, cells.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", {}, c))))));
  return el("div", { class: "table-view" },
    el("div", { class: "table-tools" }, el("p", {}, intro),
      el("button", { type: "button", class: "csv", onclick: onCsv }, t("csv"))),
    truncated ? el("p", { class: "warning" }, t("truncated")) : null,
    rows.length ? el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), body)) : el("p", { class: "hint" }, t("empty")));
};

KGX.renderMatrix = function (root, data, app) {
  const { el, clear, t, pick } = KGX;
  const matrix = data.tables.matrix;
  const cells = new Map();
  for (const cell of matrix.cells) {
    const key = `${cell.row}|${cell.col}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(cell);
  }
  const evidenceBox = el("div", { class: "matrix-evidence", "aria-live": "polite" });
  const short = (p) => KGX.shortLabel(data.nodes[p]);
  const header = [el("th", { scope: "col" }, t("party"))].concat(matrix.columns.map((c) =>
    el("th", { scope: "col", title: KGX.nodeName(data, c) }, KGX.nodeButton(data, c, app, short(c)))));
  const body = el("tbody", {});
  for (const row of matrix.rows) {
    const tr = el("tr", {}, el("th", { scope: "row" }, KGX.nodeButton(data, row, app)));
    for (const col of matrix.columns) {
      const found = cells.get(`${row}|${col}`) || [];
      const text = found.map((c) => pick(c.role)).join(", ");
      tr.appendChild(el("td", {}, found.length ? el("button", {
        type: "button", class: "cell", "aria-label": `${KGX.nodeName(data, row)} — ${KGX.nodeName(data, col)}: ${text}`,
        onclick: () => {
          clear(evidenceBox).appendChild(el("h3", {}, `${KGX.nodeName(data, row)} — ${KGX.nodeName(data, col)}: ${text}`));
          found.forEach((c) => (c.ev || []).forEach((e) => evidenceBox.appendChild(KGX.quoteBlock(data, e))));
        },
      }, text) : ""));
    }
    body.appendChild(tr);
  }
  const csv = () => KGX.downloadCsv("akkoorden-organisaties.csv",
    [t("party"), ...matrix.columns.map((c) => KGX.nodeName(data, c))],
    matrix.rows.map((r) => [KGX.nodeName(data, r), ...matrix.columns.map((c) =>
      (cells.get(`${r}|${c}`) || []).map((x) => pick(x.role)).join("; "))]));
  clear(root).appendChild(el("div", { class: "table-view" },
    el("div", { class: "table-tools" }, el("p", {}, t("matrixIntro")),
      el("button", { type: "button", class: "csv", onclick: csv }, t("csv"))),
    matrix.truncated ? el("p", { class: "warning" }, t("truncated")) : null,
    matrix.rows.length ? el("div", { class: "scroll" }, el("table", { class: "matrix" }, el("thead", {}, el("tr", {}, header)), body))
      : el("p", { class: "hint" }, t("empty")),
    evidenceBox));
};

KGX.kamerstukLink = function (identifier) {
  if (!identifier || !/^kst-[\w-]+$/.test(identifier)) return identifier || "";
  return KGX.el("a", { href: `https://zoek.officielebekendmakingen.nl/${identifier}.html`, target: "_blank", rel: "noopener noreferrer" }, identifier);
};

KGX.renderMotions = function (root, data, app) {
  const { t, pick } = KGX;
  const rows = data.tables.motions.rows;
  const header = [t("motion"), t("submitters"), t("kamerstuk"), t("adopted"), t("handling"), t("letter"), t("quote")];
  const cells = rows.map((r) => [KGX.nodeButton(data, r.motion, app, r.name), `${r.submitters || ""}${r.coSubmitters ? " " + t("coSubmitters") : ""}`,
    KGX.kamerstukLink(r.kamerstuk), r.adopted || "", pick(r.handling), KGX.nodeButton(data, r.letter, app),
    KGX.quotes(data, r.ev)]);
  const csv = () => KGX.downloadCsv("moties.csv", header, rows.map((r) => [r.name, r.submitters, r.kamerstuk, r.adopted,
    pick(r.handling), KGX.nodeName(data, r.letter), KGX.quoteText(data, r.ev)]));
  KGX.clear(root).appendChild(KGX.tableSection(t("motionsIntro"), header, cells, csv, data.tables.motions.truncated));
};

KGX.renderBudgets = function (root, data, app) {
  const { t, pick } = KGX;
  const rows = data.tables.budgets.rows;
  const header = [t("scheme"), t("budget"), t("amount"), t("kind"), t("period"), t("actionLine"), t("quote")];
  const period = (r) => [r.from, r.through].filter(Boolean).join("–");
  const line = (r) => (r.actionLine !== null && r.actionLine !== undefined ? `${r.actionLineNumber || ""} ${KGX.nodeName(data, r.actionLine)}`.trim() : "");
  const cells = rows.map((r) => [KGX.nodeButton(data, r.scheme, app, KGX.nodeName(data, r.scheme) || r.name), r.budget || "",
    r.amount ? KGX.formatAmount(r.amount) : "", pick(r.kind), period(r), line(r),
    KGX.quotes(data, r.ev)]);
  const csv = () => KGX.downloadCsv("budgetten.csv", header, rows.map((r) => [KGX.nodeName(data, r.scheme) || r.name, r.budget,
    r.amount, pick(r.kind), period(r), line(r), KGX.quoteText(data, r.ev)]));
  KGX.clear(root).appendChild(KGX.tableSection(t("budgetsIntro"), header, cells, csv, data.tables.budgets.truncated));
};
