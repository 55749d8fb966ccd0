"""Builds small invented `DocumentFacts` for tests, with a document text the offsets really index.

`park_documents()` is the example world the store tests share: two briefings
about an invented park, its committee, a joint branch, an industry committee
and a few enterprises. Tests find entities by `entity_key(type, name)`.
"""

from __future__ import annotations

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key

REGION = "示例区"
DISTRICT_COMMITTEE = "示例区委"
ORGANIZATION_DEPARTMENT = "示例区委组织部"
JOINT_COMMITTEE = "示例区非公企业联合党委"
PARK = "示例工业园区"
PARK_COMMITTEE = "示例工业园区党委"
JOINT_BRANCH = "示例工业园区第一联合党支部"
INDUSTRY_COMMITTEE = "示例电子信息行业党委"
COMPANY_BRANCH = "戊己电子有限公司党支部"
TECH_COMPANY = "甲乙科技有限公司"
MAKER_COMPANY = "丙丁制造有限公司"
ELECTRONICS_COMPANY = "戊己电子有限公司"
SECRETARY = "张示例"
PRACTICE = "双联双促工作法"


class FactBuilder:
    """Collects entities and relations of one invented document; each adds a sentence to its text."""

    def __init__(self, doc_id: str, source: str | None = None, title: str = "") -> None:
        self._document = DocumentInfo(id=doc_id, source=source or f"{doc_id}.txt", title=title)
        self._text = ""
        self._entities: list[EntityFact] = []
        self._relations: list[RelationFact] = []

    def _sentence(self, sentence: str) -> Span:
        start = len(self._text)
        self._text += sentence
        return Span(start=start, end=len(self._text), text=sentence)

    def entity(self, type_: str, name: str, *aliases: str) -> str:
        """Add an entity and return its document-local id."""
        local = f"e{len(self._entities) + 1}"
        mention = self._sentence(name)
        self._sentence("。")
        self._entities.append(
            EntityFact(
                id=local,
                key=entity_key(type_, name),
                type=type_,
                name=name,
                aliases=list(aliases),
                mentions=[mention],
            )
        )
        return local

    def relation(
        self, type_: str, head: str, tail: str, confidence: float = 0.5, title: str | None = None
    ) -> RelationFact:
        """Add a relation between two local ids, evidenced by a sentence naming both.

        An id that is not an entity of this document is kept as given, to build bad facts.
        """
        names = {fact.id: fact.name for fact in self._entities}
        evidence = self._sentence(f"{names.get(head, head)}{title or type_}{names.get(tail, tail)}。")
        fact = RelationFact(
            type=type_,
            head=head,
            tail=tail,
            attributes={"title": title} if title else {},
            evidence=evidence,
            confidence=confidence,
        )
        self._relations.append(fact)
        return fact

    def build(self) -> DocumentFacts:
        return DocumentFacts(
            document=self._document,
            entities=list(self._entities),
            relations=list(self._relations),
            text=self._text,
        )


def briefing() -> DocumentFacts:
    """The first document: the park's whole organization."""
    doc = FactBuilder("doc-briefing", title="示例工业园区党建工作简报")
    region = doc.entity("Region", REGION)
    district = doc.entity("Committee", DISTRICT_COMMITTEE, "中共示例区委")
    department = doc.entity("Organization", ORGANIZATION_DEPARTMENT)
    joint_committee = doc.entity("Committee", JOINT_COMMITTEE)
    park = doc.entity("Park", PARK, "示例园区")
    committee = doc.entity("Committee", PARK_COMMITTEE, "园区党委")
    joint = doc.entity("Branch", JOINT_BRANCH)
    industry = doc.entity("Committee", INDUSTRY_COMMITTEE)
    company_branch = doc.entity("Branch", COMPANY_BRANCH)
    tech = doc.entity("Enterprise", TECH_COMPANY)
    maker = doc.entity("Enterprise", MAKER_COMPANY)
    electronics = doc.entity("Enterprise", ELECTRONICS_COMPANY)
    secretary = doc.entity("Person", SECRETARY)
    practice = doc.entity("Practice", PRACTICE)
    doc.relation("PART_OF", department, district)
    doc.relation("SUBORDINATE_TO", joint_committee, district)
    doc.relation("LOCATED_IN", park, region)
    doc.relation("PARTY_ORG_OF", committee, park)
    doc.relation("SUBORDINATE_TO", committee, district)
    doc.relation("SUBORDINATE_TO", joint, committee)
    doc.relation("COVERS", joint, tech, confidence=0.6)
    doc.relation("COVERS", joint, maker)
    doc.relation("SUBORDINATE_TO", industry, committee)
    doc.relation("COVERS", industry, tech)
    doc.relation("SUBORDINATE_TO", company_branch, industry)
    doc.relation("PARTY_ORG_OF", company_branch, electronics)
    doc.relation("HOLDS_POST", secretary, committee, title="书记")
    doc.relation("ADOPTS", committee, practice)
    return doc.build()


def alliance_report() -> DocumentFacts:
    """The second document: repeats one relation, adds aliases and two more posts."""
    doc = FactBuilder("doc-alliance", title="示例工业园区联建简报")
    park = doc.entity("Park", PARK, "示例工业园")
    committee = doc.entity("Committee", PARK_COMMITTEE)
    joint = doc.entity("Branch", JOINT_BRANCH, "第一联合党支部")
    tech = doc.entity("Enterprise", TECH_COMPANY, "甲乙科技")
    secretary = doc.entity("Person", SECRETARY)
    doc.relation("PARTY_ORG_OF", committee, park)
    doc.relation("COVERS", joint, tech, confidence=0.9)
    doc.relation("HOLDS_POST", secretary, committee, title="党委委员")
    doc.relation("HOLDS_POST", secretary, tech, title="董事长")
    return doc.build()


def park_documents() -> list[DocumentFacts]:
    """The example world, in load order."""
    return [briefing(), alliance_report()]
