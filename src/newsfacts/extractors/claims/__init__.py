"""Claims: who states which figure (or confirms/denies which event), how firmly, and for when.

A claim is built for every quantity in a content sentence, and for every clause that explicitly
confirms or denies an event without a figure ("Pyongyang denies any involvement of its troops").
Its span is the clause holding the quantity (sentences are cut into clauses at ``;``, ``:``,
dashes and commas before words such as *with*, *while*, *according*, *taking*); several claims
may share one clause. Every claim records:

- ``source``: the speaker of the enclosing quote; else the attribution cue in the same clause
  ("X said", "according to X", "citing X", "Ukrainian media reported"), else the nearest one
  before it in the sentence, else the nearest after it; pronouns and "the same source" resolve to
  the previous source in the article; a bare surname ("Park") expands to an earlier full name.
  With no attribution the source is the outlet: ``article.source``, else ``article.id``, else
  ``"the outlet"``.
- ``modality``: the strongest of the cues in its clause (``data/claims/modality.tsv``) and the
  attribution verb itself, in the order denied > projected > hedged > reported > asserted; a
  deadline ("by December") also makes it projected. Without cues it is *reported* when the
  source is not the outlet and *asserted* otherwise.
- ``time``/``time_value``: see :mod:`.timex`; times attached to the reporting verb ("said
  Friday") date the report, not the figure, and are skipped.
- ``entity``: the family of the counted noun (``data/claims/families.tsv``: troops, soldiers,
  personnel, servicemen... are all ``troops``); ``subject``: the counted thing with its
  modifiers ("North Korean troops in Russia"); ``subject_key``: ``family|owner|event`` used by
  :func:`newsfacts.compare` to group claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, chain
from operator import attrgetter
from typing import ClassVar, NamedTuple

import attrs
import regex

from ...document import Document, Span
from ...extractor import FactsSoFar
from ...model import Article, Claim, Fact, Location, Quantity, Quote
from ...resources import read_table
from . import cues as _cues
from .timex import TimeExpr, find_times, normalize, time_words

__all__ = ["ClaimExtractor", "outlet_of"]

_CLAUSE_BREAK = regex.compile(
    r"[;:](?=\s)|\s[–—]\s|\s--\s"
    r"|,(?=\s{1,3}(?:with|while|whereas|although|though|but|and|which|who|taking|bringing|each"
    r"|according|citing|adding|emphasizing|urging|fueling|after|before|despite|as|based)\b)"
)
#: Where a clause break can start: the character, and how far before it the match starts.
_BREAK_CHARS = ((",", 0), (";", 0), (":", 0), ("–", 1), ("—", 1), ("--", 1))
_TOKEN = regex.compile(r"[^\s,;:“”\"()\[\]]{1,60}+")
_NP_STOP = regex.compile(r"[,;:“”\"(\[]|\s(?:that|which|who|whose|after|before|when)\s")


@lru_cache(maxsize=1)
def _np_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_table("claims/np_words.tsv"):
        out.setdefault(row["class"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


_NONE: frozenset[str] = frozenset()


def _words(cls: str) -> frozenset[str]:
    return _np_words().get(cls, _NONE)


_ANAPHORIC = regex.compile(r"^(?:the\s(?:same\s)?(?:source|official|agency|report)s?)$", regex.I)
_GENERIC_LEAD = regex.compile(
    r"^(?:insights?|information|reports?|data|figures?|estimates?|a\sbriefing)\s(?:from|by|of)\s",
    regex.I,
)
#: Every look-around from a claim is bounded by this many characters, so the work per claim is
#: constant and the extractor stays linear in the text length.
_WINDOW = 200
_NUMBER_OF_REV = regex.compile(
    r"\b(?:number|total|tally|count|figure)\s{1,3}of\b", regex.I | regex.REVERSE
)
_THE_NUMBER = regex.compile(r"\bthe\s(?:number|figure|total|tally)\b(?!\s{1,3}of\b)", regex.I)
_EACH = regex.compile(r"\beach\s(?:[a-z-]{1,20}\s){0,2}$")
_POSSESSIVE = regex.compile(r"\b(?:its|their)\s(?:[a-z-]{1,20}\s){0,2}$")
_OWNER_GAP = regex.compile(r"(?:['’]s)?(?:\s{1,3}[\w,.-]{1,30}){0,4}\s{1,3}")
_FROM_OF = regex.compile(r"\s{1,3}(?:from|of)\s{1,3}(?:the\s{1,3})?")
_DEST_PREP = regex.compile(r"\s(in|to|into|inside|at)\s{1,3}(?:the\s{1,3})?$")


#: the characters of a folded ASCII word (see :class:`~.cues.TextIndex`)
_ASCII_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-"


@lru_cache(maxsize=1024)
def _stem_patterns(stem: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Case-insensitive forward and backward searches for a counted noun's stem."""
    lit = regex.escape(stem)
    return regex.compile(lit, regex.I), regex.compile(lit, regex.I | regex.REVERSE)


def _find_stem(index: _cues.TextIndex, stem: str, lo: int, hi: int, *, reverse: bool) -> int:
    """Offset of the first (``reverse``: last) case-insensitive occurrence of ``stem`` in
    ``text[lo:hi]``, or -1.

    A stem of ASCII word characters is looked up in the index's folded text (ASCII word
    characters lower-cased, all else a space) when the range holds no character that could
    match a letter case-insensitively: exactly the matches of a case-insensitive regex, with no
    slicing and no pattern to compile per stem. Other cases use the regex.
    """
    needle = stem.lower()
    # (``strip`` leaves nothing of a word made of those characters only)
    if stem.isascii() and not needle.strip(_ASCII_WORD_CHARS) and index.sure(lo, hi):
        folded = index.folded
        return folded.rfind(needle, lo, hi) if reverse else folded.find(needle, lo, hi)
    forward, back = _stem_patterns(stem)
    m = (back if reverse else forward).search(index.text, lo, hi)
    return m.start() if m is not None else -1


def outlet_of(article: Article) -> str:
    """The source of unattributed statements: the outlet, else the article id, else a label."""
    return article.source or article.id or "the outlet"


class _Attribution(NamedTuple):
    cue: _cues.Cue
    start: int
    end: int
    source: str


@attrs.define
class _Record:
    """A claim under construction (the owner may be filled in from the article later)."""

    start: int
    end: int
    source: str
    source_start: int | None
    source_end: int | None
    modality: str
    cue: str | None
    quantities: tuple[int, ...]
    time: TimeExpr | None
    family: str | None
    head: str | None
    owner_key: str | None
    owner_text: str | None
    owner_strong: bool
    event: str
    dest: str | None
    locations: tuple[int, ...]
    quote: int | None


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str] | None:
    """Every word the cue and time tables look up in a :class:`~.cues.TextIndex` (None: any)."""
    tables = (
        _cues.modality_cues().index_words,
        _cues.source_cues().index_words,
        _cues.confirm_cues().index_words,
        _cues.family_words(),
        _cues.event_words(),
        _cues.denial_words(),
        *time_words(),
    )
    out: frozenset[str] = frozenset()
    for words in tables:
        if words is None:
            return None
        out |= words
    return out


#: what :func:`_np_shape` found: a plain source, a pronoun or "the same source" (the previous
#: source), a lone capitalized word (maybe the surname of an earlier source)
_NP_PLAIN, _NP_ANAPHORIC, _NP_NAME = 0, 1, 2


@lru_cache(maxsize=4096)
def _np_shape(span: str) -> tuple[int, int, str, int, str] | None:
    """The source noun phrase in ``span``, whatever came before it in the article:
    ``(start, end, text, kind, first word)`` with offsets into ``span``, or None when it does not
    look like a source. A pure function of the span's text, so cached: the same few phrases
    ("he", "officials", "the ministry") come back across sentences and articles."""
    table = _np_words()
    tokens = list(_TOKEN.finditer(span))
    words = [m.group() for m in tokens]
    i, j = 0, len(words)
    lead = table.get("lead", _NONE)
    while i < j and (words[i].lower() in lead or words[i] in "–—-"):
        i += 1
    trail = table.get("trail", _NONE)
    while j > i and (words[j - 1].lower().strip(".") in trail or words[j - 1] in "–—-"):
        j -= 1
    if i == j or j - i > 12 or words[j - 1].lower() in table.get("passive", _NONE):
        return None
    start, end = tokens[i].start(), tokens[j - 1].end()
    words = words[i:j]
    low = " ".join(words).lower()
    if not table.get("aux", _NONE).isdisjoint(low.split(" ")):
        return None
    if any(map(str.isdigit, low)):
        return None
    if len(words) > 4 and all(w[:1].islower() for w in words):
        return None
    if low in ("the", "a", "an", "this", "that", "which", "who", "there", "what"):
        return None
    src = span[start:end]
    if src.endswith("."):
        last_word = src[:-1].split()[-1:]
        if not (last_word and "." in last_word[0]):
            src = src[:-1]  # a sentence-final period, not an abbreviation's ("U.S.")
    if not src.strip():
        return None
    end = start + len(src)
    if low in table.get("pronoun", _NONE) or (low.startswith("the") and _ANAPHORIC.match(low)):
        return start, end, src, _NP_ANAPHORIC, words[0]
    # "data from X" needs a word after the preposition: three tokens at least
    m = _GENERIC_LEAD.match(src) if len(words) > 2 else None
    if m:
        start += m.end()
        src = src[m.end() :]
    if len(words) == 1 and words[0][:1].isupper():
        return start, end, src, _NP_NAME, words[0]
    return start, end, src, _NP_PLAIN, words[0]


def _np_before(before: str) -> tuple[int, tuple[int, int, str, int, str] | None, bool]:
    """The source noun phrase ending a cue's left context ``before``: where the last
    ``_NP_STOP`` match ends (0: none), :func:`_np_shape` of what follows it, and whether that is
    blank. Not cached: a left context is nearly unique in real text (11% repeats on PolNeAR
    dev), so a cache would only flatter benchmarks made of repeated sentences."""
    cut = 0
    for m in _NP_STOP.finditer(before):
        cut = m.end()  # matches come in order: the last one ends last
    rest = before[cut:]
    return cut, _np_shape(rest), not rest.strip()


def _holds(found: list[int] | None, start: int, end: int) -> bool:
    """Whether one of the sorted offsets ``found`` is in ``[start, end)`` (None: unknown)."""
    if found is None:
        return True
    k = bisect_left(found, start)
    return k < len(found) and found[k] < end


def _clause_at(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect_right(clauses, (pos, 1 << 62)) - 1
    if i >= 0 and clauses[i][0] <= pos < clauses[i][1]:
        return clauses[i]
    return None


class ClaimExtractor:
    """Link quantities, quotes and locations into claims (see the module docstring)."""

    name: ClassVar[str] = "claims"
    requires: ClassVar[tuple[str, ...]] = ("quantities", "quotes", "locations")
    produces: ClassVar[tuple[str, ...]] = ("claims",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return _Run(doc, facts).claims()


class _Run:
    def __init__(self, doc: Document, facts: FactsSoFar) -> None:
        self.doc = doc
        self.text = doc.text
        self.quantities: Sequence[Fact] = facts.get("quantities", ())
        self.quotes: Sequence[Fact] = facts.get("quotes", ())
        self.locations: Sequence[Fact] = facts.get("locations", ())
        self.outlet = outlet_of(doc.article)
        self.index = _cues.TextIndex(self.text, _vocabulary())
        self.sources: list[str] = []
        #: each source's latest index in ``sources``, and word -> the sources it is a word of
        self._last_at: dict[str, int] = {}
        self._sources_with: dict[str, list[str]] = {}
        self.records: list[_Record] = []
        self.last_family: _Record | None = None
        order = sorted(
            (i for i, f in enumerate(self.locations) if isinstance(f, Location)),
            key=lambda i: (self.locations[i].start, i),
        )
        self._loc_index = order
        self._locs: list[Location] = [self.locations[i] for i in order]  # type: ignore[misc]
        self._loc_starts = [loc.start for loc in self._locs]
        self._mod_cache: dict[tuple[int, int], tuple[list[int], list[_cues.Cue]]] = {}
        #: modality cues inside each attribution cue, by the cue's start
        self._verb_mod_cache: dict[int, list[_cues.Cue]] = {}
        self._att_starts: list[int] = []
        #: whether a location starts in the sentence at hand (claims and their clauses are in it)
        self._sentence_locs = True
        self._break_starts: list[int] | None = None
        self._determiners = _words("determiner")
        self._modality_cues = _cues.modality_cues()

    def _add(self, rec: _Record) -> None:
        self.records.append(rec)
        if rec.family:
            self.last_family = rec

    def _locs_in(self, a: int, b: int) -> list[Location]:
        """Locations starting in ``[a, b)``; callers keep the range bounded."""
        return self._locs[bisect_left(self._loc_starts, a) : bisect_left(self._loc_starts, b)]

    def _last_loc(self, a: int, b: int) -> Location | None:
        i = bisect_left(self._loc_starts, b) - 1
        return self._locs[i] if i >= 0 and self._locs[i].start >= a else None

    def _first_loc(self, a: int, b: int) -> Location | None:
        i = bisect_left(self._loc_starts, a)
        return self._locs[i] if i < len(self._locs) and self._locs[i].start < b else None

    # -- sentence analysis -------------------------------------------------------------
    def _breaks(self, a: int, b: int) -> list[tuple[int, int]]:
        """``_CLAUSE_BREAK.finditer(text, a, b)``, trying the pattern only where a match can
        start: at ``,;:`` and at the space before a dash."""
        t = self.text
        every = self._break_starts
        if every is None:
            # where a break can start, in the whole text: a superset of the starts in [a, b)
            every = []
            for ch, back in _BREAK_CHARS:
                i = t.find(ch)
                while i >= 0:
                    # ``,;:`` break only before a space: not one followed by an ASCII character
                    # that is none ("1,500", "12:30")
                    nxt = t[i + 1 : i + 2]
                    if i >= back and not (back == 0 and nxt.isascii() and not nxt.isspace()):
                        every.append(i - back)
                    i = t.find(ch, i + 1)
            every.sort()
            self._break_starts = every
        out: list[tuple[int, int]] = []
        cur = a
        for p in every[bisect_left(every, a) : bisect_left(every, b)]:
            if p >= cur:
                m = _CLAUSE_BREAK.match(t, p, b)
                if m is not None:
                    out.append(m.span())
                    cur = m.end()
        return out

    def _clauses(self, s: Span) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = s.start
        for a, b in self._breaks(s.start, s.end):
            out.append((pos, a))
            pos = b
        out.append((pos, s.end))
        kept: list[tuple[int, int]] = []
        for a, b in out:
            ta, tb = self._trim(a, b)
            # a clause that trims to something holds a non-space character: no need to slice
            if ta < tb or self.text[a:b].strip():
                kept.append((ta, tb))
        return kept

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        t = self.text
        while a < b and (t[a].isspace() or t[a] in ",;–—-"):
            a += 1
        while b > a and (t[b - 1].isspace() or t[b - 1] in ",;"):
            b -= 1
        if b - a > 1 and t[b - 1] in ".!?" and t[b - 2].islower():
            b -= 1
        return a, b

    def _quote_spans(self) -> list[tuple[int, int, int]]:
        spans: list[tuple[int, int, int]] = []
        for i, q in enumerate(self.quotes):
            if not isinstance(q, Quote):
                continue
            parts = q.parts or ((q.start, q.end),)
            spans.extend((a, b, i) for a, b in parts)
        return spans

    def _in_quote(self, pos: int) -> int | None:
        k = bisect_right(self._qstarts, pos)
        if k == 0 or self._qreach[k - 1] <= pos:
            return None  # every span starting at or before ``pos`` ends at or before it
        for a, b, i in reversed(self._qspans[max(0, k - 8) : k]):
            if a <= pos < b:
                return i
        return None

    def _np(self, a: int, b: int) -> tuple[int, int, str] | None:
        """Clean the noun phrase in ``text[a:b]``: drop leading conjunctions and trailing
        auxiliaries; reject what does not look like a source (see :func:`_np_shape`); resolve
        pronouns and bare surnames against the article's earlier sources."""
        return self._resolve(_np_shape(self.text[a:b]), a)

    def _resolve(
        self, shape: tuple[int, int, str, int, str] | None, a: int
    ) -> tuple[int, int, str] | None:
        """:meth:`_np` of the :func:`_np_shape` ``shape`` of a span starting at ``a``."""
        if shape is None:
            return None
        start, end, src, kind, word = shape
        start, end = start + a, end + a
        if kind == _NP_ANAPHORIC:
            if not self.sources:
                return None
            return start, end, self.sources[-1]
        if kind == _NP_NAME:
            # the latest of the last 50 sources holding the word (other than ``src`` itself)
            last = -1
            for prev in self._sources_with.get(word, ()):
                if prev != src and self._last_at[prev] > last:
                    last = self._last_at[prev]
            if last >= 0 and last >= len(self.sources) - 50:
                return start, end, self.sources[last]
        return start, end, src

    def _add_source(self, source: str) -> None:
        if source not in self._last_at:
            for w in set(source.split()):
                self._sources_with.setdefault(w, []).append(source)
        self._last_at[source] = len(self.sources)
        self.sources.append(source)

    def _attributions(
        self, s: Span, clauses: list[tuple[int, int]], found: list[_cues.Cue]
    ) -> list[_Attribution]:
        """Attributions of the source cues ``found`` in sentence ``s``."""
        out: list[_Attribution] = []
        determiners = self._determiners
        for cue in found:
            if self._in_quote(cue.start) is not None:
                continue
            if cue.label == "verb":
                prev_word = self.text[max(s.start, cue.start - 12) : cue.start].split()[-1:]
                if prev_word and prev_word[0].lower() in determiners:
                    continue  # "these reports", "the claims": a noun, not a reporting verb
            ca, cb = _clause_at(clauses, cue.start) or (s.start, s.end)
            ca, cb = max(ca, cue.start - _WINDOW), min(cb, cue.end + _WINDOW)
            np: tuple[int, int, str] | None = None
            if cue.label == "prep":
                stop = _NP_STOP.search(self.text, cue.end, cb)
                np = self._np(cue.end, stop.start() if stop else cb)
            else:
                cut, shape, blank = _np_before(self.text[ca : cue.start])
                np = self._resolve(shape, ca + cut)
                if np is None and blank:
                    stop = _NP_STOP.search(self.text, cue.end, cb)
                    np = self._np(cue.end, stop.start() if stop else cb)
            if np is not None:
                out.append(_Attribution(cue, *np))
        return out

    # -- per claim ---------------------------------------------------------------------
    def _choose(
        self,
        atts: list[_Attribution],
        clause: tuple[int, int],
        pos: int,
    ) -> _Attribution | None:
        if not atts:
            return None
        k = bisect_left(self._att_starts, pos)
        before = atts[k - 1] if k > 0 else None
        after = atts[k] if k < len(atts) else None
        a, b = clause
        if before is not None and a <= before.cue.start < b:
            if (
                after is not None
                and a <= after.cue.start < b
                and abs(after.cue.start - pos) < abs(before.cue.start - pos)
            ):
                return after  # the nearer of the two, the one before on a tie
            return before
        if after is not None and a <= after.cue.start < b:
            return after
        return before if before is not None else after

    def _source(
        self,
        atts: list[_Attribution],
        clause: tuple[int, int],
        pos: int,
    ) -> tuple[str, int | None, int | None, int | None, _Attribution | None]:
        qi = self._in_quote(pos)
        if qi is not None:
            q = self.quotes[qi]
            assert isinstance(q, Quote)
            if q.speaker:
                return q.speaker, q.speaker_start, q.speaker_end, qi, None
        att = self._choose(atts, clause, pos)
        if att is not None:
            return att.source, att.start, att.end, qi, att
        return self.outlet, None, None, qi, None

    def _modality(
        self,
        clause: tuple[int, int],
        s: Span,
        att: _Attribution | None,
        source: str,
        time: TimeExpr | None,
        pos: int,
    ) -> tuple[str, str | None]:
        entry = self._mod_cache.get(clause)
        if entry is None:
            cues = self._modality_cues.find(self.text, clause[0], clause[1], s.start, self.index)
            entry = self._mod_cache[clause] = ([c.start for c in cues], cues)
        starts, cues = entry
        found = (
            cues[bisect_left(starts, pos - _WINDOW) : bisect_left(starts, pos + _WINDOW)]
            if cues
            else []
        )
        if att is not None:
            verb = self._verb_mod_cache.get(att.cue.start)
            if verb is None:
                verb = self._verb_mod_cache[att.cue.start] = self._modality_cues.find(
                    self.text,
                    att.cue.start,
                    att.cue.end,
                    s.start,
                    self.index,
                )
            found += verb
        best, cue = ("reported" if source != self.outlet else "asserted"), None
        if (time is not None and time.prep in ("by", "until", "till")) or (
            time is not None and time.kind == "future"
        ):
            best, cue = "projected", time.text
        for c in found:
            if att is not None and att.start <= c.start and c.end <= att.end:
                continue
            if _cues.MODALITY_RANK[c.label] > _cues.MODALITY_RANK[best]:
                best, cue = c.label, c.text
        return best, cue

    def _usable_times(self, times: list[TimeExpr], atts: list[_Attribution]) -> list[TimeExpr]:
        """Times not attached to a reporting verb ("said Friday" dates the report)."""
        out = []
        for t in times:
            lo = bisect_left(self._att_starts, t.start - 40)
            hi = bisect_right(self._att_starts, t.end + 3)
            for a in atts[lo:hi]:
                c = a.cue
                if c.label == "verb" and (0 <= t.start - c.end <= 4 or 0 <= c.start - t.end <= 2):
                    break
            else:
                out.append(t)
        return out

    @staticmethod
    def _time(
        times: list[TimeExpr], starts: list[int], clause: tuple[int, int], pos: int
    ) -> TimeExpr | None:
        """The nearest of ``times`` (starting at ``starts``) in the clause, else in the
        sentence; within each, a time that is not "now" first."""
        usable = times[bisect_left(starts, pos - _WINDOW) : bisect_left(starts, pos + _WINDOW)]
        if len(usable) < 2:
            return usable[0] if usable else None
        a, b = clause
        return min(
            usable,
            key=lambda t: (
                (0 if a <= t.start < b else 2) + (t.kind == "present"),
                abs(t.start - pos),
            ),
        )

    def _owner(
        self,
        head: tuple[int, int],
        q: tuple[int, int],
        s: Span,
        att: _Attribution | None,
        src_end: int | None,
        clause: tuple[int, int],
        event: bool,
    ) -> tuple[Location | None, bool]:
        """The place or people owning the counted thing, and whether it was found next to it."""
        lo, hi = min(q[0], head[0], s.start) - 80, max(head[1] + 21, s.end)
        if att is not None:
            lo, hi = min(lo, att.start), max(hi, att.end)
        if self._first_loc(lo, hi) is None:
            return None, False  # no location where any test below looks
        t = self.text
        for loc in self._locs_in(min(q[0], head[0]) - 80, head[0]):
            if loc.end > head[0] or loc.end < q[0] - 40:
                continue
            between = t[loc.end : head[0]]
            near = loc.start >= q[0] or not t[loc.end : q[0]].strip(" ’'s")
            if near and len(between.split()) <= 4 and _OWNER_GAP.fullmatch(between):
                return loc, True
        m = _FROM_OF.match(t, head[1], head[1] + 20)
        if m:
            for loc in self._locs_in(m.end(), m.end() + 1):
                return loc, True
        if att is not None:
            inside = self._first_loc(att.start, att.end)
            if inside is not None and _POSSESSIVE.search(t[max(s.start, head[0] - 40) : head[0]]):
                return inside, True
        floor = s.start
        if src_end is not None and s.start <= src_end <= head[0]:
            floor = src_end  # the owner is in what is reported, not in who reports it
        if event:
            lo = max(floor, clause[0])
            while lo < head[0]:
                first = self._first_loc(lo, head[0])
                if first is None:
                    break
                if not (att is not None and att.start <= first.start < att.end):
                    return first, False
                lo = first.start + 1
        hi = head[0]
        while hi > floor:
            last = self._last_loc(floor, hi)
            if last is None:
                break
            if not (att is not None and att.start <= last.start < att.end):
                return last, False
            hi = last.start
        return None, False

    def _entity(
        self,
        q: Quantity | None,
        clause: tuple[int, int],
        pos: int,
    ) -> tuple[str, str, int, int] | None:
        """``(family, head text, head start, head end)`` of what is counted."""
        t = self.text
        if q is not None and q.entity:
            family, head = _cues.family_of(q.entity)
            stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
            i = -1
            if stem:
                ix = self.index
                i = _find_stem(ix, stem, q.start, min(clause[1], q.end + 80), reverse=False)
                if i < 0:
                    i = _find_stem(
                        ix, stem, max(clause[0], q.start - _WINDOW), q.start, reverse=True
                    )
            if i < 0:
                return family, head, q.end, q.end
            j = i + len(stem)
            while j < clause[1] and (t[j].isalpha()):
                j += 1
            return family, t[i:j], i, j
        m = _NUMBER_OF_REV.search(t, max(clause[0], pos - _WINDOW), pos)
        if m is not None:
            nouns = _cues.family_nouns(t, m.end(), pos, self.index)
            if nouns:
                n = nouns[0]
                return n.label, n.text, n.start, n.end
        if q is not None:
            nouns = _cues.family_nouns(t, q.end, min(clause[1], q.end + 40), self.index)
            if nouns and len(t[q.end : nouns[0].start].split()) <= 3:
                n = nouns[0]
                return n.label, n.text, n.start, n.end
        else:
            nouns = _cues.family_nouns(
                t, max(clause[0], pos - _WINDOW), min(clause[1], pos + _WINDOW), self.index
            )
            if nouns:
                n = min(nouns, key=lambda c: abs(c.start - pos))
                return n.label, n.text, n.start, n.end
        return None

    def _dest(self, head_end: int, clause: tuple[int, int]) -> str | None:
        for loc in self._locs_in(head_end, min(clause[1], head_end + 61)):
            m = _DEST_PREP.search(self.text[head_end : loc.start])
            if m:
                return f"{m.group(1)} {loc.name}"
        return None

    def _build(
        self,
        s: Span,
        clause: tuple[int, int],
        pos: int,
        q: Quantity | None,
        qindex: int | None,
        atts: list[_Attribution],
        times: list[TimeExpr],
        time_starts: list[int],
        event_cue: _cues.Cue | None = None,
    ) -> _Record:
        if clause[1] - clause[0] > 2 * _WINDOW:
            # a run-on "clause" (no punctuation): keep the claim to the text around its figure
            a, b = max(clause[0], pos - _WINDOW), min(clause[1], pos + _WINDOW)
            # widen to whole words, by at most 30 characters (split() cuts at isspace())
            left = self.text[max(clause[0], a - 30) : a]
            if left and not left[-1].isspace():
                a -= len(left.rsplit(None, 1)[-1])
            right = self.text[b : min(clause[1], b + 30)]
            if right and not right[0].isspace():
                b += len(right.split(None, 1)[0])
            clause = self._trim(a, b)
        source, ss, se, qi, att = self._source(atts, clause, pos)
        time = self._time(times, time_starts, clause, pos)
        modality, cue = self._modality(clause, s, att, source, time, pos)
        ent = self._entity(q, clause, pos)
        family = head = owner_key = owner_text = dest = None
        strong, event = False, ""
        last = self.records[-1] if self.records else None
        if (
            ent is not None
            and q is not None
            and ent[2] == ent[3] == q.end
            and last is not None
            and last.start >= s.start
            and last.family == ent[0]
        ):
            ent = None  # "3,000 troops, with plans to deploy 10,000": the same thing again
        if ent is not None:
            family, head, hs, he = ent
            owner, strong = self._owner(
                (hs, he), (q.start, q.end) if q else (hs, hs), s, att, se, clause, q is None
            )
            if owner is not None:
                owner_key = owner.country_code or owner.name.lower()
                owner_text = owner.text if owner.demonym else f"{owner.name}’s"
            event = _cues.event_of(self.text, he, clause[1], self.index)
            if q is not None:
                # "each comprising up to 6,000": per unit (the pattern needs the word "each")
                w = max(clause[0], q.start - 30)
                if self.text.find("each", w, q.start) >= 0 and _EACH.search(self.text[w : q.start]):
                    event = (event + " each").strip()
            dest = self._dest(he, clause) if self._sentence_locs else None
        elif q is not None and (
            _THE_NUMBER.search(self.text, clause[0], pos)
            or (self.records and self.records[-1].start >= s.start and self.records[-1].family)
        ):
            # "the number could rise to 12,000"; "3,000 troops, with plans to deploy 10,000"
            prev = self.last_family
            if prev is not None:
                family, head, owner_key, owner_text = (
                    prev.family,
                    prev.head,
                    prev.owner_key,
                    prev.owner_text,
                )
                strong, event, dest = prev.owner_strong, prev.event, prev.dest
        elif q is None:
            prev = self.last_family
            if prev is not None and self.doc.sentence_index(prev.start) is not None:
                si = self.doc.sentence_index(pos) or 0
                if si - (self.doc.sentence_index(prev.start) or 0) <= 2:
                    family, head, owner_key, owner_text = (
                        prev.family,
                        prev.head,
                        prev.owner_key,
                        prev.owner_text,
                    )
        locs: tuple[int, ...] = ()
        if self._sentence_locs:
            lo = bisect_left(self._loc_starts, max(clause[0], pos - _WINDOW))
            locs = tuple(
                self._loc_index[lo : bisect_left(self._loc_starts, min(clause[1], pos + _WINDOW))]
            )
        if source != self.outlet:
            self._add_source(source)
        return _Record(
            clause[0],
            clause[1],
            source,
            ss,
            se,
            modality,
            cue or (event_cue.text if event_cue else None),
            (qindex,) if qindex is not None else (),
            time,
            family,
            head,
            owner_key,
            owner_text,
            strong,
            event,
            dest,
            locs,
            qi,
        )

    # -- the run -------------------------------------------------------------------------
    def claims(self) -> list[Claim]:
        self._qspans = sorted(self._quote_spans())
        self._qstarts = [a for a, _, _ in self._qspans]
        #: the furthest end of the spans up to each one
        self._qreach = list(accumulate((b for _, b, _ in self._qspans), max))
        by_sentence: dict[int, list[int]] = {}
        for i, q in enumerate(self.quantities):
            if isinstance(q, Quantity):
                si = self.doc.sentence_index(q.start)
                if si is not None:
                    by_sentence.setdefault(si, []).append(i)
        index, text = self.index, self.text
        modality, confirm, source = (
            _cues.modality_cues(),
            _cues.confirm_cues(),
            _cues.source_cues(),
        )
        # Whether a cue of a table may be in a sentence: it can start there (see
        # :meth:`~.cues._Matcher.starts`), or the sentence is ``loose`` (see
        # :meth:`~.cues.TextIndex.loose`).
        denial = _cues.denial_words()
        denial_at = None if denial is None else index.positions(denial)
        confirm_at = None if confirm.firsts is None else confirm.starts(index)
        source_at = None if source.firsts is None else source.starts(index)
        any_at = (
            None
            if denial_at is None or confirm_at is None or source_at is None
            else sorted(chain(denial_at, confirm_at, source_at))
        )
        for si, s in self.doc.content_sentences():
            # Cheap lookups first: a sentence without a figure, an event cue or an attribution
            # adds nothing, so it is not cut into clauses nor searched for times.
            sa, sb = s.start, s.end
            quantities = by_sentence.get(si, ())
            loose = index.loose(sa, sb)
            if not (quantities or loose or _holds(any_at, sa, sb)):
                continue
            event_cues: list[_cues.Cue] = []
            if loose or _holds(denial_at, sa, sb):
                event_cues = [
                    c for c in modality.find(text, sa, sb, sa, index) if c.label == "denied"
                ]
            if loose or _holds(confirm_at, sa, sb):
                event_cues += confirm.find(text, sa, sb, sa, index)
            found: list[_cues.Cue] = []
            if loose or _holds(source_at, sa, sb):
                found = source.find(text, sa, sb, sa, index)
            if not (quantities or event_cues or found):
                continue
            clauses = self._clauses(s)
            if not clauses:
                continue
            self._att_starts = []
            atts = self._attributions(s, clauses, found)
            if not (quantities or event_cues):
                # no claim here: only the sources, for later pronouns and surnames
                for a in atts:
                    self._add_source(a.source)
                continue
            self._att_starts = [a.cue.start for a in atts]
            self._sentence_locs = self._first_loc(sa, sb) is not None
            all_times = find_times(self.text, s.start, s.end, index)
            times = self._usable_times(all_times, atts)
            starts = [t.start for t in times]
            time_starts = [t.start for t in all_times]
            used: set[tuple[int, int]] = set()
            for qi in quantities:
                q = self.quantities[qi]
                assert isinstance(q, Quantity)
                # (times do not overlap and come in order: the last one starting before the
                # figure's end ends last)
                k = bisect_left(time_starts, q.end)
                if k and all_times[k - 1].end > q.start:
                    continue  # a day or year inside a date, not a count
                lo = bisect_left(self._att_starts, q.start - _WINDOW)
                hi = bisect_right(self._att_starts, q.start + _WINDOW)
                if lo < hi and any(a.start <= q.start < a.end for a in atts[lo:hi]):
                    continue  # part of the source's name
                clause = _clause_at(clauses, q.start)
                if clause is None:
                    continue
                used.add(clause)
                self._add(self._build(s, clause, q.start, q, qi, atts, times, starts))
            for c in sorted(event_cues, key=lambda c: c.start):
                clause = _clause_at(clauses, c.start)
                if clause is None or clause in used:
                    continue
                used.add(clause)
                self._add(self._build(s, clause, c.start, None, None, atts, times, starts, c))
            for a in atts:
                self._add_source(a.source)
        return self._finish()

    def _finish(self) -> list[Claim]:
        votes: dict[str, Counter[str]] = {}
        texts: dict[str, Counter[str]] = {}
        for r in self.records:
            if r.family and r.owner_key and r.owner_strong:
                votes.setdefault(r.family, Counter())[r.owner_key] += 1
                if r.owner_text:
                    texts.setdefault(r.owner_key, Counter())[r.owner_text] += 1
        published = self.doc.article.published
        out: list[Claim] = []
        for r in sorted(self.records, key=attrgetter("start", "quantities")):
            if r.family and r.owner_key is None and r.family in votes:
                r.owner_key = min(votes[r.family].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                tc = texts.get(r.owner_key)
                r.owner_text = min(tc.items(), key=lambda kv: (-kv[1], kv[0]))[0] if tc else None
            subject = None
            if r.head:
                parts = [p for p in (r.owner_text, r.head, r.event, r.dest) if p]
                subject = " ".join(parts)
            out.append(
                Claim(
                    start=r.start,
                    end=r.end,
                    text=self.text[r.start : r.end],
                    source=r.source,
                    modality=r.modality,  # type: ignore[arg-type]
                    quantities=r.quantities,
                    time=r.time.text if r.time else None,
                    time_value=normalize(r.time, published) if r.time else None,
                    subject=subject,
                    entity=r.family,
                    locations=r.locations,
                    quote=r.quote,
                    source_start=r.source_start,
                    source_end=r.source_end,
                    cue=r.cue,
                    subject_key=(f"{r.family}|{r.owner_key or ''}|{r.event}" if r.family else None),
                )
            )
        return out
