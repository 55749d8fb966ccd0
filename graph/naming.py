"""Which document gave an entity which of its names, so that retracting a document takes back its names.

Every store keeps, per entity, the names each document gave it (its name there and its
aliases) and, on a retraction, works out what is left the same way, here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def given_names(names: Iterable[str]) -> list[str]:
    """The names one document gives an entity, once each, in order, without empty ones."""
    return list(dict.fromkeys(name for name in names if name))


def names_left(name: str, aliases: Sequence[str], given: Sequence[Sequence[str]]) -> tuple[str, list[str]]:
    """An entity's name and aliases once only the documents that gave `given` (in load order) are held.

    Aliases no held document gives go; the name stays unless no held document gives it, when the
    entity takes the name the earliest held document gives it. With nothing given (an entity loaded
    before stores kept this record), nothing is known to go.
    """
    left = {n for names in given for n in names}
    if not left:
        return name, list(aliases)
    kept = name if name in left else next(n for names in given for n in names)
    return kept, [alias for alias in aliases if alias in left and alias != kept]
