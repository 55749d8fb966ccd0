// Who holds which post: the posts of a person, or the people in an organization, with their sources.
//
// Neo4j Browser: run the :param line first, then this statement.
// :param name => '彩虹电器'
//
// `name` is part of a person's or an organization's name or alias (two characters or more,
// simplified, no spaces), found through the full-text index `entity_search`: every HOLDS_POST
// relation from a person it matches or into an organization it matches. One row per title (a
// person holding two posts appears twice). `parkgraph query posts NAME` answers the same.
CALL db.index.fulltext.queryNodes('entity_search', '"' + $name + '"') YIELD node
WHERE node.search CONTAINS $name
MATCH (person:Person)-[post:HOLDS_POST]->(org:Entity)
WHERE node = person OR node = org
RETURN person.name AS person,
       post.title AS title,
       org.name AS organization,
       post.confidence AS confidence,
       post.sources AS sources
ORDER BY organization, person, title;
