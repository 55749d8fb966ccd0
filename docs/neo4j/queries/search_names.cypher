// Find entities by part of a name or alias through the CJK full-text index `entity_search`.
//
// Neo4j Browser: run the :param line first, then this statement.
// :param text => '联合党'
//
// The index holds each entity's names in search form: simplified characters, lower case, no
// spaces; it splits Chinese into character pairs, so give at least two characters. The phrase
// query finds names holding those pairs in a row, and CONTAINS keeps those that hold `text` itself.
// `display` is the short name Browser captions show. `parkgraph query search TEXT` also accepts
// traditional forms.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $text + '"') YIELD node, score
WHERE node.search CONTAINS $text
RETURN node.name AS name, node.display AS display, node.type AS type, node.aliases AS aliases, score
ORDER BY score DESC, name;
