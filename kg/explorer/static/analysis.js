// Network analysis of the organisations (computed with networkx at build time): centrality,
// communities, and the shortest path between two organisations, found here by breadth-first search.
"use strict";
window.KGX = window.KGX || {};

const RANKING_LIMIT = 50;

KGX.shortestPath = function (links, from, to) {
  if (from === to) return [from];
  const adjacent = new Map();
  for (const [a, b] of links) {
    if (!adjacent.has(a)) adjacent.set(a, []);
    if (!adjacent.has(b)) adjacent.set(b, []);
    adjacent.get(a).push(b);
    adjacent.get(b).push(a);
  }
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const current = queue.shift();
    for (const next of (adjacent.get(current) || []).slice().sort((x, y) => x - y)) {
      if (previous.has(next)) continue;
      previous.set(next, current);
      if (next === to) {
        const path = [to];
        while (previous.get(path[0]) !== null) path.unshift(previous.get(path[0]));
        return path;
      }
      queue.push(next);
    }
  }
  return null;
};

// The roles of `org` in `initiative`, read from the drawn edges (participation or membership).
KGX.rolesIn = function (data, org, initiative) {
  return (KGX.edgesByNode[org] || []).map((e) => data.edges[e])
    .filter((edge) => edge.s === org && edge.t === initiative)
    .map((edge) => ({ name: KGX.pick(data.relations[edge.rel]), ev: edge.ev || [] }));
};

KGX.renderAnalysis = function (root, data, app) {
  const { el, clear, t } = KGX;
  const network = data.network;
  clear(root);
  const community = new Map();
  network.communities.forEach((members, n) => members.forEach((m) => community.set(m, n + 1)));
  const view = el("div", { class: "analysis" }, el("p", {}, t("analysisIntro")));
  root.appendChild(view);

  // shortest path
  const orgs = [...new Set(network.links.flatMap((l) => [l[0], l[1]]))]
    .sort((a, b) => KGX.nodeName(data, a).localeCompare(KGX.nodeName(data, b)));
  const options = () => orgs.map((o) => el("option", { value: data.nodes[o].id }, KGX.nodeName(data, o)));
  const fromSelect = el("select", { id: "path-from" }, options());
  const toSelect = el("select", { id: "path-to" }, options());
  if (orgs.length > 1) toSelect.selectedIndex = 1;
  const result = el("div", { class: "path-result", "aria-live": "polite" });
  const find = () => KGX.showPath(result, data, app, app.index.get(fromSelect.value), app.index.get(toSelect.value));
  view.appendChild(el("section", { class: "path" }, el("h2", {}, t("path")),
    el("div", { class: "path-form" }, el("label", { for: "path-from" }, t("from")), fromSelect,
      el("label", { for: "path-to" }, t("to")), toSelect,
      el("button", { type: "button", id: "path-find", onclick: find }, t("findPath"))), result));

  // centrality ranking
  const ranking = network.centrality;
  const header = [t("rank"), t("organisation"), t("degree"), t("betweenness"), t("community")];
  const row = (r, n) => [String(n + 1), KGX.nodeButton(data, r.node, app), String(r.degree), r.betweenness.toFixed(3),
    String(community.get(r.node) || "")];
  const csv = () => KGX.downloadCsv("centraliteit.csv", header, ranking.map((r, n) =>
    [n + 1, KGX.nodeName(data, r.node), r.degree, r.betweenness, community.get(r.node) || ""]));
  const shown = ranking.slice(0, RANKING_LIMIT).map(row);
  view.appendChild(el("section", {}, el("h2", {}, t("centrality")),
    KGX.tableSection("", header, shown, csv, false)));

  // communities
  const groups = el("ol", { class: "communities" });
  network.communities.forEach((members) => groups.appendChild(el("li", {},
    ...members.flatMap((m, i) => (i ? [", ", KGX.nodeButton(data, m, app)] : [KGX.nodeButton(data, m, app)])))));
  view.appendChild(el("section", {}, el("h2", {}, t("communities")), groups));

  // the co-participation network, built in the page and downloaded (from disk too)
  const coNetwork = () => KGX.coParticipation(data);
  const title = t("analysisIntro");
  const files = [
    ["netwerk.gexf", () => KGX.downloadText("netwerk.gexf", KGX.toGexf(coNetwork(), title), "application/xml")],
    ["netwerk.graphml", () => KGX.downloadText("netwerk.graphml", KGX.toGraphml(coNetwork(), title), "application/xml")],
    ["netwerk-knopen.csv", () => KGX.downloadCsv("netwerk-knopen.csv", ["id", t("organisation"), t("kindOf")],
      coNetwork().nodes.map((n) => [n.id, n.label, n.kind]))],
    ["netwerk-verbindingen.csv", () => KGX.downloadCsv("netwerk-verbindingen.csv", [t("from"), t("to"), t("weight"), t("via")],
      coNetwork().edges.map((e) => [e.s, e.t, e.weight, e.label]))],
  ];
  view.appendChild(el("section", {}, el("h2", {}, t("exports")), el("ul", { class: "exports" },
    ...files.map(([name, save]) => el("li", {}, el("button", { type: "button", class: "export", onclick: save }, name))))));
};

KGX.showPath = function (result, data, app, from, to) {
  const { el, clear, t } = KGX;
  clear(result);
  if (from === undefined || to === undefined) return;
  const path = KGX.shortestPath(data.network.links, from, to);
  if (!path) {
    result.appendChild(el("p", {}, t("noPath")));
    return;
  }
  const via = new Map(data.network.links.map(([a, b, , v]) => [`${Math.min(a, b)}|${Math.max(a, b)}`, v]));
  const steps = el("ol", { class: "hops" });
  const shownNodes = new Set(path);
  for (let i = 0; i + 1 < path.length; i++) {
    const [a, b] = [path[i], path[i + 1]];
    const through = via.get(`${Math.min(a, b)}|${Math.max(a, b)}`) || [];
    const item = el("li", {}, KGX.nodeButton(data, a, app), " — ", KGX.nodeButton(data, b, app));
    const reasons = el("ul", {});
    for (const initiative of through.slice(0, 3)) {
      shownNodes.add(initiative);
      const roles = (org) => (org === initiative ? t("theCoalition")
        : KGX.rolesIn(data, org, initiative).map((r) => r.name).join(", "));
      const evidence = [...KGX.rolesIn(data, a, initiative), ...KGX.rolesIn(data, b, initiative)].flatMap((r) => r.ev);
      reasons.appendChild(el("li", {}, `${t("via")} `, KGX.nodeButton(data, initiative, app),
        ` (${KGX.nodeName(data, a)}: ${roles(a) || "—"}; ${KGX.nodeName(data, b)}: ${roles(b) || "—"})`,
        evidence.length ? KGX.quoteBlock(data, evidence[0]) : null));
    }
    item.appendChild(reasons);
    steps.appendChild(item);
  }
  result.appendChild(el("p", {}, `${KGX.nodeName(data, from)} → ${KGX.nodeName(data, to)}: ${path.length - 1} ${t("steps")}`));
  result.appendChild(steps);
  result.appendChild(el("button", { type: "button", onclick: () => app.showSet(shownNodes) }, t("showPath")));
};
