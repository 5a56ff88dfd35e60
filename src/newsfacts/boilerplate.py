"""Find web junk in article text: ads, "READ ALSO" blocks, share widgets, bylines, bios.

Decisions are per paragraph line. Patterns live in ``data/boilerplate.tsv``; a few rules need
context and stay here: bullet items that follow a "READ ALSO" line belong to it, a short bullet
line is a menu entry, a bare name line just above a "By <name>" byline belongs to the byline, and
a paragraph about the author (the byline name followed by "has been a reporter ...") is a bio.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .literals import OpaquePattern, required_literals, required_prefixes
from .resources import read_table

_BULLETS = "•·▪●◦*-–"  # a line opening with one of these is a bullet item
_WORDS = regex.compile(r"\S++")
_NAME_LINE = regex.compile(r"^\p{Lu}[\p{L}'’\-]*+(?: \p{Lu}[\p{L}'’\-]*+){1,3}$")
_BIO = regex.compile(
    r"\b(?:has been|is|was) (?:a|an|the) (?:\p{L}++ ){0,3}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], regex.Pattern[str], regex.Pattern[str]]:
    """The rules compiled as two alternations: whole-line rules (``^...``) and keyword rules.

    Group ``r<i>`` is rule ``i``. Whole-line rules are tried first, in file order; a line that
    none of them fits is searched once for any keyword rule.
    """
    rows = read_table("boilerplate.tsv")
    reasons = tuple(row["reason"] for row in rows)

    def alternation(anchored: bool) -> regex.Pattern[str]:
        parts = [
            f"(?P<r{i}>{row['pattern']})"
            for i, row in enumerate(rows)
            if row["pattern"].startswith("^") == anchored
        ]
        return regex.compile("|".join(parts) or "(?!)", regex.IGNORECASE)

    return reasons, alternation(True), alternation(False)


# -- The keyword prefilter ---------------------------------------------------------------------
# Searching a line for the keyword alternation costs ~8 µs (the regex module steps through every
# position even for literal alternations), and almost no line matches. Each keyword pattern is
# read once for *required literals* (:mod:`newsfacts.literals`): strings of ASCII letters, digits
# and spaces such that every
# match of the pattern contains one of them. A line whose folded copy contains none of them cannot
# match, so the search is skipped; otherwise the regex still decides.
#
# Folding must never lose a match. Under regex.IGNORECASE the characters that match an ASCII
# letter, digit or space ``p`` are exactly those whose ``str.lower()`` is ``p``, plus "İ" (U+0130,
# matches "i"), "ı" (U+0131, matches "I") and "ſ" (U+017F, matches "s"), which are mapped by hand
# (tests/test_boilerplate.py checks this over every code point). Anything the reader of patterns
# does not understand makes the rule opaque, and an opaque keyword rule switches the prefilter off.

_FOLD_EXTRA = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


@lru_cache(maxsize=1)
def _keyword_literals() -> tuple[str, ...] | None:
    """Required literals of all keyword rules together, or None when a rule is opaque."""
    found: set[str] = set()
    for row in read_table("boilerplate.tsv"):
        pattern = row["pattern"]
        if pattern.startswith("^"):
            continue
        try:
            got = required_literals(pattern)
        except OpaquePattern:
            return None
        if not got or min(map(len, got)) < 3:
            return None  # too short to be worth testing
        found |= got
    return tuple(sorted(found))


def _fold(text: str) -> str:
    """``text`` lower-cased, with the two extra IGNORECASE partners of ASCII letters mapped."""
    if not text.isascii():
        for char, folded in _FOLD_EXTRA:
            if char in text:
                text = text.replace(char, folded)
    return text.lower()


def _may_match_keyword(line: str) -> bool:
    """False only when no keyword rule can match ``line`` (see the prefilter notes above)."""
    literals = _keyword_literals()
    if literals is None:
        return True
    low = _fold(line)
    return any(literal in low for literal in literals)


def _keyword_candidates(
    text: str, paras: list[tuple[int, int]], folded: str | None
) -> frozenset[int] | None:
    """Indices of the paragraphs that may match a keyword rule, or None for "all of them".

    Finds every required literal in the folded text (see :func:`_folded_text`) instead of folding
    and testing each line: an occurrence inside a line's span is an occurrence in the line.
    """
    literals = _keyword_literals()
    if literals is None or folded is None:
        return None
    starts = [a for a, _ in paras]
    hits: set[int] = set()
    for literal in literals:
        i = folded.find(literal)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < paras[k][1]:
                hits.add(k)
            i = folded.find(literal, i + 1)
    return frozenset(hits)


def _folded_text(text: str) -> str | None:
    """The whole text folded once, or None when folding changed its length (offsets would not
    agree; once "İ" is mapped, ``str.lower`` keeps the length)."""
    folded = _fold(text)
    return folded if len(folded) == len(text) else None


# -- The whole-line prefilter ------------------------------------------------------------------
# A line can match a whole-line rule only if its first two characters, folded, are the first two
# characters of some match (read from the patterns by :func:`newsfacts.literals.required_prefixes`;
# folding is exact for ASCII letters, see the keyword prefilter). Most lines fail this set test,
# and the whole-line match (~0.4 µs a line) is skipped. A rule the reader does not understand
# switches this prefilter off.
_HEAD = 2


@lru_cache(maxsize=1)
def _whole_line_heads() -> frozenset[str] | None:
    """The folded first ``_HEAD`` characters any whole-line rule match starts with, or None."""
    found: set[str] = set()
    for row in read_table("boilerplate.tsv"):
        pattern = row["pattern"]
        if not pattern.startswith("^"):
            continue
        try:
            got = required_prefixes(pattern, _HEAD)
        except OpaquePattern:
            return None
        if got is None:
            return None
        found |= got
    return frozenset(found)


def _classify(line: str, may_match_keyword: bool, may_match_whole_line: bool = True) -> str | None:
    if len(line) > 2000:
        return None
    reasons, whole_line, keyword = _rules()
    m = whole_line.match(line) if may_match_whole_line else None
    if m is None and may_match_keyword:
        m = keyword.search(line)
    if m is None or m.lastgroup is None:
        return None
    return reasons[int(m.lastgroup[1:])]


def classify_line(line: str) -> str | None:
    """The boilerplate reason for one stripped paragraph line, judged on its own, or None."""
    return _classify(line, _may_match_keyword(line))


def find(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Boilerplate spans ``(start, end, reason)`` among the paragraph spans, in order."""
    folded = _folded_text(text)
    candidates = _keyword_candidates(text, paras, folded)
    heads = _whole_line_heads()
    reasons: list[str | None] = [None] * len(paras)
    if folded is None or heads is None or candidates is None:
        for i, (a, b) in enumerate(paras):  # no prefilter: every line is tried
            reasons[i] = _classify(text[a:b], candidates is None or i in candidates)
    else:
        whole = [i for i, (a, _) in enumerate(paras) if folded[a : a + _HEAD] in heads]
        for i in sorted(candidates.union(whole)) if candidates else whole:
            a, b = paras[i]
            reasons[i] = _classify(text[a:b], i in candidates, folded[a : a + _HEAD] in heads)

    byline_names = (
        {text[a:b][3:].strip() for (a, b), r in zip(paras, reasons) if r == "byline"}
        if "byline" in reasons
        else set()
    )
    last = len(paras) - 1
    # Without a byline (so no byline name either) the context rules can only change a bullet
    # item; the other lines are skipped.
    todo: list[int] | range = range(len(paras))
    if not byline_names:
        todo = [i for i, (a, _) in enumerate(paras) if text[a] in _BULLETS]
    for i in todo:
        if reasons[i] is not None:
            continue
        a, b = paras[i]
        line = text[a:b]
        # the context rules, cheapest tests first; each reads only earlier decisions
        bullet = line[0] in _BULLETS
        if bullet and i > 0 and reasons[i - 1] in ("read-also", "related-item"):
            reasons[i] = "related-item"
        elif bullet and len(_WORDS.findall(line)) <= 4 and not regex.search(r"[.!?]$", line):
            reasons[i] = "menu"
        elif byline_names and line in byline_names:
            reasons[i] = "byline"
        elif (
            byline_names
            and any(line.startswith(name) for name in byline_names)
            and _BIO.search(line[:300])
        ):
            reasons[i] = "author-bio"
        elif i < last and reasons[i + 1] == "byline" and _NAME_LINE.match(line):
            reasons[i] = "byline"
    if reasons.count(None) == len(reasons):
        return []
    return [(a, b, r) for (a, b), r in zip(paras, reasons) if r is not None]
