"""The `pg:` namespace as a closed term list, so a misspelt term is an error rather than a new IRI.

A test keeps this class and `parkgraph.ttl` in step: every `pg:` term the Turtle uses is listed
here and every term listed here is used there.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NAMESPACE_IRI = "https://parkgraph.org/ontology#"
ONTOLOGY_IRI = URIRef("https://parkgraph.org/ontology")


class PG(DefinedNamespace):
    """Terms of the parkgraph ontology (https://parkgraph.org/ontology#)."""

    _fail = True
    _NS = Namespace(NAMESPACE_IRI)

    # Entity classes: SCHEMA.md's types, their union and their refinements.
    Entity: URIRef
    Region: URIRef
    Park: URIRef
    Committee: URIRef
    Branch: URIRef
    Enterprise: URIRef
    Organization: URIRef
    Person: URIRef
    Practice: URIRef
    JointBranch: URIRef
    JointCommittee: URIRef
    Cadre: URIRef

    # Relation properties: SCHEMA.md's relation types and their parent.
    relation: URIRef
    LOCATED_IN: URIRef
    PART_OF: URIRef
    SUBORDINATE_TO: URIRef
    PARTY_ORG_OF: URIRef
    COVERS: URIRef
    HOLDS_POST: URIRef
    ADOPTS: URIRef

    # Names.
    name: URIRef
    alias: URIRef

    # Provenance.
    Document: URIRef
    Assertion: URIRef
    Evidence: URIRef
    source: URIRef
    mentionedIn: URIRef
    evidence: URIRef
    document: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    where: URIRef
    confidence: URIRef
    title: URIRef

    # Lexicon annotation properties.
    orgWord: URIRef
    genericWord: URIRef
    jointWord: URIRef
    trigger: URIRef
    postTitle: URIRef


NAMESPACE = PG
