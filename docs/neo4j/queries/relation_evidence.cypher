// The evidence of a relation: each sentence that supports it, with its document and offsets.
//
// Evidence nodes are keyed by relation id and point to their Document with FROM; `start` and
// `end` index the document's normalized `text`. Sentences come in load order.
//
// Neo4j Browser: turn on the multi-statement editor, set the parameters, run all statements.

:param head => '示例工业园区第一联合党支部';
:param type => 'COVERS';
:param tail => '甲乙科技有限公司';

MATCH (h:Entity {name: $head})-[r]->(t:Entity {name: $tail})
WHERE type(r) = $type
MATCH (evidence:Evidence {relation: r.id})-[:FROM]->(document:Document)
RETURN r.id AS relation,
       evidence.text AS sentence,
       evidence.start AS start,
       evidence.end AS end,
       evidence.confidence AS confidence,
       document.source AS source,
       document.title AS title
ORDER BY document.loaded_order, evidence.ordinal;
