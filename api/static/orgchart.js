// The org-chart view: an organization's units drawn top-down as a tidy tree of boxes, with the enterprises
// each unit takes in stacked beneath it. Plain SVG with inline attributes (no style sheet), so the drawing
// downloads as a standalone .svg file whose names stay text.

import { typeColour, typeWord } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const FONT =
  'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
const UNIT = { width: 172, height: 58 };
const ENTERPRISE = { width: 160, height: 52 };
const LINE_EMS = 11; // a name line holds this many Chinese characters (narrower ones count less)
const GAP_X = 20; // between neighbouring subtrees
const GAP_Y = 44; // between a unit and the level below
const STACK = { indent: 16, gap: 8, more: 20 }; // enterprises hang off a spine at the stack's left
const MARGIN = 24;
const HEADER = 34; // the title line above the chart
const INK = "#1f2933";
const MUTED = "#66727f";
const LINE = "#8a96a3";
const TAKES_IN = "COVERS / PARTY_ORG_OF";

function el(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** Width of `text` in em: Chinese characters are one em, Latin letters and digits about half. */
const ems = (text) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e7f ? 1 : 0.55), 0);

/** The longest start of `chars` that fits in `width` em. */
function fitting(chars, width) {
  let used = 0;
  let count = 0;
  while (count < chars.length && used + ems(chars[count]) <= width) used += ems(chars[count++]);
  return count;
}

/** A name on at most two lines of `width` em, split evenly; a longer one keeps its start (the place) and
 *  its end (the kind of unit): 内蒙古通辽经济技术开发区非公有制企业第一联合党支部 reads
 *  内蒙古通辽经济技术开发 / …制企业第一联合党支部. */
function nameLines(name, width = LINE_EMS) {
  const chars = [...name];
  if (ems(name) <= width) return [name];
  if (ems(name) <= 2 * width) {
    let first = fitting(chars, ems(name) / 2);
    if (ems(chars.slice(first).join("")) > width) first += 1;
    return [chars.slice(0, first).join(""), chars.slice(first).join("")];
  }
  const first = fitting(chars, width);
  const tail = fitting(chars.slice(first).reverse(), width - 1);
  return [chars.slice(0, first).join(""), `…${chars.slice(chars.length - tail).join("")}`];
}

const typeLabel = (type) => (typeWord(type) ? `${type} ${typeWord(type)}` : type);

/** The chart as a tree of layout nodes: each unit's children are its enterprise stack, then its units. */
function tree(chart) {
  const nodes = new Map(chart.units.map((unit) => [unit.entity.id, { unit, children: [] }]));
  for (const node of nodes.values()) {
    const { enterprises, enterprise_count: count } = node.unit;
    if (enterprises.length) {
      const more = count - enterprises.length;
      node.children.push({ stack: enterprises, more, parent: node.unit.entity.id });
    }
  }
  for (const unit of chart.units.slice(1)) nodes.get(unit.parent).children.push(nodes.get(unit.entity.id));
  return nodes.get(chart.root);
}

function measure(node) {
  if (node.stack) {
    node.width = STACK.indent + ENTERPRISE.width;
    return node.width;
  }
  const below = node.children.reduce((sum, child) => sum + measure(child), 0);
  node.width = Math.max(UNIT.width, below + GAP_X * Math.max(0, node.children.length - 1));
  return node.width;
}

/** Boxes and connectors at their places, each subtree in a column of its own width under its parent. */
function place(node, left, top, drawn) {
  if (node.stack) {
    const spine = left + STACK.indent / 2;
    node.stack.forEach((taken, index) => {
      const y = top + index * (ENTERPRISE.height + STACK.gap);
      const x = left + STACK.indent;
      drawn.boxes.push({ entity: taken.entity, x, y, size: ENTERPRISE, parent: node.parent });
      drawn.lines.push({ d: `M${spine},${y + ENTERPRISE.height / 2}H${x}`, via: taken.type });
    });
    const last = top + (node.stack.length - 1) * (ENTERPRISE.height + STACK.gap) + ENTERPRISE.height / 2;
    drawn.lines.push({ d: `M${spine},${top}V${last}`, via: TAKES_IN });
    if (node.more > 0) {
      const y = last + ENTERPRISE.height / 2 + 16;
      drawn.notes.push({ x: left + STACK.indent, y, text: `+${node.more} more` });
    }
    return { centre: left + node.width / 2, attach: spine };
  }
  const childTop = top + UNIT.height + GAP_Y;
  const used =
    node.children.reduce((sum, child) => sum + child.width, 0) + GAP_X * (node.children.length - 1);
  let childLeft = left + (node.width - used) / 2;
  const placed = node.children.map((child) => {
    const at = place(child, childLeft, childTop, drawn);
    childLeft += child.width + GAP_X;
    return { ...at, via: child.unit?.type ?? TAKES_IN };
  });
  const centre = placed.length ? (placed[0].centre + placed.at(-1).centre) / 2 : left + node.width / 2;
  const elbow = top + UNIT.height + GAP_Y / 2;
  for (const child of placed) {
    const d = `M${centre},${top + UNIT.height}V${elbow}H${child.attach}V${childTop}`;
    drawn.lines.push({ d, via: child.via });
  }
  const { entity, parent } = node.unit;
  drawn.boxes.push({ entity, x: centre - UNIT.width / 2, y: top, size: UNIT, parent });
  return { centre, attach: centre };
}

function box({ entity, x, y, size, parent }, root, select) {
  const colour = typeColour(entity.type);
  const lines = nameLines(entity.name, entity.type === "Enterprise" ? LINE_EMS - 1 : LINE_EMS);
  const nameTop = size.height / 2 - (lines.length * 16 + 14) / 2 + 13;
  const group = el(
    "g",
    {
      class: "org-box",
      "data-id": entity.id,
      "data-parent": parent ?? null,
      transform: `translate(${x},${y})`,
      role: "button",
      tabindex: "0",
      cursor: "pointer",
    },
    el("title", {}, `${entity.name}\n${typeLabel(entity.type)}`),
    el("rect", {
      width: size.width,
      height: size.height,
      rx: 5,
      fill: "#ffffff",
      stroke: colour,
      "stroke-width": root ? 2.5 : 1.2,
    }),
    el("rect", { width: 5, height: size.height, rx: 2, fill: colour }),
    el(
      "text",
      { class: "org-name", x: 13, y: nameTop, "font-size": 13, "font-weight": root ? 700 : 600, fill: INK },
      ...lines.map((line, index) => el("tspan", { x: 13, dy: index ? 16 : 0 }, line)),
    ),
    el(
      "text",
      { x: 13, y: nameTop + lines.length * 16, "font-size": 10.5, fill: colour },
      typeLabel(entity.type),
    ),
  );
  group.addEventListener("click", () => select(entity.id));
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(entity.id);
    }
  });
  return group;
}

/** The chart as an <svg>: solid lines for SUBORDINATE_TO and PART_OF, dashed for COVERS. Clicking a box
 *  (or Enter on it) calls `select(entity id)`. */
export function drawOrgChart(chart, select) {
  const top = tree(chart);
  measure(top);
  const drawn = { boxes: [], lines: [], notes: [] };
  place(top, MARGIN, MARGIN + HEADER, drawn);
  const width = top.width + 2 * MARGIN;
  const bottoms = [...drawn.boxes.map((b) => b.y + b.size.height), ...drawn.notes.map((note) => note.y)];
  const height = Math.max(...bottoms) + MARGIN;
  const rootName = top.unit.entity.name;
  return el(
    "svg",
    {
      xmlns: SVG,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": FONT,
      role: "img",
      "aria-label": `${rootName} 组织架构`,
    },
    el("title", {}, `${rootName} 组织架构 · org chart`),
    el("rect", { width, height, fill: "#f8f9fa" }),
    el(
      "text",
      { x: MARGIN, y: MARGIN + 14, "font-size": 15, "font-weight": 700, fill: INK },
      `${rootName} 组织架构`,
    ),
    el(
      "g",
      { fill: "none", stroke: LINE, "stroke-width": 1.3 },
      ...drawn.lines.map((line) =>
        el(
          "path",
          { d: line.d, "stroke-dasharray": line.via === "COVERS" ? "5 3" : null },
          el("title", {}, line.via),
        ),
      ),
    ),
    ...drawn.boxes.map((b) => box(b, b.entity.id === chart.root, select)),
    ...drawn.notes.map(({ x, y, text }) => el("text", { x, y, "font-size": 11, fill: MUTED }, text)),
  );
}

/** A standalone SVG file of a drawn chart: the same drawing, without what only the page uses. */
export function svgFile(svg) {
  const copy = svg.cloneNode(true);
  for (const group of copy.querySelectorAll(".org-box")) {
    for (const name of ["role", "tabindex", "cursor"]) group.removeAttribute(name);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
