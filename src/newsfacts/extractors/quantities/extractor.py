"""The quantities extractor: figures in content sentences, with bound, change, unit and entity.

Per sentence (from the shared :class:`~newsfacts.document.Document`, boilerplate skipped):

1. :mod:`.scan` rejects sentences with no digit and no number word (most of them);
2. :mod:`.filters` masks URLs, e-mails, phone numbers, clock times and numeric dates;
3. the sentence is tokenized and each figure is read by :mod:`.numbers`;
4. a range is joined ("between 1,500 and 3,000", "8 to 13 percent", "10-12%"), or a change
   from one level to another ("fell from $2,415 to $2,315");
5. :mod:`.units` reads a currency before or after, a percent mark, or a measurement unit;
6. :mod:`.entity` finds the counted noun after the figure (or after "of"), or inherits it from
   "the number of <noun>" earlier in the sentence;
7. :mod:`.cues` reads the bound and change from the words just before;
8. :mod:`.filters` drops days of months, calendar years, ordinals and figures in names/codes.

Offsets always index the article text.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

import attrs
import regex

from ...document import Document
from ...extractor import FactsSoFar
from ...model import Fact, Quantity
from . import cues, filters
from ._data import words
from .entity import head_noun, lemma
from .numbers import (
    Figure,
    article_followers,
    figure_starters,
    number_word_value,
    read_number,
    scale_of,
    scale_word,
)
from .scan import Token, has_candidate, tokenize
from .units import UnitTables, currency_code, may_match_after, tables

__all__ = ["QuantityExtractor", "extract_sentence"]

_RANGE_SEP = ("-", "–", "—", "to")
_NUMBER_OF = regex.compile(
    r"\b(?:number|total|tally|count|toll|contingent)[ ]of[ ](?:the[ ])?+"
    r"(?P<np>(?:[^\W\d_][\w'’\-]{0,30}+[ ]){0,3}+[^\W\d_][\w'’\-]{0,30}+)",
    regex.V1 | regex.IGNORECASE,
)
#: every ``_NUMBER_OF`` match holds this: one scan per sentence rules the pattern out
_NUMBER_OF_HINT = regex.compile(
    r"(?:number|total|tally|count|toll|contingent)[ ]of[ ]", regex.V1 | regex.IGNORECASE
)
#: how far before a figure "the number of <noun>" is looked for (keeps the cost per figure flat)
_NUMBER_OF_REACH = 300
_TIME_WORDS = frozenset({"day", "week", "month", "year", "hour", "minute", "second", "quarter"})
#: "$1.17 billion a year earlier": the time word dates the figure, it is not a rate
_NOT_RATE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "prior", "previously"})
_METRE_AFTER = frozenset({"long", "high", "wide", "tall", "deep", "away", "across", "-long"})


@attrs.define
class _Found:
    start: int  # offsets into the sentence
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    previous: float | None = None
    bound: str = "exact"
    change: str | None = None
    unit: str | None = None
    entity: str | None = None
    vague: bool = False
    inherited: bool = False  # the entity came from an earlier figure, not from the words after


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


def _masked(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """``[a, b)`` overlaps a masked span (``spans`` are sorted and disjoint: a binary search)."""
    if not spans:
        return False
    k = bisect_right(spans, a, key=_span_end)  # the first span ending after ``a``
    return k < len(spans) and spans[k][0] < b


def _prefix_currency(t: UnitTables, sent: str, start: int) -> tuple[str, int] | None:
    if not _mark_may_end_before(t, sent, start):
        return None
    m = t.prefix_currency.search(sent[max(0, start - 8) : start])
    if m is None:
        return None
    return currency_code(t, m.group("cur")), start - len(m.group(0))


_SPACE = (" ", "\u00a0")


def _mark_may_end_before(t: UnitTables, sent: str, start: int) -> bool:
    """A necessary condition for a prefix mark before ``start``, checked with set look-ups.

    The pattern matches a mark, at most one space, then the end of the window or a newline
    that ends it. Most figures have no mark before them: the search is left out for them.
    """
    before = sent[start - 1 : start]
    if before == "\n":
        return True
    ends = t.prefix_ends
    for e in (start, start - 1) if before in _SPACE else (start,):
        if sent[e - 1 : e] in ends or sent[max(0, e - 2) : e] in ends:
            return True
    return False


def _unit_after(
    t: UnitTables, sent: str, tokens: list[Token], stop: int, fig: Figure, end: int
) -> tuple[str | None, int, int]:
    """``(unit, end offset, next token index)`` for the unit right after a figure."""
    rest = sent[end : end + 40]
    g_percent, g_p, g_suffix, g_cur, g_pence = _after_groups()
    m = t.after.match(rest) if may_match_after(t, rest) else None
    if m is not None and m.group(g_percent) is not None:
        unit = t.percent_units[m.group(g_p).lower()]
        new_end = end + m.end()
        j = _index_after(tokens, stop, new_end)
        if unit == "percent":
            # "growing 5 percent a year": a rate over a time unit (only time units: "5% a share"
            # is no rate)
            u, e, j2 = _per(t, sent, tokens, j, unit)
            if u is not None and j2 != j and u.rsplit(" ", 1)[-1] in _TIME_WORDS:
                return u, e, j2
        return unit, new_end, j
    if m is not None and m.group(g_suffix) is not None:
        new_end = end + m.end()
        j = _index_after(tokens, stop, new_end)
        # "8.99 Australian dollars per month"
        return _per(t, sent, tokens, j, currency_code(t, m.group(g_cur)))
    if m is not None and tokens[fig.stop - 1].text not in _pence_not():
        # "118.5p", "down 68 p at 1112 p": pence (not "2 p.m.", not "1080p"); a spaced "p" only
        # before punctuation or a function word ("4 p values" is no price)
        new_end = end + m.end()
        j = _index_after(tokens, stop, new_end)
        if (
            m.start(g_pence) == 0
            or j >= len(tokens)
            or tokens[j].kind != "word"
            or tokens[j].text.lower() in words("entity_stop.txt")
        ):
            return _per(t, sent, tokens, j, "penny")
    n = len(tokens)
    if fig.lower_m:
        nxt = tokens[stop] if stop < n else None
        if nxt is not None and nxt.kind == "num" and nxt.start == end and nxt.text in ("2", "3"):
            # "32m2": square metres (the figure is corrected by the caller)
            unit = "square metre" if nxt.text == "2" else "cubic metre"
            return unit, nxt.end, stop + 1
        if nxt is None or nxt.kind != "word" or nxt.text.lower() in _METRE_AFTER:
            return "metre", end, stop  # "37m long": the "m" was a metre, not a million
    if (
        stop + 1 < n
        and tokens[stop].text in ("-", "‑")
        and tokens[stop].start == end
        and tokens[stop + 1].kind == "word"
        and tokens[stop + 1].start == tokens[stop].end
    ):
        # "a 185-hp engine", "an 8-inch screen", "a 65-year-old": a unit hyphenated to the figure
        w = tokens[stop + 1].text
        hyph = t.surfaces.get(w.lower()) or t.symbols.get(w)
        if hyph is not None:
            return hyph, tokens[stop + 1].end, stop + 2
    if stop < n:
        tok = tokens[stop]
        # a unit symbol glued to the figure or one space away: "5.5kWh", "50mph", "5 W"
        if tok.start - end <= 1 and tok.kind in ("word", "sym"):
            sym = tok.text
            j = stop + 1
            # "sq m", "km/h": try two symbols joined
            if j < n and tokens[j].start - tok.end <= 1:
                two = sent[tok.start : tokens[j].end]
                if two.lower() in t.surfaces or two in t.symbols:
                    unit = t.surfaces.get(two.lower()) or t.symbols[two]
                    return _per(t, sent, tokens, j + 1, unit)
            if sym in t.symbols and (tok.start == end or len(sym) > 1 or sym.isupper()):
                return _per(t, sent, tokens, stop + 1, t.symbols[sym])
            if len(sym) >= 3 and sym.lower() in t.symbols_lower:  # "Ghz", "KWH"
                return _per(t, sent, tokens, stop + 1, t.symbols_lower[sym.lower()])
        # surfaces of up to max_words words: "square kilometres", "degrees Celsius" (one space
        # away at most, with no figure inside: they end before the first number token)
        if tok.start - end > 1:
            return None, end, stop
        if tok.text.isascii() and tok.text.lower() not in t.surface_prefixes:
            # each phrase below starts with this word: lower-casing ASCII text changes no
            # length and looks at no context, so its lower case starts each phrase's
            return None, end, stop
        top = 0
        while top < t.max_words and stop + top < n and tokens[stop + top].kind != "num":
            top += 1
        for k in range(top, 0, -1):
            phrase = sent[tok.start : tokens[stop + k - 1].end].lower()
            if phrase in t.surfaces:
                unit = t.surfaces[phrase]
                if unit == "pound-mass" and _money_pounds(sent, tokens, stop + k, fig, end):
                    unit = "GBP"
                return _per(t, sent, tokens, stop + k, unit)
    return None, end, stop


@lru_cache(maxsize=1)
def _after_groups() -> tuple[int, int, int, int, int]:
    """Group numbers of ``UnitTables.after``: percent, its mark, suffix, its mark, pence."""
    g = tables().after.groupindex
    return g["percent"], g["p"], g["suffix"], g["cur"], g["pence"]


def _pence_not() -> frozenset[str]:
    return words("pence_not.txt")


def _per(
    t: UnitTables, sent: str, tokens: list[Token], j: int, unit: str
) -> tuple[str | None, int, int]:
    """Extend a unit with "per <unit>" / "a <time unit>": "barrels a day", "$10 per gram"."""
    end = tokens[j - 1].end
    n = len(tokens)
    if j + 1 < n and tokens[j].text.lower() in ("per", "a", "an", "/"):
        nxt = tokens[j + 1].text.lower()
        if j + 2 < n and tokens[j + 2].start - tokens[j + 1].end == 1:
            # "$80 per sq m", "$5 per square foot": a two-word unit as the denominator
            two = sent[tokens[j + 1].start : tokens[j + 2].end]
            den2 = t.surfaces.get(two.lower()) or t.symbols.get(two)
            if den2 is not None and tokens[j].text.lower() != "a":
                return f"{unit} per {den2}", tokens[j + 2].end, j + 3
        den = t.surfaces.get(nxt) or t.symbols.get(tokens[j + 1].text)
        if (
            den is None
            and nxt in words("per_nouns.txt")
            and (unit.isupper() or unit in ("penny", "cent"))
        ):
            den = nxt  # "470 pence a share", "$1.20 per share", "64 cents a dozen"
        after = tokens[j + 2].text.lower() if j + 2 < n else ""
        if (
            den is not None
            and (tokens[j].text.lower() != "a" or den in _TIME_WORDS or den == nxt)
            and after not in _NOT_RATE_AFTER
        ):
            return f"{unit} per {den}", tokens[j + 1].end, j + 2
    return unit, end, j


def _money_pounds(sent: str, tokens: list[Token], j: int, fig: Figure, end: int) -> bool:
    """ "361 million pounds", "paid 40 pounds": pounds sterling, not pounds of weight."""
    if j < len(tokens) and tokens[j].text.lower() == "of":
        return False  # "5 million pounds of beef"
    if fig.scaled:
        return True
    before = sent[max(0, end - 80) : end].lower()
    return not words("money_context.txt").isdisjoint(regex.findall(r"[a-z]++", before))


def _index_after(tokens: list[Token], j: int, offset: int) -> int:
    while j < len(tokens) and tokens[j].start < offset:
        j += 1
    return j


def _rate(
    t: UnitTables, sent: str, tokens: list[Token], j: int, unit: str | None
) -> tuple[str | None, int]:
    if unit is None:
        return None, j
    u, _, j2 = _per(t, sent, tokens, j, unit)
    return u, j2


def extract_sentence(sent: str, forms: tuple[int, ...] | None = None) -> list[_Found]:
    """Quantities in one sentence (offsets into ``sent``).

    ``forms``: :func:`.filters.mask_forms` of the article the sentence is part of.
    """
    if not has_candidate(sent) or _is_number_soup(sent):
        return []
    t = tables()
    masked = filters.masked_spans(sent, forms)
    tokens = tokenize(sent)
    n = len(tokens)
    out: list[_Found] = []
    starters = figure_starters()
    followers = article_followers()
    i = 0
    while i < n:
        tok = tokens[i]
        kind = tok.kind
        if kind == "word":
            low = tok.text.lower()
            # most words start no figure: neither a number word nor "five-year" nor "sixfold"
            if low not in starters and "-" not in low and not low.endswith("fold"):
                i += 1
                continue
            if (low == "a" or low == "an") and (
                i + 1 == n or tokens[i + 1].text.lower() not in followers
            ):
                # "a spokeswoman": no figure starts here (nor a hyphenated or "-fold" word)
                i += 1
                continue
        elif kind != "num" or len(tok.text) > _MAX_DIGITS:
            i += 1
            continue
        if _masked(masked, tok.start, tok.end):
            i += 1
            continue
        found, nxt = _read_at(t, sent, tokens, i, masked, out)
        if found is not None and not _finite(found):
            found = None  # a 400-digit run is no quantity (and would not serialize)
        if found is not None:
            if out and _to_from(sent, out[-1], found):
                # "narrowed to 138,285 lots from 212,577 lots": one change, the old level last
                last = out[-1]
                last.previous, last.end = found.value, found.end
            else:
                out.append(found)
        i = max(nxt, i + 1)
    _share_units(sent, out)
    _noun_or_count(t, sent, out)
    return _split_from_to(sent, out)


#: "a day or two", "another pick or two": the singular noun before "or" is what is counted
_NOUN_OR = regex.compile(
    r"(?<![^\W\d_])(?:a|an|another|one)[ \u00a0]++(?P<noun>[^\W\d_]{2,20}+)"
    r"[ \u00a0]++or[ \u00a0]++$",
    regex.V1 | regex.IGNORECASE,
)


def _noun_or_count(t: UnitTables, sent: str, out: list[_Found]) -> None:
    """A bare small count after "a <noun> or" counts that noun: "a day or two" -> 2 day."""
    for f in out:
        if f.unit is not None or (f.entity is not None and not f.inherited) or f.vague:
            continue
        if f.value > 10 or f.bound == "range":
            continue
        m = _NOUN_OR.search(sent, max(0, f.start - 30), f.start)
        if m is None:
            continue
        noun = m.group("noun").lower()
        if noun in words("entity_stop.txt"):
            continue
        unit = t.surfaces.get(noun)
        f.unit, f.entity = unit, None if unit is not None else noun
        f.inherited = False


#: "from 20 mpg in 2008 to 29 mpg": up to four words (a year, a qualifier) between the "from"
#: figure and the "to" before the second one
_SPLIT_TO = regex.compile(
    r"(?:[ \u00a0]++(?!to[ \u00a0])[^\W_][\w\-]{0,20}+){0,4}+[ \u00a0]++to[ \u00a0]++",
    regex.V1 | regex.IGNORECASE,
)
_FROM_END = regex.compile(r"(?<![^\W\d_])from[ \u00a0]++$", regex.V1 | regex.IGNORECASE)


def _split_from_to(sent: str, out: list[_Found]) -> list[_Found]:
    """ "from 20 mpg in 2008 to 29 mpg", "from 21 mpg combined to 23": one range, one unit.

    The figures were read on their own because other words stand between them. A "from"
    figure with a unit and a "to" figure with the same unit or none are joined (a change from
    one level to the other if a change verb came first); after a "from" range ("from 14-18 mpg
    to 24") the second figure only takes the unit.
    """
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        if (
            a.unit is None
            or a.previous is not None
            or b.previous is not None
            or b.low is not None
            or b.vague
            or a.vague
            or (b.unit is not None and b.unit != a.unit)
            or (b.entity is not None and not b.inherited)
            or a.end >= b.start
            or _SPLIT_TO.fullmatch(sent, a.end, b.start) is None
            or _FROM_END.search(sent, max(0, a.start - 8), a.start) is None
        ):
            k += 1
            continue
        b.unit, b.entity = a.unit, None
        if a.low is not None:
            k += 1
            continue
        if a.change is not None:
            a.previous, a.value = a.value, b.value
        else:
            a.low, a.high, a.bound = a.value, b.value, "range"
        a.end = b.end
        del out[k + 1]
        k += 1
    return out


#: "eight or nine euros", "8 or $9", "7- or 8-inch", "four-, five- and six-cylinder"
_ALTERNATIVE = regex.compile(
    r"[ \u00a0]*+(?:-[ \u00a0]*+(?:,[ \u00a0]*+|(?:or|and|to)[ \u00a0]++)?+|or[ \u00a0]++)",
    regex.V1 | regex.IGNORECASE,
)


def _share_units(sent: str, out: list[_Found]) -> None:
    """A bare figure joined by "or" (or a suspended hyphen) to the next takes its unit/entity."""
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if a.unit is not None or (a.entity is not None and not a.inherited) or a.vague or b.vague:
            continue
        if (b.unit is None and b.entity is None) or a.end > b.start:
            continue
        if _ALTERNATIVE.fullmatch(sent, a.end, b.start) is None:
            continue
        a.unit, a.entity = b.unit, b.entity


#: A "sentence" longer than this that holds a run of digits every ``_SOUP_CHARS_PER_FIGURE``
#: characters or more often is a table, a list of figures or junk (the sentence splitter found
#: no end in it), not prose: no quantity claim is read from it. Real sentences this long are
#: rare and their figures are far sparser; the test keeps the cost of junk input flat.
_SOUP_MIN_LENGTH = 1000
_SOUP_CHARS_PER_FIGURE = 40
_DIGIT_RUN = regex.compile(r"\d++")
#: no figure in news is written with more digits than this (a longer run is an ID or junk)
_MAX_DIGITS = 40


def _is_number_soup(sent: str) -> bool:
    if len(sent) <= _SOUP_MIN_LENGTH:
        return False
    return len(_DIGIT_RUN.findall(sent)) * _SOUP_CHARS_PER_FIGURE > len(sent)


def _finite(f: _Found) -> bool:
    isfinite = math.isfinite
    return (
        isfinite(f.value)
        and (f.low is None or isfinite(f.low))
        and (f.high is None or isfinite(f.high))
        and (f.previous is None or isfinite(f.previous))
    )


_TO_END = regex.compile(r"(?<![^\W\d_])to[ \u00a0]++$", regex.V1 | regex.IGNORECASE)
_FROM = regex.compile(r"[ \u00a0]++from[ \u00a0]++", regex.V1 | regex.IGNORECASE)


def _to_from(sent: str, a: _Found, b: _Found) -> bool:
    """ "<change verb> to A from B" with the same unit and entity."""
    return (
        a.change is not None
        and a.previous is None
        and a.bound == "exact"
        and b.bound == "exact"
        and a.unit == b.unit
        and (b.entity is None or a.entity == b.entity)
        and _FROM.fullmatch(sent, a.end, b.start) is not None
        and _TO_END.search(sent, max(0, a.start - 4), a.start) is not None
    )


def _read_at(
    t: UnitTables,
    sent: str,
    tokens: list[Token],
    i: int,
    masked: list[tuple[int, int]],
    so_far: list[_Found],
) -> tuple[_Found | None, int]:
    fig = read_number(tokens, i)
    if fig is None:
        hyph = _number_word_unit(t, tokens, i)
        if hyph is not None:
            pre = sent[max(0, hyph.start - cues.WINDOW) : hyph.start]
            bd = cues.find_bound(pre)
            if bd is not None:
                hyph.bound, hyph.start = bd[0], hyph.start - bd[1]
                pre = pre[: len(pre) - bd[1]]
            chg = cues.find_change(pre)
            hyph.change = chg[0] if chg is not None else None
        return hyph, i + 1
    n = len(tokens)
    start = tokens[fig.first].start
    end = tokens[fig.stop - 1].end
    if fig.kind == "words" and fig.value == 1 and not fig.scaled:
        one_of = _one_of(tokens, fig)
        if one_of is not None:
            return one_of
        if not _one_counts(tokens, fig):
            return None, fig.stop
    cur = _prefix_currency(t, sent, start) if fig.kind == "digits" else None
    if (
        cur is not None
        and fig.plain_int
        and fig.value < 10
        and sent[cur[1] : start].strip() == "PS"
    ):
        cur = None  # "PS4" is a console, not 4 pounds
    if cur is not None and so_far and so_far[-1].end > cur[1]:
        cur = None  # "10 rmb 20": the mark is the unit of the figure before
    unit: str | None = None
    span_start = start
    if cur is not None:
        unit, span_start = cur
    elif fig.kind == "digits" and filters.in_code(tokens, fig.first):
        return None, fig.stop
    if fig.kind == "digits" and filters.is_ordinal_or_decade(
        tokens, fig.stop, tokens[fig.first].end
    ):
        return None, fig.stop + 1
    value = fig.value
    # a sign glued to the figure: "-1.3%", "+0.2%"
    sign_change: str | None = None
    if cur is None and fig.first > 0 and fig.kind == "digits":
        prev = tokens[fig.first - 1]
        if prev.text in ("-", "−", "+") and prev.end == start:
            tok_before = tokens[fig.first - 2] if fig.first >= 2 else None
            if (
                tok_before is None
                or tok_before.end < prev.start
                or tok_before.text in ("(", "[", ":")
            ):
                sign_change = "increase" if prev.text == "+" else "decrease"
                if prev.text != "+":
                    value = -value
                span_start = prev.start

    found = _Found(span_start, end, value, unit=unit, vague=fig.kind == "vague")
    if fig.kind == "vague":
        found.bound = "approximate"
        if fig.high is not None:
            found.low, found.high = fig.value, fig.high
    stop = fig.stop

    # a second figure: a range or a change from one level to another
    second: Figure | None = None
    j = stop
    from_to = False
    if (j + 1 < n and tokens[j].text.lower() in _RANGE_SEP) or (
        j + 1 < n
        and tokens[j].text.lower() == "and"
        and _word_before(tokens, fig.first) == "between"
    ):
        k = j + 1
        if fig.kind == "digits" and k < n and tokens[k].kind != "num":
            # "$3 billion to $5 billion": a currency mark before the second figure
            k2 = k
            while k2 < n and k2 < k + 3 and tokens[k2].kind != "num":
                k2 += 1
            if k2 < n and tokens[k2].kind == "num":
                m = t.prefix_currency.search(sent[tokens[k].start : tokens[k2].start])
                if m is not None and m.start() == 0:
                    k = k2
        if (
            k < n
            and tokens[k].kind == fig_kind_token(fig)
            and not _masked(masked, tokens[k].start, tokens[k].end)
        ):
            cand = read_number(tokens, k)
            if cand is not None and cand.kind == fig.kind and cand.kind != "vague":
                second = cand
                from_to = _word_before(tokens, fig.first) == "from"
    if second is not None:
        lo = value
        hi = second.value
        if (
            second.scaled
            and not fig.scaled
            and fig.kind == "digits"
            and lo * (hi / second.value) <= hi
        ):
            mult = second.value / float(tokens[second.first].text.replace(",", ""))
            if lo * mult <= hi:
                lo *= mult
        elif second.scaled and not fig.scaled and fig.kind == "words":
            # "four to five thousand people": the scale word ends the second figure only
            mult = scale_word(tokens[second.stop - 1]) or 1.0
            if mult >= 1000 and lo < 1000 and lo * mult <= hi:
                lo *= mult
        dash = tokens[stop].text in ("-", "–", "—")
        measured = _measured_after(t, sent, tokens, second)
        if fig.plain_int and second.plain_int and filters.is_address(tokens, second.stop):
            return None, second.stop
        if (
            fig.plain_int
            and filters.is_year_like(tokens, fig.first, fig.value)
            and filters.year_context(tokens, fig.first)
            and not (second.plain_int and filters.is_year_like(tokens, second.first, second.value))
        ):
            # "rose 60% in 2018 to 3.9 million": a year, then the figure on its own
            return None, fig.stop
        if (
            fig.plain_int
            and second.plain_int
            and filters.is_year_like(tokens, fig.first, fig.value)
            and filters.is_year_like(tokens, second.first, second.value)
            and not measured
        ):
            return None, second.stop  # "between 1600 and 1900": a span of years
        # "2014-15", "16-18 Industrial Avenue" (dash joins years/addresses), "8 to 13" after a month
        if filters.is_day_of_month(tokens, fig.first, fig.stop, fig.value):
            return None, second.stop
        if (
            dash
            and fig.plain_int
            and filters.is_year_like(tokens, fig.first, fig.value)
            and not measured
        ):
            return None, second.stop
        found.low, found.high = lo, hi
        found.value = lo
        found.bound = "range"
        stop = second.stop
        end = tokens[stop - 1].end
        fig_for_unit = second
    else:
        fig_for_unit = fig
        if fig.kind == "digits" and filters.is_day_of_month(tokens, fig.first, fig.stop, fig.value):
            return None, fig.stop
        if fig.plain_int and found.unit is None and filters.is_address(tokens, fig.stop):
            return None, fig.stop

    # unit after the figure
    if found.unit is None:
        u, uend, ustop = _unit_after(t, sent, tokens, stop, fig_for_unit, end)
        if u is not None and fig_for_unit.lower_m and u.endswith("metre"):
            # "37m", "32m2": the attached "m" was read as a million
            found.value /= 1e6
            found.low = None if found.low is None else found.low / 1e6
            found.high = None if found.high is None else found.high / 1e6
        if u is not None:
            found.unit = u
            end = uend
            stop = ustop
            if _is_code(u) and stop < n and uend == tokens[stop - 1].end:
                scale = scale_of(tokens[stop])
                if scale is not None and not fig_for_unit.scaled:
                    # "75 USD million": the scale word after the currency code
                    found.value *= scale
                    found.low = None if found.low is None else found.low * scale
                    found.high = None if found.high is None else found.high * scale
                    end, stop = tokens[stop].end, stop + 1
            if _is_code(u) and found.bound != "range":
                cents = _cents_after(sent, tokens, stop, masked)
                if cents is not None:
                    # "3 dollars 50 cents", "15 dollars and 50", "10 $ 30 cent"
                    found.value += cents[0] / 100
                    end, stop = tokens[cents[1] - 1].end, cents[1]
    elif stop < n:
        # "$10 per gram", "RM79 a month"
        u2, j2 = _rate(t, sent, tokens, stop, found.unit)
        if j2 != stop:
            found.unit = u2
            end = tokens[j2 - 1].end
            stop = j2

    # "5% to 10%", "between 5% and 6%", "from 252 miles to 287 miles": the unit on both figures
    if second is None and found.unit is not None and fig.kind == "digits" and stop + 1 < n:
        joined = _second_with_unit(t, sent, tokens, fig, stop, found.unit, masked, span_start)
        if joined is not None:
            second, stop, end = joined
            from_to = _word_before(tokens, fig.first) == "from"
            found.low, found.high = found.value, second.value
            found.bound = "range"

    # the counted thing
    count_is_one = found.value == 1 and found.bound != "range"
    ent_stop = stop
    head: tuple[int, str] | None = None
    if stop < n and tokens[stop].text.lower() == "of" and (found.unit or fig.kind == "vague"):
        k = stop + 1
        if k < n and tokens[k].text.lower() in ("the", "its", "their", "all"):
            k += 1
        head = head_noun(tokens, k, count_is_one=True)
    elif found.unit is None and _of_group(tokens, stop):
        # "two of Johnson's deputies", "35m of its Echo devices": a part of a counted group
        k = stop + 2 if tokens[stop + 1].text.lower() in _DETERMINERS else stop + 1
        head = head_noun(tokens, k, count_is_one=False)
    elif found.unit is None:
        compound = (
            fig.kind != "vague"
            and second is None
            and math.isfinite(found.value)  # scale words can overflow ("… trillion trillion")
            and found.value == int(found.value)
            and 2 <= found.value <= _COMPOUND_MAX
        )
        head = head_noun(tokens, stop, count_is_one, compound)
        if head is not None:
            ent_stop = head[0] + 1
    if head is not None:
        hw = tokens[head[0]].text.lower()
        if (
            found.unit is None
            and hw in t.surfaces
            and ent_stop == head[0] + 1
            and _only_skip_words(tokens, stop, head[0])
        ):
            found.unit = t.surfaces[hw]
        else:
            found.entity = head[1]
        if ent_stop == head[0] + 1:
            end = tokens[head[0]].end
    elif found.unit is None and not found.vague:
        found.entity = _inherited_entity(sent, start, so_far)
        found.inherited = found.entity is not None

    # years: a bare four-digit figure with no unit and no counted plural
    if (
        fig.kind == "digits"
        and fig.plain_int
        and found.unit is None
        and found.bound != "range"
        and filters.is_year_like(tokens, fig.first, fig.value)
    ):
        context = filters.year_context(tokens, fig.first)
        if (
            (head is None and (found.entity is None or context))
            or filters.strong_year_context(tokens, fig.first)
            # "in 2021 most people": the noun is not right after the figure
            or (context and head is not None and head[0] != fig.stop)
        ):
            return None, stop

    # cues before the figure
    pre_text = sent[max(0, span_start - cues.WINDOW) : span_start]
    cued = cues.may_end_with_cue(pre_text)
    b = cues.find_bound(pre_text) if cued else None
    if b is not None:
        if found.bound != "range":
            found.bound = b[0]
        span_start -= b[1]
        pre_text = pre_text[: len(pre_text) - b[1]]
    if from_to and second is not None:
        # "fell from $2,415 to $2,315": a change from one level to another
        cut = pre_text.lower().rfind("from")
        pre = pre_text[:cut] if cut >= 0 else pre_text
        ch = cues.find_change(pre)
        if ch is not None:
            found.change = ch[0]
            found.previous, found.value = value, second.value
            found.low = found.high = None
            found.bound = "exact"
    else:
        ch = cues.find_change(pre_text) if cued else None
        if ch is not None:
            found.change = ch[0]
    if sign_change is not None and found.change is None:
        found.change = sign_change
    if so_far and found.change is None and b is None:
        _inherit_cues(sent, so_far[-1], found, span_start)
    found.start = span_start
    found.end = end
    return found, stop


#: a count read as measuring the noun after it ("a 3 cylinder engine") is at most this
_COMPOUND_MAX = 100


def _only_skip_words(tokens: list[Token], a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are all skipped words ("15 more minutes"): a unit noun right after.

    A unit noun further on is a counted thing of its own: "eight straight World Cups".
    """
    skip = words("entity_skip.txt")
    return all(tokens[x].text.lower() in skip for x in range(a, b))


def _is_code(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _cents_after(
    sent: str, tokens: list[Token], j: int, masked: list[tuple[int, int]]
) -> tuple[float, int] | None:
    """``(cents, next token index)`` for the cents part of an amount written after its currency.

    "3 dollars 50 cents", "13 dollars and forty-five cents", "15 dollars 50.": a whole number
    below 100, then "cents" or the end of the clause (not "15 dollars 50 shares").
    """
    n = len(tokens)
    if j < n and tokens[j].text.lower() == "and":
        j += 1
    if j >= n or _masked(masked, tokens[j].start, tokens[j].end):
        return None
    fig = read_number(tokens, j)
    if fig is None or fig.kind == "vague" or fig.scaled or not 1 <= fig.value < 100:
        return None
    if fig.kind == "digits" and not fig.plain_int:
        return None
    k = fig.stop
    if k < n and tokens[k].text.lower() in ("cents", "cent"):
        return fig.value, k + 1
    if k >= n or tokens[k].text in (".", ",", ";", ")", "!", "?"):
        return fig.value, k
    return None


def _measured_after(t: UnitTables, sent: str, tokens: list[Token], fig: Figure) -> bool:
    """A unit or a counted plural noun right after ``fig``: "2000-2500 calories" are no years."""
    end = tokens[fig.stop - 1].end
    if _unit_after(t, sent, tokens, fig.stop, fig, end)[0] is not None:
        return True
    head = head_noun(tokens, fig.stop, False)
    return head is not None and head[0] == fig.stop


def _second_with_unit(
    t: UnitTables,
    sent: str,
    tokens: list[Token],
    fig: Figure,
    stop: int,
    unit: str,
    masked: list[tuple[int, int]],
    span_start: int,
) -> tuple[Figure, int, int] | None:
    """The second figure of a range with a unit after each figure: ``(fig, stop, end)``."""
    n = len(tokens)
    sep = tokens[stop].text.lower()
    before = _word_before(tokens, fig.first)
    if not (sep in _RANGE_SEP or (sep == "and" and before == "between")):
        return None
    # "rose 8% to 10%": the level after a change, not a range
    pre = sent[max(0, span_start - cues.WINDOW) : span_start]
    if sep == "to" and before not in ("from", "between") and cues.find_change(pre) is not None:
        return None
    k = stop + 1
    k2 = k
    while k2 < n and k2 < k + 3 and tokens[k2].kind != "num":
        k2 += 1
    if k2 >= n or tokens[k2].kind != "num" or _masked(masked, tokens[k2].start, tokens[k2].end):
        return None
    if k2 > k:
        m = t.prefix_currency.search(sent[tokens[k].start : tokens[k2].start])
        if m is None or m.start() != 0 or currency_code(t, m.group("cur")) != unit.split(" ")[0]:
            return None
    cand = read_number(tokens, k2)
    if cand is None or cand.kind != "digits":
        return None
    end = tokens[cand.stop - 1].end
    if k2 > k:
        u2, stop2 = _rate(t, sent, tokens, cand.stop, unit.split(" ")[0])
        end2 = tokens[stop2 - 1].end
    else:
        u2, end2, stop2 = _unit_after(t, sent, tokens, cand.stop, cand, end)
    if u2 != unit:
        return None
    if before != "from" and not fig.value < cand.value:
        return None
    return cand, stop2, end2


_RESTATED = regex.compile(
    r"[ \u00a0]*+(?:,[ \u00a0]*+)?+(?:or|\(|\(or|/|,[ \u00a0]*+or)[ \u00a0]*+", regex.V1
)


def _inherit_cues(sent: str, prev: _Found, found: _Found, start: int) -> None:
    """Cues that carry over from the figure just before.

    "up 0.25 points, or 0.01%", "more than 100 km (60 miles)", "224 kW / 300 PS": the same amount
    restated has the bound and change of the first. The level reached after a change amount
    ("rose 8% to 99.20 yuan") is a level, not a change: only the 8% changes.
    """
    if prev.end > start:
        return
    between = sent[prev.end : start]
    if _RESTATED.fullmatch(between):
        found.change = prev.change
        if found.bound == "exact" and prev.bound != "range":
            found.bound = prev.bound


def fig_kind_token(fig: Figure) -> str:
    """The token kind a second figure of the same kind starts with."""
    return "num" if fig.kind == "digits" else "word"


def _word_before(tokens: list[Token], i: int) -> str:
    j = i - 1
    while j >= 0 and tokens[j].kind == "sym":
        j -= 1
    return tokens[j].text.lower() if j >= 0 else ""


_DETERMINERS = frozenset(
    {"the", "its", "his", "her", "their", "my", "our", "your", "these", "those"}
)


def _of_group(tokens: list[Token], stop: int) -> bool:
    """ "of" then a determiner or a possessive ("of the", "of its", "of Johnson's")."""
    if stop + 2 >= len(tokens) or tokens[stop].text.lower() != "of":
        return False
    nxt = tokens[stop + 1]
    low = nxt.text.lower()
    return nxt.kind == "word" and (low in _DETERMINERS or low.endswith(("'s", "’s")))


def _one_of(tokens: list[Token], fig: Figure) -> tuple[_Found, int] | None:
    """ "one of the largest dinosaurs": a count of one, of the plural noun in the run after."""
    n = len(tokens)
    k = fig.stop
    if k + 2 >= n or tokens[k].text.lower() != "of":
        return None
    if tokens[k + 1].text.lower() not in _DETERMINERS:
        return None
    head = head_noun(tokens, k + 2, count_is_one=False)
    if head is None:
        return None
    start = tokens[fig.first].start
    return _Found(start, tokens[head[0]].end, 1.0, entity=head[1]), head[0] + 1


def _number_word_unit(t: UnitTables, tokens: list[Token], i: int) -> _Found | None:
    """ "a five-year journey", "a two-day visit": a number word hyphenated to a unit."""
    tok = tokens[i]
    if tok.kind != "word" or ("-" not in tok.text and not tok.text.lower().endswith("fold")):
        return None
    low = tok.text.lower()
    if low.endswith("fold") and "-" not in low:
        head, tail = low[:-4], "fold"  # "sixfold"
    else:
        head, _, tail = low.partition("-")
    value = number_word_value(head)
    if value is None:
        return None
    unit = t.surfaces.get(tail)
    if unit is None:
        # "a six-cylinder engine": a counted thing, not "two-thirds", "one-time", "three-way"
        if value == 1 or not tail.isalpha() or tail in words("hyphen_not.txt"):
            return None
        if tail in words("entity_stop.txt") or tail.endswith(("th", "ths", "ed", "ly")):
            return None
        return _Found(tok.start, tok.end, value, entity=lemma(tail))
    return _Found(tok.start, tok.end, value, unit=unit)


def _one_counts(tokens: list[Token], fig: Figure) -> bool:
    """ "one" is a count only before a noun, and not in "no one", "one of", "the one that"."""
    if _word_before(tokens, fig.first) in words("one_not_after.txt"):
        return False
    if fig.stop >= len(tokens) or tokens[fig.stop].kind != "word":
        return False
    return tokens[fig.stop].text.lower() not in words("one_not_before.txt")


@lru_cache(maxsize=4)
def _has_number_of(sent: str) -> bool:
    return _NUMBER_OF_HINT.search(sent) is not None


def _inherited_entity(sent: str, start: int, so_far: list[_Found]) -> str | None:
    """ "the number of North Korean soldiers ... to 3,000" -> soldier."""
    best: str | None = None
    if not _has_number_of(sent):
        matches: Iterable[regex.Match[str]] = ()
    else:
        matches = _NUMBER_OF.finditer(sent, max(0, start - _NUMBER_OF_REACH), start)
    for m in matches:
        for w in reversed(m.group("np").split(" ")):
            low = w.lower()
            if low.endswith("s") or low in ("personnel", "people", "staff", "police"):
                best = lemma(low)
                break
    if best is None and so_far and so_far[-1].entity and so_far[-1].unit is None:
        best = so_far[-1].entity  # "around 3,000 troops ..., as many as 10,000 by December"
    return best


class QuantityExtractor:
    """Figures in the article with their value or range, bound, change, unit and entity."""

    name: ClassVar[str] = "quantities"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("quantities",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        """Quantities in every content sentence of ``doc``."""
        text = doc.text
        out: list[Fact] = []
        forms = filters.mask_forms(text)
        for _, span in doc.content_sentences():
            sent = text[span.start : span.end]
            for f in extract_sentence(sent, forms):
                a, b = span.start + f.start, span.start + f.end
                out.append(
                    Quantity(
                        start=a,
                        end=b,
                        text=text[a:b],
                        value=f.value,
                        low=f.low,
                        high=f.high,
                        bound=f.bound,  # type: ignore[arg-type]
                        change=f.change,  # type: ignore[arg-type]
                        unit=f.unit,
                        entity=f.entity,
                        vague=f.vague,
                        previous=f.previous,
                    )
                )
        return out
