"""A tiny in-memory store with the iteration methods the RDF export reads, and a small example graph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from parkgraph.graph.facts import DocumentInfo
from parkgraph.graph.model import Entity, Evidence, Relation

DOC = DocumentInfo(id="doc-1", source="示例.txt", title="示例区园区党建")
SENTENCE = "示例区工业园区党工委书记李四介绍，园区联合党支部覆盖甲乙科技有限公司。"


@dataclass
class FakeStore:
    """Holds `graph.model` objects and yields them as a store's export methods do."""

    docs: list[DocumentInfo] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def documents(self) -> list[DocumentInfo]:
        return list(self.docs)

    def iter_entities(self) -> Iterator[Entity]:
        return iter(self.entities)

    def iter_relations(self) -> Iterator[Relation]:
        return iter(self.relations)

    def entity(self, name: str) -> Entity:
        return next(e for e in self.entities if e.name == name)

    def add_entity(self, type_: str, name: str, labels: list[str] | None = None) -> Entity:
        entity = Entity(
            id=f"{type_.lower()}-{len(self.entities)}",
            type=type_,
            labels=labels or [type_],
            name=name,
            documents=[DOC.id],
        )
        self.entities.append(entity)
        return entity

    def add_relation(
        self,
        type_: str,
        head: Entity,
        tail: Entity,
        title: str = "",
        start: int = 0,
        where: str | None = None,
    ) -> Relation:
        evidence = Evidence(
            document=DOC.id,
            source=DOC.source,
            start=start,
            end=len(SENTENCE),
            text=SENTENCE,
            confidence=0.7,
            where=where,
        )
        relation = Relation(
            id=f"r-{len(self.relations)}",
            type=type_,
            head=head.id,
            tail=tail.id,
            attributes={"title": title} if title else {},
            confidence=0.7,
            evidence=[evidence],
        )
        self.relations.append(relation)
        return relation


@pytest.fixture
def document() -> DocumentInfo:
    return DOC


@pytest.fixture
def sentence() -> str:
    """The evidence sentence of every relation in `store`."""
    return SENTENCE


@pytest.fixture
def store() -> FakeStore:
    """示例区 with its park, the park's working committee and its secretary, a joint branch and a company."""
    fake = FakeStore(docs=[DOC])
    region = fake.add_entity("Region", "示例区")
    park = fake.add_entity("Park", "示例区工业园区")
    committee = fake.add_entity("Committee", "示例区工业园区党工委")
    branch = fake.add_entity("Branch", "示例区工业园区联合党支部", ["Branch", "JointBranch"])
    company = fake.add_entity("Enterprise", "甲乙科技有限公司")
    person = fake.add_entity("Person", "李四")
    practice = fake.add_entity("Practice", "五联工作法")
    fake.entities[1] = park.model_copy(update={"aliases": ["园区"]})
    fake.add_relation("LOCATED_IN", park, region)
    fake.add_relation("PARTY_ORG_OF", committee, park)
    fake.add_relation("SUBORDINATE_TO", branch, committee)
    fake.add_relation("COVERS", branch, company)
    fake.add_relation("HOLDS_POST", person, committee, title="书记")
    fake.add_relation("ADOPTS", committee, practice)
    return fake
