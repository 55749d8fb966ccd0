// How each entity type of SCHEMA.md looks: a colour for nodes, chips and the legend, and its Chinese word.

const TYPES = {
  Committee: { colour: "#b3261e", zh: "党委" },
  Branch: { colour: "#e8756b", zh: "党支部" },
  Park: { colour: "#2e8b57", zh: "园区" },
  Enterprise: { colour: "#1d6fd1", zh: "企业" },
  Organization: { colour: "#0f9aa8", zh: "组织" },
  Region: { colour: "#7b8794", zh: "地区" },
  Person: { colour: "#d98200", zh: "人物" },
  Practice: { colour: "#7e4bb5", zh: "做法" },
};

// Types the ontology may add later still get a colour of their own.
const SPARE_COLOURS = ["#8d6e63", "#5c6bc0", "#9e9d24", "#00897b"];
const spare = new Map();

/** The organization types that the reach questions (enterprises, hierarchy, subtree) are about. */
export const ORGANIZATION_TYPES = new Set(["Committee", "Branch", "Organization"]);

export function typeColour(type) {
  if (TYPES[type]) return TYPES[type].colour;
  if (!spare.has(type)) spare.set(type, SPARE_COLOURS[spare.size % SPARE_COLOURS.length]);
  return spare.get(type);
}

export const typeWord = (type) => TYPES[type]?.zh ?? "";

/** `types` in the schema's order, unknown ones after. */
export function orderTypes(types) {
  const known = Object.keys(TYPES);
  const rank = (type) => (known.includes(type) ? known.indexOf(type) : known.length);
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
