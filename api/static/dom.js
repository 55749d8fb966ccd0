// Building the page's elements. Text from the graph always goes in as text nodes, never as HTML.

import { typeColour, typeWord } from "./types.js";

/** `h("a", {href, onclick}, "text", child)`: an element with attributes, listeners and children. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...content(children));
  return element;
}

/** Children as given to `h`: nested lists flattened, and null, undefined and false left out. */
export const content = (children) =>
  children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false);

/** A coloured label naming an entity type, with its Chinese word. */
export function typeChip(type) {
  const word = typeWord(type);
  return h(
    "span",
    { class: "chip", style: `--type-colour: ${typeColour(type)}` },
    word ? `${type} ${word}` : type,
  );
}

export const swatch = (type) => h("span", { class: "swatch", style: `--type-colour: ${typeColour(type)}` });

/** `text` with every occurrence of any of `names` wrapped in <mark>. */
export function highlighted(text, names) {
  const spans = [];
  for (const name of names.filter(Boolean)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1))
      spans.push([at, at + name.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts = [];
  let done = 0;
  for (const [start, end] of spans) {
    if (end <= done) continue;
    const from = Math.max(start, done);
    parts.push(text.slice(done, from), h("mark", {}, text.slice(from, end)));
    done = end;
  }
  parts.push(text.slice(done));
  return parts.filter((part) => part !== "");
}

export const formatConfidence = (confidence) => confidence.toFixed(2);
