"""OWL ontology, SHACL shapes and RDF export; the single source of the vocabulary."""
