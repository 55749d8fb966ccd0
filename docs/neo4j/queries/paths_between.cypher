// How two organizations are connected: every shortest chain of relations between them.
//
// Neo4j Browser: run the two :param lines first, then this statement.
// :param source => '非建制联合党工委'
// :param target => '综合物流园区党委'
//
// `source` and `target` are parts of names or aliases (two characters or more, simplified, no
// spaces), found through the full-text index `entity_search`; every pair they match is tried.
// Direction is ignored and chains are at most 6 relations long, as in `parkgraph query path A B`
// (which picks one of these chains). Browser draws `chain`; the table view lists the names.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $source + '"') YIELD node AS a
WHERE a.search CONTAINS $source
CALL db.index.fulltext.queryNodes('entity_search', '"' + $target + '"') YIELD node AS b
WHERE b.search CONTAINS $target AND b <> a
MATCH chain = allShortestPaths((a)-[:ADOPTS|COVERS|HOLDS_POST|LOCATED_IN|PARTY_ORG_OF|PART_OF|SUBORDINATE_TO*..6]-(b))
RETURN chain,
       length(chain) AS hops,
       [n IN nodes(chain) | n.name] AS names,
       [r IN relationships(chain) | type(r)] AS relations;
