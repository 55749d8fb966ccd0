"""WordSet: the longest word at a position, and every word in a text."""

from parkgraph.loaders.wordset import WordSet

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


def test_a_word_cut_by_the_end_of_the_text_is_not_found() -> None:
    assert list(WORDS.find_all("甲党工")) == []
    assert WORDS.starting_at("甲党工", 1) is None


def test_an_empty_set_finds_nothing() -> None:
    empty = WordSet([])
    assert list(empty.find_all("党委")) == []
    assert empty.starting_at("党委", 0) is None
    assert empty.ending_at("党委", 2) is None
