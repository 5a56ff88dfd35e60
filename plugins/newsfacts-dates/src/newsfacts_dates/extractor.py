"""Find date and time expressions and normalize them against the publication date.

One compiled pattern scans the text. Every alternative has bounded length (bounded whitespace,
bounded digit runs, fixed word lists), so the scan is linear in the size of the text whatever
the input looks like.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar, NamedTuple

import regex

from newsfacts import Document, Fact, FactsSoFar
from newsfacts.patterns import trie

from .model import DateFact
from .words import words

__all__ = ["DateExtractor", "find_dates"]

#: The most blanks a space of a phrase stands for (``_SP``, and the blanks after a part).
_SP_MAX = 3
_SP = rf"[ \t\u00a0]{{1,{_SP_MAX}}}"
_PART_SEP = rf"[- \t\u00a0]{{1,{_SP_MAX}}}"  # "mid-October", "early  June"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])"
_YEAR = r"(?:1[89][0-9][0-9]|20[0-9][0-9])(?![0-9])"
_RSEP = (
    r"(?:[ \t\u00a0]{0,2}[-–—][ \t\u00a0]{0,2}|"
    + _SP
    + r"(?:to|through|until|till|and)"
    + _SP
    + ")"
)
_LOWER_WORD_AFTER = regex.compile(r"[ \t\u00a0]{1,3}[a-z]")
_AMPM = r"(?:a\.m\.|p\.m\.|(?:am|pm|AM|PM)(?![\w]))"
#: What must not come right before a date (nor before a digit that opens one).
_NOT_AFTER = r"(?<![\w:.,])"
_DIGIT_STARTS = regex.compile(rf"{_NOT_AFTER}[0-9]", regex.VERSION1)


def _width(phrases: Iterable[str]) -> int:
    """The most characters any of ``phrases`` takes in a text (a space can be ``_SP_MAX``)."""
    return max(len(p) + (_SP_MAX - 1) * p.count(" ") for p in phrases)


class _Anchors(NamedTuple):
    """What :func:`_candidates` looks for, and how far before it a date can begin.

    Every match of :func:`_pattern` holds an anchor: a digit where a digit-first alternative
    matches, a month or weekday name, or the last word of a relative phrase ("week" in "earlier
    this week"). In front of it there is at most a modifier and blanks (``digit_back``
    characters), and before a word also a part of the month ("the end of-") or the rest of the
    relative phrase (``back``, per word).
    """

    words: regex.Pattern[str]  # the anchor words that do not open with a lower-case letter
    lower: tuple[str, ...]  # the others, found with str.find
    back: dict[str, int]
    digit_back: int
    #: Matched backwards from a word anchor: the run of characters that can stand before it in
    #: a date (the letters of the modifiers, parts and relative phrases, blanks and hyphens).
    #: A date holding the anchor cannot begin before the run ("10,000 by December": at "by").
    prefix: regex.Pattern[str]


def _alt(items: Iterable[str]) -> str:
    """A non-capturing group matching the fixed phrases ``items``, longest first; spaces match
    bounded blanks. Written as a trie (:func:`_trie`): the phrases that match at one place are
    prefixes of each other, and the trie tries the longer first, as a longest-first alternation
    does, but turns a place away at one character test instead of one per phrase."""
    return "(?:" + _trie(items) + ")"


def _cap_variants(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item)
        out.append(item[:1].upper() + item[1:])
    return out


def _alternatives() -> list[tuple[bool, str]]:
    """The date pattern's alternatives, in order, each with whether it opens with a digit.

    The others open with a letter (a month, part, weekday or relative phrase), so at a digit
    only the digit-first ones can match (:func:`_digit_pattern`).
    """
    w = words()
    full = [m for m in w.months if len(m) > 4 or m == "June" or m == "July" or m == "May"]
    abbr = [m for m in w.months if m not in full]

    def mon(group: str) -> str:
        return rf"(?P<{group}>{_alt(full)}|{_alt(abbr)}\.?)(?![\w])"

    part = _alt(_cap_variants(w.parts))
    rel = _alt(_cap_variants(w.relative))
    wday = _alt(w.weekdays)
    return [
        # A: October 28 to November 2(, 2024)
        (
            False,
            rf"(?P<A>{mon('am1')}{_SP}(?P<ad1>{_DAY})(?:,?{_SP}(?P<ay1>{_YEAR}))?{_RSEP}"
            rf"{mon('am2')}{_SP}(?P<ad2>{_DAY})(?:,?{_SP}(?P<ay2>{_YEAR}))?)",
        ),
        # B: October 8 to 13(, 2024)
        (
            False,
            rf"(?P<B>{mon('bm')}{_SP}(?P<bd1>{_DAY}){_RSEP}(?P<bd2>{_DAY})"
            rf"(?:,?{_SP}(?P<by>{_YEAR}))?)",
        ),
        # C: 8-13 October( 2024)
        (
            True,
            rf"(?P<C>(?P<cd1>{_DAY}){_RSEP}(?P<cd2>{_DAY}){_SP}{mon('cm')}"
            rf"(?:,?{_SP}(?P<cy>{_YEAR}))?)",
        ),
        # D: October 23(, 2024)
        (False, rf"(?P<D>{mon('dm')}{_SP}(?P<dd>{_DAY})(?:,?{_SP}(?P<dy>{_YEAR}))?)"),
        # E: 23 October( 2024)
        (
            True,
            rf"(?P<E>(?P<ed>{_DAY}){_SP}(?:of{_SP})?{mon('em')}(?:,?{_SP}(?P<ey>{_YEAR}))?)",
        ),
        # F: (early) October 2024
        (False, rf"(?P<F>(?:(?P<fp>{part}){_PART_SEP})?{mon('fm')},?{_SP}(?P<fy>{_YEAR}))"),
        # G: (mid-)October  (needs a modifier or a part)
        (False, rf"(?P<G>(?:(?P<gp>{part}){_PART_SEP})?{mon('gm')})"),
        # H: Wednesday
        (False, rf"(?P<H>(?P<hw>{wday})(?![\w]))"),
        # I: last week, yesterday
        (False, rf"(?P<I>(?P<ir>{rel})(?![\w]))"),
        # J: 2024 (needs a modifier)
        (True, rf"(?P<J>(?P<jy>{_YEAR}))"),
        # K: 10:09, 3 p.m.
        (
            True,
            rf"(?P<K>(?P<kh>[01]?[0-9]|2[0-3]):(?P<kmin>[0-5][0-9])(?![0-9]|:[0-9])"
            rf"(?:[ \t\u00a0]?(?P<ka>{_AMPM}))?"
            rf"|(?P<kh2>1[0-2]|0?[1-9])[ \t\u00a0]?(?P<ka2>{_AMPM}))",
        ),
    ]


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    """The date pattern: an optional modifier, then one of :func:`_alternatives`."""
    body = "|".join(src for _, src in _alternatives())
    mods = _alt(_cap_variants(words().modifiers))
    return regex.compile(
        rf"(?=[A-Za-z0-9]){_NOT_AFTER}(?:(?P<mod>{mods}){_SP})?(?:{body})", regex.VERSION1
    )


@lru_cache(maxsize=1)
def _digit_pattern() -> regex.Pattern[str]:
    """:func:`_pattern` with only the alternatives that can match at a digit.

    No modifier, month, weekday, part or relative phrase opens with a digit, so at a digit the
    full pattern can only take a digit-first alternative (and takes the first that matches, as
    this one does). A ``match`` call costs about a third of the full pattern's, whose cost
    grows with the alternatives it has to turn away. Its matches have no ``mod`` group.
    """
    w = words()
    lists = [*w.modifiers, *w.months, *w.weekdays, *w.parts, *w.relative]
    if not all(p[:1].isalpha() for p in lists):
        return _pattern()  # a phrase opening on a digit: the full pattern is needed there
    body = "|".join(src for digit, src in _alternatives() if digit)
    return regex.compile(rf"{_NOT_AFTER}(?:{body})", regex.VERSION1)


@lru_cache(maxsize=4096)  # a few (month, day) pairs per publication date
def _closest_year(month: int, day: int, ref: dt.date, past_only: bool) -> int:
    """The year that puts ``month``/``day`` closest to ``ref`` (not after it if ``past_only``)."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        d = min(day, calendar.monthrange(year, month)[1])
        delta = (dt.date(year, month, d) - ref).days
        if past_only and delta > 0:
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), year)
    return best[1] if best else ref.year


@lru_cache(maxsize=4096)
def _month_range(year: int, month: int, part: tuple[int, int | None] | None) -> str:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = (1, last) if part is None else (part[0], part[1] or last)
    return f"{dt.date(year, month, first_day)}/{dt.date(year, month, min(last_day, last))}"


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _normalize(m: regex.Match[str], mod: str, ref: dt.date | None) -> tuple[str, str | None] | None:
    """``(expression_type, value)`` for a match, or None when the match is not a date.

    ``mod`` is the match's modifier, lower-cased with blanks folded ("" if none). The
    alternative that matched is the last group to close (:func:`_alternatives`).
    """
    w = words()
    alt = m.lastgroup
    past = mod in ("since", "last", "past")

    def ymd(y: int | None, month: int, day: int) -> dt.date | None:
        if y is None:
            if ref is None:
                return None
            y = _closest_year(month, day, ref, past)
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None

    def year(g: str) -> int | None:
        v = m.group(g)
        return int(v) if v else None

    def rng(a: dt.date | None, b: dt.date | None) -> str | None:
        if a is None or b is None:
            return None
        if b < a and b.year == a.year:  # December 28 to January 3
            try:
                b = b.replace(year=b.year + 1)
            except ValueError:
                return None
        return f"{a}/{b}"

    if alt == "A":
        m1, m2 = w.months[m.group("am1").rstrip(".")], w.months[m.group("am2").rstrip(".")]
        y2 = year("ay2")
        y1 = year("ay1") or y2
        return "date_range", rng(
            ymd(y1, m1, _day(m.group("ad1"))), ymd(y2 or y1, m2, _day(m.group("ad2")))
        )
    if alt == "B" or alt == "C":
        g = "b" if alt == "B" else "c"
        month = w.months[m.group(f"{g}m").rstrip(".")]
        y = year(f"{g}y")
        return "date_range", rng(
            ymd(y, month, _day(m.group(f"{g}d1"))), ymd(y, month, _day(m.group(f"{g}d2")))
        )
    if alt == "D" or alt == "E":
        g = "d" if alt == "D" else "e"
        month = w.months[m.group(f"{g}m").rstrip(".")]
        d = ymd(year(f"{g}y"), month, _day(m.group(f"{g}d")))
        return "date", None if d is None else d.isoformat()
    if alt == "F" or alt == "G":
        g = "f" if alt == "F" else "g"
        if g == "g" and not mod and not m.group("gp"):
            return None
        month = w.months[m.group(f"{g}m").rstrip(".")]
        p = m.group(f"{g}p")
        part = w.parts[" ".join(p.lower().split())] if p else None
        if g == "f":
            return "month_year", _month_range(int(m.group("fy")), month, part)
        if ref is None:
            return "month", None
        return "month", _month_range(_closest_year(month, 15, ref, past), month, part)
    if alt == "H":
        if ref is None:
            return "weekday", None
        back = (ref.weekday() - w.weekdays[m.group("hw")]) % 7
        if mod == "next":
            fwd = (w.weekdays[m.group("hw")] - ref.weekday()) % 7 or 7
            return "weekday", (ref + dt.timedelta(days=fwd)).isoformat()
        if mod in ("last", "past") and back == 0:
            back = 7
        return "weekday", (ref - dt.timedelta(days=back)).isoformat()
    if alt == "I":
        if ref is None:
            return "relative", None
        unit, offset = w.relative[" ".join(m.group("ir").lower().split())]
        return "relative", _relative(unit, offset, ref)
    if alt == "J":
        if not mod or mod in ("on", "last", "next", "this", "past"):
            return None
        if mod == "by" and _LOWER_WORD_AFTER.match(m.string, m.end()):
            return None  # "by 2000 soldiers" is a count, "by 2030." a year
        y = int(m.group("jy"))
        return "year", f"{y}-01-01/{y}-12-31"
    if alt == "K":
        if m.group("kh2"):
            hour, minute, ampm = int(m.group("kh2")), 0, m.group("ka2")
        else:
            hour, minute, ampm = int(m.group("kh")), int(m.group("kmin")), m.group("ka")
        if ampm:
            if hour > 12 or hour == 0:
                return "time", None
            pm = ampm.lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        return "time", f"{hour:02d}:{minute:02d}"
    return None  # pragma: no cover - every alternative is handled above


def _relative(unit: str, offset: int, ref: dt.date) -> str:
    if unit == "day":
        return (ref + dt.timedelta(days=offset)).isoformat()
    if unit in ("week", "weekend"):
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return f"{monday + dt.timedelta(days=5)}/{monday + dt.timedelta(days=6)}"
        return f"{monday}/{monday + dt.timedelta(days=6)}"
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return _month_range(index // 12, index % 12 + 1, None)
    y = ref.year + offset
    return f"{y}-01-01/{y}-12-31"


def _trie(phrases: Iterable[str]) -> str:
    """:func:`newsfacts.patterns.trie` of ``phrases``, a space matching bounded blanks (``_SP``)."""
    return trie(phrases, space=_SP)


@lru_cache(maxsize=1)
def _starts() -> regex.Pattern[str]:
    """Where a date can begin: a digit, or the first word of any phrase in the word lists that
    also opens a date head (:func:`_heads`).

    Trying the full pattern only at these places gives the same matches as scanning every
    position (no match can begin anywhere else) at a fraction of the cost. The leading ``\b``
    changes no match (every alternative starts with a word character and the look-behind
    already wants a non-word character before it) but lets the engine skip the inside of words
    cheaply; testing the head inside the same scan saves a Python-level ``match`` per common
    word ("the", "in", "this") that opens no date.
    """
    w = words()
    phrases = [*w.months, *w.weekdays, *w.parts, *w.modifiers, *w.relative]
    firsts = {p.split(" ")[0].split("-")[0] for p in phrases}
    # ``\m`` (start of a word) lets the scan skip the rest of each word; a list with a phrase
    # opening on a non-word character would make it wrong: fall back to the lookbehind alone.
    boundary = r"\m" if all(f[:1].isalnum() for f in firsts) else ""
    first = _trie(_cap_variants(firsts))
    return regex.compile(
        rf"{boundary}(?<![\w:.,])(?:[0-9]|(?={first}(?![a-z]))(?={_heads().pattern}))"
    )


@lru_cache(maxsize=1)
def _heads() -> regex.Pattern[str]:
    """What every match of :func:`_pattern` begins with: an optional modifier, then a digit or a
    month, weekday, part or relative phrase.

    A cheap test run before the full pattern at each start: most starts are common words such
    as "the", "in" or "this" that open no date, and this rejects them without trying the eleven
    alternatives of the full pattern.
    """
    w = words()
    body = _trie([*w.months, *w.weekdays, *_cap_variants(w.parts), *_cap_variants(w.relative)])
    mods = _trie(_cap_variants(w.modifiers))
    return regex.compile(rf"(?:{mods}{_SP})?(?:[0-9]|{body})")


@lru_cache(maxsize=1)
def _anchors() -> _Anchors:
    """The anchor words and how far before each a date can begin (see :class:`_Anchors`)."""
    w = words()
    mods = _width(w.modifiers) + _SP_MAX
    part = _width(w.parts) + _SP_MAX  # "the end of" and the blanks or hyphen after it
    back = {m: mods + part for m in w.months} | {d: mods for d in w.weekdays}
    for phrase in _cap_variants(w.relative):
        last = phrase.split(" ")[-1]
        back[last] = max(back.get(last, 0), mods + _width([phrase]) - len(last))
    upper = [k for k in back if not k[:1].islower()]
    initials = regex.escape("".join(sorted({k[0] for k in upper})))
    chars = {" ", "\t", "\u00a0", "-"}  # _SP and _PART_SEP
    for phrase in _cap_variants([*w.modifiers, *w.parts, *w.relative]):
        chars.update(phrase)
    return _Anchors(
        regex.compile(rf"(?=[{initials}]){trie(upper)}(?![\w])"),
        tuple(sorted(k for k in back if k[:1].islower())),
        back,
        mods,
        regex.compile(f"[{regex.escape(''.join(sorted(chars)))}]*+", regex.REVERSE),
    )


def _candidates(text: str) -> Iterator[int]:
    """The hits of :func:`_starts` that can begin a date, in order.

    :func:`_starts` tries every position (~70 ns a character), so it runs only over windows
    that end at an anchor (:class:`_Anchors`) and begin as far before it as a date holding it
    can begin. The anchors come from cheaper scans: digits (kept only where
    :func:`_digit_pattern` matches), month and weekday names, ``str.find`` for the lower-case
    words. A window is cut one character past its anchor: at a place that begins a date
    holding the anchor, the lookaheads of _starts succeed without reading further (its head,
    or its first word and the character after it), so cutting the text there loses no start;
    cuts elsewhere can only add starts, which ``match`` then turns away. A word anchor's window
    begins no earlier than the run of prefix characters before it (:attr:`_Anchors.prefix`):
    a comma, digit or line break ends any modifier or part of the month.
    """
    a = _anchors()
    digits = _digit_pattern()
    back = a.back
    windows = [
        (q - a.digit_back, q + 1)
        for q in map(regex.Match.start, _DIGIT_STARTS.finditer(text))
        if digits.match(text, q) is not None
    ]
    prefix = a.prefix.match
    for m in a.words.finditer(text):
        run = prefix(text, max(m.start() - back[m.group()], 0), m.start())
        windows.append((m.start() if run is None else run.start(), m.end()))  # run: never None
    for key in a.lower:
        found = text.find(key)
        while found >= 0:
            windows.append((found - back[key], found + len(key)))
            found = text.find(key, found + 1)
    windows.sort()
    starts = _starts()
    lo, hi = 0, -1
    for start, end in windows:
        if start > hi:
            if hi >= 0:
                for hit in starts.finditer(text, lo, hi):
                    yield hit.start()
            lo = max(start, 0)
        hi = max(hi, end + 1)
    if hi >= 0:
        for hit in starts.finditer(text, lo, hi):
            yield hit.start()


def _matches(text: str) -> Iterator[regex.Match[str]]:
    """The non-overlapping leftmost matches of the date pattern, as ``finditer`` would give."""
    pattern, digits = _pattern(), _digit_pattern()
    end = 0
    for pos in _candidates(text):
        if pos < end:
            continue
        m = (digits if "0" <= text[pos] <= "9" else pattern).match(text, pos)
        if m is not None and m.end() > m.start():
            end = m.end()
            yield m


def find_dates(text: str, published: dt.date | None = None) -> Iterator[DateFact]:
    """Every date or time expression in ``text``, with offsets into ``text``."""
    pattern = _pattern()
    for m in _matches(text):
        mod = m.group("mod") if m.re is pattern else None  # no modifier opens with a digit
        modifier = " ".join(mod.lower().split()) if mod else None
        found = _normalize(m, modifier or "", published)
        if found is None:
            continue
        kind, value = found
        if (
            modifier == "since"
            and published is not None
            and value is not None
            and kind != "time"
            and value[:10] <= published.isoformat()
        ):
            value = f"{value[:10]}/{published.isoformat()}"
        yield DateFact(
            start=m.start(),
            end=m.end(),
            text=m.group(),
            value=value,
            expression_type=kind,
            modifier=modifier,
        )


class DateExtractor:
    """The ``dates`` extractor: date and time expressions as :class:`DateFact`."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("dates",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        """Scan the whole text; the pipeline drops what falls in boilerplate."""
        return list(find_dates(doc.text, doc.article.published))
