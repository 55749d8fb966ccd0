"""The explorer's org chart in a real headless Chromium: opened from a panel and by address, clicked,
and downloaded as SVG. What it should draw is worked out from the example world's facts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from factbuilder import DISTRICT_COMMITTEE, JOINT_BRANCH, MAKER_COMPANY, PARK_COMMITTEE
from test_explorer_browser import Explorer, World

from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key

SVG = "{http://www.w3.org/2000/svg}"
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
BOXES = "#orgchart-canvas .org-box"

# Each box as drawn: its entity, the unit it hangs from, its title, its name lines and where it is.
READ_BOXES = """() => [...document.querySelectorAll('#orgchart-canvas .org-box')].map((box) => {
  const at = box.getBoundingClientRect();
  return {
    id: box.dataset.id, parent: box.dataset.parent ?? null, title: box.querySelector('title').textContent,
    lines: [...box.querySelectorAll('.org-name tspan')].map((line) => line.textContent),
    top: at.top, bottom: at.bottom, left: at.left, right: at.right,
  };
})"""


@pytest.fixture(scope="module")
def world(served_documents: list[DocumentFacts]) -> World:
    return World(served_documents)


@pytest.fixture
def explorer(browser, base_url: str) -> Iterator[Explorer]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = Explorer(context.new_page(), base_url)
    yield page
    context.close()


def _boxes(explorer: Explorer) -> list[dict]:
    explorer.page.locator(BOXES).first.wait_for()
    return explorer.page.evaluate(READ_BOXES)


def _name(box: dict) -> str:
    return box["title"].split("\n")[0]


def _box(boxes: list[dict], name: str, parent: str | None = None) -> dict:
    return next(box for box in boxes if _name(box) == name and (parent is None or box["parent"] == parent))


def test_an_org_chart_from_a_panel_draws_the_units_top_down_with_their_enterprises(explorer, world):
    explorer.open()
    explorer.open_result(PARK_COMMITTEE)

    explorer.page.get_by_role("button", name="组织架构 / Org chart").click()
    boxes = _boxes(explorer)

    units = {_name(box) for box in boxes if "Enterprise" not in box["title"]}
    enterprises = {_name(box) for box in boxes if "Enterprise" in box["title"]}
    assert units == {PARK_COMMITTEE} | world.below(PARK_COMMITTEE)
    assert enterprises == world.enterprises_under(PARK_COMMITTEE)
    top = _box(boxes, PARK_COMMITTEE)
    branch = _box(boxes, JOINT_BRANCH, parent=top["id"])
    member = _box(boxes, MAKER_COMPANY, parent=branch["id"])
    assert top["bottom"] < branch["top"] < branch["bottom"] < member["top"], "drawn top-down"
    assert branch["left"] < (member["left"] + member["right"]) / 2 < branch["right"], "under its branch"
    for box in boxes:
        assert "".join(box["lines"]) == _name(box), "short names are shown whole"
    assert "#org=" in explorer.page.url

    explorer.page.get_by_role("button", name="Back to graph").click()
    assert explorer.page.locator("#orgchart").is_hidden()
    assert explorer.page.url.endswith(f"#entity={PARK_COMMITTEE_ID}")
    assert not explorer.errors
    assert explorer.outside == [], "nothing is loaded from elsewhere"


def test_an_address_opens_the_org_chart_at_the_depth_it_names(explorer, world):
    district = entity_key("Committee", DISTRICT_COMMITTEE)

    explorer.open(f"#org={district}&depth=1")

    boxes = _boxes(explorer)
    directly_below = {
        s.head for s in world.said if s.type in ("SUBORDINATE_TO", "PART_OF") and s.tail == DISTRICT_COMMITTEE
    }
    assert {_name(box) for box in boxes} == {DISTRICT_COMMITTEE} | directly_below
    assert world.below(DISTRICT_COMMITTEE) > directly_below, "deeper units are left out"
    assert explorer.page.input_value("#orgchart-depth") == "1"
    explorer.wait_for_panel_title(DISTRICT_COMMITTEE)
    assert not explorer.errors


def test_clicking_a_box_opens_its_entity(explorer):
    explorer.open(f"#org={PARK_COMMITTEE_ID}")
    branch = entity_key("Branch", JOINT_BRANCH)

    explorer.page.locator(f'{BOXES}[data-id="{branch}"]').click()

    explorer.wait_for_panel_title(JOINT_BRANCH)
    assert explorer.page.locator(f"{BOXES}.current").get_attribute("data-id") == branch


def test_the_chart_downloads_as_a_standalone_svg_with_the_names_as_text(explorer, tmp_path: Path):
    explorer.open(f"#org={PARK_COMMITTEE_ID}")
    drawn = {_name(box) for box in _boxes(explorer)}

    with explorer.page.expect_download() as download:
        explorer.page.get_by_role("button", name="Download SVG").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)

    assert saved.suffix == ".svg" and PARK_COMMITTEE in saved.name
    svg = ET.parse(saved).getroot()
    assert svg.tag == f"{SVG}svg"
    assert svg.get("viewBox") and svg.get("width") and svg.get("height")
    names = {"".join(text.itertext()) for text in svg.iter(f"{SVG}text")}
    assert drawn <= names
    assert {JOINT_BRANCH, MAKER_COMPANY} <= drawn
    links = [e for e in svg.iter() if any(name.endswith("href") for name in e.attrib)]
    assert links == [] and not list(svg.iter(f"{SVG}script")), "nothing outside the file"


def test_a_long_name_keeps_its_start_and_end_on_two_lines_and_shows_whole_on_hover(explorer):
    long_name = "内蒙古通辽经济技术开发区非公有制企业第一联合党支部"
    unit = {"id": "branch-1", "type": "Branch", "labels": ["Branch"], "name": long_name, "aliases": []}
    chart = {
        "root": "branch-1",
        "units": [
            {"entity": unit, "parent": None, "relation": None, "type": None, "depth": 0, "enterprises": []}
        ],
    }
    explorer.open()

    lines, title = explorer.page.evaluate(
        """async (chart) => {
            const { drawOrgChart } = await import("./static/orgchart.js");
            const box = drawOrgChart(chart, () => {}).querySelector(".org-box");
            return [[...box.querySelectorAll(".org-name tspan")].map((t) => t.textContent),
                    box.querySelector("title").textContent];
        }""",
        chart,
    )

    assert len(lines) == 2
    assert long_name.startswith(lines[0]) and len(lines[0]) >= 8, "the start names the place"
    assert lines[1].startswith("…") and long_name.endswith(lines[1][1:]), "the end names the kind of unit"
    assert lines[1].endswith("联合党支部")
    assert title.startswith(long_name)
