"""Cue words before a figure: its bound ("up to", "more than", "about") and a change ("rose").

Both are read from the text just before the figure with end-anchored patterns built from
``bounds.tsv``, ``change_verbs.tsv`` and ``change_fillers.txt``. The look-back window is short
(``WINDOW`` characters), so the cost per figure is constant.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from ._data import table, words

__all__ = ["WINDOW", "find_bound", "find_change", "may_end_with_cue"]

WINDOW = 60


def _alt(items: list[str]) -> str:
    return "|".join(regex.escape(x) for x in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _bound_regex() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = table("bounds.tsv")
    bounds = {r["phrase"]: r["bound"] for r in rows}
    # "sub-300": the cue is glued to the figure with a hyphen
    pat = regex.compile(
        rf"(?:(?<![^\W\d_])(?P<cue>{_alt(list(bounds))})[ \u00a0]++"
        rf"|(?<![^\W\d_])(?P<cue>sub)-|(?P<cue>~)[ \u00a0]?+)$",
        regex.V1 | regex.IGNORECASE,
    )
    return pat, bounds


_SPACES = " \u00a0"


class _Tails(NamedTuple):
    """Case-folded cue words a window can end with, looked up by their last character."""

    longest: int  # length of the longest
    by_last: dict[str, tuple[str, ...]]  # last character -> the words ending with it
    empty: tuple[str, ...]  # an empty word (a blank cell) ends every text


def _tails(words: list[str]) -> _Tails:
    by_last: dict[str, list[str]] = {}
    for w in words:
        if w:
            by_last.setdefault(w[-1], []).append(w)
    empty = tuple(w for w in words if not w)
    return _Tails(max(map(len, words)), {c: (*ws, *empty) for c, ws in by_last.items()}, empty)


def _bound_words() -> list[str]:
    return [p.casefold() for p in _bound_regex()[1]]


def _change_words() -> list[str]:
    verbs = [v for v in _change_regex()[1] if v[0].isalpha()]
    return [w.casefold() for w in [*verbs, *words("change_fillers.txt"), "by"]]


@lru_cache(maxsize=1)
def _bound_tails() -> _Tails:
    """Case-folded cue phrases: a window that ends with none of them holds no bound cue."""
    return _tails(_bound_words())


@lru_cache(maxsize=1)
def _change_tails() -> _Tails:
    """Case-folded verbs and fillers: the text before a change amount ends with one of them."""
    return _tails(_change_words())


def _ends_with_word(window: str, tails: _Tails) -> bool:
    """A necessary condition for the end-anchored cue patterns, checked in C.

    The patterns end in one or more spaces after a word from ``tails``; that word is at most
    ``tails.longest`` characters of text, so the case-folded tail of the text must end with
    it (full case folding never makes text longer than the phrase it matches). Only the words
    ending with the tail's last character can (a set look-up rather than a test of each word).
    """
    stripped = window.rstrip(_SPACES)
    if len(stripped) == len(window):
        return False
    tail = stripped[-tails.longest :].casefold()
    return tail.endswith(tails.by_last.get(tail[-1:], tails.empty))


@lru_cache(maxsize=1)
def _change_regex() -> tuple[regex.Pattern[str], dict[str, str]]:
    verbs = {r["word"]: r["change"] for r in table("change_verbs.tsv")}
    fillers = sorted(words("change_fillers.txt"))
    word_verbs = [v for v in verbs if v[0].isalpha()]
    pat = regex.compile(
        rf"(?:(?<![^\W\d_])(?P<verb>{_alt(word_verbs)})"
        rf"(?:[ \u00a0]++(?:{_alt(fillers)})){{0,3}}+[ \u00a0]++"
        # "grow sales by 35%", "cut its forecast by 2%": an object between the verb and "by"
        rf"|(?<![^\W\d_])(?P<verb>{_alt(word_verbs)})"
        rf"(?:[ \u00a0]++(?!by\b)[^\W\d_][\w'’\-]{{0,20}}+){{1,3}}+[ \u00a0]++by[ \u00a0]++"
        rf"|(?<![\w.,])(?P<verb>\+))$",
        regex.V1 | regex.IGNORECASE,
    )
    return pat, verbs


#: the last word of a text, before trailing spaces (searched in ``window[: m.start()]``)
_WORD_BEFORE_SPACES = regex.compile(r"([^\W\d_]++)[ \u00a0]++$", regex.V1)
#: one letter (as the run of ``_WORD_BEFORE_SPACES`` holds)
_LETTER = regex.compile(r"[^\W\d_]", regex.V1)
#: a character outside ASCII that a letter of a verb could match case-insensitively ("ſ", "K")
_NON_ASCII_WORD_CHAR = regex.compile(r"[^\x00-\x7F\W]", regex.V1)
#: byte table keeping a-z and turning every other byte into a space (see :mod:`.scan`)
_LETTER_RUNS = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[bytes] | None:
    """The word verbs as ASCII bytes, or None if one is not a run of ASCII letters."""
    verbs = [v.lower() for v in _change_regex()[1] if v[0].isalpha()]
    if not all(v.isascii() and v.isalpha() for v in verbs):
        return None
    return frozenset(v.encode("ascii") for v in verbs)


def _last_word(text: str) -> regex.Match[str] | None:
    """``_WORD_BEFORE_SPACES.search(text)``, searched from the last word only.

    A match is a run of letters, then the spaces up to the end (or a final newline): its run
    holds no space, no-break space or newline, so it starts after the last of them before
    the trailing ones, and positions before that need not be tried.
    """
    # the run ends where the trailing spaces start (before one final newline): a letter must
    # stand there ("December, up": no word before "up", and no search)
    body = text[:-1] if text.endswith("\n") else text
    spaced = len(body.rstrip(" \u00a0"))
    if spaced == 0 or spaced == len(body) or _LETTER.match(body, spaced - 1) is None:
        return None
    core = len(text.rstrip(" \u00a0\n"))
    cut = max(text.rfind(" ", 0, core), text.rfind("\u00a0", 0, core), text.rfind("\n", 0, core))
    return _WORD_BEFORE_SPACES.search(text, cut + 1)


def _verb_run_starts(window: str) -> list[int] | None:
    """Where a match of the change pattern's word branches can start; None: anywhere.

    A verb of the pattern stands between a non-letter and a space, so it is a whole run of
    letters. In a window whose only letters are ASCII, the runs of a-z (after lower-casing)
    are its runs of letters, at the same offsets (each character encodes to one byte): the
    pattern can only match from a run that is a verb, and a search finds the first of them
    where it does. A window with other letters (which might case-fold to a verb) is searched
    whole.
    """
    verbs = _verb_words()
    if verbs is None or (not window.isascii() and _NON_ASCII_WORD_CHAR.search(window)):
        return None
    runs = window.lower().encode("ascii", "replace").translate(_LETTER_RUNS)
    if verbs.isdisjoint(runs.split()):
        return []  # most windows: no verb at all (one set test instead of one per run)
    padded = b" " + runs + b" "
    starts: list[int] = []
    at = 0
    for run in runs.split():
        if run in verbs:
            # no run between ``at`` and this one is this verb (it would have been seen): its
            # first whole-run occurrence from ``at`` on is this run (offset in ``padded`` of the
            # space before it = its offset in ``window``)
            at = padded.find(b" " + run + b" ", at)
            starts.append(at)
            at += len(run) + 1
    return starts


@lru_cache(maxsize=1)
def _bound_reach() -> int | None:
    """How far before the trailing spaces a bound cue match can start (None: anywhere).

    A match is a cue phrase, "sub" and a hyphen, or "~", then the trailing spaces. Text that
    matches an ASCII phrase case-insensitively has at most as many characters as the phrase
    (each character folds to one or more).
    """
    phrases = list(_bound_regex()[1])
    if not all(p.isascii() for p in phrases):
        return None
    return max(len("sub-"), *map(len, phrases))


@lru_cache(maxsize=1)
def _cue_tails() -> _Tails:
    """The bound and change tails together (one test for both)."""
    return _tails([*_bound_words(), *_change_words()])


def may_end_with_cue(before: str) -> bool:
    """False when neither :func:`find_bound` nor :func:`find_change` can find a cue in ``before``.

    Their cheap first tests together: a word of either set of tails ends the text (one look-up
    in the union; case folding looks at no context, so the longer tail of the two ends with
    a word exactly when the shorter does), or "~", "sub-" or "+" does. Most figures have no
    cue before them: one test instead of two.
    """
    window = before[-WINDOW:]
    return (
        _ends_with_word(window, _cue_tails())
        or window.endswith("+")
        or window.rstrip(_SPACES).endswith("~")
        or window[-4:].casefold().endswith("sub-")
    )


def find_bound(before: str) -> tuple[str, int] | None:
    """``(bound, cue length)`` when ``before`` ends with a bound cue."""
    pat, bounds = _bound_regex()
    window = before[-WINDOW:]
    # the pattern is searched at every start position: reject the common case cheaply first
    if not (
        _ends_with_word(window, _bound_tails())
        or window.rstrip(_SPACES).endswith("~")
        or window[-4:].casefold().endswith("sub-")
    ):
        return None
    # every match ends the window, with all its trailing spaces: it starts at most ``reach``
    # characters before them
    reach = _bound_reach()
    pos = 0 if reach is None else max(0, len(window.rstrip(_SPACES)) - reach)
    m = pat.search(window, pos)
    if m is None:
        return None
    cue = m.group("cue").lower()
    bound = "less_than" if cue == "sub" else bounds.get(cue, "approximate")
    return bound, len(m.group(0))


def find_change(before: str) -> tuple[str, int] | None:
    """``(change, length)`` when ``before`` ends with a change verb (and fillers)."""
    pat, verbs = _change_regex()
    window = before[-WINDOW:]
    if window.endswith("+"):
        m = pat.search(window)
    elif not _ends_with_word(window, _change_tails()):
        return None
    else:
        starts = _verb_run_starts(window)
        if starts is None:
            m = pat.search(window)
        else:
            # what a search finds: the match at the first start where there is one
            m = None
            for pos in starts:
                m = pat.match(window, pos)
                if m is not None:
                    break
    if m is None:
        return None
    # casefold, as the pattern matched: "ſank" is "sank" ("ſ".lower() would stay "ſ")
    verb = m.group("verb").casefold()
    if verb == "up" or verb == "down":
        # "gave up 517 yards", "broke down 3 ways": part of a phrasal verb, not a change
        prev = _last_word(window[: m.start()])
        if prev is not None and prev.group(1).lower() in words("phrasal_up_down.txt"):
            return None
    change = verbs.get(verb)
    if change is None:  # defensive: a folding the table's keys do not share
        return None
    return change, len(m.group(0))
