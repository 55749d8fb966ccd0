// The explorer page: search, the neighbourhood graph, the details panel and the questions on organizations.
// Plain ES modules, no build step; the data comes from the JSON API (api.js).

import * as api from "./api.js";
import { showCorrected, showSuggestions } from "./curation.js";
import { h, swatch, typeChip } from "./dom.js";
import { ExplorerGraph } from "./graph.js";
import { drawOrgChart, svgFile } from "./orgchart.js";
import * as panel from "./panel.js";
import { orderTypes, typeWord } from "./types.js";

const $ = (id) => document.getElementById(id);

const state = {
  minConfidence: 0,
  pathSource: null, // entity id chosen with "Path from here…"
  ticket: 0, // the panel shows only the answer to the latest request
  refresh: null, // redraws the panel's current content, after the confidence floor changed
  orgChart: null, // the chart drawn over the graph: { root, svg, name }, or null when the graph shows
  addressBeforeChart: "", // the address to go back to when the chart is closed
  chartTicket: 0, // only the latest chart asked for is drawn (depth and confidence changes race)
};

const QUESTION_NAMES = {
  enterprises: "enterprises under",
  hierarchy: "hierarchy above",
  subtree: "subtree below",
};

const nameOf = (entityId) => api.knownEntity(entityId)?.name ?? entityId;

function setStatus(text, error = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", error);
}

/** Run an action from the page: "label…" while it works, then its note, or its error in red. */
async function run(label, action) {
  setStatus(`${label}…`);
  try {
    setStatus((await action()) ?? "");
  } catch (error) {
    setStatus(error.message, true);
  }
  $("graph-hint").hidden = !graph.isEmpty;
}

/** Start a panel update; `stale(ticket)` is true once a newer one has started. */
const nextTicket = () => ++state.ticket;
const stale = (ticket) => ticket !== state.ticket;

function addNeighbours(entityId, neighbours) {
  let added = 0;
  for (const { entity } of neighbours.items) {
    if (graph.addEntity(entity, { nearId: entityId })) added += 1;
  }
  neighbours.items.forEach(({ relation }) => graph.addRelation(relation));
  return added;
}

/** Draw an entity's neighbourhood on a fresh graph and show the entity. */
async function openEntity(entityId) {
  const entity = await api.entity(entityId);
  const neighbours = await api.neighbours(entityId, state.minConfidence);
  graph.clear();
  graph.addEntity(entity, { anchor: true });
  addNeighbours(entityId, neighbours);
  graph.layout(true);
  history.replaceState(null, "", `#entity=${encodeURIComponent(entityId)}`);
  for (const button of $("results").querySelectorAll("button")) {
    button.classList.toggle("current", button.dataset.id === entityId);
  }
  await showEntity(entityId);
}

async function showEntity(entityId) {
  const ticket = nextTicket();
  if (!graph.has(entityId)) {
    graph.addEntity(await api.entity(entityId), { anchor: true });
    graph.layout();
  }
  graph.select(entityId);
  const [entity, neighbours] = await Promise.all([
    api.entity(entityId),
    api.neighbours(entityId, state.minConfidence),
  ]);
  if (stale(ticket)) return;
  panel.showEntity(entity, neighbours, actions);
  state.refresh = () => showEntity(entityId);
}

async function showRelation(relationId) {
  const ticket = nextTicket();
  graph.select(relationId);
  const relation = await api.relation(relationId);
  await Promise.all([api.entity(relation.head), api.entity(relation.tail)]);
  if (stale(ticket)) return;
  panel.showRelation(relation, actions);
  state.refresh = null;
}

/** A relation picked in the panel: put it (and the entity at its other end) in the graph and show it. */
async function openRelation(relation, entity) {
  const here = entity.id === relation.head ? relation.tail : relation.head;
  const added = graph.addEntity(entity, { nearId: here });
  if (graph.addRelation(relation) || added) graph.layout();
  await showRelation(relation.id);
}

async function expand(entityId) {
  const neighbours = await api.neighbours(entityId, state.minConfidence);
  const added = addNeighbours(entityId, neighbours);
  graph.layout();
  const cut = neighbours.items.length < neighbours.count ? ` (the first ${neighbours.items.length})` : "";
  return `${nameOf(entityId)}: ${neighbours.count} neighbours${cut}, ${added} new in the graph`;
}

/** Put entities and the relations between them in the graph, fetching the entities not yet seen. */
async function addAll(entityIds, relations, nearId) {
  const entities = await Promise.all([...new Set(entityIds)].map((entityId) => api.entity(entityId)));
  entities.forEach((entity) => graph.addEntity(entity, { nearId }));
  relations.forEach((relation) => graph.addRelation(relation));
  graph.layout();
}

/** Answer a reach question on an organization: highlight the answer in the graph, list it with evidence. */
async function reach(kind, startId) {
  const ticket = nextTicket();
  const result = await api.reach(kind, startId, state.minConfidence);
  const relations = result.items.flatMap((found) => found.path);
  const ends = relations.flatMap((relation) => [relation.head, relation.tail]);
  await addAll([startId, ...ends, ...result.items.map((found) => found.entity.id)], relations, startId);
  if (result.items.length) {
    graph.highlight(
      result.items.map((found) => found.entity.id),
      relations.map((relation) => relation.id),
      [startId],
    );
  } else {
    graph.clearHighlight();
  }
  if (stale(ticket)) return "";
  panel.showReach(kind, startId, result, state.minConfidence, actions);
  state.refresh = () => reach(kind, startId);
  return `${QUESTION_NAMES[kind]} ${nameOf(startId)}: ${result.count} found`;
}

async function showPath(sourceId, targetId) {
  const ticket = nextTicket();
  const path = await api.shortestPath(sourceId, targetId, state.minConfidence);
  if (path) {
    await addAll(
      path.entities.map((entity) => entity.id),
      path.relations,
      sourceId,
    );
    graph.highlight(
      [sourceId, targetId],
      path.relations.map((relation) => relation.id),
    );
  }
  if (stale(ticket)) return;
  panel.showPath(sourceId, targetId, path, actions);
  state.refresh = () => showPath(sourceId, targetId);
}

async function showDocument(evidence) {
  const ticket = nextTicket();
  const contents = await api.documentContents(evidence.document);
  if (!stale(ticket)) panel.showDocument(contents, evidence);
}

/** Draw an entity's org chart over the graph; its address (`#org=<id>&depth=<n>`) opens it again. */
async function openOrgChart(entityId) {
  const ticket = ++state.chartTicket;
  const depth = Number($("orgchart-depth").value);
  const chart = await api.orgChart(entityId, depth, state.minConfidence);
  if (ticket !== state.chartTicket) return "";
  const svg = drawOrgChart(chart, (id) => {
    svg.querySelectorAll(".org-box").forEach((box) => box.classList.toggle("current", box.dataset.id === id));
    actions.selectEntity(id);
  });
  const name = chart.units[0].entity.name;
  if (!state.orgChart) state.addressBeforeChart = location.hash.startsWith("#org=") ? "" : location.hash;
  state.orgChart = { root: entityId, svg, name };
  $("orgchart").style.top = `${document.querySelector(".graph-area > .toolbar").offsetHeight}px`;
  $("orgchart").hidden = false;
  $("orgchart-title").textContent = `${name} · 组织架构`;
  $("orgchart-canvas").replaceChildren(svg);
  const enterprises = new Set(chart.units.flatMap((unit) => unit.enterprises.map((e) => e.entity.id)));
  const cut = chart.truncated ? ` (cut: ${chart.unit_count} units in all; enterprises may be left out)` : "";
  $("orgchart-note").textContent =
    `${chart.units.length} units and ${enterprises.size} enterprises within ${depth} relations${cut}. ` +
    "Solid lines: SUBORDINATE_TO, PART_OF; dashed: COVERS. Click a box for its details.";
  history.replaceState(null, "", `#org=${encodeURIComponent(entityId)}&depth=${depth}`);
  return `org chart of ${name}`;
}

function closeOrgChart() {
  state.chartTicket += 1;
  state.orgChart = null;
  $("orgchart").hidden = true;
  $("orgchart-canvas").replaceChildren();
  history.replaceState(null, "", state.addressBeforeChart || location.pathname + location.search);
}

/** Save the drawn chart as a standalone SVG file, named after its top unit. */
function downloadOrgChart() {
  const { svg, name } = state.orgChart;
  const url = URL.createObjectURL(new Blob([svgFile(svg)], { type: "image/svg+xml" }));
  const link = h("a", { href: url, download: `${name}-组织架构.svg` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** After a correction: fresh names everywhere; the panel shows `showId` (the entity kept or renamed),
 * or says what was done when the entity is gone; with `keepPanel` the panel stays (the suggestions list). */
async function corrected(recorded, showId, { keepPanel = false, what = "" } = {}) {
  const made = recorded.correction;
  const query = $("search-input").value.trim();
  await Promise.all([showStats(), query ? search(query, $("type-filter").value) : null]);
  if (showId) {
    await openEntity(showId);
  } else {
    graph.clear();
    state.refresh = null;
    $("graph-hint").hidden = false;
    if (location.hash.startsWith("#entity=")) history.replaceState(null, "", location.pathname + location.search);
    if (!keepPanel) {
      nextTicket();
      showCorrected(made, what || made.entity, actions);
    }
  }
  setStatus(`correction ${made.seq}: ${made.kind}${made.kind === "undo" ? ` of ${made.target}` : ""}`);
}

async function openSuggestions() {
  const ticket = nextTicket();
  state.refresh = null;
  await showSuggestions(actions, () => !stale(ticket));
}

/** What the panel's buttons and links do. */
const actions = {
  selectEntity: (entityId) => run("loading", () => showEntity(entityId)),
  openRelation: (relation, entity) => run("loading", () => openRelation(relation, entity)),
  expand: (entityId) => run("expanding", () => expand(entityId)),
  reach: (kind, entityId) => run(`asking for the ${QUESTION_NAMES[kind]} it`, () => reach(kind, entityId)),
  path: (sourceId, targetId) => run("finding a path", () => showPath(sourceId, targetId)),
  showDocument: (evidence) => run("opening the document", () => showDocument(evidence)),
  orgChart: (entityId) => run("drawing the org chart", () => openOrgChart(entityId)),
  startPath: (entityId) => {
    state.pathSource = entityId;
    setStatus(
      `path from ${nameOf(entityId)}: now pick another entity and press "Path from ${nameOf(entityId)}"`,
    );
  },
  pathSource: () => state.pathSource,
  corrected,
};

const graph = new ExplorerGraph($("graph"), {
  node: (entityId) => actions.selectEntity(entityId),
  edge: (relationId) => run("loading", () => showRelation(relationId)),
  expand: (entityId) => actions.expand(entityId),
  background: () => graph.clearHighlight(),
});
window.cy = graph.cy; // for the browser tests, and for looking at the graph from the console

function resultItem(entity) {
  return h(
    "li",
    {},
    h(
      "button",
      { type: "button", "data-id": entity.id, onclick: () => run("opening", () => openEntity(entity.id)) },
      h("span", { class: "name" }, entity.name),
      h("span", {}, typeChip(entity.type)),
      entity.aliases.length ? h("span", { class: "aliases" }, entity.aliases.join("、")) : null,
    ),
  );
}

async function search(q, type) {
  if (!q) throw new Error("type a name or an alias to search for");
  const page = await api.searchEntities(q, type);
  const shown = page.data.length;
  $("result-count").textContent =
    page.count === 0
      ? "No entity has that name or alias."
      : `${page.count} found${shown < page.count ? `; the first ${shown} shown` : ""}`;
  $("results").replaceChildren(...page.data.map(resultItem));
}

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("searching", () => search($("search-input").value.trim(), $("type-filter").value));
});

$("min-confidence").addEventListener("input", (event) => {
  $("min-confidence-value").textContent = Number(event.target.value).toFixed(2);
});
$("min-confidence").addEventListener("change", (event) => {
  state.minConfidence = Number(event.target.value);
  graph.applyMinConfidence(state.minConfidence);
  if (state.refresh) run("filtering", state.refresh);
  if (state.orgChart) actions.orgChart(state.orgChart.root);
});

$("orgchart-depth").addEventListener("change", () => actions.orgChart(state.orgChart.root));
$("orgchart-fit").addEventListener("click", (event) => {
  const fit = $("orgchart-canvas").classList.toggle("fit");
  event.target.setAttribute("aria-pressed", String(fit));
});
$("orgchart-download").addEventListener("click", downloadOrgChart);
$("orgchart-close").addEventListener("click", closeOrgChart);

$("suggestions-button").addEventListener("click", () => run("asking for suggested merges", openSuggestions));

$("fit-graph").addEventListener("click", () => graph.fit());
$("clear-graph").addEventListener("click", () => {
  graph.clear();
  state.refresh = null;
  nextTicket();
  panel.showMessage("Nothing selected.");
  $("graph-hint").hidden = false;
});

/** Fill the header counts, the type filter and the legend; open the entity named in the address. */
async function showStats() {
  const counts = await api.stats();
  const total = (byType) => Object.values(byType).reduce((sum, n) => sum + n, 0);
  const entities = total(counts.entities);
  const relations = total(counts.relations);
  $("stats").textContent = `${counts.documents} documents · ${entities} entities · ${relations} relations`;
  return counts;
}

async function start() {
  const counts = await showStats();
  const types = orderTypes(Object.keys(counts.entities));
  const word = (type) => (typeWord(type) ? ` ${typeWord(type)}` : "");
  $("type-filter").append(
    ...types.map((type) => h("option", { value: type }, `${type}${word(type)} (${counts.entities[type]})`)),
  );
  $("legend").replaceChildren(...types.map((type) => h("li", {}, swatch(type), ` ${type}${word(type)}`)));
  if (counts.documents === 0) {
    $("graph-hint").textContent =
      "The graph is empty: load documents with `parkgraph load`, then reload this page.";
  }
  const linked = location.hash.match(/^#entity=(.+)$/);
  if (linked) await openEntity(decodeURIComponent(linked[1]));
  if (location.hash.startsWith("#org=")) {
    const chart = new URLSearchParams(location.hash.slice(1));
    if (chart.has("depth")) $("orgchart-depth").value = chart.get("depth");
    await openOrgChart(chart.get("org"));
    await showEntity(chart.get("org"));
  }
}

run("loading", start);
