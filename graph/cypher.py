"""Every Cypher statement the Neo4j store runs, as constants and small builders.

Values always travel as parameters. Relationship types, the labels of a pattern
and the length of a variable-length pattern cannot be parameters, so the builders
take them only from the ontology vocabulary (checked here, then back-quoted) or
as a checked `int`; nothing a user typed is ever spliced into a statement. The
labels a new entity gets are set as values (`SET n:$(…)`, Neo4j 5.26 and later).

The graph model these statements write and read is described in
`parkgraph.graph.neo4j_store`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from parkgraph.graph import traversal
from parkgraph.ontology.vocab import load_vocabulary

__all__ = [
    "CLEAR_GRAPH",
    "CORRECTIONS",
    "COUNT_DOCUMENTS",
    "COUNT_ENTITIES",
    "COUNT_RELATIONS",
    "CREATE_CORRECTIONS",
    "CREATE_EVIDENCE",
    "DELETE_DOCUMENT",
    "DOCUMENT",
    "DOCUMENTS",
    "DOCUMENT_HELD",
    "DOCUMENT_ORDER",
    "DOCUMENT_RELATIONS",
    "ENTITIES",
    "ENTITY_IDS",
    "EXTRACTED",
    "FILL_IMPORTED_LISTS",
    "HELD_ENTITIES",
    "IMPORT_PENDING",
    "IMPORT_PENDING_COUNT",
    "MENTIONING",
    "MERGE_ENTITIES",
    "NAMED",
    "NAMES_INDEX",
    "NAMINGS",
    "OPEN_DOCUMENT",
    "RELATIONS",
    "RELATIONS_BY_ELEMENT",
    "RELATIONS_BY_ELEMENT_WITHOUT_EVIDENCE",
    "RELATION_IDS",
    "RENAME_ENTITIES",
    "RETRACT_ENTITIES",
    "RETRACT_EVIDENCE",
    "RETRACT_RELATIONS",
    "SEARCH_CONTAINS",
    "SEARCH_FULLTEXT",
    "SEARCH_INDEX",
    "SET_DISPLAY",
    "UNDISPLAYED",
    "add_curated_relations",
    "answer_by_element",
    "counted_entities",
    "enterprises_under_view",
    "fulltext_phrase",
    "hierarchy_above_view",
    "incident_view",
    "label_clause",
    "listed_entities",
    "merge_relations",
    "name_term",
    "relation_heads",
    "relationship_types",
    "schema",
    "shortest_paths_view",
]

SEARCH_INDEX = "entity_search"
"""The full-text index (CJK analyzer) over each entity's `search` text: its names in search form."""
NAMES_INDEX = "entity_names"
"""`search` split at whitespace, which no search form holds: one term per name, for exact lookups."""

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_ENTITY = "n {.id, .type, .name, .aliases, .documents} AS entity, labels(n) AS labels"


def _checked(name: str, known: Iterable[str], what: str) -> str:
    """`name` back-quoted, after checking the vocabulary defines it (so it is safe inside a statement)."""
    known = tuple(known)
    if name not in known or not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"unknown {what} {name!r}; known: {', '.join(known)}")
    return f"`{name}`"


def _label(name: str) -> str:
    vocabulary = load_vocabulary()
    return _checked(name, [*vocabulary.entity_types, *vocabulary.extra_types], "entity label")


def _relationship_type(name: str) -> str:
    return _checked(name, load_vocabulary().relation_types, "relation type")


def label_clause(labels: Sequence[str]) -> str:
    """`:`Branch`:`JointBranch`` for a node's type and extra labels.

    >>> label_clause(["Branch", "JointBranch"])
    ':`Branch`:`JointBranch`'
    """
    if not labels:
        raise ValueError("an entity needs at least its type label")
    return "".join(f":{_label(name)}" for name in labels)


def relationship_types(types: Iterable[str] | None = None) -> str:
    """`:`COVERS`|`PART_OF`` for a pattern; every relation type of the ontology when `types` is None.

    >>> relationship_types(["PART_OF", "COVERS"])
    ':`COVERS`|`PART_OF`'
    """
    chosen = sorted(set(load_vocabulary().relation_types if types is None else types))
    if not chosen:
        raise ValueError("a pattern needs at least one relation type")
    return ":" + "|".join(_relationship_type(name) for name in chosen)


def _length(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a whole number of 1 or more, not {value!r}")
    return value


# --- schema ------------------------------------------------------------------------------------------


def schema() -> list[str]:
    """Idempotent statements creating the constraints and indexes the store relies on.

    Entity, document and (per relation type) relation ids are unique; a load finds the last
    document's `loaded_order` with one index seek; evidence is found by relation id; search narrows
    candidates with a CJK full-text index, and identity resolution looks names up exactly in one that
    splits `search` into its names (at the separator, whitespace).
    """
    types = "|".join(_label(name) for name in sorted(load_vocabulary().entity_types))
    statements = [
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
        "CREATE INDEX document_loaded_order IF NOT EXISTS FOR (d:Document) ON (d.loaded_order)",
        "CREATE INDEX evidence_relation IF NOT EXISTS FOR (e:Evidence) ON (e.relation)",
        "CREATE CONSTRAINT correction_seq IF NOT EXISTS FOR (c:Correction) REQUIRE c.seq IS UNIQUE",
        f"CREATE FULLTEXT INDEX {SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.search] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
        # over the type labels: Neo4j keeps one full-text index per label and property set
        f"CREATE FULLTEXT INDEX {NAMES_INDEX} IF NOT EXISTS "
        f"FOR (n:{types}) ON EACH [n.search] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    ]
    for name in sorted(load_vocabulary().relation_types):
        statements.append(
            f"CREATE CONSTRAINT relation_id_{name.lower()} IF NOT EXISTS "
            f"FOR ()-[r:{_relationship_type(name)}]-() REQUIRE r.id IS UNIQUE"
        )
    return statements


# --- after a bulk import ----------------------------------------------------------------------------

IMPORT_PENDING = "BulkImport"
"""The label of the node a CSV export (`graph.exports.write_csv_zip`) leaves in the database it imports
into: the lists the importer could not write empty are still to be filled in."""

IMPORT_PENDING_COUNT = f"MATCH (m:{IMPORT_PENDING}) RETURN count(m) AS count"

FILL_IMPORTED_LISTS = [
    """
MATCH (n:Entity)
WHERE n.aliases IS NULL OR n.documents IS NULL OR n.named_by IS NULL
CALL (n) {
    SET n.aliases = coalesce(n.aliases, []), n.documents = coalesce(n.documents, []),
        n.named_by = coalesce(n.named_by, [])
} IN TRANSACTIONS OF 10000 ROWS
""",
    """
MATCH (:Entity)-[r]->(:Entity)
WHERE r.attributes IS NULL OR r.documents IS NULL OR r.sources IS NULL
CALL (r) {
    SET r.attributes = coalesce(r.attributes, []), r.documents = coalesce(r.documents, []),
        r.sources = coalesce(r.sources, [])
} IN TRANSACTIONS OF 10000 ROWS
""",
    f"MATCH (m:{IMPORT_PENDING}) DELETE m",
]
"""Empty lists, which the importer leaves unset, made empty lists again (auto-committed statements, as
`IN TRANSACTIONS` needs, in batches that a large graph does not need a large heap for); then the mark
goes."""

# --- loading -----------------------------------------------------------------------------------------

DOCUMENT_HELD = "MATCH (d:Document {id: $id}) RETURN count(d) > 0 AS held"

HELD_ENTITIES = """
UNWIND $keys AS key
MATCH (n:Entity {id: key})
RETURN n.id AS id, n.type AS type, labels(n) AS labels
"""

OPEN_DOCUMENT = """
OPTIONAL MATCH (held:Document)
WHERE held.loaded_order IS NOT NULL
WITH held
ORDER BY held.loaded_order DESC
LIMIT 1
WITH coalesce(held.loaded_order + 1, 0) AS position
MERGE (d:Document {id: $document.id})
ON CREATE SET d = $document, d.loaded_order = position, d.opening = true
WITH d, d.opening IS NOT NULL AS created
REMOVE d.opening
RETURN created, d.loaded_order AS loaded_order,
    CASE WHEN created THEN COLLECT { MATCH (c:Correction) WITH c ORDER BY c.seq RETURN c.data } END AS log,
    CASE WHEN created THEN COLLECT {
        UNWIND $keys AS key
        MATCH (n:Entity {id: key})
        RETURN n {.id, .type, labels: labels(n)}
    } END AS held
"""
"""A load's first statement, one round trip for what took four: the document node, unless the
database holds it (`created` false, nothing written), then the correction log and which of the
entities `$keys` are held. `loaded_order` numbers documents in load order (one past the highest, as a
retraction may leave gaps), read from the end of the `document_loaded_order` index, so a load costs
the same however many documents are held. `MERGE` locks the id, so a concurrent load of the same
document waits, then finds it held; only the transaction that made the node sees its `opening` mark,
which goes before the commit."""


MERGE_ENTITIES = """
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:$(row.labels), n.type = row.type, n.name = row.name, n.display = row.display,
              n.aliases = [], n.documents = [], n.search = row.form, n.named_by = []
SET n.named_by = coalesce(n.named_by, reduce(given = [], document IN n.documents |
    given + [name IN [n.name] + n.aliases | document + $naming + name]))
SET n.documents = n.documents + $document
WITH n, row, reduce(held = {aliases: n.aliases, search: n.search}, item IN row.names |
    CASE WHEN item.name = '' OR item.name = n.name OR item.name IN held.aliases THEN held
    ELSE {aliases: held.aliases + item.name, search: held.search + $separator + item.form} END) AS merged
SET n.aliases = merged.aliases, n.search = merged.search,
    n.named_by = n.named_by + [name IN row.given | $document + $naming + name]
"""
"""Add one document's entities (rows: id, labels, type, name, display, form, names, given).

A new node gets its labels (the vocabulary's, checked by `validate_facts`; set as `$(…)`, Neo4j 5.26's
dynamic labels, so one statement covers every label set), type, first name and that name's display
form; every node gets the document and the names it does not hold yet as aliases, in first-seen order,
and their search forms appended to its `search` text; `named_by` notes which names the document gave
(`given`), as `<document>$naming<name>`. A node written before `named_by` was kept first gets every
name from each of its documents. The first SET reads the property it writes, so Neo4j locks the node
before reading and concurrent loads lose nothing.
"""


def merge_relations(type_: str) -> str:
    """Add one document's relations of one type (rows: id, head, tail, confidence, attributes, names).

    The relation gets the document and its source, its highest confidence, and the
    attributes it does not have yet (held values win: `held` is read after the
    first SET has locked the relationship, written over the new ones, and
    `attributes` lists which properties are attributes).
    """
    return f"""
UNWIND $rows AS row
MATCH (h:Entity {{id: row.head}})
MATCH (t:Entity {{id: row.tail}})
MERGE (h)-[r{relationship_types([type_])} {{id: row.id}}]->(t)
ON CREATE SET r.documents = [], r.sources = [], r.attributes = [], r.confidence = row.confidence
SET r.documents = r.documents + $document, r.sources = r.sources + $source,
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
WITH r, row, properties(r) AS held
SET r += row.attributes
SET r += held
SET r.attributes = reduce(names = r.attributes, name IN row.names |
    CASE WHEN name IN names THEN names ELSE names + name END)
"""


def add_curated_relations(type_: str) -> str:
    """Put in relations analysts added, of one type (rows: id, head, tail, confidence, attributes, names,
    evidence), where both ends are held and the relation lacks that evidence yet.

    The evidence node has no FROM: no document states it. It sorts after the evidence of the document
    whose load put it in (`loaded_order`, with an `ordinal` past any document's), as in the embedded
    store, which appends it then.
    """
    return f"""
UNWIND $rows AS row
MATCH (h:Entity {{id: row.head}})
MATCH (t:Entity {{id: row.tail}})
WITH h, t, row
WHERE NOT EXISTS {{ MATCH (:Evidence {{relation: row.id, document: row.evidence.document}}) }}
MERGE (h)-[r{relationship_types([type_])} {{id: row.id}}]->(t)
ON CREATE SET r.documents = [], r.sources = [], r.attributes = [], r.confidence = row.confidence
SET r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
WITH r, row, properties(r) AS held
SET r += row.attributes
SET r += held
SET r.attributes = reduce(names = r.attributes, name IN row.names |
    CASE WHEN name IN names THEN names ELSE names + name END)
CREATE (e:Evidence)
SET e = row.evidence, e.loaded_order = $loaded_order
"""


CREATE_EVIDENCE = """
MATCH (d:Document {id: $document})
UNWIND $rows AS row
CREATE (e:Evidence)-[:FROM]->(d)
SET e = row, e.document = $document, e.source = $source
"""
"""A node per evidence sentence (rows: relation, start, end, text, confidence, where, ordinal; a null
`where` sets no property); the document and source, the same for every row, travel once."""

# --- retracting --------------------------------------------------------------------------------------

RETRACT_EVIDENCE = """
MATCH (e:Evidence)-[:FROM]->(:Document {id: $document})
DETACH DELETE e
RETURN count(*) AS removed
"""

RETRACT_RELATIONS = """
UNWIND $heads AS head
MATCH (:Entity {id: head})-[r]->(:Entity)
WHERE $document IN r.documents
WITH r, [i IN range(0, size(r.documents) - 1) WHERE r.documents[i] <> $document] AS kept
WITH r, [i IN kept | r.documents[i]] AS documents, [i IN kept | r.sources[i]] AS sources
OPTIONAL MATCH (e:Evidence {relation: r.id})
WITH r, documents, sources, max(e.confidence) AS confidence
SET r.documents = documents, r.sources = sources, r.confidence = confidence
WITH r
WHERE r.confidence IS NULL
DELETE r
RETURN count(*) AS removed
"""
"""After RETRACT_EVIDENCE: take the document off the relations it supported (`$heads`: the entities it
mentions), give each the highest confidence of the evidence left, and delete those left with none."""

RETRACT_ENTITIES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.documents = [document IN n.documents WHERE document <> $document]
WITH n
WHERE n.documents = [] AND NOT EXISTS { (n)--() }
DETACH DELETE n
RETURN count(*) AS removed
"""
"""After RETRACT_RELATIONS: take the document off the entities it mentioned; delete those left with no
document and no relation."""

NAMINGS = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.documents AS documents, n.named_by AS named_by
"""
"""After RETRACT_ENTITIES: the names of the entities a retracted document mentioned that are left, and
which document gave which (`named_by` is null on a node written before it was kept)."""

RENAME_ENTITIES = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.name = row.name, n.display = row.display, n.aliases = row.aliases, n.search = row.search,
    n.named_by = row.named_by
"""
"""The names left to entities once a document is retracted (rows: id, name, display, aliases, search,
named_by)."""

DELETE_DOCUMENT = "MATCH (d:Document {id: $id}) DETACH DELETE d"

# --- corrections -------------------------------------------------------------------------------------

CORRECTIONS = "MATCH (c:Correction) RETURN c.data AS data ORDER BY c.seq"
"""The correction log: one `(:Correction {seq, data})` node per entry, `data` its JSON."""

CREATE_CORRECTIONS = """
UNWIND $rows AS row
CREATE (c:Correction {seq: row.seq, data: row.data})
"""

DOCUMENT_ORDER = """
MATCH (d:Document)
RETURN d.id AS id, d.source AS source, d.extracted IS NULL AS missing, d.loaded_order AS loaded_order
ORDER BY d.loaded_order, d.id
"""
"""The documents in load order, and whether their facts as extracted were kept, without reading them."""

EXTRACTED = """
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.source AS source, d.text AS text, d.extracted AS extracted,
       d.loaded_order AS loaded_order
ORDER BY d.loaded_order, d.id
"""
"""The facts as extracted (JSON, without the text) of the documents of `$ids`, in load order."""

CLEAR_GRAPH = """
MATCH (n)
WHERE n:Entity OR n:Evidence
DETACH DELETE n
"""
"""Every entity, relation and evidence sentence, for a rebuild: documents and the log stay."""

UNDISPLAYED = "MATCH (n:Entity) WHERE n.display IS NULL RETURN n.id AS id, n.name AS name"
"""Entities written before stores kept a display name."""

SET_DISPLAY = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.display = row.display
"""

# --- reading -----------------------------------------------------------------------------------------

DOCUMENTS = """
MATCH (d:Document)
RETURN d {.id, .source, .title, .encoding} AS document
ORDER BY d.loaded_order, d.id
"""

DOCUMENT = "MATCH (d:Document {id: $id}) RETURN d {.id, .source, .title, .encoding, .text} AS document"

MENTIONING = f"""
MATCH (n:Entity)
WHERE $document IN n.documents
RETURN {_ENTITY}
"""
"""The entities a document mentions."""

DOCUMENT_RELATIONS = """
UNWIND $heads AS head
MATCH (h:Entity {id: head})-[r]->(:Entity)
WHERE $document IN r.documents
RETURN h.id AS head, r.id AS id
"""
"""The relations a document supports, found from their heads (`$heads`: the entities it mentions)."""

_HELD_AMONG = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})"""

_ENTITY_ROW = "{entity: n {.id, .type, .name, .aliases, .documents}, labels: labels(n)}"

ENTITIES = f"""{_HELD_AMONG}
RETURN collect({_ENTITY_ROW}) AS rows
"""
"""The entities held among `$ids`, as one record's `rows` (each an entity and its labels): the driver
reads one record of hundreds of rows several times faster than hundreds of records."""

ENTITY_IDS = "MATCH (n:Entity) RETURN n.id AS id"

_EVIDENCE = """,
       evidence: COLLECT {
           MATCH (e:Evidence {relation: r.id})
           OPTIONAL MATCH (e)-[:FROM]->(d:Document)
           RETURN {evidence: properties(e), order: coalesce(d.loaded_order, e.loaded_order)}
       }"""

_BY_HEAD = """
UNWIND $rows AS row
MATCH (h:Entity {id: row.head})-[r]->(t:Entity)
WHERE r.id = row.id"""

_BY_ELEMENT = """
UNWIND $elements AS element
MATCH (h:Entity)-[r]->(t:Entity)
WHERE elementId(r) = element"""


def _relation_row(evidence: bool) -> str:
    """A relation `r` from `h` to `t` as a row, with its evidence or without it."""
    with_evidence = _EVIDENCE if evidence else ""
    return f"""{{id: r.id, type: type(r), head: h.id, tail: t.id,
                properties: properties(r){with_evidence}}}"""


def _relations_found(by: str, evidence: bool) -> str:
    """The relations `by` finds, as one record's `rows`, each with its evidence or without it."""
    return f"""{by}
RETURN collect({_relation_row(evidence)}) AS rows"""


RELATIONS = _relations_found(_BY_HEAD, evidence=True)
"""Relations with their evidence, each found from its head (rows: head, id); an analyst's evidence,
from no document, sorts by the `loaded_order` it was given."""

RELATIONS_WITHOUT_EVIDENCE = _relations_found(_BY_HEAD, evidence=False)
"""The same relations without their evidence: a page that leaves it out reads no Evidence node."""

RELATIONS_BY_ELEMENT = _relations_found(_BY_ELEMENT, evidence=True)
"""`RELATIONS` for relations a view read in the same transaction, by the `elementId` it gave: a seek,
where finding one from its head walks every relation the head has (a joint branch's hundreds)."""

RELATIONS_BY_ELEMENT_WITHOUT_EVIDENCE = _relations_found(_BY_ELEMENT, evidence=False)
"""`RELATIONS_WITHOUT_EVIDENCE` by `elementId`."""


def answer_by_element(evidence: bool) -> str:
    """`ENTITIES` and `RELATIONS_BY_ELEMENT` (or without evidence) in one record, `entities` and
    `relations`: a walk's answer, or its page, in one round trip after its view."""
    return f"""
RETURN COLLECT {{{_HELD_AMONG}
    RETURN {_ENTITY_ROW}
}} AS entities, COLLECT {{{_BY_ELEMENT}
    RETURN {_relation_row(evidence)}
}} AS relations
"""


RELATION_IDS = "MATCH (h:Entity)-[r]->(:Entity) RETURN h.id AS head, r.id AS id"


def relation_heads() -> str:
    """The head of the relation with id `$id`, looked up through each relation type's unique index."""
    return "\nUNION ALL\n".join(
        f"MATCH (h:Entity)-[r{relationship_types([name])} {{id: $id}}]->(:Entity) RETURN h.id AS head"
        for name in sorted(load_vocabulary().relation_types)
    )


COUNT_DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS count"
COUNT_ENTITIES = "MATCH (n:Entity) RETURN n.type AS type, count(*) AS count"
COUNT_RELATIONS = "MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS count"


def _labelled(type_: str | None) -> str:
    """The node pattern of entities labelled `type_` (a type or extra label), or of every entity."""
    return f"(n:Entity:{_label(type_)})" if type_ else "(n:Entity)"


def listed_entities(type_: str | None) -> str:
    """A page (`$offset`, `$limit`) of the entities labelled `type_` (every entity for None), by name, id.

    >>> "MATCH (n:Entity:`Committee`)" in listed_entities("Committee")
    True
    """
    return f"MATCH {_labelled(type_)}\nRETURN {_ENTITY}\nORDER BY n.name, n.id\nSKIP $offset LIMIT $limit"


def counted_entities(type_: str | None) -> str:
    """How many entities are labelled `type_` (every entity for None)."""
    return f"MATCH {_labelled(type_)} RETURN count(n) AS count"


SEARCH_CONTAINS = f"""
MATCH (n:Entity)
WHERE n.search CONTAINS $text
RETURN {_ENTITY}
"""
"""Search candidates: entities one of whose names, in search form, contains the query."""

SEARCH_FULLTEXT = f"""
CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $phrase) YIELD node AS n
RETURN {_ENTITY}
"""
"""Search candidates from the full-text index, for a query `fulltext_phrase` accepts."""

NAMED = f"""
UNWIND $queries AS query
CALL db.index.fulltext.queryNodes('{NAMES_INDEX}', query) YIELD node AS n
RETURN {_ENTITY}
"""
"""Entities with any of many names, in search form: each query is `name_term`s joined by OR."""


def name_term(form: str) -> str:
    """The Lucene query for one name in search form in the names index: a phrase of the one term, with
    the two characters a phrase cannot hold bare escaped.

    >>> name_term('示例"港')
    '"示例\\\\"港"'
    """
    return '"' + form.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fulltext_phrase(query: str) -> str | None:
    """The Lucene phrase that finds every name containing `query`, or None when the index cannot promise that.

    The CJK analyzer indexes a run of ideographs as overlapping character pairs, so
    every name containing a run of two or more ideographs holds that run's pairs in
    a row: the phrase of them finds it. A single ideograph, Latin letters or digits
    are not indexed as the substrings they may be, so those queries get None. The
    phrase holds ideographs only, so it needs no Lucene escaping.

    >>> fulltext_phrase("示例港")
    '"示例港"'
    >>> fulltext_phrase("abc示例") is None
    True
    """
    return f'"{query}"' if _IDEOGRAPHS.fullmatch(query) else None


# --- views for traversal ---------------------------------------------------------------------------
# One record whose `rows` are (head, id, type, confidence, tail, element), each end as {id, type, name}:
# a heavy walk's view is hundreds of rows, which the driver reads several times faster as one list.

_VIEW_ROW = """{head: h {.id, .type, .name}, id: r.id, type: type(r), confidence: r.confidence,
               tail: t {.id, .type, .name}, element: elementId(r)}"""

_ENDS = f"""
WITH DISTINCT r, startNode(r) AS h, endNode(r) AS t
RETURN collect({_VIEW_ROW}) AS rows"""


def incident_view(types: Iterable[str] | None, direction: str) -> str:
    """The relations of `types` (any for None) at each entity of `$ids`, leaving it (`out`), arriving
    (`in`) or either (anything else), a record per entity with any: `at`, its id, and its `rows`; the
    types and direction are only a narrowing, `traversal.incident` still picks the steps.

    >>> "-[r:`PART_OF`]->" in incident_view(["PART_OF"], "out")
    True
    """
    kinds = relationship_types(types) if types is not None else ""
    pattern = {"out": f"-[r{kinds}]->", "in": f"<-[r{kinds}]-"}.get(direction, f"-[r{kinds}]-")
    return f"""
UNWIND $ids AS at
MATCH (:Entity {{id: at}}){pattern}(:Entity)
WITH DISTINCT at, r, startNode(r) AS h, endNode(r) AS t
RETURN at, collect({_VIEW_ROW}) AS rows
"""


_STEP_DOWN = "(type(r) IN $inward AND endNode(r) = {x}) OR (type(r) IN $outward AND startNode(r) = {x})"


def _from_start(reach: str) -> str:
    """A walk's view: one record of the entity `$id` (`start`: its id, type and name) and the `rows` of
    the relations `r` that `reach` (clauses from `start`) finds, or no record when no entity has that
    id; one round trip, where checking the entity first would take a second."""
    return f"""
MATCH (start:Entity {{id: $id}})
RETURN start {{.id, .type, .name}} AS start, COLLECT {{{reach}
    WITH DISTINCT r, startNode(r) AS h, endNode(r) AS t
    RETURN {_VIEW_ROW}
}} AS rows
"""


def subtree_below_view(max_depth: int) -> str:
    """What the walk down from `$id` can use within `max_depth` steps (at least 1), in one query: the
    steps (relations of `$inward` types arriving, of `$outward` leaving) out of everything fewer steps
    away. `max_depth` is an int written into the query (a quantifier takes no parameter)."""
    fewer = int(max_depth) - 1
    steps = f"((a:Entity)-[r]-(:Entity) WHERE {_STEP_DOWN.format(x='a')}){{0,{fewer}}}"
    within = f"MATCH (start){steps}(x:Entity)\n    WITH DISTINCT x" if fewer else "WITH start AS x"
    return _from_start(f"""
    {within}
    MATCH (x)-[r]-(:Entity)
    WHERE {_STEP_DOWN.format(x="x")}""")


def _belongs() -> str:
    return relationship_types([traversal.SUBORDINATE_TO, traversal.PART_OF])


def hierarchy_above_view() -> str:
    """What the walk up from `$id` can use: the SUBORDINATE_TO/PART_OF relations leaving all it reaches."""
    return _from_start(f"""
    MATCH (start)-[{_belongs()}*0..]->(x:Entity)
    WITH DISTINCT x
    MATCH (x)-[r{_belongs()}]->(:Entity)""")


def enterprises_under_view() -> str:
    """What the walk down from `$id` can use: relations into all that sits below it, and what it takes in."""
    takes_in = relationship_types([traversal.COVERS, traversal.PARTY_ORG_OF])
    return _from_start(f"""
    MATCH (start)<-[{_belongs()}*0..]-(x:Entity)
    WITH DISTINCT x
    MATCH (x)-[r]-(:Entity)
    WHERE (r{_belongs()} AND endNode(r) = x) OR (r{takes_in} AND startNode(r) = x)""")


def shortest_paths_view(types: Iterable[str] | None, max_length: int) -> str:
    """The relations on every shortest path between `$source` and `$target`, ignoring direction.

    The breadth-first walk that picks one of them only ever meets these, so it
    chooses the same path as on the whole graph.
    """
    pattern = f"{relationship_types(types)}*..{_length(max_length, 'max_length')}"
    return f"""
MATCH (source:Entity {{id: $source}})
MATCH (target:Entity {{id: $target}})
MATCH p = allShortestPaths((source)-[{pattern}]-(target))
WHERE all(step IN relationships(p) WHERE step.confidence >= $min_confidence)
UNWIND relationships(p) AS r
{_ENDS}
"""
