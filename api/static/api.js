// The JSON API under /api: one function per question the explorer asks.
// Paths are relative to the page, so the explorer also works when the API is served under a prefix.

const PAGE_SIZE = 200; // the API's largest page
const MOST_ITEMS = 1000; // a neighbourhood or reach larger than this is cut, and the caller says so
export const MAX_PATH_LENGTH = 6;

const entities = new Map(); // id -> Promise of the entity
const known = new Map(); // id -> entity, for names wherever an entity has been seen
const documents = new Map();

/** Fetch JSON; a failure throws an Error carrying the problem document's `detail`. */
async function getJson(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error("the API does not answer; is the server still running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

/** Every item of a paged list (up to MOST_ITEMS), with the list's full length. */
async function allPages(path, params) {
  const items = [];
  let count = 0;
  do {
    const page = await getJson(path, { ...params, limit: PAGE_SIZE, offset: items.length });
    items.push(...page.data);
    count = page.count;
    if (page.data.length === 0) break;
  } while (items.length < count && items.length < MOST_ITEMS);
  return { items, count };
}

const id = (value) => encodeURIComponent(value);

export const stats = () => getJson("api/stats");

function remember(entity) {
  known.set(entity.id, entity);
  entities.set(entity.id, Promise.resolve(entity));
  return entity;
}

/** An entity already fetched, or undefined. */
export const knownEntity = (entityId) => known.get(entityId);

export async function searchEntities(q, type) {
  const page = await getJson("api/entities", { q, type, limit: 50 });
  page.data.forEach(remember);
  return page;
}

/** One entity; each is asked for once. */
export function entity(entityId) {
  if (!entities.has(entityId)) {
    const request = getJson(`api/entities/${id(entityId)}`).then(remember);
    request.catch(() => entities.delete(entityId));
    entities.set(entityId, request);
  }
  return entities.get(entityId);
}

export async function neighbours(entityId, minConfidence) {
  const result = await allPages(`api/entities/${id(entityId)}/neighbours`, { min_confidence: minConfidence });
  result.items.forEach((neighbour) => remember(neighbour.entity));
  return result;
}

/** `kind` is "enterprises", "hierarchy" or "subtree": the organization reach queries. */
export async function reach(kind, organizationId, minConfidence) {
  const result = await allPages(`api/organizations/${id(organizationId)}/${kind}`, {
    min_confidence: minConfidence,
  });
  result.items.forEach((found) => remember(found.entity));
  return result;
}

/** The units below an entity as a tree (top first, each after its parent), the enterprises under each. */
export async function orgChart(entityId, depth, minConfidence) {
  const params = { depth, min_confidence: minConfidence };
  const chart = await getJson(`api/entities/${id(entityId)}/orgchart`, params);
  for (const unit of chart.units) {
    remember(unit.entity);
    unit.enterprises.forEach((taken) => remember(taken.entity));
  }
  return chart;
}

export const relation = (relationId) => getJson(`api/relations/${id(relationId)}`);

export async function shortestPath(source, target, minConfidence) {
  const { path } = await getJson("api/paths", {
    source,
    target,
    max_length: MAX_PATH_LENGTH,
    min_confidence: minConfidence,
  });
  path?.entities.forEach(remember);
  return path;
}

/** A document's source file name and title; each is asked for once. */
export function documentInfo(documentId) {
  if (!documents.has(documentId)) {
    const request = getJson(`api/documents/${id(documentId)}`);
    request.catch(() => documents.delete(documentId));
    documents.set(documentId, request);
  }
  return documents.get(documentId);
}

/** A document's normalized text (which evidence offsets index), with what was extracted from it. */
export const documentContents = (documentId) => getJson(`api/documents/${id(documentId)}/facts`);

/** Where a person can read a document's record (opened in a new tab). */
export const documentUrl = (documentId) => new URL(`api/documents/${id(documentId)}`, document.baseURI).href;

/** Forget every entity fetched: after a correction, names, aliases and ids may have changed. */
export function forgetEntities() {
  entities.clear();
  known.clear();
}

/** Likely duplicates, best first: `[{keep, other, score, evidence}]`. */
export async function suggestedMerges() {
  const suggestions = await getJson("api/corrections/suggestions", { limit: 50 });
  suggestions.forEach(({ keep, other }) => [keep, other].forEach(remember));
  return suggestions;
}

/** POST `body` with the API token (to this API only); the answer, or an Error with the problem's detail. */
async function postWithToken(path, body, token) {
  let response;
  try {
    response = await fetch(new URL(path, document.baseURI), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error("the API does not answer; is the server still running?");
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(answer?.detail ?? `${response.status} ${response.statusText}`);
  forgetEntities();
  return answer;
}

/** Make a correction (`{kind, entity, other, name, note}`): `{correction, stale}` as recorded. */
export const correct = (correction, token) => postWithToken("api/corrections", correction, token);

/** Undo correction `seq`: the graph is rebuilt as if it had never been made. */
export const undoCorrection = (seq, token) => postWithToken(`api/corrections/${id(seq)}/undo`, {}, token);
