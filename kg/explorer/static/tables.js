// The tables policy staff ask for: agreement × organisation matrix, motions, budgets, time line.
// Every column sorts and filters (with counts per value, as Datasette's facets), every row shows
// its quotes, and the CSV opens in Dutch Excel (";", decimal comma) with the exact values.
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

// All quotes of a row, one under the other; and their exact text for an export.
KGX.quotes = function (data, evidence) {
  return KGX.el("div", { class: "quotes" }, (evidence || []).map((e) => KGX.quoteBlock(data, e)));
};

KGX.quoteText = function (data, evidence) {
  return (evidence || []).map((e) => (data.evidence[e] ? data.evidence[e][3] : "")).filter(Boolean).join(" … ");
};

// A plain table (the analysis ranking): header, rows of cells, a CSV button.
KGX.tableSection = function (intro, header, rows, onCsv, truncated) {
  const { el, t } = KGX;
  const head = el("tr", {}, header.map((h) => el("th", { scope: "col" }, h)));
  const body = el("tbody", {});
  rows.forEach((cells) => body.appendChild(el("tr", {}, cells.map((c, i) => (i === 0 ? el("th", { scope: "row", "data-label": header[i] }, c)
    : el("td", { "data-label": header[i] }, c))))));
  return el("div", { class: "table-view cards" },
    el("div", { class: "table-tools" }, el("p", {}, intro),
      el("button", { type: "button", class: "csv", onclick: onCsv }, t("csv"))),
    truncated ? el("p", { class: "warning" }, t("truncated")) : null,
    rows.length ? el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), body)) : el("p", { class: "hint" }, t("empty")));
};

const FACET_LIMIT = 40; // a column with at most this many values filters with a list, else with text

// A sortable, filterable table. columns: [{ label, text(row) → string (filter, sort, default cell),
// cell(row) → node, exact(row) → string for the CSV, sort(row) → comparable, number: bool }].
KGX.DataTable = class {
  constructor(options) {
    Object.assign(this, options);
    this.filters = this.columns.map(() => "");
    this.sortBy = null;
    this.descending = false;
    this.extra = null; // an outside filter (the time line's "since")
  }

  matches(row, skip) {
    if (this.extra && !this.extra(row)) return false;
    return this.columns.every((col, i) => {
      if (i === skip || !this.filters[i]) return true;
      const value = col.text(row);
      return this.facet[i] ? value === this.filters[i] : KGX.fold(value).includes(KGX.fold(this.filters[i]));
    });
  }

  shownRows() {
    const rows = this.rows.filter((r) => this.matches(r, -1));
    if (this.sortBy !== null) {
      const col = this.columns[this.sortBy];
      const key = col.sort || col.text;
      rows.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), KGX.lang, { numeric: true });
        return this.descending ? -order : order;
      });
    }
    return rows;
  }

  render(root) {
    const { el, t } = KGX;
    // A list of values where they repeat (Afhandeling = afgedaan), a text box where each row differs.
    this.facet = this.columns.map((col) => {
      if (col.filter === false || col.filter === "text") return false;
      const distinct = new Set(this.rows.map(col.text)).size;
      return distinct <= FACET_LIMIT && distinct <= Math.max(5, this.rows.length / 2);
    });
    this.body = el("tbody", {});
    this.count = el("p", { class: "count-line", role: "status" });
    this.head = el("tr", {});
    this.filterRow = el("tr", { class: "filter-row" });
    this.columns.forEach((col, i) => {
      const th = el("th", { scope: "col" }, el("button", { type: "button", class: "sort", onclick: () => this.sort(i) }, col.label));
      this.head.appendChild(th);
      this.filterRow.appendChild(el("td", {}, col.filter === false ? "" : this.filterControl(i)));
    });
    const wrap = el("div", { class: "scroll" }, el("table", { id: `table-${this.id}` }, el("thead", {}, this.head, this.filterRow), this.body));
    clearTimeout(this.pending);
    KGX.clear(root).appendChild(el("div", { class: "table-view cards" },
      el("div", { class: "table-tools" }, el("p", {}, this.intro),
        el("div", { class: "tool-buttons" },
          el("button", { type: "button", class: "reset", onclick: () => this.reset() }, t("resetFilters")),
          el("button", { type: "button", class: "csv", onclick: () => this.csv() }, t("csv")))),
      this.before || null,
      this.truncated ? el("p", { class: "warning" }, t("truncated")) : null,
      this.rows.length ? [this.count, wrap] : el("p", { class: "hint" }, t("empty"))));
    this.update();
  }

  filterControl(i) {
    const { el, t } = KGX;
    const label = `${t("filterOn")} ${this.columns[i].label}`;
    if (this.facet[i]) {
      const select = el("select", { "aria-label": label, "data-column": i, onchange: () => { this.filters[i] = select.value; this.update(); } });
      return select;
    }
    const input = el("input", { type: "search", "aria-label": label, "data-column": i, placeholder: `${this.columns[i].label}…`,
      oninput: () => { this.filters[i] = input.value; this.update(); } });
    return input;
  }

  // The facet lists count the rows each value would leave, given the other filters.
  refreshFacets() {
    this.filterRow.querySelectorAll("select").forEach((select) => {
      const i = Number(select.dataset.column);
      const counts = new Map();
      for (const row of this.rows) if (this.matches(row, i)) counts.set(this.columns[i].text(row), (counts.get(this.columns[i].text(row)) || 0) + 1);
      const values = [...new Set(this.rows.map(this.columns[i].text))].sort((a, b) => a.localeCompare(b, KGX.lang, { numeric: true }));
      KGX.clear(select).appendChild(KGX.el("option", { value: "" }, `${this.columns[i].label}: ${KGX.t("all")}`));
      values.forEach((v) => select.appendChild(KGX.el("option", { value: v }, `${v || "—"} (${counts.get(v) || 0})`)));
      select.value = this.filters[i];
    });
  }

  update() {
    const { el, t } = KGX;
    const rows = this.shownRows();
    KGX.clear(this.body);
    for (const row of rows) {
      this.body.appendChild(el("tr", {}, this.columns.map((col, i) => {
        const content = col.cell ? col.cell(row) : col.text(row);
        return el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, "data-label": col.label, class: col.number ? "number" : null }, content);
      })));
    }
    this.count.textContent = `${rows.length} ${t("of")} ${this.rows.length} ${t("rows")}`;
    [...this.head.children].forEach((th, i) => th.setAttribute("aria-sort", this.sortBy === i ? (this.descending ? "descending" : "ascending") : "none"));
    this.refreshFacets();
  }

  sort(i) {
    this.descending = this.sortBy === i ? !this.descending : false;
    this.sortBy = i;
    this.update();
  }

  reset() {
    this.filters = this.columns.map(() => "");
    this.filterRow.querySelectorAll("input").forEach((input) => { input.value = ""; });
    this.update();
  }

  // What is shown (filtered and sorted), with the exact values.
  csv() {
    const header = this.columns.map((c) => c.label);
    const rows = this.shownRows().map((row) => this.columns.map((c) => (c.exact ? c.exact(row) : c.text(row))));
    KGX.downloadCsv(`${this.file}.csv`, header, rows);
  }
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
          evidenceBox.scrollIntoView({ block: "nearest" });
        },
      }, text) : ""));
    }
    body.appendChild(tr);
  }
  const csv = () => KGX.downloadCsv("akkoorden-organisaties.csv",
    [t("party"), ...matrix.columns.map((c) => KGX.nodeName(data, c))],
    matrix.rows.map((r) => [KGX.nodeName(data, r), ...matrix.columns.map((c) =>
      (cells.get(`${r}|${c}`) || []).map((x) => pick(x.role)).join(", "))]));
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

// Columns every table shares: a node (shown as a button to it), the quotes.
KGX.nodeColumn = function (data, app, label, pick, fallback) {
  return { label, text: (r) => KGX.nodeName(data, pick(r)) || (fallback ? fallback(r) || "" : ""),
    cell: (r) => KGX.nodeButton(data, pick(r), app, KGX.nodeName(data, pick(r)) || (fallback ? fallback(r) : "")) };
};

KGX.quoteColumn = function (data) {
  return { label: KGX.t("quote"), text: (r) => KGX.quoteText(data, r.ev), cell: (r) => KGX.quotes(data, r.ev), filter: "text", sort: (r) => (r.ev || []).length };
};

KGX.renderMotions = function (root, data, app) {
  const { t, pick } = KGX;
  const columns = [
    KGX.nodeColumn(data, app, t("motion"), (r) => r.motion, (r) => r.name),
    { label: t("submitters"), text: (r) => `${r.submitters || ""}${r.coSubmitters ? " " + t("coSubmitters") : ""}` },
    { label: t("kamerstuk"), text: (r) => r.kamerstuk || "", cell: (r) => KGX.kamerstukLink(r.kamerstuk) },
    { label: t("adopted"), text: (r) => KGX.formatDate(r.adopted), sort: (r) => r.adopted || "", exact: (r) => r.adopted || "" },
    { label: t("handling"), text: (r) => pick(r.handling) },
    KGX.nodeColumn(data, app, t("letter"), (r) => r.letter),
    KGX.quoteColumn(data),
  ];
  new KGX.DataTable({ id: "motions", file: "moties", intro: t("motionsIntro"), columns, rows: data.tables.motions.rows,
    truncated: data.tables.motions.truncated }).render(root);
};

KGX.renderBudgets = function (root, data, app) {
  const { t, pick } = KGX;
  const period = (r) => [r.from, r.through].filter(Boolean).join("–");
  const line = (r) => (r.actionLine !== null && r.actionLine !== undefined ? `${r.actionLineNumber || ""} ${KGX.nodeName(data, r.actionLine)}`.trim() : "");
  const columns = [
    { ...KGX.nodeColumn(data, app, t("actionLine"), (r) => r.actionLine), text: line },
    KGX.nodeColumn(data, app, t("scheme"), (r) => r.scheme, (r) => r.name),
    { label: t("budget"), text: (r) => r.budget || "" },
    { label: t("amount"), text: (r) => (r.amount ? KGX.formatAmount(r.amount) : ""), sort: (r) => (r.amount ? Number(r.amount) : -1),
      exact: (r) => KGX.decimalComma(r.amount), number: true, filter: false },
    { label: t("kind"), text: (r) => pick(r.kind) },
    { label: t("period"), text: (r) => [KGX.formatDate(r.from), KGX.formatDate(r.through)].filter(Boolean).join(" – "), sort: period, exact: period },
    KGX.quoteColumn(data),
  ];
  new KGX.DataTable({ id: "budgets", file: "budgetten", intro: t("budgetsIntro"), columns, rows: data.tables.budgets.rows,
    truncated: data.tables.budgets.truncated }).render(root);
};

// The time line: status changes on their dates; "new since" narrows it and lists the documents
// that came in since that date, each with the number of facts it proves and a view of them.
KGX.renderTimeline = function (root, data, app) {
  const { el, t, pick } = KGX;
  const kindName = (p) => { const n = data.nodes[p]; const k = n && data.kinds.find((x) => x.id === n.kind); return k ? pick(k) : ""; };
  const columns = [
    { label: t("date"), text: (r) => KGX.formatDate(r.date), sort: (r) => r.date || "", exact: (r) => r.date || "" },
    KGX.nodeColumn(data, app, t("what"), (r) => r.subject, (r) => r.name),
    { label: t("kindOf"), text: (r) => kindName(r.subject) },
    { label: t("status"), text: (r) => pick(r.status) },
    KGX.nodeColumn(data, app, t("declaredIn"), (r) => r.document),
    KGX.quoteColumn(data),
  ];
  const since = el("input", { type: "date", id: "since" });
  const news = el("div", { class: "news", "aria-live": "polite" });
  const timeline = data.tables.timeline || { rows: [], truncated: false };
  const table = new KGX.DataTable({ id: "timeline", file: "tijdlijn", intro: t("timelineIntro"), columns, rows: timeline.rows,
    truncated: timeline.truncated });
  table.sortBy = 0;
  table.before = el("div", { class: "since" }, el("label", { for: "since" }, t("newSince")), since, news);
  since.addEventListener("change", () => {
    const from = since.value;
    table.extra = from ? (r) => (r.date || "") >= from.slice(0, (r.date || "").length || 10) : null;
    table.update();
    KGX.renderNews(news, data, app, from);
  });
  table.render(root);
};

// Documents dated on or after `from`, with the facts each proves (nodes and edges with its evidence).
KGX.renderNews = function (box, data, app, from) {
  const { el, t, pick } = KGX;
  KGX.clear(box);
  if (!from) return;
  const facts = data.sources.map(() => 0);
  const count = (ev) => new Set((ev || []).map((e) => data.evidence[e] && data.evidence[e][0])).forEach((s) => { if (s !== undefined) facts[s] += 1; });
  data.nodes.forEach((n) => count(n.ev));
  data.edges.forEach((e) => count(e.ev));
  const fresh = data.sources.map((s, i) => [s, i]).filter(([s]) => s.date && s.date >= from.slice(0, s.date.length));
  if (!fresh.length) { box.appendChild(el("p", { class: "hint" }, t("nothingNew"))); return; }
  box.appendChild(el("ul", {}, fresh.map(([s, i]) => el("li", {}, el("strong", {}, pick(s.label, s.id)), ` (${KGX.formatDate(s.date)}): ${facts[i]} ${t("facts")} `,
    el("button", { type: "button", onclick: () => { Object.assign(app.state, { source: s.id, node: null, view: "graph", all: true }); app.apply(); } }, t("showFacts"))))));
};
