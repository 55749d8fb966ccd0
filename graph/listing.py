"""Listing entities by type, page by page: the checks every store makes before it cuts a page."""

from __future__ import annotations

from parkgraph.ontology.vocab import load_vocabulary

__all__ = ["check_listing"]


def check_listing(type_: str | None, limit: int, offset: int) -> None:
    """Raise ValueError for a type or label the ontology does not know, or a negative limit or offset.

    Checked alike in every store, so a misspelt type is an error everywhere rather than an empty list in one.
    """
    vocabulary = load_vocabulary()
    known = [*vocabulary.entity_types, *vocabulary.extra_types]
    if type_ is not None and type_ not in known:
        raise ValueError(f"unknown type {type_!r}; one of {', '.join(known)}")
    if limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must be 0 or more, not {limit} and {offset}")
