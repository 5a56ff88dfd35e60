from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsfacts.patterns import trie

WORDS = st.lists(st.text(alphabet="abc .(*", min_size=1, max_size=5), min_size=1, max_size=12)


@given(WORDS, st.lists(st.text(alphabet="abc .(*", max_size=6), max_size=20))
def test_trie_matches_exactly_the_listed_words(words: list[str], others: list[str]) -> None:
    pattern = regex.compile(trie(words))
    for candidate in {*words, *others}:
        assert (pattern.fullmatch(candidate) is not None) == (candidate in words), candidate


def test_space_stands_for_the_given_pattern() -> None:
    pattern = regex.compile(trie(["late june", "late", "lately"], space=r"[ \t]{1,3}"))
    assert pattern.fullmatch("late \t june")
    assert pattern.fullmatch("late") and pattern.fullmatch("lately")
    assert not pattern.fullmatch("late    june")  # four blanks: more than the space pattern allows
    assert not pattern.fullmatch("latejune")


def test_common_prefixes_are_factored_out() -> None:
    assert trie(["june", "july", "jan"]) == "j(?:an|u(?:ly|ne))"
