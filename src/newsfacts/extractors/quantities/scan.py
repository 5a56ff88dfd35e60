"""The cheap first pass: which sentences can hold a figure, and their tokens.

Most sentences have no digit and no number word; one precompiled search rejects them. Only the
rest are tokenized (digits, words, single symbols, with offsets into the sentence).
"""

from __future__ import annotations

from bisect import bisect_left
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
#: repeated group ``tok`` keeps every token with its offsets, in text order; ``dot`` keeps the
#: numbers written with no digit before the point (".5": the only tokens whose first character
#: alone is no token of the same kind). Possessive throughout (each repetition takes a whole
#: token or fails at once): linear.
_NUM_DOT = r"\d{1,3}+(?:,\d{3}+)++(?:\.\d++)?+|\d++(?:\.\d++)?+|(?P<dot>(?<![\w.])\.\d++)"
_TOKENS = regex.compile(rf"(?:\s*+(?P<tok>{_WORD}|{_NUM_DOT}|{_SYM}))*+", regex.V1)
_TOK = _TOKENS.groupindex["tok"]
_DOT = _TOKENS.groupindex["dot"]
_WORD_ALONE = regex.compile(_WORD, regex.V1)
_NUM_ALONE = regex.compile(_NUM, regex.V1)
#: how many characters :data:`_KIND_OF_FIRST` holds before it starts again
_MAX_KINDS = 4096


class _KindOfFirst(dict[str, str]):
    """The kind of a token by its first character, filled on first use of each character.

    A token is a word exactly when its first character is a letter (the word branch then
    matches) and a number when it is a digit; else it is a symbol of one character, or a
    number written with a point first (see ``_TOKENS``). A character alone is a token of
    the kind it starts.
    """

    def __missing__(self, char: str) -> str:
        if len(self) >= _MAX_KINDS:
            self.clear()  # text of many distinct characters: memory stays bounded
        if _WORD_ALONE.fullmatch(char):
            kind = "word"
        elif _NUM_ALONE.fullmatch(char):
            kind = "num"
        else:
            kind = "sym"
        self[char] = kind
        return kind


_KIND_OF_FIRST = _KindOfFirst()
_FIRST = itemgetter(0)


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
    holds every token with its offsets; each token's kind is looked up by its first character
    and the tuples are made by ``map`` (about a third cheaper than a match object per token,
    and a fifth cheaper than a group per kind merged by a sort).
    """
    m = _TOKENS.match(s)
    assert m is not None  # the pattern matches the empty string
    texts = m.captures(_TOK)
    out: list[Token] = list(
        map(
            tuple.__new__,
            repeat(Token),
            zip(
                map(_KIND_OF_FIRST.__getitem__, map(_FIRST, texts)),
                m.starts(_TOK),
                m.ends(_TOK),
                texts,
            ),
        )
    )
    for start in m.starts(_DOT):
        # ".5": a number whose first character alone is a symbol
        k = bisect_left(out, start, key=_START)
        out[k] = out[k]._replace(kind="num")
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
