"""Synthetic parkgraph facts for benchmarks: many documents about invented parks, seeded and repeatable.

`generate_documents(count, seed)` returns `count` `DocumentFacts`, each a briefing about
one park: the region chain above it, the district committee and its organization
department, the park, a park-in-park, the park committee with its industry and joint
committees, the management committee and service centre, enterprises with their
branches and joint branches, people holding posts, and practices. A park is the
subject of about three documents; its organization, practices from a shared pool, the
chairs of enterprises it mentions again and the regions above it are the same entities
(same `key`) in each, so loading merges them. A document holds 121 entities and about
340 relations, and 1,000 documents make a graph of just over 100,000 entities and
300,000 relations. Every relation has an evidence sentence of the document's text that
names both ends, and every entity a mention in it.

Names are made up from character pools by counters, so they are unique per type and
never taken from the corpus. Run `python benchmarks/generate.py [--documents N]` to see
the sizes and how long generating takes.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key, relation_key
from parkgraph.loaders.collector import collection_paused

__all__ = ["DOCUMENTS_PER_PARK", "MAX_DOCUMENTS", "generate_documents", "graph_size", "iter_documents"]

DOCUMENTS_PER_PARK = 3
"""On average; documents pick their park at random, so some parks get one document and some five."""

MAX_DOCUMENTS = 10_000
"""Enough names for this many documents: about 1,000,000 entities and 3,000,000 relations."""

ENTERPRISES = 46
"""Enterprises a document names; up to RECALLED_ENTERPRISES of them are named again from earlier documents."""

RECALLED_ENTERPRISES = 6
ENTERPRISE_BRANCHES = 14
JOINT_BRANCHES = 5
COVERED_BY_JOINT_BRANCH = 4
MEMBERS = 16
"""People a document names besides chairs and secretaries: branch members, liaisons of the service centre."""

PRACTICES_IN_POOL = 400
PRACTICES_PER_DOCUMENT = 3

_PLACE = (
    "安宁华兴泰和永丰嘉禾青云临江南屏北辰东阳西岭长乐清源金山玉泉龙溪凤鸣白鹭翠湖桐柏松涛枫林梅竹荷塘石桥"
)
_BRAND = (
    "鑫泰恒瑞祥宏达盛源嘉德诚信联创新科博远中天丰汇通海川瀚隆昌明晟亿佳和锦盈睿康禾美诺凯峰腾荣华光耀星辉"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文建国志红玉兰海波宁峰斌鹏辉俊浩宇晨欣悦琳"
_MORE_PLACE = "平湾岗桃杏花柳岸风梨园枣庄榆槐荫杨村桑栗"
_MORE_BRAND = (
    "金银福顺永安吉富贵宝鼎正大润伟业卓越精工振兴启航蓝绿融世纪东方长城"
    "万豪利元旺昊云山江河湖森林雅致尚品优智慧捷迅驰"
)
_MORE_SURNAMES = (
    "钟汪姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文庞樊殷施陶洪翟安颜倪"
    "严牛温季俞章鲁葛伍韦申尤毕聂焦向柳邢"
)
_MORE_GIVEN = "子梓涵轩睿博雅思嘉怡晓雪梦琪诗婷雨萱佳慧颖瑶家乐天一心若云凯"
# Names past the first pools' (2,000 documents' worth) come from these: their first character is from
# an alphabet the first pool's does not use, so they never repeat a name, and the names of 2,000
# documents or fewer stay what they were.
_PLACES = ((_PLACE, _PLACE), (_MORE_PLACE, _PLACE + _MORE_PLACE))
_BRANDS = ((_BRAND, _BRAND, _BRAND), (_MORE_BRAND, _BRAND + _MORE_BRAND, _BRAND + _MORE_BRAND))
_PEOPLE = ((_SURNAMES, _GIVEN, _GIVEN), (_MORE_SURNAMES, _GIVEN + _MORE_GIVEN, _GIVEN + _MORE_GIVEN))
_DIGITS = "零一二三四五六七八九"
_PARK_KINDS = ("经济技术开发区", "高新技术产业开发区", "工业集中区", "产业园", "物流园区", "科技园", "创业园")
_PARK_SHORT = {"经济技术开发区": "经开区", "高新技术产业开发区": "高新区", "工业集中区": "工业园"}
_INDUSTRIES = ("电子信息", "装备制造", "新材料", "生物医药", "食品饮料", "汽车汽配", "纺织服装", "现代物流")
_COMPANY_SUFFIXES = ("有限公司", "有限责任公司", "股份有限公司", "集团有限公司")
_PRACTICE_NUMBERS = "双三四五六"
_PRACTICE_VERBS = "联促创建融带引帮强优学比"
_PRACTICE_WORDS = ("工作法", "工作机制", "党建品牌", "工程", "服务体系")
_MEMBER_TITLES = ("党员", "组织委员", "宣传委员", "纪检委员")
_CONFIDENCES = (0.55, 0.6, 0.7, 0.8, 0.9, 0.95)

_SENTENCES = {
    "LOCATED_IN": ("{h}位于{t}。", "{h}坐落在{t}。", "{h}地处{t}。"),
    "PART_OF": ("{t}下设{h}。", "{h}是{t}的组成部分。"),
    "SUBORDINATE_TO": ("{h}隶属于{t}。", "{t}统筹指导{h}开展工作。", "{h}在{t}领导下开展工作。"),
    "PARTY_ORG_OF": ("{t}成立了{h}。", "{h}负责{t}的党建工作。"),
    "COVERS": ("{h}吸收{t}参加联建。", "{h}将{t}纳入覆盖范围。"),
    "HOLDS_POST": ("{t}{title}{h}介绍了有关情况。", "{h}现任{t}{title}。"),
    "ADOPTS": ("{h}探索推行{t}。", "{h}创建了{t}。", "{h}积极实施{t}。"),
}


def _name(index: int, pools: Sequence[Sequence[str]]) -> str:
    """The `index`-th name of the first pool, then of the next when it runs out (see `_word`)."""
    for alphabets in pools[:-1]:
        size = math.prod(len(alphabet) for alphabet in alphabets)
        if index < size:
            break
        index -= size
    else:
        alphabets = pools[-1]
    return _word(index, alphabets)


def _word(index: int, alphabets: Sequence[str]) -> str:
    """The `index`-th word with its n-th character from `alphabets[n]`, spread so neighbours differ."""
    size = math.prod(len(alphabet) for alphabet in alphabets)
    if index >= size:
        raise ValueError(f"only {size} distinct names of this kind; asked for #{index + 1}")
    spread = (index * 7919 + 13) % size  # a bijection: the prime 7919 shares no factor with these sizes
    chars = []
    for alphabet in alphabets:
        spread, digit = divmod(spread, len(alphabet))
        chars.append(alphabet[digit])
    return "".join(chars)


def _numeral(number: int) -> str:
    """Chinese numerals for 1–99, as in 第十二联合党支部."""
    tens, ones = divmod(number, 10)
    if not 0 < number < 100:
        raise ValueError(f"no numeral for {number}")
    head = "" if tens == 0 else "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class _Enterprise:
    name: str
    short: str
    industry: int
    """Which of its park's two industry committees takes it in."""
    in_sub_park: bool


@dataclass
class _Park:
    """What stays the same about a park from one document to the next."""

    name: str
    aliases: tuple[str, ...]
    district: str
    city: str
    province: str
    industries: tuple[str, str]
    secretary: str
    industry_secretaries: tuple[str, str]
    joint_secretary: str
    department_head: str
    enterprises: list[_Enterprise] = field(default_factory=list)
    """Every enterprise its documents have named so far."""
    joint_branches: int = 0


class _World:
    """Hands out fresh names by counters and remembers each park between documents."""

    def __init__(self, documents: int, rng: random.Random) -> None:
        self.rng = rng
        self._counters: dict[str, int] = {}
        parks = max(1, documents // DOCUMENTS_PER_PARK)
        districts = [self._district() for _ in range(max(1, parks // 2))]
        cities = [f"{self._fresh('place', _PLACES)}市" for _ in range(max(1, len(districts) // 4))]
        provinces = [f"{self._fresh('place', _PLACES)}省" for _ in range(max(1, len(cities) // 5))]
        city_of = {district: rng.choice(cities) for district in districts}
        province_of = {city: rng.choice(provinces) for city in cities}
        self.practices = [self._practice() for _ in range(PRACTICES_IN_POOL)]
        self.parks = []
        kinds: dict[str, int] = {}
        for index in range(parks):
            district = districts[index % len(districts)]
            kind = _PARK_KINDS[kinds.setdefault(district, rng.randrange(len(_PARK_KINDS)))]
            kinds[district] = (_PARK_KINDS.index(kind) + 1) % len(_PARK_KINDS)
            industries = rng.sample(_INDUSTRIES, 2)
            short = _PARK_SHORT.get(kind)
            self.parks.append(
                _Park(
                    name=f"{district[:-1]}{kind}",
                    aliases=(f"{district[:-1]}{short}",) if short else (),
                    district=district,
                    city=city_of[district],
                    province=province_of[city_of[district]],
                    industries=(industries[0], industries[1]),
                    secretary=self.person(),
                    industry_secretaries=(self.person(), self.person()),
                    joint_secretary=self.person(),
                    department_head=self.person(),
                )
            )

    def _fresh(self, counter: str, pools: Sequence[Sequence[str]]) -> str:
        index = self._counters.get(counter, 0)
        self._counters[counter] = index + 1
        return _name(index, pools)

    def _district(self) -> str:
        return f"{self._fresh('place', _PLACES)}{self.rng.choice('区区区县')}"

    def _practice(self) -> str:
        index = self._counters.get("practice", 0)
        self._counters["practice"] = index + 1
        number = _PRACTICE_NUMBERS[index % len(_PRACTICE_NUMBERS)]
        verbs = _word(index // len(_PRACTICE_NUMBERS), (_PRACTICE_VERBS, _PRACTICE_VERBS))
        return f"{number}{verbs[0]}{number}{verbs[1]}{_PRACTICE_WORDS[index % len(_PRACTICE_WORDS)]}"

    def person(self) -> str:
        return self._fresh("person", _PEOPLE)

    def enterprise(self, park: _Park) -> _Enterprise:
        """A new enterprise of `park`, remembered so later documents about the park may name it again."""
        brand = self._fresh("brand", _BRANDS)
        industry = self.rng.randrange(2)
        short = f"{brand}{park.industries[industry]}"
        found = _Enterprise(
            name=f"{short}{self.rng.choice(_COMPANY_SUFFIXES)}",
            short=short,
            industry=industry,
            in_sub_park=industry == 0 and self.rng.random() < 0.5,
        )
        park.enterprises.append(found)
        return found


class _Document:
    """One document's facts as they are written: each relation adds its evidence sentence to the text."""

    def __init__(self, doc_id: str, title: str, rng: random.Random) -> None:
        self._info = DocumentInfo(id=doc_id, source=f"{doc_id}.txt", title=title)
        self._rng = rng
        self._parts: list[str] = [title, "\n"]
        self._length = len(title) + 1
        self._entities: dict[tuple[str, str], dict] = {}
        self._relations: list[RelationFact] = []
        self._seen: set[tuple[str, str, str, str]] = set()

    def entity(self, type_: str, name: str, *aliases: str) -> tuple[str, str]:
        """A (type, name) reference, registering the entity the first time the document names it."""
        if (type_, name) not in self._entities:
            local = f"e{len(self._entities) + 1}"
            self._entities[(type_, name)] = {
                "id": local,
                "type": type_,
                "name": name,
                "aliases": list(aliases),
            }
        return type_, name

    def relation(
        self, type_: str, head: tuple[str, str], tail: tuple[str, str], title: str | None = None
    ) -> None:
        """Add a relation once per document, with a sentence naming both ends; the ends get mentions."""
        if (type_, *head, *tail, title or "") in self._seen:
            return
        self._seen.add((type_, *head, *tail, title or ""))
        templates = _SENTENCES[type_]
        template = templates[int(self._rng.random() * len(templates))]
        sentence = template.format(h=head[1], t=tail[1], title=title or "")
        start = self._length
        self._parts.append(sentence)
        self._length += len(sentence)
        for end in (head, tail):
            record = self._entities[end]
            if "mention" not in record:
                at = start + sentence.index(end[1])
                record["mention"] = Span(start=at, end=at + len(end[1]), text=end[1])
        self._relations.append(
            RelationFact(
                type=type_,
                head=self._entities[head]["id"],
                tail=self._entities[tail]["id"],
                attributes={"title": title} if title else {},
                evidence=Span(start=start, end=self._length, text=sentence),
                confidence=_CONFIDENCES[int(self._rng.random() * len(_CONFIDENCES))],
            )
        )

    def build(self) -> DocumentFacts:
        entities = [
            EntityFact(
                id=record["id"],
                key=entity_key(record["type"], record["name"]),
                type=record["type"],
                name=record["name"],
                aliases=record["aliases"],
                mentions=[record["mention"]] if "mention" in record else [],
            )
            for record in self._entities.values()
        ]
        return DocumentFacts(
            document=self._info, entities=entities, relations=self._relations, text="".join(self._parts)
        )


def _briefing(world: _World, park: _Park, doc_id: str, issue: int) -> DocumentFacts:
    """A document about `park`: its organization, some enterprises named again and new ones, and people."""
    rng = world.rng
    doc = _Document(doc_id, f"{park.name}党建工作简报第{issue}期", rng)
    entity, relate = doc.entity, doc.relation
    province = entity("Region", park.province)
    city = entity("Region", park.city)
    district = entity("Region", park.district)
    district_committee = entity("Committee", f"{park.district}委", f"中共{park.district}委")
    department = entity("Organization", f"{park.district}委组织部")
    the_park = entity("Park", park.name, *park.aliases)
    sub_park = entity("Park", f"{park.name}{park.industries[0]}产业园")
    committee = entity("Committee", f"{park.name}党工委", "园区党工委")
    management = entity("Organization", f"{park.name}管理委员会", f"{park.name}管委会")
    centre = entity("Organization", f"{park.name}党群服务中心")
    industry_committees = [
        entity("Committee", f"{park.name}{industry}行业党委") for industry in park.industries
    ]
    joint_committee = entity("Committee", f"{park.name}非公企业联合党委")

    relate("LOCATED_IN", city, province)
    relate("LOCATED_IN", district, city)
    relate("PARTY_ORG_OF", district_committee, district)
    relate("PART_OF", department, district_committee)
    relate("LOCATED_IN", the_park, district)
    relate("PART_OF", sub_park, the_park)
    relate("LOCATED_IN", sub_park, district)
    relate("PARTY_ORG_OF", committee, the_park)
    relate("SUBORDINATE_TO", committee, district_committee)
    relate("LOCATED_IN", management, the_park)
    relate("SUBORDINATE_TO", management, committee)
    relate("PART_OF", centre, management)
    relate("SUBORDINATE_TO", centre, committee)
    for unit in (*industry_committees, joint_committee):
        relate("SUBORDINATE_TO", unit, committee)
    practices = [entity("Practice", name) for name in rng.sample(world.practices, PRACTICES_PER_DOCUMENT)]
    for practice in practices:
        relate("ADOPTS", committee, practice)
    relate("ADOPTS", the_park, practices[0])
    for unit, practice in zip((*industry_committees, joint_committee), practices, strict=True):
        relate("ADOPTS", unit, practice)

    secretary = entity("Person", park.secretary)
    relate("HOLDS_POST", secretary, committee, "书记")
    relate("HOLDS_POST", secretary, district_committee, "常委")
    relate("HOLDS_POST", secretary, management, "主任")
    head = entity("Person", park.department_head)
    relate("HOLDS_POST", head, department, "部长")
    relate("HOLDS_POST", head, district_committee, "常委")
    for name, unit in zip(park.industry_secretaries, industry_committees, strict=True):
        relate("HOLDS_POST", entity("Person", name), unit, "书记")
        relate("HOLDS_POST", entity("Person", name), committee, "党工委委员")
    relate("HOLDS_POST", entity("Person", park.joint_secretary), joint_committee, "书记")
    relate("HOLDS_POST", entity("Person", park.joint_secretary), committee, "党工委委员")

    recalled = rng.sample(park.enterprises, min(RECALLED_ENTERPRISES, len(park.enterprises)))
    new = [world.enterprise(park) for _ in range(ENTERPRISES - len(recalled))]
    enterprises = {}
    for enterprise in (*recalled, *new):
        unit = enterprises[enterprise] = entity("Enterprise", enterprise.name, enterprise.short)
        relate("LOCATED_IN", unit, sub_park if enterprise.in_sub_park else the_park)
        relate("LOCATED_IN", unit, district)
        relate("COVERS", industry_committees[enterprise.industry], unit)

    branches = []
    for enterprise in new[:ENTERPRISE_BRANCHES]:
        unit = enterprises[enterprise]
        branch = entity("Branch", f"{enterprise.name}党支部")
        relate("PARTY_ORG_OF", branch, unit)
        relate("SUBORDINATE_TO", branch, industry_committees[enterprise.industry])
        chair = entity("Person", world.person())
        relate("HOLDS_POST", chair, unit, "董事长")
        relate("HOLDS_POST", chair, branch, "书记")
        branches.append((branch, unit))
    without_branch = [enterprises[enterprise] for enterprise in new[ENTERPRISE_BRANCHES:]]
    for unit in without_branch:
        relate("COVERS", joint_committee, unit)
    for number in range(JOINT_BRANCHES):
        park.joint_branches += 1
        branch = entity("Branch", f"{park.name}第{_numeral(park.joint_branches)}联合党支部")
        relate("SUBORDINATE_TO", branch, joint_committee)
        covered = without_branch[number * COVERED_BY_JOINT_BRANCH : (number + 1) * COVERED_BY_JOINT_BRANCH]
        for unit in covered:
            relate("COVERS", branch, unit)
        leader = entity("Person", world.person())
        relate("HOLDS_POST", leader, branch, "书记")
        relate("HOLDS_POST", leader, committee, "党建指导员")
        branches.extend((branch, unit) for unit in covered[:1])
    for _ in range(MEMBERS):
        branch, unit = rng.choice(branches)
        member = entity("Person", world.person())
        relate("HOLDS_POST", member, branch, rng.choice(_MEMBER_TITLES))
        relate("HOLDS_POST", member, unit, rng.choice(("技术员", "项目经理", "质检员")))
        relate("HOLDS_POST", member, centre, "党建联络员")
    return doc.build()


def generate_documents(count: int = 1000, seed: int = 7) -> list[DocumentFacts]:
    """`count` documents about `count // DOCUMENTS_PER_PARK` invented parks; a seed always gives the same."""
    with collection_paused():
        return list(iter_documents(count, seed))


def iter_documents(count: int = 1000, seed: int = 7) -> Iterator[DocumentFacts]:
    """The documents of `generate_documents`, made one at a time as they are asked for, so that a
    caller who loads each and lets it go holds one document, not 10,000."""
    if not 1 <= count <= MAX_DOCUMENTS:
        raise ValueError(f"can generate 1 to {MAX_DOCUMENTS} documents, not {count}")
    rng = random.Random(seed)
    world = _World(count, rng)
    issues: dict[str, int] = {}
    for number in range(count):
        park = rng.choice(world.parks)
        issues[park.name] = issues.get(park.name, 0) + 1
        doc_id = hashlib.sha256(f"parkgraph-synthetic:{seed}:{number}".encode()).hexdigest()
        yield _briefing(world, park, doc_id, issues[park.name])


def graph_size(documents: Iterable[DocumentFacts]) -> tuple[int, int]:
    """How many entities and relations a store holds after loading `documents`: distinct keys, not facts."""
    entities: set[str] = set()
    relations: set[str] = set()
    for doc in documents:
        keys = {fact.id: fact.key for fact in doc.entities}
        entities.update(keys.values())
        relations.update(
            relation_key(fact.type, keys[fact.head], keys[fact.tail], fact.attributes.get("title", ""))
            for fact in doc.relations
        )
    return len(entities), len(relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        documents = generate_documents(args.documents, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    seconds = time.perf_counter() - start
    entities, relations = graph_size(documents)
    print(f"{len(documents):,} documents generated in {seconds:.1f} s")
    print(f"entities:  {sum(len(doc.entities) for doc in documents):,} facts, {entities:,} distinct")
    print(f"relations: {sum(len(doc.relations) for doc in documents):,} facts, {relations:,} distinct")


if __name__ == "__main__":
    main()
