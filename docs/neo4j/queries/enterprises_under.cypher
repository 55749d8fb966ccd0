// Enterprises under a joint branch (or any Party organization), and how each is taken in.
//
// SCHEMA.md's definition: the enterprises reached from the organization by COVERS or PARTY_ORG_OF,
// directly or through organizations that are SUBORDINATE_TO or PART_OF it, at any depth; a walk
// does not pass through an enterprise. `depth` counts the relations of the shortest walk, `via`
// names the units that take the enterprise in. `parkgraph query enterprises NAME` answers the same.
//
// Neo4j Browser: turn on the multi-statement editor, set the parameter, run both statements.

:param organization => '示例工业园区第一联合党支部';

MATCH (org:Entity {name: $organization})
MATCH walk = (org)<-[:SUBORDINATE_TO|PART_OF*0..]-(unit:Entity)
WHERE none(step IN nodes(walk)[1..] WHERE step:Enterprise)
MATCH (unit)-[link:COVERS|PARTY_ORG_OF]->(company:Enterprise)
RETURN company.name AS enterprise,
       min(length(walk)) + 1 AS depth,
       collect(DISTINCT unit.name) AS via,
       collect(DISTINCT type(link)) AS links
ORDER BY depth, enterprise;
