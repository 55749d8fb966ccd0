"""A page that arrives as one line reads as well as the same page with its line breaks.

Scraped text often comes without line breaks. Over every bundled gold document, the pages with
their line breaks removed (the hard case: text glued across what were lines) or turned into spaces
score, taken together, at least `SHARE` of what the pages score as written: entity F1 and relation
F1. A property of reading, not a tuning target, so no document is singled out. (Document by
document, a headline glued to the first sentence after it, or a roster's `label:value` lines glued
into one another, can still fall below the share: see docs/extraction.md.)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from parkgraph.corpus import dev_gold_dir, seeds_dir
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.evaluation import Scores, load_gold, score
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import read_document

SHARE = 0.9
CORPUS = Path(dev_gold_dir()).parents[1]
FOLDERS = ((seeds_dir(), dev_gold_dir()), (CORPUS / "dev2", CORPUS / "gold" / "dev2"))


def _f1s(gold: dict[str, dict], predictions: list[DocumentFacts]) -> tuple[float, float]:
    scores = score(gold, predictions)
    return Scores.total(scores.entities).f1, Scores.total(scores.relations).f1


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_pages_without_line_breaks_read_as_well(separator: str) -> None:
    pipeline = Pipeline()
    gold: dict[str, dict] = {}
    lined, flat = [], []
    for texts, gold_dir in FOLDERS:
        folder_gold = load_gold(gold_dir)
        gold |= folder_gold
        for source in sorted(folder_gold):
            raw = read_document(texts / source)
            text = raw.text.replace("\r\n", "\n").replace("\n", separator)
            lined.append(pipeline.facts(raw))
            flat.append(pipeline.facts(dataclasses.replace(raw, text=text)))
    assert len(gold) >= 60
    (entities, relations), (flat_entities, flat_relations) = _f1s(gold, lined), _f1s(gold, flat)
    assert flat_entities >= SHARE * entities
    assert flat_relations >= SHARE * relations


def test_chrome_glued_to_the_text_goes_and_the_text_stays() -> None:
    page = (
        "首页 > 新闻中心 > 正文示例县工业园区召开党建工作会议2024-05-06 10:20 来源:示例网【打印本页】"
        "示例县工业园区党委书记王建国说,园区将成立联合党支部。会议还部署了下一步工作。责任编辑:张三"
    )
    text = normalize(page).text
    assert "示例县工业园区党委书记王建国说,园区将成立联合党支部。" in text
    assert "会议还部署了下一步工作。" in text
    for chrome in ("2024-05-06", "打印本页", "责任编辑"):
        assert chrome not in text


def test_one_line_page_gives_the_facts_of_the_lined_page() -> None:
    lined = (
        "示例县工业园区党建观察\n2024-05-06 来源:示例网\n"
        "示例县工业园区党委书记王建国说,园区党委下设3个党支部。\n版权所有 示例网\n"
    )
    extractor = Extractor()

    def names(page: str) -> set[tuple[str, str]]:
        text = normalize(page).text
        facts = extractor.extract(text, DocumentInfo(id="page", source="page.txt"))
        return {(e.type, e.name) for e in facts.entities}

    assert names(lined.replace("\n", "")) == names(lined)
    assert ("Person", "王建国") in names(lined.replace("\n", ""))


def test_a_text_read_wholly_as_chrome_is_kept_with_a_warning() -> None:
    normalized = normalize("版权所有 示例县工业园区党委书记王建国")
    assert normalized.text == "版权所有 示例县工业园区党委书记王建国"
    assert normalized.warnings
