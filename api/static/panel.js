// The details panel: an entity, a relation with its evidence, or the answer to a question.
// Every function replaces the panel's content; `act` holds what its buttons do (see app.js).

import * as api from "./api.js";
import { editSection } from "./curation.js";
import { content, formatConfidence, h, highlighted, typeChip } from "./dom.js";
import { ORGANIZATION_TYPES } from "./types.js";

function render(...children) {
  const panel = document.getElementById("panel");
  panel.replaceChildren(...content(children));
  panel.scrollTop = 0;
}

const nameOf = (entityId) => api.knownEntity(entityId)?.name ?? entityId;

/** The names to mark in a sentence: the entities' names and aliases. */
function namesOf(...entityIds) {
  return entityIds.flatMap((entityId) => {
    const entity = api.knownEntity(entityId);
    return entity ? [entity.name, ...entity.aliases] : [];
  });
}

const entityLink = (entityId, act) =>
  h(
    "button",
    { type: "button", class: "link-button", onclick: () => act.selectEntity(entityId) },
    nameOf(entityId),
  );

const relationType = (relation) => h("span", { class: "relation-type" }, relation.type);

/** `head —TYPE→ tail`, the names opening the entities. */
const relationLine = (relation, act) =>
  h(
    "span",
    {},
    entityLink(relation.head, act),
    " —",
    relationType(relation),
    "→ ",
    entityLink(relation.tail, act),
  );

export function showMessage(text) {
  render(h("p", { class: "muted" }, text));
}

/** Where a sentence stands in a PDF or Word source (第3页, 第12段), when the store knows it. */
const whereLabel = (evidence) => (evidence.where ? h("span", { class: "where" }, evidence.where) : null);

/** One evidence sentence, the two entities marked, with where it comes from and a way to read it in place. */
function evidenceBlock(evidence, relation, act) {
  const origin = h(
    "div",
    { class: "source" },
    `${evidence.source} · `,
    whereLabel(evidence),
    evidence.where ? " · " : null,
    `characters ${evidence.start}–${evidence.end}`,
    ` · confidence ${formatConfidence(evidence.confidence)} · `,
    h(
      "button",
      { type: "button", class: "link-button", onclick: () => act.showDocument(evidence) },
      "read in the document",
    ),
  );
  api
    .documentInfo(evidence.document)
    .then((info) => info.title && origin.prepend(`${info.title} — `))
    .catch(() => {});
  return h(
    "div",
    { class: "evidence" },
    h("blockquote", {}, highlighted(evidence.text, namesOf(relation.head, relation.tail))),
    origin,
  );
}

/** The first evidence sentence shown, the others behind a "more" toggle. */
function evidenceList(relation, act) {
  const [first, ...rest] = relation.evidence;
  if (!first) return h("p", { class: "muted" }, "no evidence sentence");
  const block = (evidence) => evidenceBlock(evidence, relation, act);
  return h(
    "div",
    {},
    block(first),
    rest.length ? h("details", {}, h("summary", {}, `${rest.length} more`), rest.map(block)) : null,
  );
}

function entityActions(entity, act) {
  const button = (label, onclick, primary = false) =>
    h("button", { type: "button", class: primary ? "primary" : null, onclick }, label);
  const buttons = [button("Expand neighbours", () => act.expand(entity.id))];
  if (ORGANIZATION_TYPES.has(entity.type)) {
    buttons.push(
      button("Enterprises under it", () => act.reach("enterprises", entity.id), true),
      button("Hierarchy above it", () => act.reach("hierarchy", entity.id), true),
      button("Subtree below it", () => act.reach("subtree", entity.id)),
    );
  }
  if (ORGANIZATION_TYPES.has(entity.type) || entity.type === "Park") {
    buttons.push(button("组织架构 / Org chart", () => act.orgChart(entity.id)));
  }
  const source = act.pathSource();
  if (source && source !== entity.id) {
    buttons.push(button(`Path from ${nameOf(source)}`, () => act.path(source, entity.id)));
  }
  buttons.push(button("Path from here…", () => act.startPath(entity.id)));
  return h("div", { class: "actions" }, buttons);
}

function documentItem(documentId) {
  const label = h("span", {}, documentId.slice(0, 12));
  api
    .documentInfo(documentId)
    .then((info) => label.replaceChildren(info.title ? `${info.title} (${info.source})` : info.source))
    .catch(() => {});
  return h("li", {}, h("a", { href: api.documentUrl(documentId), target: "_blank", rel: "noopener" }, label));
}

function relationRow(neighbour, act) {
  const { relation, entity, direction } = neighbour;
  return h(
    "li",
    { class: "relation-row" },
    direction === "out" ? "→ " : "← ",
    relation.attributes?.title ? h("span", { class: "title" }, relation.attributes.title) : null,
    h(
      "button",
      { type: "button", class: "link-button", onclick: () => act.openRelation(relation, entity) },
      entity.name,
    ),
    h("span", { class: "meta" }, ` ${formatConfidence(relation.confidence)}`),
  );
}

/** Relations grouped by type; posts show their titles. */
function relationGroups(neighbours, act) {
  const byType = new Map();
  for (const neighbour of neighbours) {
    const type = neighbour.relation.type;
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(neighbour);
  }
  return [...byType].map(([type, rows]) =>
    h(
      "div",
      {},
      h("span", { class: "relation-type" }, type),
      h(
        "ul",
        { class: "plain" },
        rows.map((row) => relationRow(row, act)),
      ),
    ),
  );
}

export function showEntity(entity, neighbours, act) {
  const shown = neighbours.items.length;
  render(
    h("p", {}, [entity.type, ...entity.labels.filter((label) => label !== entity.type)].map(typeChip)),
    h("h2", {}, entity.name),
    h("p", { class: "meta" }, entity.id),
    entityActions(entity, act),
    h("h3", {}, "Aliases"),
    entity.aliases.length ? h("p", {}, entity.aliases.join("、")) : h("p", { class: "muted" }, "none"),
    h("h3", {}, `Documents · ${entity.documents.length}`),
    h("ul", {}, entity.documents.map(documentItem)),
    h("h3", {}, `Relations · ${neighbours.count}`),
    shown < neighbours.count ? h("p", { class: "meta" }, `showing the first ${shown}`) : null,
    shown ? relationGroups(neighbours.items, act) : h("p", { class: "muted" }, "none at this confidence"),
    editSection(entity, act),
  );
}

export function showRelation(relation, act) {
  const attributes = Object.entries(relation.attributes ?? {});
  render(
    h("p", {}, relationType(relation)),
    h("h2", {}, entityLink(relation.head, act), " → ", entityLink(relation.tail, act)),
    attributes.length ? h("p", {}, attributes.map(([key, value]) => `${key}: ${value}`).join(" · ")) : null,
    h("p", { class: "meta" }, `confidence ${formatConfidence(relation.confidence)} · ${relation.id}`),
    h("h3", {}, `Evidence · ${relation.evidence.length}`),
    relation.evidence.map((evidence) => evidenceBlock(evidence, relation, act)),
  );
}

/** The relations of a path; with `lastOpen`, only the last one's evidence shows without a click. */
function steps(relations, act, { lastOpen = false } = {}) {
  return relations.map((relation, index) => {
    const open = !lastOpen || index === relations.length - 1;
    return h(
      "div",
      { class: "step" },
      relationLine(relation, act),
      h("span", { class: "meta" }, ` ${formatConfidence(relation.confidence)}`),
      open
        ? evidenceList(relation, act)
        : h("details", {}, h("summary", {}, "evidence"), evidenceList(relation, act)),
    );
  });
}

const QUESTIONS = {
  enterprises: "Enterprises under",
  hierarchy: "Hierarchy above",
  subtree: "Subtree below",
};

/** The answer to a reach question: each entity found, and the relations walked to it with evidence. */
export function showReach(kind, startId, result, minConfidence, act) {
  const items = result.items.map((found) =>
    h(
      "li",
      { class: "reach-item" },
      typeChip(found.entity.type),
      " ",
      entityLink(found.entity.id, act),
      h("span", { class: "meta" }, ` · ${found.depth} step${found.depth === 1 ? "" : "s"}`),
      steps(found.path, act, { lastOpen: true }),
    ),
  );
  render(
    h("h2", {}, `${QUESTIONS[kind]} `, entityLink(startId, act)),
    h(
      "p",
      { class: "meta" },
      `${result.count} found`,
      minConfidence > 0 ? `, walking relations of confidence ${formatConfidence(minConfidence)} or more` : "",
      result.items.length < result.count ? `; the first ${result.items.length} shown` : "",
    ),
    items.length ? h("ol", { class: "plain reach-list" }, items) : h("p", { class: "muted" }, "None found."),
  );
}

export function showPath(sourceId, targetId, path, act) {
  render(
    h("h2", {}, "Path ", entityLink(sourceId, act), " → ", entityLink(targetId, act)),
    path
      ? [h("p", { class: "meta" }, `${path.relations.length} relations`), steps(path.relations, act)]
      : h(
          "p",
          { class: "muted" },
          `Not connected within ${api.MAX_PATH_LENGTH} relations at this confidence.`,
        ),
  );
}

/** A document's text with one evidence sentence marked and scrolled to; "back" restores the panel. */
export function showDocument(contents, evidence) {
  const panel = document.getElementById("panel");
  const previous = [...panel.childNodes];
  const scrolled = panel.scrollTop;
  const back = () => {
    render(previous);
    panel.scrollTop = scrolled;
  };
  const { document: info, text } = contents;
  const mark =
    typeof text !== "string"
      ? null
      : h("mark", { class: "evidence-here" }, text.slice(evidence.start, evidence.end));
  render(
    h("button", { type: "button", class: "link-button", onclick: back }, "← back"),
    h("h2", {}, info.title || info.source),
    h(
      "p",
      { class: "meta" },
      `${info.source} · the sentence is `,
      evidence.where ? ["on ", whereLabel(evidence), ", "] : null,
      `characters ${evidence.start}–${evidence.end} · `,
      h("a", { href: api.documentUrl(info.id), target: "_blank", rel: "noopener" }, "document record"),
    ),
    mark
      ? h("div", { class: "document-text" }, text.slice(0, evidence.start), mark, text.slice(evidence.end))
      : h("p", { class: "muted" }, "The store keeps no text for this document."),
  );
  mark?.scrollIntoView({ block: "center" });
}
