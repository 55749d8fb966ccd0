"""WordSet: the longest word at a position, and every word in a text."""

import re

from parkgraph.loaders.wordset import WordSet, word_pattern

WORDS = WordSet(["党委", "党工委", "委员会", "局", "公司"])


def test_starting_at_finds_the_longest_word_that_fits() -> None:
    assert WORDS.starting_at("甲党工委书记", 1) == "党工委"
    assert WORDS.starting_at("甲党工委书记", 1, end=3) is None
    assert WORDS.starting_at("甲党委", 1, end=3) == "党委"
    assert WORDS.starting_at("甲乙", 5) is None


def test_ending_at_finds_the_longest_word_before_a_position() -> None:
    assert WORDS.ending_at("乙市委员会主任", 5) == "委员会"
    assert WORDS.ending_at("乙公司", 3) == "公司"
    assert WORDS.ending_at("公司", 1) is None
    assert WORDS.ending_at("公司", 0) is None


def test_find_all_gives_overlapping_words_by_start() -> None:
    assert list(WORDS.find_all("丙党委员会和丁局")) == [(1, "党委"), (2, "委员会"), (7, "局")]


def test_find_all_gives_the_words_at_one_start_longest_first() -> None:
    words = WordSet(["园区", "园区党委", "党委"])
    assert words.find_all("甲园区党委乙") == [(1, "园区党委"), (1, "园区"), (3, "党委")]


def test_a_word_cut_by_the_end_of_the_text_is_not_found() -> None:
    assert list(WORDS.find_all("甲党工")) == []
    assert WORDS.starting_at("甲党工", 1) is None


def test_an_empty_set_finds_nothing() -> None:
    empty = WordSet([])
    assert list(empty.find_all("党委")) == []
    assert empty.starting_at("党委", 0) is None
    assert empty.ending_at("党委", 2) is None


def test_word_pattern_shares_prefixes_and_tries_the_longest_word_first() -> None:
    pattern = word_pattern(("党工委书记", "党工委", "书记", "主任"))
    assert pattern.count("党") == 1
    assert re.findall(pattern, "甲党工委书记乙党工委主任") == ["党工委书记", "党工委", "主任"]


def test_word_pattern_finds_what_the_plain_alternation_finds() -> None:
    words = ("委员会主任", "委员会", "委员", "主任", "副主任", "局长")
    plain = re.compile("|".join(words))
    tree = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?:{word_pattern(words)})")
    text = "甲乙委员会主任说,丙丁副主任和戊己局长、庚辛委员"
    assert tree.pattern != rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?:{plain.pattern})"
    expected = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?:{plain.pattern})")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_word_pattern_keeps_the_given_order_where_a_shorter_word_comes_first() -> None:
    assert word_pattern(("书记", "书记员")) == "书记|书记员"
    assert re.match(word_pattern(("书记", "书记员")), "书记员").group() == "书记"
    assert word_pattern(()) == ""


def test_first_and_last_characters_are_those_words_start_and_end_with() -> None:
    assert WORDS.first_chars == frozenset("党委局公")
    assert WORDS.last_chars == frozenset("委会局司")
