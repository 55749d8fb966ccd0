"""What routes share: the store, paging parameters and the type names a request may use.

Type names come from the ontology vocabulary, so a request naming a type the
schema does not know is refused with the list of valid ones.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Query, Request

from parkgraph.graph.store import Store
from parkgraph.ontology.vocab import load_vocabulary


def get_store(request: Request) -> Store:
    """The store `create_app` was given."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]

# Enums built from the ontology, so OpenAPI lists the choices and a wrong name gets a 422 naming them.
EntityTypeName = StrEnum("EntityTypeName", {name: name for name in load_vocabulary().entity_types})
RelationTypeName = StrEnum("RelationTypeName", {name: name for name in load_vocabulary().relation_types})

MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most items to return", examples=[20])]
Offset = Annotated[int, Query(ge=0, description="items to skip before the first returned", examples=[0])]
MinConfidence = Annotated[
    float,
    Query(
        ge=0.0,
        le=1.0,
        description="walk and return only relations at least this confident (0 keeps the weak ones too)",
        examples=[0.6],
    ),
]
