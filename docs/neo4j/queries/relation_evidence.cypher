// The evidence of a relation: each sentence that supports it, with its document and offsets.
//
// Neo4j Browser: run the three :param lines first, then this statement.
// :param head => '湘江科创园联合党支部'
// :param type => 'COVERS'
// :param tail => '纳微科技'
//
// `head` and `tail` are parts of names or aliases (two characters or more, simplified, no spaces),
// found through the full-text index `entity_search`; `type` is a relation type of the ontology.
// Evidence nodes are keyed by relation id and point to their Document with FROM; `start` and `end`
// index the document's normalized `text`. Sentences come in load order.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $head + '"') YIELD node AS h
WHERE h.search CONTAINS $head
MATCH (h)-[r]->(t:Entity)
WHERE type(r) = $type AND t.search CONTAINS $tail
MATCH (evidence:Evidence {relation: r.id})-[:FROM]->(document:Document)
RETURN h.name AS head,
       type(r) AS type,
       t.name AS tail,
       evidence.text AS sentence,
       evidence.start AS start,
       evidence.end AS end,
       document.source AS source,
       r.id AS relation
ORDER BY head, tail, document.loaded_order, evidence.ordinal;
