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
    el("blockquote", {}, quote),
    el("figcaption", {}, "— ", pick(source.label, source.id || ""), `, ${where}`,
      links.length ? " (" : null, ...links.flatMap((a, i) => (i ? [" · ", a] : [a])), links.length ? ")" : null));
};

KGX.renderDetails = function (panel, data, position, app) {
  const { el, clear, t, pick } = KGX;
  clear(panel);
  if (position === null || position === undefined) {
    panel.appendChild(el("p", { class: "hint" }, t("selectHint")));
    return;
  }
  const node = data.nodes[position];
  const kind = data.kinds.find((k) => k.id === node.kind) || { nl: node.kind };
  const other = pick(node.label) !== (node.label.nl || "") ? node.label.nl : null;
  panel.appendChild(el("div", { class: "details-head" },
    el("h2", { id: "details-title", tabindex: "-1" }, pick(node.label, node.id)),
    el("button", { type: "button", class: "close", "aria-label": t("close"), onclick: () => app.select(null) }, "×")));
  panel.appendChild(el("p", { class: "kind-line" },
    KGX.swatch(kind),
    el("span", {}, pick(kind))));
  const names = [other, ...(node.alt || [])].filter(Boolean);
  if (names.length) panel.appendChild(el("p", { class: "alt-names" }, `${t("alsoKnownAs")}: `, names.join(" · ")));
  const description = pick(node.desc);
  if (description) panel.appendChild(el("p", { class: "description" }, description));
  const iri = KGX.safeUrl(KGX.identifierHref(data, node.iri));
  panel.appendChild(el("p", { class: "identifier" }, `${t("identifier")}: `,
    iri ? el("a", { href: iri, target: "_blank", rel: "noopener" }, node.id) : node.id));
  panel.appendChild(el("div", { class: "actions" },
    el("button", { type: "button", onclick: () => app.expand(node.id) }, t("neighbours")),
    el("button", { type: "button", "aria-pressed": app.state.focus ? "true" : "false", onclick: () => app.toggleFocus(node.id) },
      app.state.focus ? t("unfocus") : t("focus"))));
  if ((node.ev || []).length) {
    panel.appendChild(el("h3", {}, t("evidence")));
    node.ev.slice(0, 6).forEach((e) => panel.appendChild(KGX.quoteBlock(data, e)));
  }
  panel.appendChild(el("h3", {}, t("relations")));
  const groups = KGX.relationGroups(data, position);
  if (!groups.length) panel.appendChild(el("p", { class: "hint" }, t("noRelations")));
  for (const group of groups) {
    const section = el("section", { class: "relation-group" }, el("h4", {}, group.title, ` (${group.items.length})`));
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
};

// Edges of a node grouped by relation and direction: "opsteller →" / "← opsteller".
KGX.relationGroups = function (data, position) {
  const groups = new Map();
  (KGX.edgesByNode[position] || []).forEach((e) => {
    const edge = data.edges[e];
    const outgoing = edge.s === position;
    const key = `${edge.rel}|${outgoing}`;
    if (!groups.has(key)) {
      const name = KGX.pick(data.relations[edge.rel]);
      groups.set(key, { title: outgoing ? `${name} →` : `← ${name}`, outgoing, items: [] });
    }
    groups.get(key).items.push(edge);
  });
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.title.localeCompare(b.title));
};

KGX.relationItem = function (data, edge, outgoing, app) {
  const { el, pick } = KGX;
  const other = data.nodes[outgoing ? edge.t : edge.s];
  const kind = data.kinds.find((k) => k.id === other.kind) || {};
  const item = el("li", {}, el("button", { type: "button", class: "link", onclick: () => app.select(other.id, { center: true }) },
    KGX.swatch(kind),
    pick(other.label, other.id)));
  (edge.ev || []).slice(0, 2).forEach((e) => item.appendChild(KGX.quoteBlock(data, e)));
  return item;
};
