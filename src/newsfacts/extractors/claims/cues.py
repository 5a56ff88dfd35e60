"""Cue tables for claims (modality, source attribution, entity families, events), loaded lazily
from ``newsfacts/data/claims/`` and compiled once into literal-alternation regexes.

Scanning a sentence with a large case-insensitive alternation costs the ``regex`` engine a
fraction of a microsecond per character and table, more than everything else the claims stage
does. :class:`TextIndex` avoids it: one ``str.translate`` folds the document to lower-case
ASCII words separated by spaces, ``str.find`` locates the few words that can start a cue, and
the table's pattern is tried with ``match`` only there. A cue starting with a very common word
("to reach", "has not confirmed") is located by a rarer later word instead (see
:class:`_Matcher`), so "to" and "has" are neither indexed nor tried. The results are exactly
those of ``finditer`` over the same range (see :func:`scan`).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import chain, compress
from typing import NamedTuple

import attrs
import regex

from ...resources import read_table, word_list, word_set

__all__ = [
    "MODALITY_RANK",
    "Cue",
    "TextIndex",
    "confirm_cues",
    "denial_words",
    "event_of",
    "event_words",
    "families",
    "family_of",
    "family_words",
    "find_cues",
    "first_runs",
    "modality_cues",
    "scan",
    "source_cues",
]

#: Precedence when several cues apply to one claim: the highest wins.
MODALITY_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "projected": 3, "denied": 4}

_WORD_CHAR = regex.compile(r"[\w-]")
_RUN = regex.compile(r"[\w-]{1,200}+")
_WORDS = regex.compile(r"[\w’'-]{1,40}")
#: Non-ASCII blocks whose non-word characters (spaces, quotes, dashes, currency, symbols) are
#: known to separate words; any other non-ASCII character is *unsure* (see :class:`TextIndex`).
_SEPARATOR_BLOCKS = (
    (0x80, 0x100),
    (0x1680, 0x1681),
    (0x2000, 0x2070),
    (0x20A0, 0x20D0),
    (0x2100, 0x2200),
    (0x2200, 0x2300),
    (0x2500, 0x2600),
    (0x3000, 0x3040),
    (0xFE30, 0xFE70),
    (0xFF00, 0xFF10),
)


@lru_cache(maxsize=1)
def _folding() -> tuple[bytes, frozenset[str]]:
    """The byte table folding ASCII to lower-case words and spaces, and the non-ASCII
    characters that are word separators."""
    table = bytes(
        ord(chr(c).lower()) if c < 128 and _WORD_CHAR.match(chr(c)) else 32 for c in range(256)
    )
    separators = frozenset(
        chr(c)
        for lo, hi in _SEPARATOR_BLOCKS
        for c in range(lo, hi)
        if not _WORD_CHAR.match(chr(c))
    )
    return table, separators


def first_runs(words: list[str]) -> frozenset[str] | None:
    """Lower-cased leading ``[\\w-]`` runs of ``words``; None when one does not start with an ASCII
    word character (such a table is scanned without the index)."""
    out: set[str] = set()
    for w in words:
        m = _RUN.match(w)
        if m is None or not m.group().isascii() or m.group() == "-":
            return None
        out.add(m.group().lower())
    return frozenset(out)


class TextIndex:
    """A document folded for fast word lookup.

    ``folded`` has the length of ``text``: ASCII word characters and hyphens lower-cased,
    everything else a space. A non-ASCII character that is not a known separator is *unsure*
    (it may be part of a word, or match a letter case-insensitively): ranges holding one are
    scanned the plain way.
    """

    __slots__ = (
        "_cache",
        "_found",
        "_own",
        "_unsure",
        "_vocabulary",
        "_where",
        "_word_at",
        "folded",
        "padded",
        "text",
    )

    def __init__(self, text: str, vocabulary: frozenset[str] | None = None) -> None:
        table, separators = _folding()
        raw = text.encode("ascii", "replace")  # one byte per character: offsets are kept
        self.text = text
        self.folded = raw.translate(table).decode("ascii")
        #: ``padded[k] == folded[k - 1]``: the space before a word has the word's text offset.
        self.padded = f" {self.folded} "
        self._where: dict[str, list[int]] | None = None
        #: offset -> word for every word of the shared table (filled with ``_where``)
        self._word_at: dict[int, str] = {}
        #: the only words looked up (None: any); a lookup of other words takes its own pass
        self._vocabulary = vocabulary
        self._unsure: list[int] = []
        if not text.isascii():
            i = raw.find(b"?")
            while i >= 0:
                ch = text[i]
                if ch != "?" and ch not in separators:
                    self._unsure.append(i)
                i = raw.find(b"?", i + 1)
        self._cache: dict[object, list[int]] = {}
        self._found: dict[frozenset[str], dict[int, str]] = {}
        self._own: dict[frozenset[str], dict[str, list[int]]] = {}

    def _word_offsets(
        self, vocabulary: frozenset[str] | None, word_at: dict[int, str] | None = None
    ) -> dict[str, list[int]]:
        """The folded words of ``vocabulary`` (None: every word) with the offsets they start at
        (also written to ``word_at``, offset -> word, when given).

        ``folded.split()`` (the folded text separates words by spaces only) and the membership
        test run in C; Python only loops over the words kept, in text order: each is the next
        whole-word ``str.find`` match after the one before it (a piece equal to it in between
        would have been kept too). Cheaper than one ``str.find`` sweep of the whole text per
        looked-up word once a few tables are consulted. :meth:`positions_by_find` is the plain
        reference.
        """
        pieces = self.folded.split()
        kept = (
            pieces if vocabulary is None else compress(pieces, map(vocabulary.__contains__, pieces))
        )
        find = self.padded.find  # ``padded`` offset of " word " == the word's text offset
        where: dict[str, list[int]] = {}
        off = 0
        for piece in kept:
            off = find(f" {piece} ", off)
            at = where.get(piece)
            if at is None:
                where[piece] = [off]
            else:
                at.append(off)
            if word_at is not None:
                word_at[off] = piece
            off += len(piece) + 1
        return where

    def positions_by_find(self, words: frozenset[str]) -> list[int]:
        """:meth:`positions` the plain way, a ``str.find`` sweep per word (a test reference)."""
        found: set[int] = set()
        padded = self.padded
        for w in words:
            if not w or " " in w:
                continue
            needle = f" {w} "
            i = padded.find(needle)
            while i >= 0:
                found.add(i)
                i = padded.find(needle, i + len(needle) - 1)
        return sorted(found)

    def _where_for(self, words: frozenset[str]) -> dict[str, list[int]]:
        """The word -> offsets table holding ``words``: the shared one when they are all in
        the vocabulary, else one of their own."""
        vocabulary = self._vocabulary
        if vocabulary is None or words <= vocabulary:
            where = self._where
            if where is None:
                where = self._where = self._word_offsets(vocabulary, self._word_at)
            return where
        where = self._own.get(words)
        if where is None:
            where = self._own[words] = self._word_offsets(words)
        return where

    def positions(self, words: frozenset[str]) -> list[int]:
        """Sorted offsets of the whole folded words in ``words``."""
        out = self._cache.get(words)
        if out is None:
            where = self._where_for(words)
            # one word per offset: the merged lists hold no duplicates
            out = sorted(chain.from_iterable([where[w] for w in where.keys() & words]))
            self._cache[words] = out
        return out

    def word_map(self, words: frozenset[str]) -> dict[int, str]:
        """Offset -> word for the offsets of :meth:`positions` (the shared map of the whole
        vocabulary when ``words`` are in it: it may hold other words' offsets too)."""
        at = self._found.get(words)
        if at is None:
            where = self._where_for(words)
            if where is self._where:
                at = self._word_at
            else:
                at = {i: w for w in where.keys() & words for i in where[w]}
            self._found[words] = at
        return at

    def word_at(self, words: frozenset[str], pos: int) -> str | None:
        """The word of ``words`` found at ``pos`` by :meth:`positions`."""
        w = self.word_map(words).get(pos)
        return w if w in words else None

    def near(self, firsts: frozenset[str], anchors: frozenset[str], reach: int) -> list[int]:
        """Offsets of the words in ``firsts`` that are, or are followed within ``reach``
        characters by, a word in ``anchors``."""
        key = (firsts, anchors, reach)
        out = self._cache.get(key)
        if out is None:
            out = sorted(self.words_before(firsts, self.positions(anchors), reach))
            self._cache[key] = out
        return out

    def words_before(self, firsts: frozenset[str], ends: list[int], reach: int) -> set[int]:
        """Offsets of the words in ``firsts`` starting in ``[a - reach, a]`` for an ``a`` in
        ``ends`` (each the start of a word)."""
        found: set[int] = set()
        folded, padded = self.folded, self.padded
        for a in ends:
            lo = max(0, a - reach)
            stop = folded.find(" ", a)
            off = lo
            for piece in folded[lo : len(folded) if stop < 0 else stop].split(" "):
                # a word starts at ``off`` when a space (or the text start) precedes it
                if piece in firsts and padded[off] == " ":
                    found.add(off)
                off += len(piece) + 1
        return found

    def sure(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` holds no unsure character."""
        u = self._unsure
        if not u:
            return True
        k = bisect_left(u, start)
        return k == len(u) or u[k] >= end

    def loose(self, start: int, end: int) -> bool:
        """True when a cue may start in ``text[start:end]`` whatever its words: an unsure
        character is in the range (or just before it), or the range ends inside a word."""
        u = self._unsure
        if u:
            k = bisect_left(u, start - 1)
            if k < len(u) and u[k] < end:
                return True
        p = self.padded
        return start < end < len(self.text) and p[end + 1] != " " and p[end] != " "


def scan(
    pattern: regex.Pattern[str],
    index: TextIndex,
    candidates: list[int],
    start: int,
    end: int,
    cut_words: bool = True,
) -> list[regex.Match[str]]:
    """``list(pattern.finditer(index.text, start, end))`` for a ``pattern`` that starts with
    ``(?<![\\w-])``, trying it only at ``candidates`` (every offset a match can start at in a
    range without unsure characters: the words of :meth:`TextIndex.positions`), at a word cut
    by the end of the range, and at ``start`` after an unsure character. With ``cut_words``
    false, a range that cuts a word at its end is scanned the plain way (for patterns whose
    candidates depend on later words)."""
    text, padded, unsure = index.text, index.padded, index._unsure
    if unsure:
        k = bisect_left(unsure, start - 1)
        if k < len(unsure) and unsure[k] == start - 1:
            k += 1
            candidates = [start, *candidates]  # the look-behind may pass after it
        if k < len(unsure) and unsure[k] < end:
            return list(pattern.finditer(text, start, end))
    lo, hi = bisect_left(candidates, start), bisect_left(candidates, end)
    cut = start < end < len(text) and padded[end + 1] != " " and padded[end] != " "
    if lo == hi and not cut:
        return []
    if cut and not cut_words:
        return list(pattern.finditer(text, start, end))
    pos = candidates[lo:hi]
    if cut:
        q = max(start, padded.rfind(" ", start + 1, end + 1))  # the word cut by ``end``
        if not pos or q > pos[-1]:
            pos.append(q)
    out: list[regex.Match[str]] = []
    cur = start
    for p in pos:
        if p >= cur:
            m = pattern.match(text, p, end)
            if m is not None:
                out.append(m)
                cur = m.end()
    return out


def _scan_words(matcher: _Matcher, index: TextIndex, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``scan`` for a cue table; a candidate word that is a whole cue and starts
    no other cue is a match without running the pattern (the look-arounds hold: spaces of
    the folded text surround it inside a range without unsure characters)."""
    assert matcher.firsts is not None
    pattern, simple = matcher.pattern, matcher.simple
    text, padded, unsure = index.text, index.padded, index._unsure
    candidates = matcher.starts(index)  # cached on the index
    lead = False
    if unsure:
        k = bisect_left(unsure, start - 1)
        if k < len(unsure) and unsure[k] == start - 1:
            k += 1
            lead = True  # the look-behind may pass after it
        if k < len(unsure) and unsure[k] < end:
            return [m.span() for m in pattern.finditer(text, start, end)]
    lo, hi = bisect_left(candidates, start), bisect_left(candidates, end)
    cut = start < end < len(text) and padded[end + 1] != " " and padded[end] != " "
    if lo == hi and not cut and not lead:
        return []
    pos = candidates[lo:hi]
    if lead and (not pos or pos[0] != start):
        pos.insert(0, start)
    if cut:
        q = max(start, padded.rfind(" ", start + 1, end + 1))  # the word cut by ``end``
        if not pos or q > pos[-1]:
            pos.append(q)
        if matcher.leads:
            # a cue found by a later word whose word is cut: "to reach" in "to reach|es"
            before = index.words_before(matcher.leads, [q], matcher.reach)
            if before:
                pos = sorted({*pos, *(p for p in before if p >= start)})
    out: list[tuple[int, int]] = []
    cur = start
    # (the shared map may name other tables' words: only words of ``simple``, whole cues of
    # this table, skip the pattern)
    word_at = index.word_map(matcher.heads)
    for p in pos:
        if p >= cur:
            w = word_at.get(p)
            if w is not None and w in simple and p + len(w) <= end and not (lead and p == start):
                out.append((p, p + len(w)))
                cur = p + len(w)
                continue
            m = pattern.match(text, p, end)
            if m is not None:
                out.append(m.span())
                cur = m.end()
    return out


class Cue(NamedTuple):
    """A matched cue phrase: span, text and what the table says about it (a named tuple:
    cheap to build, and several are built per sentence)."""

    start: int
    end: int
    text: str
    label: str


def _literal_regex(words: list[str]) -> regex.Pattern[str]:
    alts = "|".join(
        regex.escape(w).replace(r"\ ", r"\s{1,3}")
        for w in sorted(set(words), key=lambda w: (-len(w), w))
    )
    return regex.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", regex.IGNORECASE)


@attrs.frozen
class _Matcher:
    """A cue table: its pattern and labels, and how a :class:`TextIndex` finds where a cue
    can start. A cue is found by its first word (``heads``) unless that word is a common one
    (``data/claims/index_common.txt``): then by its first later word that is not (``anchors``),
    and its first word (``leads``) within ``reach`` characters before that word."""

    pattern: regex.Pattern[str]
    labels: dict[str, str]
    #: the first words of every cue (None: the table is scanned without an index)
    firsts: frozenset[str] | None
    #: first words that are a whole cue and start no other cue
    simple: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    leads: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    reach: int = 0
    #: where :meth:`starts` keeps its result in an index's cache
    key: object = attrs.field(init=False, eq=False, factory=object)

    @property
    def index_words(self) -> frozenset[str] | None:
        """The words :meth:`starts` looks up in a :class:`TextIndex` (None: no index lookup)."""
        return None if self.firsts is None else self.heads | self.anchors

    def starts(self, index: TextIndex) -> list[int]:
        """Sorted offsets where a cue can start in a range of ``index`` without unsure
        characters and not cut at its end (see :func:`scan`)."""
        out = index._cache.get(self.key)
        if out is None:
            out = index.positions(self.heads)
            if self.leads:
                # the two are disjoint: a lead is no head
                out = sorted(chain(out, index.near(self.leads, self.anchors, self.reach)))
            index._cache[self.key] = out
        return out

    def _folded_labels(self) -> dict[str, str]:
        return _casefolded(tuple(self.labels.items()))

    def find(
        self,
        text: str,
        start: int,
        end: int,
        sentence_start: int,
        index: TextIndex | None = None,
    ) -> list[Cue]:
        out: list[Cue] = []
        if index is None or self.firsts is None:
            found = [m.span() for m in self.pattern.finditer(text, start, end)]
        else:
            found = _scan_words(self, index, start, end)
        for a, b in found:
            word = text[a:b]
            # Capitalized mid-sentence ("May", "Will", "the United States") it is a name.
            if word[0].isupper() and a != sentence_start:
                before = text[max(0, a - 3) : a].rstrip()
                if not before or before[-1] not in "“\"‘'(:–—-.!?":
                    continue
            key = word.lower()
            if not key.isalpha():  # (letters hold no space: nothing to normalize)
                key = " ".join(key.split())
            label = self.labels.get(key) or self._folded_labels().get(key.casefold())
            if label is None:
                continue  # matched through a special case folding ("ſaid"): not a cue word
            out.append(Cue(a, b, word, label))
        return out


@lru_cache(maxsize=16)
def _casefolded(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {k.casefold(): v for k, v in items}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return word_set("claims/index_common.txt")


def _anchor(cue: str) -> tuple[str, int] | None:
    """The first word after the first of a lower-case ``cue`` that is not common, and how far
    after the cue's start it can begin (each space of the cue matches 1 to 3 characters); None
    when the first word is not common or no later word is a plain ASCII word that is not."""
    words = cue.split(" ")
    common = _common_words()
    if words[0] not in common:
        return None
    for k in range(1, len(words)):
        w = words[k]
        if w.isascii() and w.isalnum() and w not in common:
            return w, sum(map(len, words[:k])) + 3 * k
    return None


def _matcher(words: list[str], labels: dict[str, str]) -> _Matcher:
    firsts = first_runs(words)
    if firsts is None:
        return _Matcher(_literal_regex(words), labels, None)
    starts: dict[str, int] = {}
    heads: set[str] = set()
    leads: set[str] = set()
    anchors: set[str] = set()
    reach = 0
    for w in {w.lower() for w in words}:
        k = _RUN.match(w)
        assert k is not None
        starts[k.group()] = starts.get(k.group(), 0) + 1
        anchor = _anchor(w)
        if anchor is None:
            heads.add(k.group())
        else:
            leads.add(k.group())
            anchors.add(anchor[0])
            reach = max(reach, anchor[1])
    simple = frozenset(w.lower() for w in words if starts.get(w.lower()) == 1)
    return _Matcher(
        _literal_regex(words),
        labels,
        firsts,
        simple,
        frozenset(heads),
        frozenset(leads - heads),
        frozenset(anchors),
        reach,
    )


@lru_cache(maxsize=1)
def modality_cues() -> _Matcher:
    rows = read_table("claims/modality.tsv")
    labels = {r["cue"].lower(): r["modality"] for r in rows}
    return _matcher(list(labels), labels)


@lru_cache(maxsize=1)
def denial_words() -> frozenset[str] | None:
    """Words a denial cue of the modality table starts with (None: no index lookup)."""
    rows = read_table("claims/modality.tsv")
    return first_runs([r["cue"].lower() for r in rows if r["modality"] == "denied"])


@lru_cache(maxsize=1)
def source_cues() -> _Matcher:
    rows = read_table("claims/sources.tsv")
    labels = {r["cue"].lower(): r["kind"] for r in rows}
    return _matcher(list(labels), labels)


@lru_cache(maxsize=1)
def confirm_cues() -> _Matcher:
    words = [w.lower() for w in word_list("claims/events_confirm.tsv") if w != "cue"]
    return _matcher(words, {w: "confirmed" for w in words})


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Counted noun (lower case, as written) -> family name."""
    return {r["word"].lower(): r["family"] for r in read_table("claims/families.tsv")}


@lru_cache(maxsize=1)
def _family_matcher() -> _Matcher:
    fam = families()
    return _matcher(list(fam), fam)


def family_words() -> frozenset[str] | None:
    """Words :func:`family_nouns` looks up in a :class:`TextIndex` (None: no index lookup)."""
    return _family_matcher().index_words


def find_cues(
    matcher: _Matcher,
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    index: TextIndex | None = None,
) -> list[Cue]:
    """Cues of one table inside ``text[start:end]`` (``index``: a :class:`TextIndex` of
    ``text`` to make the lookup fast)."""
    return matcher.find(text, start, end, sentence_start, index)


def family_nouns(text: str, start: int, end: int, index: TextIndex | None = None) -> list[Cue]:
    """Counted nouns of a known family inside ``text[start:end]``; ``label`` is the family."""
    return _family_matcher().find(text, start, end, -1, index)


def _lemma(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=4096)
def family_of(entity: str) -> tuple[str, str]:
    """``(family, head)`` of a quantity's entity text: the longest known noun phrase in it, or
    its last word (singularized) as a family of its own."""
    fam = families()
    words = _WORDS.findall(entity.lower())
    for n in (2, 1):
        for i in range(len(words) - n, -1, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in fam:
                return fam[phrase], phrase
    if not words:
        return "", ""
    return _lemma(words[-1]), words[-1]


@lru_cache(maxsize=1)
def _events() -> _Matcher:
    ev = {r["word"].lower(): r["event"] for r in read_table("claims/events.tsv")}
    return _matcher(list(ev), ev)


def event_words() -> frozenset[str] | None:
    """Words :func:`event_of` looks up in a :class:`TextIndex` (None: no index lookup)."""
    return _events().index_words


def event_of(text: str, start: int, end: int, index: TextIndex | None = None) -> str:
    """The event class ("killed", "wounded"...) named in ``text[start:end]``, or ""."""
    found = _events().find(text, start, end, -1, index)
    return found[0].label if found else ""
