"""Reading the figure itself: digits, fractions, number words, scale words, vague amounts.

``read_number(tokens, i, sentence)`` reads the longest figure starting at token ``i``:
"1,500", "1.5 million", "3bn", "12k", "1/2", "fifteen hundred", "a thousand", "two-thirds" is not
handled, "hundreds of thousands of" (vague). Tables: ``number_words.tsv``, ``scale_suffixes.tsv``,
``vague.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import attrs

from ._data import table
from .scan import Token

__all__ = [
    "Figure",
    "article_followers",
    "number_word_value",
    "read_number",
    "scale_of",
    "scale_word",
]


class Figure(NamedTuple):
    """A figure read from tokens ``[first, stop)``.

    A named tuple, not an attrs class: one is built for every figure read (half the cost).
    """

    value: float
    first: int
    stop: int
    kind: str  # "digits", "words" or "vague"
    plain_int: bool = False  # digits only, no comma, decimal point or scale: year-like
    scaled: bool = False
    high: float | None = None  # upper end of a vague amount ("thousands" -> 10,000)
    lower_m: bool = False  # ends in an attached lower-case "m": million or metre


@attrs.frozen
class _Tables:
    words: dict[str, tuple[float, str]]
    suffix_exact: dict[str, float]
    suffix_any: dict[str, float]
    vague: dict[str, tuple[float, float | None]]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    words = {r["word"]: (float(r["value"]), r["kind"]) for r in table("number_words.tsv")}
    exact: dict[str, float] = {}
    anycase: dict[str, float] = {}
    for r in table("scale_suffixes.tsv"):
        (exact if r["case"] == "exact" else anycase)[
            r["suffix"] if r["case"] == "exact" else r["suffix"].lower()
        ] = float(r["value"])
    vague = {
        r["word"]: (float(r["value"]), float(r["high"]) if r["high"] else None)
        for r in table("vague.tsv")
    }
    return _Tables(words, exact, anycase, vague)


@lru_cache(maxsize=1)
def figure_starters() -> frozenset[str]:
    """Lower-case words a figure can start with, besides hyphenated words and "-fold" words.

    :func:`read_number` returns None on any other word, so a caller may skip it unread.
    """
    t = _tables()
    return frozenset(t.words) | frozenset(t.vague) | frozenset(_fractions()) | {"a", "an"}


@lru_cache(maxsize=1)
def article_followers() -> frozenset[str]:
    """Lower-case words after which "a" or "an" can start a figure ("a thousand", "a half").

    At "a" or "an", :func:`read_number` reads a figure only when the next word is a number word
    ("a million") or a fraction word ("a quarter million"): before any other word, or at the
    end, it returns None ("a", "an" are neither number, vague nor fraction words themselves).
    """
    t = _tables()
    return frozenset(t.words) | frozenset(_fractions())


def number_word_value(word: str) -> float | None:
    """The value of a single number word below a hundred ("five", "twelve", "twenty")."""
    w = _tables().words.get(word)
    return w[0] if w is not None and w[1] != "scale" else None


def scale_word(tok: Token) -> float | None:
    """The value of a scale word token ("thousand" -> 1000, "million"), else ``None``."""
    return _scale_word(tok)


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def _scale_word(tok: Token) -> float | None:
    t = _tables()
    w = t.words.get(tok.text.lower())
    if w is not None and w[1] == "scale" and tok.text.lower() != "dozen":
        return w[0]
    return None


def scale_of(tok: Token) -> float | None:
    """The multiplier of a scale word standing alone: "million", "bn", "mln" (not "dozen")."""
    mult = _scale_word(tok)
    if mult is None and tok.kind == "word":
        mult = _tables().suffix_any.get(tok.text.lower())
        if mult is not None and len(tok.text) < 2:
            mult = None  # a lone "k" or "m" is no scale word
    return mult


def _attached_suffix(tok: Token) -> float | None:
    t = _tables()
    if tok.text in t.suffix_exact:
        return t.suffix_exact[tok.text]
    return t.suffix_any.get(tok.text.lower())


def _float(raw: str) -> float | None:
    """``float(raw)``, or None for digits Python's Unicode tables do not know yet.

    The regex module's ``\\d`` follows a newer Unicode version than ``float`` (e.g. the Kirat Rai
    digits of Unicode 16), so a run it calls digits may not convert.
    """
    try:
        return float(raw)
    except ValueError:
        return None


def _digits(tokens: list[Token], i: int) -> Figure | None:
    tok = tokens[i]
    n = len(tokens)
    raw = tok.text.replace(",", "")
    value = _float(raw)
    if value is None:
        return None
    stop = i + 1
    plain = raw.isdigit()
    # a fraction "1/2", "1⁄32"
    if (
        stop + 1 < n
        and tokens[stop].text in ("/", "⁄")
        and _adjacent(tok, tokens[stop])
        and tokens[stop + 1].kind == "num"
        and _adjacent(tokens[stop], tokens[stop + 1])
        and plain
    ):
        den = _float(tokens[stop + 1].text.replace(",", ""))
        if not den:
            return None
        return Figure(value / den, i, stop + 2, "digits")
    scaled = False
    lower_m = False
    if stop < n and tokens[stop].kind == "word":
        nxt = tokens[stop]
        if tok.end == nxt.start:
            mult = _attached_suffix(nxt)
            if mult is not None:
                lower_m = nxt.text == "m"
                value *= mult
                stop += 1
                scaled = True
        # "1.5 million", "2 bn", "1 hundred thousand"
        t = _tables()
        while stop < n and tokens[stop].kind == "word":
            w = tokens[stop].text.lower()
            entry = t.words.get(w)  # what _scale_word reads, with the word lowered once
            mult = entry[0] if entry is not None and entry[1] == "scale" and w != "dozen" else None
            if mult is None and tokens[stop - 1].end != tokens[stop].start:
                mult = t.suffix_any.get(w) if w in ("bn", "mn", "mln", "bln", "tn") else None
            if mult is None:
                break
            value *= mult
            stop += 1
            scaled = True
            lower_m = False
    return Figure(value, i, stop, "digits", plain_int=plain and not scaled, scaled=scaled,
                  lower_m=lower_m)  # fmt: skip


@lru_cache(maxsize=1)
def _fractions() -> dict[str, float]:
    return {r["word"]: float(r["value"]) for r in table("fractions.tsv")}


def _fraction(tokens: list[Token], i: int) -> Figure | None:
    """ "half a million", "a quarter million", "three quarters of a billion"."""
    fr = _fractions()
    n = len(tokens)
    j = i
    mult = 1.0
    low = tokens[i].text.lower()
    if low in ("a", "an"):
        j += 1
    elif low not in fr:
        count = number_word_value(low)
        if count is None or count >= 10:
            return None
        mult = count
        j += 1
    if j >= n or tokens[j].text.lower() not in fr:
        return None
    mult *= fr[tokens[j].text.lower()]
    j += 1
    if j + 1 < n and tokens[j].text.lower() == "of" and tokens[j + 1].text.lower() in ("a", "an"):
        j += 2
    elif j < n and tokens[j].text.lower() in ("a", "an"):
        j += 1
    if j >= n:
        return None
    scale = _scale_word(tokens[j])
    if scale is None or scale < 1000:
        return None
    return Figure(mult * scale, i, j + 1, "words", scaled=True)


def _words(tokens: list[Token], i: int) -> Figure | None:
    """Number words: "two", "twenty-five", "fifteen hundred", "a thousand", "half a million"."""
    t = _tables()
    n = len(tokens)
    total = 0.0
    current = 0.0
    seen = False
    j = i
    first = i
    tok = tokens[i]
    low = tok.text.lower()
    if low in ("a", "an") and i + 1 < n and tokens[i + 1].text.lower() not in _fractions():
        nxt = tokens[i + 1].text.lower()
        if nxt in t.words and t.words[nxt][1] == "scale":
            current = 1.0
            seen = True
            j = i + 1
    frac = _fraction(tokens, i)
    if frac is not None:
        return frac
    last_end = j
    while j < n:
        tk = tokens[j]
        w = tk.text.lower()
        if tk.kind == "word" and "-" in w and all(p in t.words for p in w.split("-")):
            parts = w.split("-")
        elif tk.kind == "word" and w in t.words:
            parts = [w]
        elif w in ("-", "and") and seen and j + 1 < n and tokens[j + 1].text.lower() in t.words:
            if w == "and" and t.words[tokens[j + 1].text.lower()][1] == "scale":
                break
            j += 1
            continue
        else:
            break
        for p in parts:
            v, kind = t.words[p]
            if kind == "scale":
                if p == "dozen" or v == 100:
                    current = (current or 1.0) * v
                else:
                    total += (current or 1.0) * v
                    current = 0.0
            else:
                current += v
        seen = True
        j += 1
        last_end = j
    if not seen:
        return None
    value = total + current
    scaled = any(t.words.get(x.text.lower(), (0, ""))[1] == "scale" for x in tokens[first:last_end])
    return Figure(value, first, last_end, "words", scaled=scaled)


def _vague(tokens: list[Token], i: int) -> Figure | None:
    """ "dozens of", "thousands of", "hundreds of thousands of", "tens of millions of"."""
    t = _tables()
    n = len(tokens)
    value = 1.0
    high: float | None = 1.0
    j = i
    while j + 1 < n and tokens[j].text.lower() in t.vague and tokens[j + 1].text.lower() == "of":
        v, h = t.vague[tokens[j].text.lower()]
        value *= v
        if h is None:
            high = None
        j += 2
    if j == i:
        return None
    # "hundreds of thousands" spans 100,000 up to (not incl.) 1,000,000: one order of magnitude
    high = None if high is None else value * 10
    return Figure(value, i, j, "vague", high=high)


def read_number(tokens: list[Token], i: int) -> Figure | None:
    """The figure starting at token ``i``, if one does."""
    tok = tokens[i]
    if tok.kind == "num":
        return _digits(tokens, i)
    if tok.kind != "word":
        return None
    low = tok.text.lower()
    t = _tables()
    if low in t.vague:
        return _vague(tokens, i)
    if low in t.words or low in ("a", "an") or low in _fractions() or "-" in low:
        return _words(tokens, i)
    return None
