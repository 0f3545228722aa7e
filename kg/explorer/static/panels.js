// The search box (an accessible combobox) and the details panel of the selected node.
"use strict";
window.KGX = window.KGX || {};

const GROUP_LIMIT = 25;

KGX.Search = class {
  constructor(input, list, data, onPick) {
    this.input = input;
    this.list = list;
    this.data = data;
    this.onPick = onPick;
    this.active = -1;
    this.matches = [];
    this.index = data.nodes.map((node) => {
      const keys = [node.label && node.label.nl, node.label && node.label.en, ...(node.alt || [])]
        .filter(Boolean).map(KGX.fold);
      return { keys, words: keys.flatMap((k) => k.split(/[\s\-/(),.&]+/)).filter(Boolean) };
    });
    input.addEventListener("input", () => this.update());
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  // Best matches first: exact name or abbreviation, then prefix, then word prefix, then anywhere.
  find(query, limit = 12) {
    const q = KGX.fold(query);
    if (!q) return [];
    const scored = [];
    this.index.forEach((entry, i) => {
      let score = 9;
      for (const key of entry.keys) {
        if (key === q) score = Math.min(score, 0);
        else if (key.startsWith(q)) score = Math.min(score, 1);
        else if (key.includes(q)) score = Math.min(score, 3);
      }
      if (score > 2 && entry.words.some((w) => w.startsWith(q))) score = 2;
      if (score < 9) scored.push([score, -(this.data.nodes[i].size || 0), i]);
    });
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return scored.slice(0, limit).map((s) => s[2]);
  }

  update() {
    this.matches = this.find(this.input.value);
    this.active = this.matches.length ? 0 : -1;
    this.render();
  }

  render() {
    const { el, clear, t, pick } = KGX;
    clear(this.list);
    const open = this.input.value.trim() !== "";
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.list.hidden = !open;
    if (!open) return;
    if (!this.matches.length) {
      this.list.appendChild(el("li", { class: "empty", role: "option", "aria-disabled": "true" }, t("noMatches")));
      return;
    }
    this.matches.forEach((position, n) => {
      const node = this.data.nodes[position];
      const kind = this.data.kinds.find((k) => k.id === node.kind) || {};
      const item = el("li", {
        id: `suggestion-${n}`, role: "option", "aria-selected": n === this.active ? "true" : "false",
        class: n === this.active ? "active" : "", "data-node": node.id,
        onmousedown: (event) => { event.preventDefault(); this.pick(n); },
      }, KGX.swatch(kind),
      el("span", { class: "name" }, pick(node.label, node.id)),
      (node.alt || []).length ? el("span", { class: "alt" }, node.alt.slice(0, 2).join(", ")) : null,
      el("span", { class: "kind" }, pick(kind)));
      this.list.appendChild(item);
    });
    this.input.setAttribute("aria-activedescendant", this.active >= 0 ? `suggestion-${this.active}` : "");
  }

  onKey(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!this.matches.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.matches.length) % this.matches.length;
      this.render();
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (this.active >= 0) this.pick(this.active);
      event.preventDefault();
    } else if (event.key === "Escape") {
      this.input.value = "";
      this.close();
    }
  }

  pick(n) {
    const position = this.matches[n];
    this.close();
    this.input.value = "";
    this.onPick(this.data.nodes[position].id);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
};

// A quote as it reads: footnote numbers glued to a word ("Ellemeet12", "aangenomen19.") dropped.
// The exact text stays in the data and in the exports.
KGX.readableQuote = function (quote) {
  return String(quote || "").replace(/([a-zà-ÿ\)])\d{1,2}(?=[\s.,;:)]|$)/g, "$1");
};

// One quote with its source: "“…” — Letter title, lines 4–9 (official publication · source text)".
KGX.quoteBlock = function (data, evidenceIndex) {
  const { el, t, pick } = KGX;
  const evidence = data.evidence[evidenceIndex];
  if (!evidence) return null;
  const [sourceIndex, start, end, quote] = evidence;
  const source = data.sources[sourceIndex] || {};
  const where = start === end ? `${t("line")} ${start}` : `${t("lines")} ${start}–${end}`;
  const links = [];
  const official = KGX.safeUrl(source.url);
  if (official) links.push(el("a", { href: official, target: "_blank", rel: "noopener noreferrer" }, t("officialPublication")));
  const href = data.meta && data.meta.sourcesHref;
  const served = typeof href === "string" && /^(https?:\/\/|\.{0,2}\/)/.test(href) ? href : null;
  if (served && source.served && source.file && /^[\w.\-]+$/.test(source.file)) {
    links.push(el("a", { href: `${served}${encodeURIComponent(source.file)}#L${start}`, target: "_blank", rel: "noopener" }, t("sourceText")));
  }
  return el("figure", { class: "quote" },
    el("blockquote", { title: quote }, KGX.readableQuote(quote)),
    el("figcaption", {}, "— ", pick(source.label, source.id || ""), `, ${where}`,
      links.length ? " (" : null, ...links.flatMap((a, i) => (i ? [" · ", a] : [a])), links.length ? ")" : null));
};

// Quotes folded under a statement, as Wikidata folds references: "bron (2)", open on request.
KGX.foldedQuotes = function (data, evidence, open = false) {
  const list = (evidence || []).filter((e) => data.evidence[e]);
  if (!list.length) return null;
  return KGX.el("details", { class: "sources", open },
    KGX.el("summary", {}, `${KGX.t(list.length === 1 ? "sourceOne" : "sourceMany")} (${list.length})`),
    list.map((e) => KGX.quoteBlock(data, e)));
};

KGX.renderDetails = function (panel, data, position, app) {
  const { el, clear, t, pick } = KGX;
  clear(panel);
  if (position === null || position === undefined) {
    panel.appendChild(el("p", { class: "hint" }, t(app.state.all || !KGX.isOverview(app.state) ? "selectHint" : "overviewHint")));
    return;
  }
  const node = data.nodes[position];
  const kind = data.kinds.find((k) => k.id === node.kind) || { nl: node.kind };
  const other = pick(node.label) !== (node.label.nl || "") ? node.label.nl : null;
  // What it is: name, kind, other names, description.
  panel.appendChild(el("div", { class: "details-head" },
    el("h2", { id: "details-title", tabindex: "-1" }, pick(node.label, node.id)),
    el("button", { type: "button", class: "close", "aria-label": t("close"), onclick: () => app.select(null) }, "×")));
  panel.appendChild(el("p", { class: "kind-line" }, KGX.swatch(kind), el("span", {}, pick(kind))));
  const names = [other, ...(node.alt || [])].filter((n) => n && n !== pick(node.label));
  if (names.length) panel.appendChild(el("p", { class: "alt-names" }, `${t("alsoKnownAs")}: `, names.join(" · ")));
  const description = pick(node.desc);
  if (description) panel.appendChild(el("p", { class: "description" }, description));
  // Its relations, grouped by meaning, each with its quotes folded under it.
  const groups = KGX.relationGroups(data, position);
  if (!groups.length) panel.appendChild(el("p", { class: "hint" }, t("noRelations")));
  for (const group of groups) {
    const section = el("section", { class: "relation-group" }, el("h3", {}, group.title, el("span", { class: "count" }, ` (${group.items.length})`)));
    const list = el("ul", {});
    const show = (items) => items.forEach((edge) => list.appendChild(KGX.relationItem(data, edge, group.outgoing, app)));
    show(group.items.slice(0, GROUP_LIMIT));
    section.appendChild(list);
    if (group.items.length > GROUP_LIMIT) {
      const more = el("button", { type: "button", class: "more", onclick: () => { show(group.items.slice(GROUP_LIMIT)); more.remove(); } },
        `${t("more")} (${group.items.length})`);
      section.appendChild(more);
    }
    panel.appendChild(section);
  }
  // Then the rest: its own evidence, the identifier, the view buttons.
  if ((node.ev || []).length) {
    panel.appendChild(el("section", { class: "own-evidence" }, el("h3", {}, t("evidence")), KGX.foldedQuotes(data, node.ev)));
  }
  const iri = KGX.safeUrl(KGX.identifierHref(data, node.iri));
  panel.appendChild(el("p", { class: "identifier" }, `${t("identifier")}: `,
    iri ? el("a", { href: iri, target: "_blank", rel: "noopener" }, node.id) : node.id));
  panel.appendChild(el("div", { class: "actions" },
    el("button", { type: "button", onclick: () => app.expand(node.id) }, t("neighbours")),
    el("button", { type: "button", "aria-pressed": app.state.context ? "true" : "false", onclick: () => app.toggleContext() },
      t("context"))));
};

// How a relation reads from the node's side, in plain Dutch (or English): "is ondertekenaar bij",
// "heeft als ondertekenaar", "is lid van", "diende in".
KGX.relationTitle = function (relation, outgoing, otherKind, ownKind) {
  const name = KGX.pick(relation);
  const en = KGX.lang === "en";
  const inverse = (KGX.INVERSE[KGX.lang] || {})[relation.nl];
  if (relation.nl === "maker" && (outgoing ? ownKind : otherKind) === "motion") {
    return outgoing ? (en ? "submitted by" : "ingediend door") : (en ? "submitted" : "diende in");
  }
  switch (relation.group) {
    case "vote": {
      const cast = ["voor", "tegen"].includes(relation.nl);
      if (outgoing) return cast ? (en ? `voted ${relation.nl === "voor" ? "for" : "against"}` : `stemde ${name}`) : name;
      return cast ? (en ? `votes ${relation.nl === "voor" ? "for" : "against"} from` : `${name} gestemd door`) : `${name} ${en ? "by" : "door"}`;
    }
    case "participation":
      return outgoing ? (en ? `is ${name} in` : `is ${name} bij`) : (en ? `has as ${name}` : `heeft als ${name}`);
    case "membership":
      return outgoing ? (en ? `is ${name} of` : `is ${name} van`) : (en ? `has as ${name}` : `heeft als ${name}`);
    case "citation":
      return outgoing ? name : (en ? "is cited in" : "wordt genoemd in");
    case "status-change":
    case "status":
    case "milestone":
      return outgoing ? `${name}, ${en ? "declared in" : "gemeld in"}` : `${en ? "declares" : "meldt"} ${name} ${en ? "of" : "van"}`;
    case "handling":
      return outgoing ? `${name} ${en ? "according to" : "volgens"}` : (en ? `reports ${name} of` : `meldt ${name} van`);
    default:
      return outgoing ? name : inverse || `is ${name} ${en ? "of" : "van"}`;
  }
};

// The inverse of a direct link where "is X van" does not read well.
KGX.INVERSE = {
  nl: { "maker": "maakte", "onderdeel van": "omvat", "gemeld in": "meldt", "bron": "is bron van",
    "gepubliceerd als": "publicatie van", "gedaan door": "deed", "gedaan aan": "kreeg", "verantwoordelijke": "is verantwoordelijk voor",
    "afgesproken in": "spreekt af", "betreft wet": "geldt voor", "hangt samen met": "hangt samen met", "verbonden met": "verbonden met",
    "opvolger van": "opgevolgd door", "herziening van": "herzien in", "bekleedt": "bekleed door", "functie bij": "heeft als functie" },
  en: { "maker": "made", "onderdeel van": "includes", "gemeld in": "reports", "bron": "is source of",
    "gepubliceerd als": "publication of", "gedaan door": "made", "gedaan aan": "received", "verantwoordelijke": "is responsible for",
    "afgesproken in": "agrees", "betreft wet": "applies to", "hangt samen met": "related to", "verbonden met": "linked to",
    "opvolger van": "succeeded by", "herziening van": "revised in", "bekleedt": "held by", "functie bij": "has the post" },
};

const GROUP_ORDER = ["participation", "membership", "vote", "handling", "status-change", "status", "milestone", "tenure", "link", "citation", "relation"];

// Edges of a node grouped by meaning: relation and direction, the most telling groups first.
KGX.relationGroups = function (data, position) {
  const groups = new Map();
  (KGX.edgesByNode[position] || []).forEach((e) => {
    const edge = data.edges[e];
    const outgoing = edge.s === position;
    const relation = data.relations[edge.rel];
    const title = KGX.relationTitle(relation, outgoing, data.nodes[outgoing ? edge.t : edge.s].kind, data.nodes[position].kind);
    const key = `${title}|${outgoing}`;
    const order = GROUP_ORDER.includes(relation.group) ? GROUP_ORDER.indexOf(relation.group) : GROUP_ORDER.length;
    if (!groups.has(key)) groups.set(key, { title, outgoing, order, items: [] });
    groups.get(key).items.push(edge);
  });
  const name = (edge, outgoing) => KGX.nodeName(data, outgoing ? edge.t : edge.s);
  for (const group of groups.values()) group.items.sort((a, b) => name(a, group.outgoing).localeCompare(name(b, group.outgoing)));
  return [...groups.values()].sort((a, b) => a.order - b.order || b.items.length - a.items.length || a.title.localeCompare(b.title));
};

KGX.relationItem = function (data, edge, outgoing, app) {
  const { el, pick } = KGX;
  const other = data.nodes[outgoing ? edge.t : edge.s];
  const kind = data.kinds.find((k) => k.id === other.kind) || {};
  return el("li", { "data-kind": other.kind, "data-node": other.id }, el("button", { type: "button", class: "link", onclick: () => app.select(other.id, { center: true }) },
    KGX.swatch(kind), pick(other.label, other.id)),
  KGX.foldedQuotes(data, edge.ev));
};
