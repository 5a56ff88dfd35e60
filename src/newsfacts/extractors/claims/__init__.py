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
from typing import Any, ClassVar

import attrs
import regex

from ...document import Document, Span
from ...extractor import FactsSoFar
from ...model import Article, Claim, Fact, Location, Quantity, Quote
from ...resources import read_table
from . import cues as _cues
from .timex import TimeExpr, find_times, normalize

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


def _words(cls: str) -> frozenset[str]:
    return _np_words().get(cls, frozenset())


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


@lru_cache(maxsize=1024)
def _stem_patterns(stem: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Case-insensitive forward and backward searches for a counted noun's stem."""
    lit = regex.escape(stem)
    return regex.compile(lit, regex.I), regex.compile(lit, regex.I | regex.REVERSE)


def _find_stem(text: str, stem: str, lo: int, hi: int, *, reverse: bool) -> int:
    """Offset of the first (``reverse``: last) case-insensitive occurrence of ``stem`` in
    ``text[lo:hi]``, or -1.

    On ASCII (nearly every case) lower-casing both sides gives exactly the matches of a
    case-insensitive regex, with no pattern to compile per stem; other text uses the regex.
    """
    window = text[lo:hi]
    if window.isascii() and stem.isascii():
        low, needle = window.lower(), stem.lower()
        i = low.rfind(needle) if reverse else low.find(needle)
        return i if i < 0 else lo + i
    forward, back = _stem_patterns(stem)
    m = (back if reverse else forward).search(text, lo, hi)
    return m.start() if m is not None else -1


def outlet_of(article: Article) -> str:
    """The source of unattributed statements: the outlet, else the article id, else a label."""
    return article.source or article.id or "the outlet"


@attrs.frozen
class _Attribution:
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
def _event_or_source_words() -> frozenset[str] | None:
    """Words a denial, confirmation or attribution cue starts with (None: look everything up)."""
    out: frozenset[str] = frozenset()
    for w in (_cues.denial_words(), _cues.confirm_cues().firsts, _cues.source_cues().firsts):
        if w is None:
            return None
        out |= w
    return out


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
        self.index = _cues.TextIndex(self.text)
        self.sources: list[str] = []
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
        self._att_starts: list[int] = []

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
        cands: list[int] = []
        for ch, back in _BREAK_CHARS:
            i = t.find(ch, a, b)
            while i >= 0:
                if i - back >= a:
                    cands.append(i - back)
                i = t.find(ch, i + 1, b)
        cands.sort()
        out: list[tuple[int, int]] = []
        cur = a
        for p in cands:
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
        return [self._trim(a, b) for a, b in out if self.text[a:b].strip()]

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
        for a, b, i in reversed(self._qspans[max(0, k - 8) : k]):
            if a <= pos < b:
                return i
        return None

    def _np(self, a: int, b: int) -> tuple[int, int, str] | None:
        """Clean the noun phrase in ``text[a:b]``: drop leading conjunctions and trailing
        auxiliaries; reject what does not look like a source."""
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(self.text, a, b)]
        while toks and (toks[0][2].lower() in _words("lead") or toks[0][2] in "–—-"):
            toks.pop(0)
        while toks and (toks[-1][2].lower().strip(".") in _words("trail") or toks[-1][2] in "–—-"):
            toks.pop()
        if not toks or len(toks) > 12 or toks[-1][2].lower() in _words("passive"):
            return None
        words = [w for _, _, w in toks]
        low = " ".join(words).lower()
        if not _words("aux").isdisjoint(low.split(" ")):
            return None
        if any(map(str.isdigit, low)):
            return None
        if all(w[:1].islower() for w in words) and len(words) > 4:
            return None
        if low in ("the", "a", "an", "this", "that", "which", "who", "there", "what"):
            return None
        start, end = toks[0][0], toks[-1][1]
        src = self.text[start:end]
        last_word = src[:-1].split()[-1:]
        if src.endswith(".") and not (last_word and "." in last_word[0]):
            src = src[:-1]  # a sentence-final period, not an abbreviation's ("U.S.")
        if not src.strip():
            return None
        end = start + len(src)
        if low in _words("pronoun") or _ANAPHORIC.match(low):
            if not self.sources:
                return None
            return start, end, self.sources[-1]
        m = _GENERIC_LEAD.match(src)
        if m:
            start += m.end()
            src = src[m.end() :]
        if len(words) == 1 and words[0][:1].isupper():
            for prev in reversed(self.sources[-50:]):
                if words[0] in prev.split() and prev != src:
                    return start, end, prev
        return start, end, src

    def _attributions(
        self, s: Span, clauses: list[tuple[int, int]], found: list[_cues.Cue]
    ) -> list[_Attribution]:
        """Attributions of the source cues ``found`` in sentence ``s``."""
        out: list[_Attribution] = []
        for cue in found:
            if self._in_quote(cue.start) is not None:
                continue
            prev_word = self.text[max(s.start, cue.start - 12) : cue.start].split()[-1:]
            if cue.label == "verb" and prev_word and prev_word[0].lower() in _words("determiner"):
                continue  # "these reports", "the claims": a noun, not a reporting verb
            ca, cb = _clause_at(clauses, cue.start) or (s.start, s.end)
            ca, cb = max(ca, cue.start - _WINDOW), min(cb, cue.end + _WINDOW)
            np: tuple[int, int, str] | None = None
            if cue.label == "prep":
                stop = _NP_STOP.search(self.text, cue.end, cb)
                np = self._np(cue.end, stop.start() if stop else cb)
            else:
                before = self.text[ca : cue.start]
                cut = max((m.end() for m in _NP_STOP.finditer(before)), default=0)
                np = self._np(ca + cut, cue.start)
                if np is None and not before[cut:].strip():
                    stop = _NP_STOP.search(self.text, cue.end, cb)
                    np = self._np(cue.end, stop.start() if stop else cb)
            if np is not None:
                out.append(_Attribution(cue, np[0], np[1], np[2]))
        return out

    # -- per claim ---------------------------------------------------------------------
    def _choose(
        self,
        atts: list[_Attribution],
        clause: tuple[int, int],
        pos: int,
    ) -> _Attribution | None:
        k = bisect_left(self._att_starts, pos)
        before = atts[k - 1] if k > 0 else None
        after = atts[k] if k < len(atts) else None
        near = [
            a for a in (before, after) if a is not None and clause[0] <= a.cue.start < clause[1]
        ]
        if near:
            return min(near, key=lambda a: abs(a.cue.start - pos))
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
        if clause not in self._mod_cache:
            cues = _cues.find_cues(
                _cues.modality_cues(), self.text, clause[0], clause[1], s.start, self.index
            )
            self._mod_cache[clause] = ([c.start for c in cues], cues)
        starts, cues = self._mod_cache[clause]
        found = cues[bisect_left(starts, pos - _WINDOW) : bisect_left(starts, pos + _WINDOW)]
        if att is not None:
            found += _cues.find_cues(
                _cues.modality_cues(), self.text, att.cue.start, att.cue.end, s.start, self.index
            )
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
            if not any(
                0 <= t.start - a.cue.end <= 4 or 0 <= a.cue.start - t.end <= 2
                for a in atts[lo:hi]
                if a.cue.label == "verb"
            ):
                out.append(t)
        return out

    def _time(
        self, times: list[TimeExpr], clause: tuple[int, int], pos: int, atts: list[_Attribution]
    ) -> TimeExpr | None:
        starts = [t.start for t in times]
        usable = times[bisect_left(starts, pos - _WINDOW) : bisect_left(starts, pos + _WINDOW)]
        for scope in ("clause", "sentence"):
            pool = [t for t in usable if scope == "sentence" or clause[0] <= t.start < clause[1]]
            for present in (False, True):
                cands = [t for t in pool if t.present == present]
                if cands:
                    return min(cands, key=lambda t: abs(t.start - pos))
        return None

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
        t = self.text
        for loc in self._locs_in(min(q[0], head[0]) - 80, head[0]):
            if loc.end > head[0] or loc.end < q[0] - 40:
                continue
            between = t[loc.end : head[0]]
            near = loc.start >= q[0] or not t[loc.end : q[0]].strip(" ’'s")
            if near and len(between.split()) <= 4 and _OWNER_GAP.fullmatch(between):
                return loc, True
        m = _FROM_OF.match(t[head[1] : head[1] + 20])
        if m:
            for loc in self._locs_in(head[1] + m.end(), head[1] + m.end() + 1):
                return loc, True
        if _POSSESSIVE.search(t[max(s.start, head[0] - 40) : head[0]]) and att is not None:
            inside = self._first_loc(att.start, att.end)
            if inside is not None:
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
                i = _find_stem(t, stem, q.start, min(clause[1], q.end + 80), reverse=False)
                if i < 0:
                    i = _find_stem(
                        t, stem, max(clause[0], q.start - _WINDOW), q.start, reverse=True
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
        event_cue: _cues.Cue | None = None,
    ) -> _Record:
        if clause[1] - clause[0] > 2 * _WINDOW:
            # a run-on "clause" (no punctuation): keep the claim to the text around its figure
            a, b = max(clause[0], pos - _WINDOW), min(clause[1], pos + _WINDOW)
            a0, b0 = a, b
            while a > max(clause[0], a0 - 30) and not self.text[a - 1].isspace():
                a -= 1
            while b < min(clause[1], b0 + 30) and not self.text[b].isspace():
                b += 1
            clause = self._trim(a, b)
        source, ss, se, qi, att = self._source(atts, clause, pos)
        time = self._time(times, clause, pos, atts)
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
            if q is not None and _EACH.search(self.text[max(clause[0], q.start - 30) : q.start]):
                event = (event + " each").strip()  # "each comprising up to 6,000": per unit
            dest = self._dest(he, clause)
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
        locs = tuple(
            self._loc_index[i]
            for i in range(
                bisect_left(self._loc_starts, max(clause[0], pos - _WINDOW)),
                bisect_left(self._loc_starts, min(clause[1], pos + _WINDOW)),
            )
        )
        if source != self.outlet:
            self.sources.append(source)
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
        denial = _cues.denial_words()
        any_cue = _event_or_source_words()
        for si, s in self.doc.content_sentences():
            # Cheap lookups first: a sentence without a figure, an event cue or an attribution
            # adds nothing, so it is not cut into clauses nor searched for times.
            quantities = by_sentence.get(si, ())
            if not quantities and not index.may_hold(any_cue, s.start, s.end):
                continue
            event_cues: list[_cues.Cue] = []
            if index.may_hold(denial, s.start, s.end):
                event_cues = [
                    c
                    for c in modality.find(text, s.start, s.end, s.start, index)
                    if c.label == "denied"
                ]
            if index.may_hold(confirm.firsts, s.start, s.end):
                event_cues += confirm.find(text, s.start, s.end, s.start, index)
            found: list[_cues.Cue] = []
            if index.may_hold(source.firsts, s.start, s.end):
                found = source.find(text, s.start, s.end, s.start, index)
            if not (quantities or event_cues or found):
                continue
            clauses = self._clauses(s)
            if not clauses:
                continue
            self._att_starts = []
            atts = self._attributions(s, clauses, found)
            self._att_starts = [a.cue.start for a in atts]
            if quantities or event_cues:
                all_times = find_times(self.text, s.start, s.end, index)
                times = self._usable_times(all_times, atts)
            else:
                all_times = times = []
            time_starts = [t.start for t in all_times]
            used: set[tuple[int, int]] = set()
            for qi in quantities:
                q = self.quantities[qi]
                assert isinstance(q, Quantity)
                k = bisect_left(time_starts, q.end)
                if any(t.end > q.start for t in all_times[max(0, k - 3) : k]):
                    continue  # a day or year inside a date, not a count
                lo = bisect_left(self._att_starts, q.start - _WINDOW)
                hi = bisect_right(self._att_starts, q.start + _WINDOW)
                if any(a.start <= q.start < a.end for a in atts[lo:hi]):
                    continue  # part of the source's name
                clause = _clause_at(clauses, q.start)
                if clause is None:
                    continue
                used.add(clause)
                self._add(self._build(s, clause, q.start, q, qi, atts, times))
            for c in sorted(event_cues, key=lambda c: c.start):
                clause = _clause_at(clauses, c.start)
                if clause is None or clause in used:
                    continue
                used.add(clause)
                self._add(self._build(s, clause, c.start, None, None, atts, times, c))
            for a in atts:
                self.sources.append(a.source)
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
        for r in sorted(self.records, key=lambda r: (r.start, r.quantities)):
            if r.family and r.owner_key is None and r.family in votes:
                r.owner_key = min(votes[r.family].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                tc = texts.get(r.owner_key)
                r.owner_text = min(tc.items(), key=lambda kv: (-kv[1], kv[0]))[0] if tc else None
            subject = None
            if r.head:
                parts = [p for p in (r.owner_text, r.head, r.event, r.dest) if p]
                subject = " ".join(parts)
            kw: dict[str, Any] = {}
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
                    **kw,
                )
            )
        return out
