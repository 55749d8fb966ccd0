// A committee's or branch's hierarchy: every organization above it, nearest first.
//
// Neo4j Browser: run the :param line first, then this statement.
// :param organization => '工业集中区党委'
//
// `organization` is part of a name or alias (two characters or more, simplified, no spaces), found
// through the full-text index `entity_search`; every organization it matches gets its own rows.
// Follows SUBORDINATE_TO and PART_OF upward at any depth; `depth` counts the relations of the
// shortest chain. `parkgraph query hierarchy NAME` lists the same.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $organization + '"') YIELD node AS org
WHERE org.search CONTAINS $organization
MATCH chain = (org)-[:SUBORDINATE_TO|PART_OF*1..]->(above:Entity)
RETURN org.name AS organization,
       above.name AS above,
       above.type AS type,
       min(length(chain)) AS depth
ORDER BY organization, depth, above;
