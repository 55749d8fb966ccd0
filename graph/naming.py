"""Which document gave an entity which of its names, and the short name its captions show.

Every store keeps, per entity, the names each document gave it (its name there and its
aliases) and, on a retraction, works out what is left the same way, here; both derive an
entity's display name from its name with `display_name`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from parkgraph.ontology.vocab import load_vocabulary


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


DISPLAY_LENGTH = 8
"""Characters a caption shows: about what fits across one of Neo4j Browser's larger nodes."""

_ABBREVIATIONS = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("股份有限公司", "公司"),
    ("有限责任公司", "公司"),
    ("有限公司", "公司"),
)
"""The customary short forms of long words that many names share."""

_MIN_HEAD = 2


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Place words (Region and Park) and organization words of every type, longest first."""
    vocabulary = load_vocabulary()
    places = {word for kind in ("Region", "Park") for word in vocabulary.org_words(kind)}
    units = {word for kind in vocabulary.entity_types for word in vocabulary.org_words(kind)}
    return tuple(sorted(places, key=len, reverse=True)), tuple(sorted(units, key=len, reverse=True))


def _place_ends(name: str, end: int, places: tuple[str, ...], units: tuple[str, ...]) -> bool:
    """Whether `name[:end]` is a place to drop: it ends with a whole place word (农业园区, not 农业园 of
    it), and what follows is not a bare organization word (联合党支部 alone would not tell apart)."""
    if not name[:end].endswith(places) or any(name[: end + more].endswith(places) for more in (1, 2)):
        return False
    return name[end:] not in units


def display_name(name: str) -> str:
    """A caption of at most about `DISPLAY_LENGTH` characters that still tells entities apart.

    Long names in a park's documents share their opening (通辽经济技术开发区…), which is all a
    truncated caption shows, so the short form keeps what differs: long words get their customary
    abbreviations, then leading places are dropped while the rest keeps at least four characters and
    more than an organization word, and a name still too long keeps its opening and its
    organization word around an ellipsis.

    >>> display_name("通辽经济技术开发区非建制联合党工委")
    '非建制联合党工委'
    >>> display_name("示例市东方凯特瑞环保催化剂有限责任公司党总支")
    '东方凯特…党总支'
    """
    short = name
    for long, abbreviation in _ABBREVIATIONS:
        short = short.replace(long, abbreviation)
    places, units = _words()
    while len(short) > DISPLAY_LENGTH:
        cut = next((end for end in range(2, len(short) - 3) if _place_ends(short, end, places, units)), None)
        if cut is None:
            break
        short = short[cut:]
    if len(short) <= DISPLAY_LENGTH:
        return short
    unit = next((word for word in units if short.endswith(word) and len(word) < len(short)), "")
    head = max(_MIN_HEAD, DISPLAY_LENGTH - 1 - len(unit))
    return f"{short[:head]}…{unit}"
