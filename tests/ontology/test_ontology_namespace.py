"""The closed `PG` namespace and the Turtle list the same terms."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from parkgraph.ontology.namespace import PG
from parkgraph.ontology.vocab import load_ontology


def _turtle_terms() -> set[URIRef]:
    graph = load_ontology()
    nodes = {node for triple in graph for node in triple}
    return {node for node in nodes if isinstance(node, URIRef) and str(node).startswith(str(PG))}


def test_namespace_lists_exactly_the_terms_the_turtle_uses() -> None:
    listed = set(dir(PG))
    used = _turtle_terms()
    assert used - listed == set(), "terms in parkgraph.ttl missing from PG"
    assert listed - used == set(), "terms in PG that parkgraph.ttl does not define"


def test_a_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = PG.Parc
    assert PG.Park == URIRef("https://parkgraph.org/ontology#Park")
