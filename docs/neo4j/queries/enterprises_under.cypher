// Enterprises under a joint branch (or any Party organization), and how each is taken in.
//
// Neo4j Browser: run the :param line first, then this statement.
// :param organization => '湘江科创园联合党支部'
//
// `organization` is part of a name or alias (two characters or more, simplified, no spaces), found
// through the full-text index `entity_search`; every organization it matches gets its own rows.
// SCHEMA.md's definition: the enterprises reached from the organization by COVERS or PARTY_ORG_OF,
// directly or through units SUBORDINATE_TO or PART_OF it, at any depth; a walk does not pass
// through an enterprise. `depth` counts the relations of the shortest walk, `via` names the units
// that take the enterprise in. `parkgraph query enterprises NAME` answers the same.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $organization + '"') YIELD node AS org
WHERE org.search CONTAINS $organization
MATCH walk = (org)<-[:SUBORDINATE_TO|PART_OF*0..]-(unit:Entity)
WHERE none(step IN nodes(walk)[1..] WHERE step:Enterprise)
MATCH (unit)-[link:COVERS|PARTY_ORG_OF]->(company:Enterprise)
RETURN org.name AS organization,
       company.name AS enterprise,
       min(length(walk)) + 1 AS depth,
       collect(DISTINCT unit.name) AS via,
       collect(DISTINCT type(link)) AS links
ORDER BY organization, depth, enterprise;
