// Correcting the graph from the explorer: the API token for this browser session, the Edit part of an
// entity's panel (rename, delete, merge into another) and the suggested-merges list.
// Every correction is a POST to /api/corrections; a refusal is shown in the panel as the server words it.

import * as api from "./api.js";
import { formatConfidence, h, typeChip } from "./dom.js";

const TOKEN_KEY = "parkgraph.apiToken";

/** The API token entered in this browser session, or "" (sessionStorage: gone when the tab closes). */
export const token = () => sessionStorage.getItem(TOKEN_KEY) ?? "";

function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

const problemLine = () => h("p", { class: "problem", role: "alert", hidden: true });

function showProblem(line, error) {
  line.textContent = error.message;
  line.hidden = false;
}

/** Where the token is entered once per session, or a note that it is set, with a way to forget it. */
function tokenPart(redraw) {
  if (token()) {
    return h(
      "p",
      { class: "meta token-set" },
      "API token set for this session · ",
      h(
        "button",
        {
          type: "button",
          class: "link-button forget-token",
          onclick: () => {
            setToken("");
            redraw();
          },
        },
        "forget it",
      ),
    );
  }
  const input = h("input", {
    type: "password",
    name: "token",
    class: "token-input",
    autocomplete: "off",
    required: true,
    "aria-label": "API token",
  });
  return h(
    "form",
    {
      class: "token-form",
      onsubmit: (event) => {
        event.preventDefault();
        setToken(input.value.trim());
        redraw();
      },
    },
    h(
      "p",
      { class: "muted" },
      "Corrections need the API token (the server's PARKGRAPH_API_TOKEN). " +
        "It is kept for this browser session only and sent to this API only.",
    ),
    h("label", {}, "API token ", input),
    " ",
    h("button", { type: "submit" }, "Use token"),
  );
}

/** Post a correction (or `send` it otherwise); on success `then(recorded)`, on a refusal the
 * server's detail in `line`. */
async function post(correction, line, then, send = () => api.correct(correction, token())) {
  line.hidden = true;
  try {
    const recorded = await send();
    await then(recorded);
  } catch (error) {
    showProblem(line, error);
  }
}

/** The Edit part of an entity's panel: the token, then Rename, Merge into… and Delete, each with a note. */
export function editSection(entity, act) {
  const section = h("section", { class: "edit", "aria-label": "Edit" });
  const draw = () => section.replaceChildren(...editContent(entity, act, draw));
  draw();
  return section;
}

function editContent(entity, act, redraw) {
  const heading = h("h3", {}, "Edit");
  if (!token()) return [heading, tokenPart(redraw)];
  const line = problemLine();
  const note = h("input", { type: "text", class: "correction-note", placeholder: "why (optional)" });
  const step = h("div", { class: "edit-step" });
  const send = (correction, showId) =>
    post({ ...correction, note: note.value.trim() }, line, (recorded) =>
      act.corrected(recorded, showId, { what: entity.name }),
    );
  const cancel = h("button", { type: "button", onclick: () => step.replaceChildren() }, "Cancel");

  const rename = () => {
    const name = h("input", { type: "text", class: "new-name", value: entity.name, "aria-label": "new name" });
    step.replaceChildren(
      h(
        "form",
        {
          class: "rename-form",
          onsubmit: (event) => {
            event.preventDefault();
            send({ kind: "rename", entity: entity.id, name: name.value.trim() }, entity.id);
          },
        },
        h("label", {}, "New name ", name),
        " ",
        h("button", { type: "submit", class: "primary" }, "Rename"),
        " ",
        cancel,
      ),
    );
    name.focus();
  };

  const remove = () =>
    step.replaceChildren(
      h(
        "p",
        { class: "confirm-delete" },
        "Delete ",
        h("strong", {}, entity.name),
        " and its relations? ",
        h(
          "button",
          {
            type: "button",
            class: "danger confirm",
            onclick: () => send({ kind: "delete", entity: entity.id }, null),
          },
          "Delete",
        ),
        " ",
        cancel,
      ),
    );

  const merge = () => {
    const query = h("input", {
      type: "search",
      class: "merge-query",
      placeholder: "name of the entity to keep",
      "aria-label": "entity to keep",
      required: true,
    });
    const found = h("ul", { class: "plain merge-candidates" });
    const pick = (kept) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "link-button merge-into",
            "data-id": kept.id,
            onclick: () => send({ kind: "merge", entity: kept.id, other: entity.id }, kept.id),
          },
          kept.name,
        ),
        " ",
        typeChip(kept.type),
      );
    step.replaceChildren(
      h(
        "form",
        {
          class: "merge-form",
          onsubmit: async (event) => {
            event.preventDefault();
            line.hidden = true;
            try {
              const page = await api.searchEntities(query.value.trim(), entity.type);
              const others = page.data.filter((candidate) => candidate.id !== entity.id);
              found.replaceChildren(
                ...(others.length
                  ? others.map(pick)
                  : [h("li", { class: "muted" }, `No other ${entity.type} has that name or alias.`)]),
              );
            } catch (error) {
              showProblem(line, error);
            }
          },
        },
        h("p", { class: "muted" }, `Merge ${entity.name} into the entity to keep (its aliases and relations move there):`),
        query,
        " ",
        h("button", { type: "submit" }, "Find"),
        " ",
        cancel,
      ),
      found,
    );
    query.focus();
  };

  const button = (label, onclick, name) => h("button", { type: "button", class: name, onclick }, label);
  return [
    heading,
    tokenPart(redraw),
    h("label", { class: "note-label" }, "Note ", note),
    h(
      "div",
      { class: "actions" },
      button("Rename…", rename, "rename"),
      button("Merge into…", merge, "merge"),
      button("Delete…", remove, "delete"),
    ),
    step,
    line,
  ];
}

/** The suggested merges in the panel, each with its evidence and Accept / Reject; redrawn after each. */
export async function showSuggestions(act, isCurrent = () => true) {
  const suggestions = await api.suggestedMerges();
  if (!isCurrent()) return;
  const panel = document.getElementById("panel");
  const line = problemLine();
  const redraw = () => showSuggestions(act, isCurrent);
  const entityButton = (entity) =>
    h(
      "button",
      { type: "button", class: "link-button", onclick: () => act.selectEntity(entity.id) },
      entity.name,
    );
  const row = ({ keep, other, score, evidence }) => {
    const note = h("input", { type: "text", class: "correction-note", placeholder: "why (optional)" });
    const decide = (kind) =>
      post({ kind, entity: keep.id, other: other.id, note: note.value.trim() }, line, async (recorded) => {
        await act.corrected(recorded, null, { keepPanel: true });
        await redraw();
      });
    return h(
      "li",
      { class: "suggestion", "data-keep": keep.id, "data-other": other.id },
      h(
        "div",
        {},
        typeChip(keep.type),
        " keep ",
        entityButton(keep),
        " ← merge ",
        entityButton(other),
      ),
      h("p", { class: "meta" }, `score ${formatConfidence(score)}`),
      h(
        "ul",
        { class: "evidence-list" },
        evidence.map((reason) => h("li", {}, reason)),
      ),
      token()
        ? h(
            "div",
            { class: "actions" },
            note,
            h("button", { type: "button", class: "primary accept", onclick: () => decide("merge") }, "Accept"),
            h("button", { type: "button", class: "reject", onclick: () => decide("reject") }, "Reject"),
          )
        : null,
    );
  };
  panel.replaceChildren(
    h("h2", {}, "Suggested merges"),
    h(
      "p",
      { class: "meta" },
      "Likely duplicates, best first. Accept merges the second into the first (kept); " +
        "Reject remembers that they are two.",
    ),
    tokenPart(redraw),
    line,
    suggestions.length
      ? h("ol", { class: "plain suggestions" }, suggestions.map(row))
      : h("p", { class: "muted no-suggestions" }, "No merge to suggest."),
  );
  panel.scrollTop = 0;
}

/** The panel after a correction that took its entity away: what was done, and a way to undo it. */
export function showCorrected(made, what, act) {
  const line = problemLine();
  const undo = () =>
    post({}, line, () => {}, async () => {
      const recorded = await api.undoCorrection(made.seq, token());
      await act.corrected(recorded, made.entity);
    });
  document
    .getElementById("panel")
    .replaceChildren(
      h("h2", {}, `Correction ${made.seq}`),
      h("p", { class: "done" }, `Correction ${made.seq} made: ${made.kind} `, h("strong", {}, what), "."),
      made.note ? h("p", { class: "meta" }, `note: ${made.note}`) : null,
      h("div", { class: "actions" }, h("button", { type: "button", class: "undo", onclick: undo }, "Undo")),
      line,
    );
}
