// How two organizations are connected: every shortest chain of relations between them.
//
// Direction is ignored and chains are at most 6 relations long, as in
// `parkgraph query path A B` (which picks one of these chains). Return `chain` to draw them.
//
// Neo4j Browser: turn on the multi-statement editor, set the parameters, run all statements.

:param source => '甲乙科技有限公司';
:param target => '戊己电子有限公司';

MATCH (a:Entity {name: $source})
MATCH (b:Entity {name: $target})
MATCH chain = allShortestPaths((a)-[:ADOPTS|COVERS|HOLDS_POST|LOCATED_IN|PARTY_ORG_OF|PART_OF|SUBORDINATE_TO*..6]-(b))
RETURN chain,
       length(chain) AS hops,
       [n IN nodes(chain) | n.name] AS names,
       [r IN relationships(chain) | type(r)] AS relations;
