"""Stable ids: the same entity or relation gets the same id in every document and store."""

from __future__ import annotations

import hashlib


def _digest(*parts: str, length: int) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def entity_key(type_: str, name: str, scope: str = "") -> str:
    """`committee-3f2a…`: readable type, hashed canonical name (names may hold any character).

    A `scope` (a document id) keeps a name that picks out no one unit (`园区党委` in an article that
    does not say which park) apart from the same words in every other document.
    """
    parts = (type_, name, scope) if scope else (type_, name)
    return f"{type_.lower()}-{_digest(*parts, length=12)}"


def relation_key(type_: str, head: str, tail: str, title: str = "") -> str:
    """One relation per (type, head, tail, title): each post a person holds is its own relation."""
    return f"r-{_digest(type_, head, tail, title, length=16)}"
