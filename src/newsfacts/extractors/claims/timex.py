"""Time qualifiers of claims: find "by December", "last week", "since August", "already"... and
normalize them against the article's published date.

Normalized values (``time_value``) are ISO 8601 strings: a day ``2024-10-23``, a month
``2024-12``, a year ``2024``, a week ``2024-W43``, or an open interval ``../2024-12`` ("by
December", "until ...") / ``2024-08/..`` ("since August"). "already", "currently", "now" mean
the published date. Without a published date ``time_value`` is None.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import regex

from ...resources import read_table
from .cues import TextIndex, first_runs, scan

__all__ = ["TimeExpr", "find_times", "normalize", "time_key", "time_words"]

_TABLE = "claims/time.tsv"
_FUTURE_PREPS = frozenset({"by", "until", "till", "before", "next"})
_PREPS = (
    "by",
    "since",
    "until",
    "till",
    "in",
    "on",
    "as of",
    "from",
    "before",
    "after",
    "during",
    "through",
    "next",
)
_AS_NEXT = regex.compile(r"\s{1,3}as\b")
_LAST_RUN = regex.compile(r"[\w-]{1,40}+(?=[^\w-]{0,3}+$)")


class TimeExpr(NamedTuple):
    """One time expression: its span, surface text, preposition and what it denotes (a named
    tuple: cheap to build)."""

    start: int
    end: int
    text: str
    prep: str | None
    kind: str  # present | relative | month | weekday | year | future | recent
    arg: str = ""  # relative: e.g. "week-1"; month: "12"; weekday: "2"; year: "2024"
    day: int | None = None
    year: int | None = None

    @property
    def present(self) -> bool:
        return self.kind == "present"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, int], dict[str, int]]:
    rel: dict[str, str] = {}
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for row in read_table(_TABLE):
        expr, kind = row["expr"], row["kind"]
        if kind.startswith("month:"):
            months[expr] = int(kind[6:])
        elif kind.startswith("weekday:"):
            weekdays[expr] = int(kind[8:])
        else:
            rel[expr.lower()] = kind
    return rel, months, weekdays


def _alt(words: list[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True)
    )


#: the groups of :func:`_pattern`, in their order (:func:`find_times` reads them all at once)
_GROUPS = ("prep", "rel", "month", "mday", "year", "dday", "month2", "year2", "weekday", "yearonly")


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    rel, months, weekdays = _tables()
    preps = "(?i:" + "|".join(p.replace(" ", r"\s") for p in _PREPS) + ")"
    # Every repetition is bounded; alternatives are literal words, so matching stays linear.
    pattern = regex.compile(
        rf"(?<![\w-])(?:(?P<prep>{preps})\s{{1,3}})?"
        r"(?:"
        rf"(?P<rel>(?i:{_alt(list(rel))}))"
        rf"|(?P<month>{_alt(list(months))})(?:\s(?P<mday>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
        r"(?:,?\s(?P<year>(?:19|20)\d\d)(?!\d))?"
        rf"|(?P<dday>[0-3]?\d)\s(?P<month2>{_alt(list(months))})(?:\s(?P<year2>(?:19|20)\d\d))?"
        rf"|(?P<weekday>{_alt(list(weekdays))})"
        r"|(?<=(?i:in|since|by|until)\s{1,3})(?P<yearonly>(?:19|20)\d\d)"
        r")(?![\w-])"
    )
    names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    if names != list(_GROUPS) or pattern.groups != len(_GROUPS):
        raise AssertionError(f"time pattern groups {pattern.groupindex} are not {_GROUPS}")
    return pattern


@lru_cache(maxsize=1)
def _index_words() -> tuple[frozenset[str], frozenset[str], int] | None:
    """For :class:`TextIndex` lookups: the words a time expression can start with, the words
    every one of them contains (its last relative word, month, weekday or year), and how far
    after its start that word can begin. None when the tables do not allow the lookup."""
    rel, months, weekdays = _tables()
    names = [*rel, *months, *weekdays]
    heads = first_runs([*names, *_PREPS])
    if heads is None:
        return None
    anchors: set[str] = set()
    offset = 3  # "23 " before a month
    for w in names:
        m = _LAST_RUN.search(w)
        if m is None or not m.group().isascii():
            return None
        anchors.add(m.group().lower())
        offset = max(offset, m.start())
    years = {str(y) for y in range(1900, 2100)}
    days = {f"{d}" for d in range(10)} | {f"{d:02d}" for d in range(40)}
    reach = max(len(p) for p in _PREPS) + 3 + offset
    return heads | years | days, frozenset(anchors | years), reach


def time_words() -> tuple[frozenset[str], ...]:
    """The words :func:`find_times` looks up in a :class:`~.cues.TextIndex` (its anchors)."""
    words = _index_words()
    return () if words is None else (words[1],)


def find_times(
    text: str, start: int = 0, end: int | None = None, index: TextIndex | None = None
) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]`` (offsets into ``text``; ``index``: a
    :class:`~.cues.TextIndex` of ``text`` to make the lookup fast)."""
    rel, months, weekdays = _tables()
    out: list[TimeExpr] = []
    end = len(text) if end is None else end
    words = _index_words()
    found: Iterable[regex.Match[str]]
    if index is None or words is None:
        found = _pattern().finditer(text, start, end)
    else:
        cands = index.near(words[0], words[1], words[2])
        found = scan(_pattern(), index, cands, start, end, cut_words=False)
    for m in found:
        # every group at once, in the order of :data:`_GROUPS`
        g_prep, g_rel, g_month, mday, year, dday, g_month2, year2, g_weekday, g_year = m.groups()
        if g_prep is None:
            prep = None
        elif g_prep.isalpha():
            prep = g_prep.lower()  # one word: nothing to normalize
        else:
            prep = " ".join(g_prep.lower().replace("\n", " ").split())
        a, b = m.span()
        if g_rel:
            if _AS_NEXT.match(text, b, b + 5):
                continue  # "went so far as", "now as": not a time
            kind = rel[" ".join(g_rel.lower().split())]
            if kind in ("present", "recent", "future"):
                out.append(TimeExpr(a, b, m.group(), prep, kind))
            else:
                out.append(TimeExpr(a, b, m.group(), prep, "relative", kind))
        elif g_month or g_month2:
            name = g_month or g_month2
            day_s = mday or dday
            year_s = year or year2
            if name == "May" and prep is None and day_s is None:
                continue  # the modal verb, not the month
            out.append(
                TimeExpr(
                    a,
                    b,
                    m.group(),
                    prep,
                    "month",
                    str(months[name]),
                    int(day_s) if day_s else None,
                    int(year_s) if year_s else None,
                )
            )
        elif g_weekday:
            out.append(TimeExpr(a, b, m.group(), prep, "weekday", str(weekdays[g_weekday])))
        elif g_year:
            y = int(g_year)
            out.append(TimeExpr(a, b, m.group(), prep, "year", str(y), year=y))
    return out


def _shift_month(d: _dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def _interval(prep: str | None, value: str) -> str:
    if prep in ("by", "until", "till", "before"):
        return f"../{value}"
    if prep in ("since", "after"):
        return f"{value}/.."
    return value


def normalize(t: TimeExpr, published: _dt.date | None) -> str | None:
    """The ISO 8601 value of ``t`` relative to ``published``; None when it cannot be known."""
    if published is None:
        if t.kind == "month" and t.year is not None:
            v = f"{t.year}-{int(t.arg):02d}" + (f"-{t.day:02d}" if t.day else "")
            return _interval(t.prep, v)
        if t.kind == "year":
            return _interval(t.prep, t.arg)
        return None
    p = published
    future = t.prep in _FUTURE_PREPS
    if t.kind == "present":
        return p.isoformat()
    if t.kind == "relative":
        unit = t.arg.rstrip("+-0123456789")
        n = int(t.arg[len(unit) :])
        if unit == "day":
            return (p + _dt.timedelta(days=n)).isoformat()
        if unit == "week":
            y, w, _ = (p + _dt.timedelta(weeks=n)).isocalendar()
            return f"{y}-W{w:02d}"
        if unit == "month":
            y, m = _shift_month(p, n)
            return f"{y}-{m:02d}"
        if unit == "year":
            return str(p.year + n)
        return None
    if t.kind == "month":
        month = int(t.arg)
        if t.year is not None:
            year = t.year
        elif future:
            year = p.year if month >= p.month else p.year + 1
        else:
            year = p.year if month <= p.month else p.year - 1
        value = f"{year}-{month:02d}"
        if t.day:
            with contextlib.suppress(ValueError):
                value = _dt.date(year, month, t.day).isoformat()
        return _interval(t.prep, value)
    if t.kind == "weekday":
        wd = int(t.arg)
        if future:
            delta = (wd - p.weekday()) % 7 or 7
            day = p + _dt.timedelta(days=delta)
        else:
            day = p - _dt.timedelta(days=(p.weekday() - wd) % 7)
        return _interval(t.prep, day.isoformat())
    if t.kind == "year":
        return _interval(t.prep, t.arg)
    return None


def time_key(time: str | None, time_value: str | None) -> str:
    """What two claims must share to be "at the same time": the normalized value when known,
    else the lower-cased expression; no time and present-tense markers ("already") both count
    as the time of writing."""
    if time is None:
        return "present"
    rel, _, _ = _tables()
    words = " ".join(time.lower().split())
    if rel.get(words) == "present":
        return "present"
    return time_value or words
