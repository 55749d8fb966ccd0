"""Questions the API answers by composing the `Store` protocol's own queries, so every store answers alike.

Built on `Store.neighbours` only: no store needs new Cypher or a new walk for them.
"""

from __future__ import annotations

from collections import Counter

from parkgraph.api.schemas import EntityDetail, HeldPost, Post
from parkgraph.graph.errors import NotFound
from parkgraph.graph.model import Entity, Neighbour, Reach, Relation
from parkgraph.graph.store import Store

__all__ = ["BELONGS_TO_PLACE", "PLACE_TYPES", "entity_detail", "places_of", "posts_in", "posts_of"]

HOLDS_POST = "HOLDS_POST"
BELONGS_TO_PLACE = ("LOCATED_IN", "PART_OF", "PARTY_ORG_OF")
"""Relations that carry an entity towards the park or region it belongs to, walked head → tail."""
PLACE_TYPES = frozenset({"Park", "Region"})


def posts_in(store: Store, organization_id: str, min_confidence: float = 0.0) -> list[Post]:
    """The people holding posts in an organization, by person name, with each post's title and evidence."""
    arriving = store.neighbours(organization_id, [HOLDS_POST], "in", min_confidence)
    return [
        Post(person=found.entity, title=found.relation.attributes.get("title", ""), relation=found.relation)
        for found in arriving
    ]


def _held_post(entity: Entity, found: Neighbour) -> HeldPost:
    """A HOLDS_POST relation at `entity` seen from it: out, a post it holds; in, one held in it."""
    return HeldPost(
        holder=entity if found.direction == "out" else found.entity,
        organization=found.entity if found.direction == "out" else entity,
        title=found.relation.attributes.get("title", ""),
        relation=found.relation,
    )


def posts_of(store: Store, entity_id: str, min_confidence: float = 0.0) -> list[HeldPost]:
    """The posts a person holds and the posts held in an organization or park, with their evidence.

    One list for any entity, since a name given to the CLI may be either: by holder, organization,
    title, then relation id. Raises `NotFound` for an unknown id."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound("entity", entity_id)
    around = store.neighbours(entity_id, [HOLDS_POST], "both", min_confidence)
    posts = [_held_post(entity, found) for found in around]
    return sorted(
        posts,
        key=lambda post: (post.holder.name, post.organization.name, post.title, post.relation.id),
    )


def entity_detail(store: Store, entity_id: str) -> EntityDetail:
    """An entity with the documents that name it, the posts it holds or that are held in it, and its
    relations counted by type. Raises `NotFound` for an unknown id."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound("entity", entity_id)
    around = store.neighbours(entity_id)
    posts = [_held_post(entity, found) for found in around if found.relation.type == HOLDS_POST]
    sources = [info for doc_id in entity.documents if (info := store.document(doc_id)) is not None]
    counts = Counter(found.relation.type for found in around)
    return EntityDetail(
        **entity.model_dump(), sources=sources, posts=posts, relation_counts=dict(sorted(counts.items()))
    )


def _order(found: Neighbour) -> tuple[str, str, str, str]:
    return (found.entity.name, found.entity.id, found.relation.type, found.relation.id)


def places_of(store: Store, entity_id: str, min_confidence: float = 0.0) -> list[Reach]:
    """The parks and regions an entity belongs to, nearest first, each with the relations that lead there.

    A breadth-first walk out along `BELONGS_TO_PLACE` through any entity (a committee is the Party
    organization of a park, which lies in a region); each place is reached once, by a shortest path,
    ties broken by name then id as the stores' own walks do. Raises `NotFound` for an unknown id.
    """
    seen = {entity_id}
    reached: list[Reach] = []
    frontier: list[tuple[str, list[Relation]]] = [(entity_id, [])]
    depth = 0
    while frontier:
        depth += 1
        following: list[tuple[str, list[Relation]]] = []
        for at, path in frontier:
            for found in sorted(store.neighbours(at, BELONGS_TO_PLACE, "out", min_confidence), key=_order):
                if found.entity.id in seen:
                    continue
                seen.add(found.entity.id)
                walked = [*path, found.relation]
                reached.append(Reach(entity=found.entity, depth=depth, path=walked))
                following.append((found.entity.id, walked))
        frontier = following
    places = [reach for reach in reached if reach.entity.type in PLACE_TYPES]
    return sorted(places, key=lambda reach: (reach.depth, reach.entity.name, reach.entity.id))
