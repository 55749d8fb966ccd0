// The graph canvas: Cytoscape.js (vendored, loaded by index.html as the global `cytoscape`).
// Nodes are entities coloured by type and labelled with their Chinese names; edges are relations.

import { typeColour } from "./types.js";

const FONT = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      label: "data(label)",
      "font-family": FONT,
      "font-size": 12,
      color: "#1f2933",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": 120,
      "text-overflow-wrap": "anywhere",
      "text-outline-color": "#f4f6f8",
      "text-outline-width": 2,
      width: 22,
      height: 22,
    },
  },
  { selector: "node.anchor", style: { width: 34, height: 34, "font-size": 13, "font-weight": 600 } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#1f2933" } },
  {
    selector: "edge",
    style: {
      width: "mapData(confidence, 0, 1, 1, 4)",
      "line-color": "#a9b4bf",
      "target-arrow-color": "#a9b4bf",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(label)",
      "font-family": FONT,
      "font-size": 9,
      "min-zoomed-font-size": 7,
      color: "#66727f",
      "text-rotation": "autorotate",
      "text-background-color": "#f4f6f8",
      "text-background-opacity": 0.85,
      "text-background-padding": 1,
    },
  },
  {
    selector: "edge:selected",
    style: { "line-color": "#1f2933", "target-arrow-color": "#1f2933", color: "#1f2933" },
  },
  { selector: "node.hit", style: { "border-width": 4, "border-color": "#f2b705" } },
  { selector: "edge.route", style: { "line-color": "#e0a800", "target-arrow-color": "#e0a800", width: 4 } },
  { selector: ".faded", style: { opacity: 0.18 } },
  { selector: ".below", style: { display: "none" } },
];

const edgeLabel = (relation) =>
  relation.attributes?.title ? `${relation.type} · ${relation.attributes.title}` : relation.type;

export class ExplorerGraph {
  /** `on` holds the callbacks: node(id), edge(id), expand(id), background(). */
  constructor(container, on) {
    this.minConfidence = 0;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
    });
    this.cy.on("tap", "node", (event) => on.node(event.target.id()));
    this.cy.on("tap", "edge", (event) => on.edge(event.target.id()));
    this.cy.on("dbltap", "node", (event) => on.expand(event.target.id()));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) on.background();
    });
  }

  get isEmpty() {
    return this.cy.nodes().empty();
  }

  has(id) {
    return this.cy.getElementById(id).nonempty();
  }

  /** Add an entity unless it is there; a new one starts beside `nearId` so the layout moves it little. */
  addEntity(entity, { anchor = false, nearId = null } = {}) {
    const existing = this.cy.getElementById(entity.id);
    if (existing.nonempty()) {
      if (anchor) existing.addClass("anchor");
      return false;
    }
    const near = nearId ? this.cy.getElementById(nearId) : null;
    const position = near?.nonempty()
      ? {
          x: near.position("x") + (Math.random() - 0.5) * 80,
          y: near.position("y") + (Math.random() - 0.5) * 80,
        }
      : undefined;
    this.cy.add({
      group: "nodes",
      data: { id: entity.id, label: entity.name, type: entity.type, colour: typeColour(entity.type) },
      classes: anchor ? "anchor" : "",
      position,
    });
    return true;
  }

  /** Add a relation whose two entities are in the graph; returns whether it was new. */
  addRelation(relation) {
    if (this.has(relation.id) || !this.has(relation.head) || !this.has(relation.tail)) return false;
    this.cy.add({
      group: "edges",
      data: {
        id: relation.id,
        source: relation.head,
        target: relation.tail,
        type: relation.type,
        label: edgeLabel(relation),
        confidence: relation.confidence,
      },
    });
    return true;
  }

  /** Lay the graph out again; `fresh` starts from random places, otherwise from where nodes are. */
  layout(fresh = false) {
    this.applyMinConfidence(this.minConfidence);
    this.cy
      .layout({
        name: "cose",
        animate: false,
        randomize: fresh,
        fit: true,
        padding: 40,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 60000,
        gravity: 0.4,
        componentSpacing: 60,
      })
      .run();
  }

  /** Hide relations below `min`, and entities left with none shown (opened entities stay). */
  applyMinConfidence(min) {
    this.minConfidence = min;
    this.cy.batch(() => {
      this.cy.edges().forEach((edge) => edge.toggleClass("below", edge.data("confidence") < min));
      this.cy.nodes().forEach((node) => {
        const edges = node.connectedEdges();
        const stranded = edges.nonempty() && edges.every((edge) => edge.hasClass("below"));
        node.toggleClass("below", stranded && !node.hasClass("anchor"));
      });
    });
  }

  select(id) {
    this.cy.elements(":selected").unselect();
    const element = this.cy.getElementById(id);
    element.select();
    return element;
  }

  /** Mark `hitIds` as the answer, `routeIds` (relations) as the way to it, and fade the rest. */
  highlight(hitIds, routeIds, keepIds = []) {
    const pick = (ids) =>
      this.cy.collection(ids.map((id) => this.cy.getElementById(id)).filter((e) => e.nonempty()));
    const hits = pick(hitIds);
    const routes = pick(routeIds);
    const kept = hits.union(routes).union(routes.connectedNodes()).union(pick(keepIds));
    this.cy.batch(() => {
      this.clearHighlight();
      hits.addClass("hit");
      routes.addClass("route");
      this.cy.elements().difference(kept).addClass("faded");
    });
  }

  clearHighlight() {
    this.cy.elements().removeClass("hit route faded");
  }

  fit() {
    this.cy.fit(undefined, 40);
  }

  clear() {
    this.cy.elements().remove();
  }
}
