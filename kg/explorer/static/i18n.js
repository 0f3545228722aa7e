// Words of the interface in Dutch (default) and English. Data labels come from the graph itself.
"use strict";
window.KGX = window.KGX || {};
KGX.STRINGS = {
  nl: {
    title: "Verkenner ouderenzorgbeleid",
    subtitle: "Wie doet wat in het ouderenzorgbeleid — elk verband met de zin uit de brief die het zegt",
    loading: "De verkenner wordt geladen…",
    searchLabel: "Zoek een organisatie, akkoord, wet, motie…",
    searchPlaceholder: "Zoek op naam of afkorting, bijv. ZN of zorgverz",
    noMatches: "Niets gevonden",
    language: "English",
    languageLabel: "Switch to English",
    tabGraph: "Netwerk", tabMatrix: "Akkoorden × organisaties", tabMotions: "Moties",
    tabBudgets: "Budgetten", tabAnalysis: "Netwerkanalyse",
    filters: "Filters", kinds: "Soorten", initiative: "Akkoord of programma", source: "Bronbrief",
    overview: "Overzicht", context: "In het hele netwerk tonen",
    overviewHint: "Overzicht: de akkoorden en programma's met hun partijen. Zoek of klik op een knoop; \"Alles tonen\" laat het hele netwerk zien.",
    sourceOne: "bron", sourceMany: "bronnen",
    exportGexf: "Gephi (GEXF)", exportGraphml: "GraphML", wholeNetwork: "het hele netwerk", weight: "gewicht",
    pngSource: "Bron", pngGraph: "Kennisgraaf ouderenzorg, stand van", pngExported: "geëxporteerd op",
    skipSearch: "Naar het zoekveld", skipList: "Naar de lijst van knopen in beeld", nodeList: "Knopen in beeld, als lijst",
    tabTimeline: "Tijdlijn", resetFilters: "Filters wissen", filterOn: "Filter op", filterPlaceholder: "filter…",
    of: "van de", rows: "rijen", date: "Datum", what: "Wat", status: "Status", declaredIn: "Gemeld in",
    timelineIntro: "Wat wanneer gebeurde: statuswijzigingen van akkoorden, programma's, regelingen, moties en toezeggingen, met het document dat ze meldt.",
    newSince: "Nieuw sinds", nothingNew: "Geen documenten van na deze datum.", facts: "feiten", showFacts: "Toon in netwerk",
    all: "alle", showAll: "Alles tonen", exportPng: "Afbeelding (PNG)", legendHint: "Vink aan om te tonen",
    graphLabel: "Netwerk van organisaties, akkoorden, programma's, wetten, moties en documenten. Kies een knoop met het zoekveld; pijltjes verschuiven, + en − zoomen.",
    details: "Details", close: "Sluiten", neighbours: "Toon buren", focus: "Focus", unfocus: "Focus opheffen",
    identifier: "Identificatie", alsoKnownAs: "Ook bekend als", description: "Beschrijving",
    evidence: "Bewijs in de bron", relations: "Verbanden", noRelations: "Geen verbanden",
    lines: "regels", line: "regel", officialPublication: "officiële publicatie", sourceText: "brontekst",
    more: "Toon alle", selectHint: "Klik op een knoop of zoek er een om de details te zien.",
    csv: "Download CSV", party: "Organisatie", role: "Rol",
    matrixIntro: "Wie is partij bij welk akkoord of programma, en in welke rol. Kies een cel voor het bewijs.",
    motionsIntro: "Moties waarover een brief rapporteert: indieners, Kamerstuk en afhandeling.",
    budgetsIntro: "Regelingen en budgetten per actielijn, met bedrag, soort en periode.",
    submitters: "Indieners", kamerstuk: "Kamerstuk", adopted: "Aangenomen",
    handling: "Afhandeling", letter: "Brief", quote: "Bewijs",
    scheme: "Regeling", amount: "Bedrag", kind: "Soort", period: "Periode",
    actionLine: "Actielijn", coSubmitters: "c.s.",
    empty: "Geen gegevens in deze graaf.", truncated: "Let op: de tabel is ingekort (maximum aantal rijen).",
    analysisIntro: "Het netwerk van organisaties die samen deelnemen aan een akkoord, programma, maatregel of verband.",
    centrality: "Centraliteit", rank: "#", degree: "Verbindingen",
    betweenness: "Tussenpositie", community: "Groep", communities: "Groepen die samenwerken",
    path: "Hoe zijn twee organisaties verbonden?", from: "Van", to: "Naar", findPath: "Zoek verbinding",
    noPath: "Deze organisaties zijn niet verbonden.", via: "via", showPath: "Toon in netwerk",
    steps: "stap(pen)", exports: "Exporteren voor Gephi of een spreadsheet",
    errorData: "Het gegevensbestand (data.js) ontbreekt of is beschadigd. Genereer de verkenner opnieuw met `kg explorer`.",
    errorLibs: "De tekenbibliotheken (vendor/) ontbreken. Genereer de verkenner opnieuw met `kg explorer`.",
    errorWebgl: "Deze browser kan het netwerk niet tekenen (WebGL ontbreekt). De tabellen werken wel.",
    emptyGraph: "Deze graaf is leeg: er is niets om te tonen.",
    selected: "Geselecteerd", kindOf: "Soort", count: "aantal", theCoalition: "het verband zelf",
  },
  en: {
    title: "Ageing-care policy explorer",
    subtitle: "Who does what in Dutch ageing-care policy — every link with the sentence from the letter that says so",
    loading: "Loading the explorer…",
    searchLabel: "Search an organisation, agreement, law, motion…",
    searchPlaceholder: "Search by name or abbreviation, e.g. ZN or zorgverz",
    noMatches: "Nothing found",
    language: "Nederlands",
    languageLabel: "Schakel naar Nederlands",
    tabGraph: "Network", tabMatrix: "Agreements × organisations", tabMotions: "Motions",
    tabBudgets: "Budgets", tabAnalysis: "Network analysis",
    filters: "Filters", kinds: "Kinds", initiative: "Agreement or programme", source: "Source letter",
    overview: "Overview", context: "Show in the whole network",
    overviewHint: "Overview: the agreements and programmes with their parties. Search or click a node; \"Show everything\" draws the whole network.",
    sourceOne: "source", sourceMany: "sources",
    exportGexf: "Gephi (GEXF)", exportGraphml: "GraphML", wholeNetwork: "the whole network", weight: "weight",
    pngSource: "Source", pngGraph: "Ageing-care knowledge graph as of", pngExported: "exported on",
    skipSearch: "To the search box", skipList: "To the list of the nodes drawn", nodeList: "Nodes drawn, as a list",
    tabTimeline: "Time line", resetFilters: "Clear filters", filterOn: "Filter on", filterPlaceholder: "filter…",
    of: "of", rows: "rows", date: "Date", what: "What", status: "Status", declaredIn: "Declared in",
    timelineIntro: "What happened when: status changes of agreements, programmes, schemes, motions and commitments, with the document that declares them.",
    newSince: "New since", nothingNew: "No documents after this date.", facts: "facts", showFacts: "Show in network",
    all: "all", showAll: "Show everything", exportPng: "Image (PNG)", legendHint: "Tick to show",
    graphLabel: "Network of organisations, agreements, programmes, laws, motions and documents. Pick a node with the search box; arrow keys pan, + and − zoom.",
    details: "Details", close: "Close", neighbours: "Show neighbours", focus: "Focus", unfocus: "Leave focus",
    identifier: "Identifier", alsoKnownAs: "Also known as", description: "Description",
    evidence: "Evidence in the source", relations: "Relations", noRelations: "No relations",
    lines: "lines", line: "line", officialPublication: "official publication", sourceText: "source text",
    more: "Show all", selectHint: "Click a node or search for one to see its details.",
    csv: "Download CSV", party: "Organisation", role: "Role",
    matrixIntro: "Who is party to which agreement or programme, and in which role. Pick a cell for the evidence.",
    motionsIntro: "Motions a letter reports on: submitters, parliamentary paper and how they were handled.",
    budgetsIntro: "Schemes and budgets per action line, with amount, kind and period.",
    submitters: "Submitters", kamerstuk: "Parliamentary paper", adopted: "Adopted",
    handling: "Handling", letter: "Letter", quote: "Evidence",
    scheme: "Scheme", amount: "Amount", kind: "Kind", period: "Period",
    actionLine: "Action line", coSubmitters: "et al.",
    empty: "No data in this graph.", truncated: "Note: the table was cut short (row limit).",
    analysisIntro: "The network of organisations that take part together in an agreement, programme, measure or coalition.",
    centrality: "Centrality", rank: "#", degree: "Links",
    betweenness: "Betweenness", community: "Group", communities: "Groups that work together",
    path: "How are two organisations connected?", from: "From", to: "To", findPath: "Find connection",
    noPath: "These organisations are not connected.", via: "via", showPath: "Show in network",
    steps: "step(s)", exports: "Export for Gephi or a spreadsheet",
    errorData: "The data file (data.js) is missing or damaged. Generate the explorer again with `kg explorer`.",
    errorLibs: "The drawing libraries (vendor/) are missing. Generate the explorer again with `kg explorer`.",
    errorWebgl: "This browser cannot draw the network (no WebGL). The tables still work.",
    emptyGraph: "This graph is empty: there is nothing to show.",
    selected: "Selected", kindOf: "Kind", count: "count", theCoalition: "the coalition itself",
  },
};
KGX.lang = "nl";
// Names of kinds (motie, budget, organisatie ...) are not typed here: they come with the data,
// from the kinds registry in the ontology (data.kinds), so a word missing above is looked up there.
KGX.kindName = function (id) {
  const kind = ((window.KG_DATA || {}).kinds || []).find((k) => k.id === id);
  const name = kind && (kind[KGX.lang] || kind.nl);
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : undefined;
};
KGX.t = function (key) {
  const table = KGX.STRINGS[KGX.lang] || KGX.STRINGS.nl;
  if (table[key] !== undefined) return table[key];
  return KGX.kindName(key) || KGX.STRINGS.nl[key] || key;
};
// A label object {nl, en} in the current language, falling back to Dutch, then to `fallback`.
KGX.pick = function (names, fallback) {
  if (!names) return fallback || "";
  return (KGX.lang === "en" && names.en) || names.nl || names.en || fallback || "";
};
