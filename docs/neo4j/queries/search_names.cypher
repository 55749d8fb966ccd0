// Find entities by name or alias through the CJK full-text index `entity_search`.
//
// The index holds each entity's names in search form: simplified characters, lower case, no
// spaces. Quote the text to match it as a phrase; the index splits Chinese into character pairs,
// so give at least two characters. `parkgraph query search TEXT` also accepts traditional forms.
//
// Neo4j Browser: turn on the multi-statement editor, set the parameter, run both statements.

:param text => '"联合党支部"';

CALL db.index.fulltext.queryNodes('entity_search', $text) YIELD node, score
RETURN node.name AS name, node.type AS type, node.aliases AS aliases, score
ORDER BY score DESC, name;
