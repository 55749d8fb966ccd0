"""The web explorer in a real headless Chromium, as a person uses it, over the real API.

What each test expects is worked out from the example world's facts (`factbuilder.park_documents()`),
never from the explorer's own answers. The graph is read from Cytoscape (`window.cy`) and clicked
through the mouse at the places Cytoscape drew the nodes and edges.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from factbuilder import (
    DISTRICT_COMMITTEE,
    ELECTRONICS_COMPANY,
    JOINT_BRANCH,
    PARK_COMMITTEE,
    SECRETARY,
    TECH_COMPANY,
)

from parkgraph.graph.facts import DocumentFacts

WAIT_MS = 10_000


@dataclass(frozen=True)
class Said:
    """One relation as one document states it, by entity names."""

    type: str
    head: str
    tail: str
    title: str
    confidence: float
    sentence: str
    start: int
    end: int
    source: str
    document: str
    where: str | None = None


class World:
    """The served facts by name: entity types, relations and what the schema's questions should answer."""

    def __init__(self, documents: list[DocumentFacts]) -> None:
        self.types: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.said: list[Said] = []
        self.texts = {facts.document.id: facts.text for facts in documents}
        for facts in documents:
            names = {entity.id: entity.name for entity in facts.entities}
            for entity in facts.entities:
                self.types[entity.name] = entity.type
                self.aliases[entity.name].update(entity.aliases)
            for fact in facts.relations:
                self.said.append(
                    Said(
                        type=fact.type,
                        head=names[fact.head],
                        tail=names[fact.tail],
                        title=fact.attributes.get("title", ""),
                        confidence=fact.confidence,
                        sentence=fact.evidence.text,
                        start=fact.evidence.start,
                        end=fact.evidence.end,
                        source=facts.document.source,
                        document=facts.document.id,
                        where=fact.evidence.where,
                    )
                )

    def neighbours(self, name: str, min_confidence: float = 0.0) -> set[str]:
        """Entities one relation away whose relation (its best evidence) reaches `min_confidence`."""
        best: dict[tuple[str, str, str, str], float] = defaultdict(float)
        for said in self.said:
            key = (said.type, said.head, said.tail, said.title)
            best[key] = max(best[key], said.confidence)
        found = set()
        for (_, head, tail, _), confidence in best.items():
            if confidence >= min_confidence and name in (head, tail):
                found.add(tail if head == name else head)
        return found

    def _reach(self, name: str, outwards: bool) -> set[str]:
        """`name` and what SUBORDINATE_TO and PART_OF lead to, followed outwards (up) or inwards (down)."""
        reached = {name}
        frontier = [name]
        while frontier:
            here = frontier.pop()
            for said in self.said:
                if said.type not in ("SUBORDINATE_TO", "PART_OF"):
                    continue
                near, far = (said.head, said.tail) if outwards else (said.tail, said.head)
                if near == here and far not in reached:
                    reached.add(far)
                    frontier.append(far)
        return reached

    def above(self, name: str) -> set[str]:
        return self._reach(name, outwards=True) - {name}

    def below(self, name: str) -> set[str]:
        return self._reach(name, outwards=False) - {name}

    def enterprises_under(self, name: str) -> set[str]:
        """SCHEMA.md: enterprises reached by COVERS or PARTY_ORG_OF from it or from bodies below it."""
        below = self._reach(name, outwards=False)
        return {
            said.tail
            for said in self.said
            if said.type in ("COVERS", "PARTY_ORG_OF")
            and said.head in below
            and self.types[said.tail] == "Enterprise"
        }

    def hops(self, source: str, target: str) -> int:
        """Relations on a shortest path, ignoring direction."""
        adjacent = defaultdict(set)
        for said in self.said:
            adjacent[said.head].add(said.tail)
            adjacent[said.tail].add(said.head)
        distance = {source: 0}
        queue = deque([source])
        while queue:
            here = queue.popleft()
            for there in adjacent[here] - distance.keys():
                distance[there] = distance[here] + 1
                queue.append(there)
        return distance[target]

    def between(self, type_: str, head: str, tail: str) -> list[Said]:
        return [s for s in self.said if (s.type, s.head, s.tail) == (type_, head, tail)]


class Explorer:
    """The explorer page: what a person does on it, and what its Cytoscape graph holds."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.set_default_timeout(WAIT_MS)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("request", lambda request: self._note_request(request.url))

    def _note_request(self, url: str) -> None:
        if not (url.startswith(self.base_url) or url.startswith("data:")):
            self.outside.append(url)

    def open(self, fragment: str = "") -> None:
        self.page.goto(f"{self.base_url}/{fragment}")
        self.page.wait_for_function("document.getElementById('stats').textContent !== ''")

    def search(self, text: str, type_: str = "") -> list[str]:
        self.page.fill("#search-input", text)
        self.page.select_option("#type-filter", type_)
        with self.page.expect_response(lambda response: "/api/entities?" in response.url):
            self.page.click("#search-form button[type=submit]")
        self.page.wait_for_function("document.getElementById('result-count').textContent !== ''")
        return self.page.locator("#results .name").all_inner_texts()

    def open_result(self, name: str) -> None:
        """Search for `name` and pick it; waits until the panel shows it."""
        self.search(name)
        self.page.locator("#results button", has=self.page.locator(".name", has_text=name)).first.click()
        self.wait_for_panel_title(name)

    def wait_for_panel_title(self, text: str) -> None:
        self.page.locator("#panel h2", has_text=text).wait_for()

    def labels(self, selector: str = "node:visible") -> set[str]:
        return set(self.page.evaluate(f"() => window.cy.$('{selector}').map((n) => n.data('label'))"))

    def wait_for_labels(self, expected: set[str]) -> None:
        """Until the visible nodes are exactly `expected`, or the wait runs out (then the caller compares)."""
        script = "(expected) => { const shown = window.cy.$('node:visible').map((n) => n.data('label'));"
        script += " return shown.length === expected.length && expected.every((l) => shown.includes(l)); }"
        from playwright.sync_api import TimeoutError as WaitRanOut

        try:
            self.page.wait_for_function(script, arg=sorted(expected), timeout=WAIT_MS)
        except WaitRanOut:  # the caller's assertion then shows the difference
            return

    def _screen_point(self, expression: str) -> tuple[float, float]:
        """Where on the page a Cytoscape rendered position (relative to the graph's container) is."""
        point = self.page.evaluate(
            f"() => {{ const p = {expression}; const box = window.cy.container().getBoundingClientRect();"
            " return [box.left + p.x, box.top + p.y]; }"
        )
        return point[0], point[1]

    def _node(self, label: str) -> str:
        return f"window.cy.nodes().filter((n) => n.data('label') === {label!r})"

    def click_node(self, label: str) -> None:
        self.page.mouse.click(*self._screen_point(f"{self._node(label)}.renderedPosition()"))

    def double_click_node(self, label: str) -> None:
        self.page.mouse.dblclick(*self._screen_point(f"{self._node(label)}.renderedPosition()"))

    def click_edge(self, type_: str, head: str, tail: str) -> None:
        edge = (
            f"{self._node(head)}.edgesTo({self._node(tail)})"
            f".filter((e) => e.data('type') === {type_!r})[0].renderedMidpoint()"
        )
        self.page.mouse.click(*self._screen_point(edge))

    def panel_text(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture(scope="module")
def world(served_documents: list[DocumentFacts]) -> World:
    return World(served_documents)


@pytest.fixture
def explorer(browser, base_url: str) -> Iterator[Explorer]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = Explorer(context.new_page(), base_url)
    yield page
    context.close()


def test_search_finds_an_entity_by_an_alias(explorer, world):
    name = DISTRICT_COMMITTEE
    alias = next(alias for alias in sorted(world.aliases[name]) if alias not in name)
    explorer.open()

    assert name in explorer.search(alias)
    assert not explorer.errors


def test_search_with_a_type_lists_only_that_type(explorer, world):
    explorer.open()

    found = explorer.search("示例", "Branch")

    expected = {name for name, type_ in world.types.items() if type_ == "Branch" and "示例" in name}
    assert set(found) == expected


def test_opening_an_entity_draws_its_neighbourhood(explorer, world):
    explorer.open()

    explorer.open_result(PARK_COMMITTEE)

    expected = {PARK_COMMITTEE} | world.neighbours(PARK_COMMITTEE)
    explorer.wait_for_labels(expected)
    assert explorer.labels() == expected
    legend = explorer.page.inner_text("#legend")
    assert all(type_ in legend for type_ in set(world.types.values()))
    assert not explorer.errors


def test_double_clicking_a_node_adds_its_neighbours(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)
    before = explorer.labels()
    assert TECH_COMPANY in before

    explorer.double_click_node(TECH_COMPANY)

    expected = before | world.neighbours(TECH_COMPANY)
    assert expected > before, "the example world gives the enterprise neighbours beyond the branch's"
    explorer.wait_for_labels(expected)
    assert explorer.labels() == expected


def test_clicking_an_edge_shows_its_evidence_sentences(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)

    explorer.click_edge("COVERS", JOINT_BRANCH, TECH_COMPANY)
    explorer.page.locator("#panel .evidence").first.wait_for()

    said = world.between("COVERS", JOINT_BRANCH, TECH_COMPANY)
    assert len(said) == 2, "the example world supports this relation in two documents"
    text = explorer.panel_text()
    for sentence in said:
        assert sentence.sentence in text
        assert sentence.source in text
        assert f"{sentence.start}–{sentence.end}" in text
    assert not explorer.errors


def test_an_evidence_sentence_from_a_paged_source_shows_its_page(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)
    explorer.click_edge("COVERS", JOINT_BRANCH, TECH_COMPANY)
    explorer.page.locator("#panel .evidence").first.wait_for()

    said = world.between("COVERS", JOINT_BRANCH, TECH_COMPANY)
    assert sorted(str(s.where) for s in said) == ["None", "第2页"], "one paged source, one text"
    for sentence in said:
        block = explorer.page.locator("#panel .evidence", has_text=sentence.source)
        places = block.locator(".where").all_inner_texts()
        assert places == ([sentence.where] if sentence.where else [])


def test_an_evidence_sentence_is_shown_marked_in_its_document(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)
    explorer.click_edge("COVERS", JOINT_BRANCH, TECH_COMPANY)
    evidence = explorer.page.locator("#panel .evidence").last
    said = next(
        s for s in world.between("COVERS", JOINT_BRANCH, TECH_COMPANY) if s.source in evidence.inner_text()
    )

    evidence.get_by_role("button", name="read in the document").click()
    explorer.page.locator("#panel .document-text").wait_for()

    assert explorer.page.inner_text("#panel mark.evidence-here") == said.sentence
    assert explorer.page.text_content("#panel .document-text") == world.texts[said.document]
    record = explorer.page.get_by_role("link", name="document record").get_attribute("href")
    assert record.endswith(f"/api/documents/{said.document}")

    explorer.page.get_by_role("button", name="← back").click()
    assert explorer.page.locator("#panel .evidence").count() == 2


def test_a_person_panel_lists_the_posts_with_their_titles(explorer, world):
    explorer.open()

    explorer.open_result(SECRETARY)

    titles = {said.title for said in world.said if said.type == "HOLDS_POST" and said.head == SECRETARY}
    assert len(titles) > 1
    rows = explorer.page.locator("#panel .relation-row").all_inner_texts()
    for title in titles:
        assert any(title in row for row in rows), title


def test_clicking_a_relation_in_the_panel_shows_its_evidence(explorer, world):
    explorer.open()
    explorer.open_result(SECRETARY)
    said = [
        s for s in world.said if s.type == "HOLDS_POST" and s.head == SECRETARY and s.tail == TECH_COMPANY
    ]

    explorer.page.locator("#panel .relation-row", has_text=said[0].title).get_by_role("button").click()

    explorer.page.locator("#panel blockquote", has_text=said[0].sentence).wait_for()
    marked = explorer.page.locator("#panel blockquote mark").all_inner_texts()
    assert {SECRETARY, TECH_COMPANY} <= set(marked), "the sentence marks the two entities"


def test_enterprises_under_lists_and_highlights_the_enterprises(explorer, world):
    explorer.open()
    explorer.open_result(PARK_COMMITTEE)

    explorer.page.get_by_role("button", name="Enterprises under it").click()
    explorer.page.locator("#panel .reach-item").first.wait_for()

    expected = world.enterprises_under(PARK_COMMITTEE)
    assert len(expected) > 1
    listed = explorer.page.locator("#panel .reach-item > .link-button").all_inner_texts()
    assert set(listed) == expected
    assert explorer.labels("node.hit") == expected
    for item in explorer.page.locator("#panel .reach-item").all():
        assert item.locator("blockquote").count() >= 1, "each enterprise comes with evidence"


def test_hierarchy_above_lists_the_bodies_above(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)

    explorer.page.get_by_role("button", name="Hierarchy above it").click()
    explorer.page.locator("#panel .reach-item").first.wait_for()

    expected = world.above(JOINT_BRANCH)
    assert len(expected) > 1
    listed = explorer.page.locator("#panel .reach-item > .link-button").all_inner_texts()
    assert set(listed) == expected
    assert explorer.labels("node.hit") == expected


def test_min_confidence_hides_weaker_relations(explorer, world):
    explorer.open()
    explorer.open_result(JOINT_BRANCH)
    floor = 0.6
    assert world.neighbours(JOINT_BRANCH, floor) < world.neighbours(JOINT_BRANCH)

    explorer.page.evaluate(
        "(value) => { const slider = document.getElementById('min-confidence'); slider.value = value;"
        " slider.dispatchEvent(new Event('change')); }",
        str(floor),
    )

    expected = {JOINT_BRANCH} | world.neighbours(JOINT_BRANCH, floor)
    explorer.wait_for_labels(expected)
    assert explorer.labels() == expected


def test_path_between_two_entities_is_highlighted(explorer, world):
    explorer.open()
    explorer.open_result(ELECTRONICS_COMPANY)
    explorer.page.get_by_role("button", name="Path from here…").click()
    explorer.open_result(DISTRICT_COMMITTEE)

    explorer.page.get_by_role("button", name=f"Path from {ELECTRONICS_COMPANY}").click()
    explorer.page.locator("#panel .step").first.wait_for()

    hops = world.hops(ELECTRONICS_COMPANY, DISTRICT_COMMITTEE)
    assert explorer.page.locator("#panel .step").count() == hops
    assert explorer.page.evaluate("() => window.cy.$('edge.route').length") == hops


def test_an_address_with_an_entity_opens_it(explorer, world):
    explorer.open()
    explorer.open_result(TECH_COMPANY)
    address = explorer.page.url

    explorer.page.goto("about:blank")
    explorer.page.goto(address)

    explorer.wait_for_panel_title(TECH_COMPANY)
    expected = {TECH_COMPANY} | world.neighbours(TECH_COMPANY)
    explorer.wait_for_labels(expected)
    assert explorer.labels() == expected


def test_the_pages_load_nothing_from_elsewhere(explorer):
    explorer.open()
    explorer.open_result(PARK_COMMITTEE)
    explorer.page.goto(f"{explorer.base_url}/docs")
    explorer.page.locator(".swagger-ui .info .title").wait_for()

    assert "parkgraph" in explorer.page.inner_text(".swagger-ui .info .title")
    assert explorer.outside == []
    assert not explorer.errors
