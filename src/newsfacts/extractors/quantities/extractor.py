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

from collections.abc import Iterable
from typing import ClassVar

import attrs
import regex

from ...document import Document
from ...extractor import FactsSoFar
from ...model import Fact, Quantity
from . import cues, filters
from .entity import head_noun, lemma
from .numbers import Figure, read_number
from .scan import Token, has_candidate, tokenize
from .units import UnitTables, currency_code, tables

__all__ = ["QuantityExtractor", "extract_sentence"]

_RANGE_SEP = ("-", "–", "—", "to")
_NUMBER_OF = regex.compile(
    r"\b(?:number|total|tally|count|toll|contingent)[ ]of[ ](?:the[ ])?+"
    r"(?P<np>(?:[^\W\d_][\w'’\-]{0,30}+[ ]){0,3}+[^\W\d_][\w'’\-]{0,30}+)",
    regex.V1 | regex.IGNORECASE,
)
_TIME_WORDS = frozenset({"day", "week", "month", "year", "hour", "minute", "second", "quarter"})
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


def _masked(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _prefix_currency(t: UnitTables, sent: str, start: int) -> tuple[str, int] | None:
    m = t.prefix_currency.search(sent[max(0, start - 8) : start])
    if m is None:
        return None
    return currency_code(t, m.group("cur")), start - len(m.group(0))


def _unit_after(
    t: UnitTables, sent: str, tokens: list[Token], stop: int, fig: Figure, end: int
) -> tuple[str | None, int, int]:
    """``(unit, end offset, next token index)`` for the unit right after a figure."""
    rest = sent[end : end + 40]
    m = t.percent.match(rest)
    if m is not None:
        unit = t.percent_units[m.group("p").lower()]
        new_end = end + m.end()
        return unit, new_end, _index_after(tokens, stop, new_end)
    m = t.suffix_currency.match(rest)
    if m is not None:
        new_end = end + m.end()
        return currency_code(t, m.group("cur")), new_end, _index_after(tokens, stop, new_end)
    if fig.lower_m:
        nxt = tokens[stop] if stop < len(tokens) else None
        if nxt is None or nxt.kind != "word" or nxt.text.lower() in _METRE_AFTER:
            return "metre", end, stop  # "37m long": the "m" was a metre, not a million
    n = len(tokens)
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
        # surfaces of up to max_words words: "square kilometres", "degrees Celsius"
        for k in range(min(t.max_words, n - stop), 0, -1):
            last = tokens[stop + k - 1]
            if any(tokens[x].kind == "num" for x in range(stop, stop + k)):
                continue
            phrase = sent[tokens[stop].start : last.end].lower()
            if phrase in t.surfaces and tokens[stop].start - end <= 1:
                return _per(t, sent, tokens, stop + k, t.surfaces[phrase])
    return None, end, stop


def _per(
    t: UnitTables, sent: str, tokens: list[Token], j: int, unit: str
) -> tuple[str | None, int, int]:
    """Extend a unit with "per <unit>" / "a <time unit>": "barrels a day", "$10 per gram"."""
    end = tokens[j - 1].end
    n = len(tokens)
    if j + 1 < n and tokens[j].text.lower() in ("per", "a", "an", "/"):
        nxt = tokens[j + 1].text.lower()
        den = t.surfaces.get(nxt) or t.symbols.get(tokens[j + 1].text)
        if den is not None and (tokens[j].text.lower() != "a" or den in _TIME_WORDS):
            return f"{unit} per {den}", tokens[j + 1].end, j + 2
    return unit, end, j


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


def extract_sentence(sent: str) -> list[_Found]:
    """Quantities in one sentence (offsets into ``sent``)."""
    if not has_candidate(sent):
        return []
    t = tables()
    masked = filters.masked_spans(sent)
    tokens = tokenize(sent)
    n = len(tokens)
    out: list[_Found] = []
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.kind not in ("num", "word") or _masked(masked, tok.start, tok.end):
            i += 1
            continue
        found, nxt = _read_at(t, sent, tokens, i, masked, out)
        if found is not None:
            out.append(found)
        i = max(nxt, i + 1)
    return out


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
        return None, i + 1
    n = len(tokens)
    start = tokens[fig.first].start
    end = tokens[fig.stop - 1].end
    if fig.kind == "words" and fig.value == 1 and not fig.scaled and not _one_counts(tokens, fig):
        return None, fig.stop
    cur = _prefix_currency(t, sent, start) if fig.kind == "digits" else None
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
        dash = tokens[stop].text in ("-", "–", "—")
        # "2014-15", "16-18 Industrial Avenue" (dash joins years/addresses), "8 to 13" after a month
        if filters.is_day_of_month(tokens, fig.first, fig.stop, fig.value):
            return None, second.stop
        if dash and fig.plain_int and filters.is_year_like(tokens, fig.first, fig.value):
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

    # unit after the figure
    if found.unit is None:
        u, uend, ustop = _unit_after(t, sent, tokens, stop, fig_for_unit, end)
        if u is not None:
            found.unit = u
            end = uend
            stop = ustop
    elif stop < n:
        # "$10 per gram", "RM79 a month"
        u2, j2 = _rate(t, sent, tokens, stop, found.unit)
        if j2 != stop:
            found.unit = u2
            end = tokens[j2 - 1].end
            stop = j2

    # the counted thing
    count_is_one = found.value == 1 and found.bound != "range"
    ent_stop = stop
    head: tuple[int, str] | None = None
    if stop < n and tokens[stop].text.lower() == "of" and (found.unit or fig.kind == "vague"):
        k = stop + 1
        if k < n and tokens[k].text.lower() in ("the", "its", "their", "all"):
            k += 1
        head = head_noun(tokens, k, count_is_one=True)
    elif found.unit is None:
        head = head_noun(tokens, stop, count_is_one)
        if head is not None:
            ent_stop = head[0] + 1
    if head is not None:
        hw = tokens[head[0]].text.lower()
        if found.unit is None and hw in t.surfaces and ent_stop == head[0] + 1:
            found.unit = t.surfaces[hw]
        else:
            found.entity = head[1]
        if ent_stop == head[0] + 1:
            end = tokens[head[0]].end
    elif found.unit is None and not found.vague:
        found.entity = _inherited_entity(sent, start, so_far)

    # years: a bare four-digit figure with no unit and no counted plural
    if (
        fig.kind == "digits"
        and fig.plain_int
        and found.unit is None
        and filters.is_year_like(tokens, fig.first, fig.value)
        and (found.entity is None or filters.year_context(tokens, fig.first))
        and head is None
    ):
        return None, stop

    # cues before the figure
    pre_text = sent[max(0, span_start - cues.WINDOW) : span_start]
    b = cues.find_bound(pre_text)
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
        ch = cues.find_change(pre_text)
        if ch is not None:
            found.change = ch[0]
    if sign_change is not None and found.change is None:
        found.change = sign_change
    found.start = span_start
    found.end = end
    return found, stop


def fig_kind_token(fig: Figure) -> str:
    """The token kind a second figure of the same kind starts with."""
    return "num" if fig.kind == "digits" else "word"


def _word_before(tokens: list[Token], i: int) -> str:
    j = i - 1
    while j >= 0 and tokens[j].kind == "sym":
        j -= 1
    return tokens[j].text.lower() if j >= 0 else ""


def _one_counts(tokens: list[Token], fig: Figure) -> bool:
    """ "one" is a count only before a noun, and not in "no one", "one of", "the one that"."""
    from ._data import words

    if _word_before(tokens, fig.first) in words("one_not_after.txt"):
        return False
    if fig.stop >= len(tokens) or tokens[fig.stop].kind != "word":
        return False
    return tokens[fig.stop].text.lower() not in words("one_not_before.txt")


def _inherited_entity(sent: str, start: int, so_far: list[_Found]) -> str | None:
    """ "the number of North Korean soldiers ... to 3,000" -> soldier."""
    best: str | None = None
    for m in _NUMBER_OF.finditer(sent, 0, start):
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
        for _, span in doc.content_sentences():
            sent = text[span.start : span.end]
            for f in extract_sentence(sent):
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
