// What sits under an organization: units SUBORDINATE_TO or PART_OF it, and what they COVER.
//
// Neo4j Browser: run the :param line first, then this statement.
// :param organization => '北方现代农业园区党总支'
//
// `organization` is part of a name or alias (two characters or more, simplified, no spaces), found
// through the full-text index `entity_search`; every organization it matches gets its own rows.
// Each step of a walk goes down a SUBORDINATE_TO or PART_OF relation (from the unit above to the
// one below) or along a COVERS relation, five steps at most, as `parkgraph query subtree NAME`;
// `depth` counts the steps of the shortest walk. Return `walk` instead to draw the tree.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $organization + '"') YIELD node AS org
WHERE org.search CONTAINS $organization
MATCH walk = (org)-[:SUBORDINATE_TO|PART_OF|COVERS*1..5]-(unit:Entity)
WHERE all(i IN range(0, length(walk) - 1) WHERE
          CASE type(relationships(walk)[i])
            WHEN 'COVERS' THEN startNode(relationships(walk)[i]) = nodes(walk)[i]
            ELSE endNode(relationships(walk)[i]) = nodes(walk)[i]
          END)
  AND unit <> org
RETURN org.name AS organization,
       unit.name AS unit,
       unit.type AS type,
       min(length(walk)) AS depth
ORDER BY organization, depth, unit;
