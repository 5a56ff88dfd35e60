"""What looks like a figure but is not a quantity claim.

Two kinds of test:

* spans masked in the sentence before reading figures: URLs, e-mail addresses, phone numbers,
  clock times ("10:09", "1.05am", "2 p.m."), numeric dates ("2024-10-23", "10/23/2024"), lap
  times ("1:36.6");
* context tests on a figure already read: a day beside a month name ("October 23", "9 May",
  "October 8 to 13"), a calendar year ("since 2013", "in 2019", "2020 Escape"), an ordinal
  ("10th"), a decade ("1990s"), a figure inside a name or code ("G7", "COVID-19", "Boeing 737",
  "Game 2", "category 4").

Word lists: ``months.txt``, ``year_context.txt``, ``code_words.txt``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

from ._data import table, words
from .scan import Token

__all__ = [
    "in_code",
    "is_address",
    "is_day_of_month",
    "is_year_like",
    "mask_forms",
    "masked_spans",
    "strong_year_context",
]

#: Forms of text that hold no quantity, each with a cheap test that any match needs (a
#: substring, or a short pattern). Per sentence only the forms whose test passes are searched
#: (as one alternation of them, in this order, would be): a form that cannot match changes
#: nothing, and most sentences need none (the e-mail form alone scans up to 64 characters at
#: every position).
_MASK_FORMS: tuple[tuple[str, str], ...] = (
    # URLs and e-mail addresses
    (r"(?:https?://|www\.)[^\s<>\"]{1,300}+", "s:://|www."),
    (r"[\w.+\-]{1,64}+@[\w\-]{1,63}+(?:\.[\w\-]{1,63}+){1,8}+", "s:@"),
    # phone numbers: 1-800-268-7116, (555) 123-4567, 212-555-0100, +44 20 7946 0958 (the
    # country code may be given back: one bounded retry, still linear)
    (
        r"(?<![\w.,])(?:\+?\d{1,3}[\-. ])?\(?\d{3}\)?[\-. ]\d{3}[\-.]\d{4}(?![\w])",
        r"r:\d[\-.]\d{4}",
    ),
    (r"(?<![\w.,])\+\d{1,3}(?:[ \-]\d{2,4}){2,4}+(?![\w])", "s:+"),
    # clock times and lap times: 10:09, 17:22, 1:36.6, 12:01 a.m.
    (
        r"(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?+(?:\.\d{1,3})?+"
        r"(?:[ \u00a0]?+(?i:[ap]\.?m\.?)(?![\w]))?+",
        "s::",
    ),
    (
        r"(?<![\w.,:])\d{1,2}(?:[.:]\d{2})?+[ \u00a0]?+(?i:[ap]\.m\.|am|pm)(?![\w])",
        r"r:\d[ \u00a0]?+[aApP][.mM]",
    ),
    # "0401 GMT": a four-digit clock time with a time zone
    (
        r"(?<![\w.,:])[0-2]\d[0-5]\d[ \u00a0]?+"
        r"(?:GMT|UTC|BST|CET|CEST|EDT|EST|CDT|CST|PDT|PST|JST)\b",
        r"r:\d[ \u00a0]?+[GUBCEPJ]",
    ),
    # numeric dates: 2024-10-23, 10/23/2024, 23.10.2024
    (r"(?<![\w.,/\-])\d{4}-\d{1,2}-\d{1,2}(?![\w])", r"r:\d-\d"),
    (r"(?<![\w.,/])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\w/])", r"r:\d[/.]\d\d?+[/.]\d"),
)


def _hint_test(hint: str) -> Callable[[str], bool]:
    kind, _, body = hint.partition(":")
    if kind == "s":
        subs = tuple(body.split("|"))
        if len(subs) == 1:
            sub = subs[0]
            return lambda s: sub in s
        return lambda s: any(x in s for x in subs)
    pat = regex.compile(body, regex.V1)
    return lambda s: pat.search(s) is not None


_MASK_TESTS = tuple(_hint_test(h) for _, h in _MASK_FORMS)
#: which forms have a pattern as their test
_PATTERN_TESTS = tuple(h.startswith("r:") for _, h in _MASK_FORMS)
#: any pattern test passes: one search (most sentences pass none) instead of one per form
_ANY_PATTERN_HINT = regex.compile(
    "|".join(f"(?:{h[2:]})" for _, h in _MASK_FORMS if h.startswith("r:")), regex.V1
)


@cache
def _mask_form(k: int) -> regex.Pattern[str]:
    return regex.compile(_MASK_FORMS[k][0], regex.V1)


def mask_forms(text: str) -> tuple[int, ...]:
    """The mask forms whose test passes on ``text``: those that can match in any part of it.

    No test looks around what it finds, so a form whose test fails on a whole article fails
    on each of its sentences: :func:`masked_spans` need only try the others.
    """
    patterns = _ANY_PATTERN_HINT.search(text) is not None
    return tuple(
        k
        for k, test in enumerate(_MASK_TESTS)
        if (patterns or not _PATTERN_TESTS[k]) and test(text)
    )


def masked_spans(sentence: str, forms: tuple[int, ...] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every stretch of ``sentence`` that holds no quantity.

    What one alternation of the forms that pass their test would find, without compiling a
    pattern per combination of forms: at each step the leftmost match of any form (the
    earliest form on a tie), then on from its end. A form's next match is searched again
    only once the stretch reaches past where it was found. ``forms``: :func:`mask_forms` of
    the text the sentence is part of (by default, of the sentence).
    """
    if forms is None:
        pats = [_mask_form(k) for k in mask_forms(sentence)]
    else:
        pats = [_mask_form(k) for k in forms if _MASK_TESTS[k](sentence)]
    if not pats:
        return []
    if len(pats) == 1:
        return [m.span() for m in pats[0].finditer(sentence)]
    found = [p.search(sentence) for p in pats]
    out: list[tuple[int, int]] = []
    while True:
        best: regex.Match[str] | None = None
        for m in found:
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return out
        out.append(best.span())
        pos = best.end()
        for k, m in enumerate(found):
            if m is not None and m.start() < pos:
                found[k] = pats[k].search(sentence, pos)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Words of bound cues, change verbs and their fillers (lower case)."""
    out: set[str] = set(words("change_fillers.txt"))
    out.update(r["word"].lower() for r in table("change_verbs.tsv"))
    for r in table("bounds.tsv"):
        out.update(r["phrase"].lower().split(" "))
    return frozenset(out)


def _word(tokens: list[Token], j: int) -> str:
    return tokens[j].text.lower() if 0 <= j < len(tokens) else ""


def is_day_of_month(tokens: list[Token], first: int, stop: int, value: float) -> bool:
    """A small whole number written beside a month name."""
    if not (1 <= value <= 31 and value == int(value)):
        return False
    months = words("months.txt")
    before = _word(tokens, first - 1)
    if before == "." and first >= 2:
        before = _word(tokens, first - 2)
    return before in months or _word(tokens, stop) in months


def is_year_like(tokens: list[Token], first: int, value: float) -> bool:
    """A four-digit whole number in the range of calendar years."""
    return 1000 <= value <= 2100 and len(tokens[first].text) == 4


def strong_year_context(tokens: list[Token], first: int) -> bool:
    """A month or a day number right before: "Mar 9 2018", "May 2019" are dates in any case."""
    before = _word(tokens, first - 1)
    if before == "," and first >= 2:
        before = _word(tokens, first - 2)
    prev = tokens[first - 1] if first >= 1 else None
    return before in words("months.txt") or (
        prev is not None
        and prev.kind == "num"
        and prev.text.isdigit()
        and 1 <= int(prev.text) <= 31
        and _word(tokens, first - 2) in words("months.txt")
    )


def is_address(tokens: list[Token], stop: int) -> bool:
    """ "16-18 Industrial Avenue", "10 Downing Street": the figure is a street number."""
    streets = words("street_words.txt")
    j = stop
    while j < len(tokens) and j < stop + 4 and tokens[j].kind == "word":
        if not tokens[j].text[:1].isupper():
            return False
        if j > stop and tokens[j].text.lower().rstrip(".") in streets:
            return True
        j += 1
    return False


def year_context(tokens: list[Token], first: int) -> bool:
    """The word before the figure makes it a year ("in 2019", "since 2013", "May 2019")."""
    before = _word(tokens, first - 1)
    if before == "." and first >= 2:
        before = _word(tokens, first - 2)
    return (
        before in words("year_context.txt")
        or before in words("months.txt")
        or (first >= 1 and tokens[first - 1].kind == "num")
        or first == 0
    )


def in_code(tokens: list[Token], first: int, sentence_start_index: int = 0) -> bool:
    """The figure at token ``first`` is part of a name or code."""
    tok = tokens[first]
    if first == 0:
        return False
    prev = tokens[first - 1]
    # glued to letters: "G7", "MH17", "S23"; or "COVID-19", "F-16", "ISO 3888-2"
    if prev.end == tok.start:
        if prev.kind == "word":
            return True
        if prev.text in ("-", "‑") and first >= 2:
            before = tokens[first - 2]
            if before.text.lower() == "sub":
                return False  # "sub-7 nanometre": a bound, not a code
            if before.end == prev.start and before.kind in ("word", "num"):
                return True
        if prev.text == "." and first >= 2 and tokens[first - 2].kind == "word":
            return tokens[first - 2].end == prev.start and tokens[first - 2].text[:1].isupper()
        if prev.text in ("#", "№"):
            return True
    nxt = tokens[first + 1] if first + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "word" and nxt.start == tok.end:
        return False  # "640bhp", "5.2kWh": a figure glued to its unit is a measure
    if prev.kind == "word":
        w = prev.text.lower()
        if w in words("code_words.txt") and "." not in tok.text:
            return True
        # "iPhone 11", "eBay 2": a product name written in camel case
        if prev.text[:1].islower() and not prev.text.islower() and "-" not in prev.text:
            return True
        # "Boeing 737", "Apple Watch 5", "S&P 500": a capitalised word right before a bare
        # whole number (not the first word of the sentence, not a month, not a cue word written
        # in title or upper case: "Police Arrest Over 300 Protesters", "Up To 400 Homes")
        if (
            prev.text[:1].isupper()
            and first - 1 > 0
            and w not in words("months.txt")
            and w not in cue_words()
            and "," not in tok.text
            and "." not in tok.text
        ):
            return True
    return prev.kind == "sym" and prev.text == "&"


def is_ordinal_or_decade(tokens: list[Token], stop: int, first_end: int) -> bool:
    """ "10th", "1st", "1990s", "90s": the figure is glued to an ordinal or plural suffix."""
    if stop >= len(tokens):
        return False
    nxt = tokens[stop]
    if nxt.start != first_end or nxt.kind != "word":
        return False
    return nxt.text.lower() in ("st", "nd", "rd", "th", "s", "'s", "’s")
