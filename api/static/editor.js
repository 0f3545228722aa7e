// The SPARQL editor: YASGUI with the project's stored queries as examples (their parameters as a
// form, bound by the server as `kg query` binds them), completion from the project's own classes,
// properties and prefixes (nothing is asked of an outside service), errors as one readable line,
// the editor's own words in Dutch, and result IRIs shortened to the project's prefixes.
"use strict";
window.KGE = window.KGE || {};
(function () {
  const config = JSON.parse(document.getElementById("kg-config").textContent);
  const root = document.getElementById("yasgui");
  if (typeof Yasgui === "undefined") {
    root.textContent = "De query-editor ontbreekt: voer `npm ci` uit (make setup).";
    return;
  }
  const Yasqe = Yasgui.Yasqe;

  // --- completion from this project only -------------------------------------------------
  let terms = { classes: [], properties: [], prefixes: [] };
  const loaded = fetch(config.terms, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : terms)).then((t) => { terms = t; }).catch(() => {});
  const local = (iri) => iri.replace(/^.*[#/]/, "");
  const complete = (key) => (yasqe, token) => loaded.then(() => {
    const wanted = String((token && token.autocompletionString) || "");
    const lower = wanted.toLowerCase();
    const name = local(lower);
    return terms[key].filter((iri) => iri.toLowerCase().startsWith(lower)
      || (!/[#/:]/.test(wanted) && local(iri).toLowerCase().startsWith(name))).slice(0, 100);
  });
  const prefixList = Object.entries(config.prefixes).map(([p, ns]) => `${p}: <${ns}>`);
  Yasqe.forkAutocompleter("class", { name: "kg-class", get: complete("classes"), persistenceId: null }, false);
  Yasqe.forkAutocompleter("property", { name: "kg-property", get: complete("properties"), persistenceId: null }, false);
  Yasqe.forkAutocompleter("prefixes", { name: "kg-prefixes", get: prefixList, persistenceId: null }, false);
  Yasqe.defaults.autocompleters = ["variables", "kg-prefixes", "kg-class", "kg-property"];

  // --- errors as one line: where, what, and a hint ---------------------------------------
  const KEYWORDS = ["SELECT", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "BIND", "VALUES", "PREFIX", "BASE",
    "DISTINCT", "REDUCED", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "CONSTRUCT", "DESCRIBE", "ASK", "SERVICE", "EXISTS",
    "NOT", "REGEX", "LANG", "LANGMATCHES", "STR", "COUNT", "SAMPLE", "GROUP_CONCAT", "CONTAINS", "STRSTARTS", "COALESCE", "IF"];
  const distance = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  // Prefixes used but not declared: outside IRIs, strings and comments.
  const undeclared = (query) => {
    const bare = query.replace(/#[^\n]*/g, " ").replace(/<[^<>\s]*>/g, "<>").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    const declared = new Set([...bare.matchAll(/PREFIX\s+([\w-]*):/gi)].map((m) => m[1]));
    const used = [...bare.matchAll(/(?:^|[\s({;,./|^!])([A-Za-z][\w-]*|):[\w-]/g)].map((m) => m[1])
      .filter((p) => !/^(PREFIX|BASE)$/i.test(p));
    return [...new Set(used)].filter((p) => !declared.has(p));
  };
  KGE.explain = function (query, body) {
    let message = body, line = null, column = null;
    try {
      const parsed = JSON.parse(body);
      message = parsed.message || body;
      line = parsed.line || null;
      column = parsed.column || null;
    } catch (error) { /* not JSON: the text as it came */ }
    message = String(message || "").split("\n")[0].replace(/^\d+:\d+:\s*/, "");
    const where = line ? `regel ${line}, kolom ${column}: ` : "";
    const missing = undeclared(query);
    if (missing.length) {
      const known = Object.keys(config.prefixes).join(", ");
      return `${where}prefix ${missing[0]}: is niet gedeclareerd; bekende prefixen: ${known}`
        + (config.prefixes[missing[0]] ? ` (voeg toe: PREFIX ${missing[0]}: <${config.prefixes[missing[0]]}>)` : "");
    }
    if (line && column) {
      // A misspelt keyword: the parser stops at or after it; look back along the line.
      const upto = (query.split("\n")[line - 1] || "").slice(0, column + 20);
      const words = [...upto.matchAll(/(?<![?$:\w<"'])[A-Za-z_]{3,}(?![\w:])/g)].map((m) => m[0]).reverse();
      for (const word of words) {
        if (KEYWORDS.includes(word.toUpperCase())) continue;
        const best = KEYWORDS.map((k) => [distance(word.toUpperCase(), k), k]).sort((a, b) => a[0] - b[0])[0];
        if (best[0] <= 2) return `${where}onbekend woord ${word}; bedoelt u ${best[1]}?`;
      }
    }
    if (message.length > 160) message = message.slice(0, message.indexOf(" one of ") > 0 ? message.indexOf(" one of ") + 8 : 157) + "…";
    return `${where}${message.replace(/^syntax error: expected/, "syntaxfout: verwacht")}`;
  };
  const errorBox = document.getElementById("query-error");
  // YASGUI draws an error as the raw response; it is replaced by the one line, also shown above.
  const explainErrors = () => {
    root.querySelectorAll(".errorResult:not([data-kg])").forEach((box) => {
      box.dataset.kg = "1";
      const tab = yasgui.getTab();
      const results = tab && tab.getYasr().results;
      const error = results && results.getError ? results.getError() : null;
      const line = KGE.explain(tab.getYasqe().getValue(), (error && (error.text || error.statusText)) || "");
      errorBox.textContent = line;
      errorBox.hidden = false;
      const node = document.createElement("p");
      node.className = "kg-error";
      node.textContent = line;
      box.replaceChildren(node);
    });
  };

  // --- the editor -------------------------------------------------------------------------
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [] },
    persistenceId: "kg-sparql",
    yasqe: { value: config.prologue + "\n\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n} LIMIT 20\n", autocompleters: Yasqe.defaults.autocompleters },
    yasr: { prefixes: config.prefixes },
  });
  window.kgYasgui = yasgui;
  yasgui.on("query", () => { errorBox.hidden = true; });

  // Result IRIs are identifiers under the configured base; their links open on this server.
  const rewrite = () => {
    root.querySelectorAll("a[href]").forEach((a) => {
      const href = a.getAttribute("href");
      if (href.startsWith(config.base)) a.setAttribute("href", config.server + href.slice(config.base.length));
    });
  };
  // The editor's own words in Dutch.
  const DUTCH = {
    "Table": "Tabel", "Response": "Antwoord", "Simple view": "Eenvoudige weergave", "Ellipse": "Inkorten",
    "Filter query results": "Resultaten filteren", "Show": "Toon", "entries": "rijen", "Download result": "Resultaat downloaden",
    "Showing": "Toont", "of": "van", "results": "resultaten", "result": "resultaat", "Query": "Query", "Share query": "Query delen",
    "Run query": "Query uitvoeren", "Format query": "Query opmaken", "Add tab": "Tabblad toevoegen", "Close tab": "Tabblad sluiten",
    "Open in editor": "Open in editor", "Collapse": "Inklappen", "Expand": "Uitklappen", "Error": "Fout", "Previous": "Vorige",
    "Next": "Volgende", "No results": "Geen resultaten", "Type an endpoint URL": "Adres van een endpoint",
    "Show full screen": "Volledig scherm", "Close full screen": "Volledig scherm sluiten", "Plugin settings": "Instellingen",
    "Toggle filter": "Filter aan/uit", "Copy to clipboard": "Kopiëren", "Create a shortlink": "Korte link maken",
    "Change endpoint": "Endpoint wijzigen", "Documentation": "Documentatie", "New Tab": "Nieuw tabblad",
  };
  const translate = () => {
    root.querySelectorAll("[title], [aria-label], [placeholder]").forEach((node) => {
      for (const attr of ["title", "aria-label", "placeholder"]) {
        const value = node.getAttribute(attr);
        if (value && DUTCH[value.trim()]) node.setAttribute(attr, DUTCH[value.trim()]);
      }
    });
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.parentElement && text.parentElement.closest(".CodeMirror, .dataTable tbody")) continue;
      const value = text.nodeValue.trim();
      if (value && DUTCH[value]) text.nodeValue = text.nodeValue.replace(value, DUTCH[value]);
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; explainErrors(); rewrite(); translate(); });
  }).observe(root, { childList: true, subtree: true, characterData: false });
  translate();

  // --- the stored queries as examples with a parameter form --------------------------------
  const form = document.getElementById("params");
  const fields = document.getElementById("params-fields");
  let chosen = null;
  const boundUrl = (q, rest) => {
    const params = new URLSearchParams();
    form.querySelectorAll("input[name]").forEach((input) => { if (input.value.trim()) params.set(input.name, input.value.trim()); });
    const query = params.toString();
    return `${config.bound}${encodeURIComponent(q.name)}${rest}${query ? "?" + query : ""}`;
  };
  const showForm = (q) => {
    chosen = q;
    document.getElementById("params-title").textContent = q.title;
    document.getElementById("params-description").textContent = q.description;
    fields.replaceChildren(...q.params.map((p) => {
      const id = `param-${p.name}`;
      const field = document.createElement("div");
      field.className = "field";
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = `${p.name} (${p.type})`;
      const input = document.createElement("input");
      input.id = id;
      input.name = p.name;
      input.value = p.default || "";
      input.required = p.default === null;
      input.type = p.type === "date" ? "date" : p.type === "integer" || p.type === "decimal" ? "number" : "text";
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = p.description;
      field.append(label, input, hint);
      return field;
    }));
    if (!q.params.length) fields.textContent = "Deze query heeft geen parameters.";
    document.getElementById("params-link").href = boundUrl(q, "");
    form.hidden = false;
  };
  form.addEventListener("input", () => { if (chosen) document.getElementById("params-link").href = boundUrl(chosen, ""); });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!chosen) return;
    const response = await fetch(boundUrl(chosen, "/sparql"));
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try { message = JSON.parse(text).message; } catch (error) { /* plain text */ }
      errorBox.textContent = message;
      errorBox.hidden = false;
      return;
    }
    errorBox.hidden = true;
    const yasqe = yasgui.getTab().getYasqe();
    yasqe.setValue(text);
    yasqe.query();
  });
  document.querySelectorAll("#examples .example").forEach((button) => {
    button.addEventListener("click", () => {
      const q = config.queries[Number(button.dataset.index)];
      document.querySelectorAll("#examples .example").forEach((b) => b.removeAttribute("aria-current"));
      button.setAttribute("aria-current", "true");
      errorBox.hidden = true;
      yasgui.addTab(true, { name: q.title.slice(0, 30), yasqe: { value: q.text } }, { avoidDuplicateTabs: true });
      showForm(q);
    });
  });
})();
