// A committee's hierarchy: what it reports to (above) and what reports to it (below).
//
// Follows SUBORDINATE_TO and PART_OF, at any depth; `depth` counts the relations of the shortest
// chain. `parkgraph query hierarchy NAME` lists the same organizations above it.
//
// Neo4j Browser: turn on the multi-statement editor, set the parameter, run both statements.

:param committee => '示例电子信息行业党委';

MATCH chain = (:Entity {name: $committee})-[:SUBORDINATE_TO|PART_OF*1..]->(above:Entity)
RETURN 'above' AS side, above.name AS organization, above.type AS type, min(length(chain)) AS depth
UNION ALL
MATCH chain = (:Entity {name: $committee})<-[:SUBORDINATE_TO|PART_OF*1..]-(below:Entity)
RETURN 'below' AS side, below.name AS organization, below.type AS type, min(length(chain)) AS depth;
