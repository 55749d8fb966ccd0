// Who holds which post: the people in an organization with their titles and sources.
//
// Every HOLDS_POST relation into the organization; set `organization` to '' to list every post
// in the graph. One row per title (a person holding two posts appears twice).
//
// Neo4j Browser: turn on the multi-statement editor, set the parameter, run both statements.

:param organization => '示例工业园区党委';

MATCH (person:Person)-[post:HOLDS_POST]->(org:Entity)
WHERE $organization = '' OR org.name = $organization
RETURN org.name AS organization,
       person.name AS person,
       post.title AS title,
       post.confidence AS confidence,
       post.sources AS sources
ORDER BY organization, person, title;
