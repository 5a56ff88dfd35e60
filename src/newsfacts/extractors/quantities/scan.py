"""The cheap first pass: which sentences can hold a figure, and their tokens.

Most sentences have no digit and no number word; one precompiled search rejects them. Only the
rest are tokenized (digits, words, single symbols, with offsets into the sentence).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

import regex

from ._data import table

__all__ = ["Token", "has_candidate", "tokenize"]

# Digits are split from letters ("3bn" -> "3", "bn"); a word may hold inner hyphens or apostrophes
# ("year-old", "Korea's"). Every quantifier is possessive or bounded: linear on any input.
# Words come first (the most common token; no branch can start where another does, so the order
# changes nothing but speed).
_WORD = r"[^\W\d_]++(?:['’\-][^\W\d_]++){0,4}+"
_NUM = r"\d{1,3}+(?:,\d{3}+)++(?:\.\d++)?+|\d++(?:\.\d++)?+|(?<![\w.])\.\d++"
_SYM = r"[^\s\w]|_"
#: one token (what :func:`tokenize` finds, one match at a time)
_TOKEN = regex.compile(rf"(?P<word>{_WORD})|(?P<num>{_NUM})|(?P<sym>{_SYM})", regex.V1)
#: every token of a text in one match: each non-space character starts a token (a letter, a
#: digit or anything else), so the tokens, with the spaces between, make up the whole text. The
#: repeated groups keep every capture with its offsets. Possessive throughout (each repetition
#: takes a whole token or fails at once): linear.
_TOKENS = regex.compile(
    rf"(?:\s*+(?:(?P<word>{_WORD})|(?P<num>{_NUM})|(?P<sym>{_SYM})))*+", regex.V1
)
#: each kind with its group number (a group read by number is several times cheaper than by
#: name: this matters for the many short sentences)
_KINDS = tuple((kind, _TOKENS.groupindex[kind]) for kind in ("word", "num", "sym"))


class Token(NamedTuple):
    """A token of a sentence: kind is "num", "word" or "sym"; offsets are into the sentence.

    A named tuple, not an attrs class: sentences with figures are tokenized whole, and building
    a tuple costs a fraction of a frozen attrs instance.
    """

    kind: str
    start: int
    end: int
    text: str


_START = itemgetter(1)  # Token.start


def tokenize(s: str) -> list[Token]:
    """Tokens of ``s`` (whitespace dropped), in text order.

    The same tokens as ``_TOKEN.finditer`` gives, built at C speed: one match of ``_TOKENS``
    holds the captures of each kind with their offsets; the tuples are made by ``map`` and put
    back in text order by a sort on their start (about a third cheaper than a match object
    per token).
    """
    m = _TOKENS.match(s)
    assert m is not None  # the pattern matches the empty string
    new = tuple.__new__
    out: list[Token] = []
    for kind, group in _KINDS:
        out.extend(
            map(
                new,
                repeat(Token),
                zip(repeat(kind), m.starts(group), m.ends(group), m.captures(group)),
            )
        )
    out.sort(key=_START)
    return out


_DIGIT = regex.compile(r"\d")
#: Byte table keeping a-z and turning every other byte into a space: after encoding a lower-cased
#: sentence to ASCII (other characters become "?"), ``split()`` gives its runs of a-z letters.
_LETTER_RUNS = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


@lru_cache(maxsize=1)
def _number_names() -> frozenset[str]:
    names = [r["word"] for r in table("number_words.tsv")] + [r["word"] for r in table("vague.tsv")]
    return frozenset(names)


def has_candidate(sentence: str) -> bool:
    """A digit, or a number word / vague amount word as a whole word.

    A digit search first (one C-level scan); else the set of lower-case letter runs meets the
    number-word set. Far cheaper than one regex with a long alternation at every position, and
    the letter runs come from byte translation rather than a regex scan.
    """
    if _DIGIT.search(sentence) is not None:
        return True
    low = sentence.lower()
    # the runs of a-z letters (what ``[a-z]++`` finds), split at C speed
    runs = low.encode("ascii", "replace").translate(_LETTER_RUNS).decode("ascii").split()
    # "sixfold" is one word; the number names are whole words
    return not _number_names().isdisjoint(runs) or "fold" in low
