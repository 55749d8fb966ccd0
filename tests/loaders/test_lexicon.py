"""The user's lexicon file: merged over the bundled one, and read by the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.lexicon import LexiconError, load_lexicon


def test_user_aliases_name_an_entity_by_the_users_canonical_name(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[aliases]\n"样板开发区" = "样板经济技术开发区"\n', encoding="utf-8")
    extractor = Extractor(load_lexicon(str(user)))
    facts = extractor.extract("样板开发区党工委书记钱立说。", DocumentInfo(id="d", source="d.txt"))
    park = next(e for e in facts.entities if e.type == "Park")
    assert park.name == "样板经济技术开发区"
    assert "样板开发区" in park.aliases


def test_user_lists_add_to_the_bundled_ones(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[people]\ncorporate_titles = ["首席执行官"]\n', encoding="utf-8")
    merged = load_lexicon(str(user))
    assert "首席执行官" in merged.corporate_titles
    assert set(load_lexicon("").corporate_titles) < set(merged.corporate_titles)


def test_an_unreadable_user_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    user = tmp_path / "broken.toml"
    user.write_text("[aliases\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml"):
        load_lexicon(str(user))
