"""Candidate recognition: capitalised word runs looked up in the gazetteer index, longest first.

A sentence is cut into word tokens once. At each capitalised token the longest run of
capitalised words (and lowercase connectors such as "of", "de", or region words such as
"region") joined by single spaces or hyphens is looked up, longest prefix first, so
"North Korean" wins over "North" and "Kursk region" over "Kursk". A trailing possessive
("Ukraine’s") is not part of the name. A capitalised run ending in a place-type word
("Travis County", "Royal Street") that the gazetteer lacks is a *generic* candidate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from itertools import accumulate, compress, pairwise, repeat
from operator import and_, itemgetter, le, not_
from typing import NamedTuple

import regex

from ... import resources as _res
from ...patterns import trie
from .gazetteer import DATA, Candidate, Gazetteer, fold

__all__ = [
    "Mention",
    "Token",
    "TokenIndex",
    "context_words",
    "mentions",
    "tokens",
    "trimmed_suffixes",
]

_POSSESSIVE = ("'s", "’s", "'S", "’S")
MIN_STOP_HEAD = 4  # letters of a stop-listed word naming a street: "Royal Street"
MAX_TOKENS = 8  # "South Georgia and the South Sandwich Islands": 7


class Token(NamedTuple):
    start: int
    end: int
    text: str
    upper: bool  # starts with an upper-case letter


class Mention(NamedTuple):
    """A recognised name: span, surface text and what it may refer to."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    first: int  # index of its first token in the sentence
    last: int  # index of its last token
    generic: str | None = None  # the place-type word of a generic candidate
    # The place name inside a longer name built on it ("South Florida", "Republic of Armenia",
    # "Manila Cathedral"): filters judge it, and it gives the candidates.
    inner: Mention | None = None
    facility: bool = False  # a building or institution named after the inner place


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` that can belong to or sit next to a name, with absolute
    offsets: capitalised words, initialisms ("U.S."), and the few lowercase words the rules read
    (connectors, region words, speech verbs). Other lowercase words are skipped; the gap between
    two tokens then holds them, so rules that need adjacent words see the break."""
    new = tuple.__new__  # Token(...) without the Python-level constructor call
    return [
        new(Token, (m.start(), m.end(), w, w[0].isupper()))
        for m in _token_pattern().finditer(text, start, end)
        for w in (m.group(),)
    ]


@lru_cache(maxsize=1)
def _token_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\p{L}\p{M}\p{N}])" + _token_body())


@lru_cache(maxsize=1)
def _token_body() -> str:
    """:func:`_token_pattern` without its opening lookbehind."""
    ctx = context_words()
    lower = {
        w for k in ("connector", "suffix", "person_verb") for w in ctx.get(k, ()) if w.islower()
    }
    # The lookahead after the trie admits only a word not followed by a letter, so of two listed
    # words where one is a prefix of the other only the longer can match: the same words as a
    # longest-first alternation, at one character test per failed attempt. The lookahead in
    # front turns away, at one set test, the words no branch can match (most of them), and
    # the two capitalised branches test their capital once: together a fifth faster.
    initials = regex.escape("".join(sorted({w[0] for w in lower})))
    return (
        rf"(?=[\p{{Lu}}{initials}])"
        r"(?:\p{Lu}(?:\.(?:\p{Lu}\.){1,5}+|[\p{L}\p{M}\p{N}]*+(?:['’]\p{L}[\p{L}\p{M}]*+){0,3}+)"
        rf"|{trie(lower)}(?![\p{{L}}\p{{M}}\p{{N}}]))"
    )


@lru_cache(maxsize=1)
def _split_pattern() -> regex.Pattern[str]:
    """:func:`_token_pattern` with the token in a group, for ``split``."""
    return regex.compile(f"({_token_pattern().pattern})")


@lru_cache(maxsize=1)
def _split_after_gap_pattern() -> regex.Pattern[str]:
    """:func:`_split_pattern` with the character before the token matched instead of looked
    behind at (and left in the gap by ``\\K``): the search then starts only at the characters
    that can end a gap, not at most letters, which is a third faster. Run over the text with a
    space before it. It finds the same tokens, except that it misses one right after a token
    that ends in a dot ("N.H.Flag"): see :data:`_DOT_TOKEN_THEN_WORD`."""
    return regex.compile(rf"[^\p{{L}}\p{{M}}\p{{N}}]\K({_token_body()})")


#: A dotted token ("U.S.") with a word character right after it, where
#: :func:`_split_after_gap_pattern` would miss the token after it.
_DOT_TOKEN_THEN_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:\p{Lu}\.){2,6}+[\p{L}\p{M}\p{N}]")


#: The gaps that join two tokens into one name (see :func:`_joinable`; also ". " after some).
_JOINING_GAPS = frozenset({" ", "-"})
#: A character a token can contain: a span ending before one may cut a token.
_TOKEN_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}.'’]")


#: Up to this many tokens a span on average, :meth:`TokenIndex.sentences` passes over the spans
#: with no name at C level; above it (prose) each span is cut on its own.
DENSE_TOKENS = 3


class TokenIndex:
    """The tokens of a whole text, cut once: :meth:`sentence` gives :func:`tokens` of a span.

    The text is cut by ``split`` and the tokens built by C-level iteration over the pieces
    (their offsets are running sums of the pieces' lengths), with no Python code per token. A
    span whose edge may cut a token is cut on its own by :func:`tokens`; at any other span the
    scan of the whole text and that of the span find the same tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        # gap, token, gap, token, ..., gap
        if _DOT_TOKEN_THEN_WORD.search(text) is None:
            parts = _split_after_gap_pattern().split(" " + text)
            parts[0] = parts[0][1:]
        else:
            parts = _split_pattern().split(text)
        ends = list(accumulate(map(len, parts)))
        words = parts[1::2]
        self.starts = ends[0::2]
        self._ends = ends[1::2]
        self._words = words
        self._upper = list(map(str.isupper, map(itemgetter(0), words)))
        # What :func:`_joinable` says of each token after the first, from the gap before it.
        self.joinable = _joins(parts[0 : 2 * len(words) : 2], words)

    @cached_property
    def toks(self) -> list[Token]:
        """The tokens of the whole text, built when first needed (a dense text whose spans
        :meth:`sentences` all passes over never needs them)."""
        fields = zip(self.starts, self._ends, self._words, self._upper)
        return list(map(tuple.__new__, repeat(Token), fields))

    def sentences(
        self, spans: list[tuple[int, int]], gaz: Gazetteer
    ) -> Iterable[tuple[int, int, list[Token], list[bool]]]:
        """``(start, end, *sentence(start, end))`` for the spans of ``spans`` (sentences, in
        text order) where :func:`mentions` may find a name; it finds none in the others.

        A capitalised token opens a name only if it is a gazetteer word on its own
        (:func:`_lone_entry`) or with a dot after it ("Calif."), or is joined to a word that
        may go on with a name (:func:`mentions`): a span with no such token, whose edges touch
        white space or the text's ends (so that :meth:`sentence` gives the whole text's tokens
        in it), finds nothing. The tests run over the whole text's tokens at C level, with one
        look-up per distinct capitalised word, so a span with nothing to find costs no Python
        code (dense text: a sentence a line); when every span's edges touch white space, the
        kept spans' tokens are sliced from the whole text's at C level too.

        The tests cost some 0.1 µs a token (0.3 µs one that opens a name) and save some 2.5 µs
        a span with nothing to find: they pay on short sentences, not in prose of ten tokens
        a sentence, where most sentences hold a name. Spans of more than
        :data:`DENSE_TOKENS` tokens on average take :meth:`sentence` each."""
        text, words, upper, starts = self.text, self._words, self._upper, self.starts
        sa = list(map(itemgetter(0), spans))
        sb = list(map(itemgetter(1), spans))
        if (
            len(words) > DENSE_TOKENS * len(spans)
            or not all(map(le, sa, sb))
            or not all(map(le, sb[:-1], sa[1:]))
        ):
            # Prose, or spans not in text order: each span on its own, as it is read (a list of
            # every span's tokens at once measured 4-10% slower on prose: memory traffic)
            return ((a, b, *self.sentence(a, b)) for a, b in spans)
        capitals = set(compress(words, upper))
        memo = gaz.opens_memo
        unseen = capitals.difference(memo)
        if len(memo) + len(unseen) > _LONE_MEMO_SIZE:
            memo.clear()
            unseen = capitals
        for w in unseen:
            hit = gaz.lone_memo.get(w, _UNSEEN)
            if hit is _UNSEEN:
                hit = _lone_entry(w, gaz)
            memo[w] = hit is not None or bool(gaz.exact.get(w + "."))
        named = set(compress(capitals, map(memo.__getitem__, capitals)))
        ctx = context_words()
        goes_on = capitals | ctx.get("connector", frozenset()) | ctx.get("suffix", frozenset())
        # The indices of the tokens that open a name: gazetteer words, and capitalised words
        # joined to the word after them.
        opens = set(compress(range(len(words)), map(named.__contains__, words)))
        joined = list(
            compress(
                range(len(words) - 1),
                map(and_, self.joinable[1:], map(goes_on.__contains__, words[1:])),
            )
        )
        opens.update(compress(joined, map(upper.__getitem__, joined)))
        # The spans holding them: bisect_right gives a span's index plus one.
        busy = set(map(bisect_right, repeat(sa), map(starts.__getitem__, opens)))
        busy.discard(0)
        # A span whose edge may cut a token: the character before or after it is no space.
        before = "".join(map((" " + text).__getitem__, sa))
        after = "".join(map((text + " ").__getitem__, sb))
        if not (before.isspace() and after.isspace()):
            edges = map(and_, map(str.isspace, before), map(str.isspace, after))
            busy.update(compress(range(1, len(spans) + 1), map(not_, edges)))
            return [(a, b, *self.sentence(a, b)) for a, b in (spans[k - 1] for k in sorted(busy))]
        # What :meth:`sentence` gives when no token runs across an edge.
        chosen = [spans[k - 1] for k in sorted(busy)]
        sa = list(map(itemgetter(0), chosen))
        sb = list(map(itemgetter(1), chosen))
        cuts = list(
            map(slice, map(bisect_left, repeat(starts), sa), map(bisect_left, repeat(starts), sb))
        )
        joins = list(map(self.joinable.__getitem__, cuts))
        for j in joins:
            if j:
                j[0] = False
        return list(zip(sa, sb, map(self.toks.__getitem__, cuts), joins))

    def sentence(self, start: int, end: int) -> tuple[list[Token], list[bool]]:
        """:func:`tokens` of ``text[start:end]``, and :func:`_joinable` of them."""
        text, starts = self.text, self.starts
        lo = bisect_left(starts, start)
        if (lo and self.toks[lo - 1].end > start) or (
            end < len(text) and not text[end].isspace() and _TOKEN_CHAR.match(text, end)
        ):
            toks = tokens(text, start, end)  # a token may run across an edge of the span
            return toks, _joinable(text, toks)
        hi = bisect_left(starts, end, lo, len(self.toks))
        joinable = self.joinable[lo:hi]
        if joinable:
            joinable[0] = False
        return self.toks[lo:hi], joinable


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """Words of ``name_context.tsv`` by kind (title, org, suffix, prefix, person_verb, generic)."""
    out: dict[str, set[str]] = {}
    for row in _res.read_table(f"{DATA}/name_context.tsv"):
        out.setdefault(row["kind"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def trimmed_suffixes() -> frozenset[str]:
    """Lower-case region words ("region", "province", "state") left out of a reported span."""
    return frozenset(w for w in context_words().get("suffix", ()) if w.islower())


def mentions(
    text: str, toks: list[Token], gaz: Gazetteer, joinable: list[bool] | None = None
) -> Iterator[Mention]:
    """Gazetteer and generic name candidates among ``toks`` (one sentence), left to right;
    ``joinable`` is :func:`_joinable` of ``toks`` if the caller has it."""
    ctx = context_words()
    suffixes = ctx.get("suffix", frozenset())
    connectors = ctx.get("connector", frozenset())
    generics = ctx.get("generic", frozenset())
    titles = ctx.get("title", frozenset())
    stop = gaz.stop
    lone = gaz.lone_memo
    new = tuple.__new__
    n = len(toks)
    if joinable is None:
        joinable = _joinable(text, toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.upper:
            i += 1
            continue
        # The run of words that may belong to one name.
        run = i + 1
        while (
            run < n
            and run - i < MAX_TOKENS
            and joinable[run]
            and (toks[run].upper or toks[run].text in connectors or toks[run].text in suffixes)
        ):
            run += 1
        if run == i + 1:
            # A word on its own (most of them): what ``_found`` gives, minus the calls that
            # return at once (no shorter name; ``_opened`` needs a second word, ``_facility``
            # a joined capital). With no dot after it, :func:`_lookup` depends on the word
            # only, so it is memoised per word; on a miss the word is passed over at once, as
            # below (a generic name needs a second word).
            b = tok.end
            if text[b : b + 1] == ".":
                found = _lookup(text, toks, i, run, gaz)
            else:
                hit = lone.get(tok.text, _UNSEEN)
                if hit is _UNSEEN:
                    hit = _lone_entry(tok.text, gaz)
                if hit is None:
                    i += 1
                    continue
                a = tok.start
                found = new(Mention, (a, a + len(hit[0]), hit[0], hit[1], i, i, None, None, False))
        else:
            found = _found(text, toks, i, run, gaz, suffixes, joinable)
        if found is not None:
            # A gazetteer name followed by a place-type word it lacks: "Austin County".
            g = found.last + 1
            if g < n and joinable[g] and toks[g].text == "City" and found.inner is None:
                # "Quebec City", "Birmingham City": the city of that name, not its region.
                towns = tuple(c for c in found.candidates if c.place.feature == "city")
                if towns:
                    a, b = found.start, toks[g].end
                    yield Mention(a, b, text[a:b], towns, i, g)
                    i = g + 1
                    continue
            if g < n and joinable[g] and _bare(toks[g].text) in generics:
                yield _generic(text, toks, i, g)
                i = g + 1
                continue
            g = _us_county_end(text, toks, found, run, gaz)
            if g > found.last:
                # "Miami-Dade County": a US county's name running past the gazetteer name,
                # which it keeps as candidates for the county's point.
                yield _generic(text, toks, i, g)._replace(candidates=found.candidates)
                i = g + 1
                continue
            yield found
            i = found.last + 1
            continue
        # A capitalised run ending in a place-type word: "Royal Street", "Travis County".
        if fold(tok.text) in stop or tok.text in titles:
            g = _known_county(text, toks, i, run, gaz)
            if g > i:
                # "Queen Anne's County": a US county whose name opens with a title.
                yield _generic(text, toks, i, g)
                i = g + 1
                continue
            if (
                run > i + 1
                and _bare(toks[i + 1].text) in generics
                and tok.text not in titles
                and stop_head_ok(toks, i)
            ):
                yield _generic(text, toks, i, i + 1)
                i += 2
                continue
            i += 1
            continue
        for g in range(i + 1, min(run, i + 4)):
            if _bare(toks[g].text) in generics and toks[g - 1].upper:
                # "Editorial Board Cuyahoga County": the county the table knows, if any
                s = next(
                    (s for s in range(i + 1, g) if _known_county(text, toks, s, g + 1, gaz) == g),
                    _after_last_of(toks, i, g, generics),
                )
                yield _generic(text, toks, s, g)
                i = g + 1
                break
        else:
            i += 1


def _after_last_of(toks: Sequence[Token], i: int, g: int, generics: frozenset[str]) -> int:
    """Where a generic name ending at ``toks[g]`` starts in a run from ``i``: after its last
    "of" ("Residents of Grants Town" -> "Grants Town"), unless a place-type word comes before
    that "of" ("Bay of Pigs Beach" is one name)."""
    for t in range(g - 1, i, -1):
        if toks[t].text == "of" and _bare(toks[t - 1].text) not in generics:
            return t + 1
    return i


def stop_head_ok(toks: Sequence[Token], i: int) -> bool:
    """A stop-listed word may name a two-word generic place ("Royal Street", "Third Street",
    "Press Street") when it does not open the sentence (a capital there says nothing) and is
    not a short function word ("The Street", "At Road" in a headline)."""
    return i > 0 and len(toks[i].text) >= MIN_STOP_HEAD and not toks[i].text.isupper()


def _us_county_end(text: str, toks: list[Token], m: Mention, run: int, gaz: Gazetteer) -> int:
    """The index of the "County" (or "Parish", "Borough") word ending a US county's name that
    runs past the gazetteer name ``m`` ("Miami-Dade County" past "Miami"), else -1."""
    if m.inner is not None or run <= m.last + 2:
        return -1
    words = context_words().get("county", frozenset())
    for g in range(m.last + 2, min(run, m.first + 5)):
        if _bare(toks[g].text) in words:
            a, b = toks[m.first].start, toks[g].end - (len(toks[g].text) - len(_bare(toks[g].text)))
            return g if fold(text[a:b]) in gaz.counties else -1
    return -1


def _known_county(text: str, toks: list[Token], i: int, run: int, gaz: Gazetteer) -> int:
    """The index of the "County" (or "Parish", "Borough") word ending a US county's name
    that ``us_counties.tsv`` knows and that opens at ``toks[i]``, within ``run``; else -1."""
    words = context_words().get("county", frozenset())
    for g in range(i + 1, min(run, i + 4)):
        if _bare(toks[g].text) in words:
            a, b = toks[i].start, toks[g].end - (len(toks[g].text) - len(_bare(toks[g].text)))
            return g if fold(text[a:b]) in gaz.counties else -1
    return -1


def _joinable(text: str, toks: list[Token]) -> list[bool]:
    """``joinable[k]``: token k follows token k-1 across a single space or hyphen."""
    if not toks:
        return []
    gaps = ["", *(text[a.end : b.start] for a, b in pairwise(toks))]
    return _joins(gaps, [t.text for t in toks])


def _joins(gaps: list[str], words: list[str]) -> list[bool]:
    """``joins[k]``: the token after ``gaps[k]`` continues a name from ``words[k - 1]``: across
    a single space or hyphen, or after an abbreviated word whose dot does not end the name
    ("St. Louis"). ``gaps[0]``, before the first word, never joins."""
    joins = list(map(_JOINING_GAPS.__contains__, gaps))
    if joins:
        joins[0] = False
    if ". " in gaps:
        dotted = context_words().get("dotted", frozenset())
        for k, gap in enumerate(gaps):
            if gap == ". " and k and words[k - 1] in dotted:
                joins[k] = True
    return joins


def _found(
    text: str,
    toks: list[Token],
    i: int,
    run: int,
    gaz: Gazetteer,
    suffixes: frozenset[str],
    joinable: list[bool],
) -> Mention | None:
    """The name opening at token ``i`` within the run of words ``toks[i:run]``, if any."""
    found = _longest(text, toks, i, run, gaz, suffixes)
    if found is None or found.last == i:
        # "South Florida", "Republic of Armenia", "University of California".
        found = _opened(text, toks, i, run, gaz, suffixes) or found
    if found is not None and found.inner is None:
        found = _facility(text, toks, found, joinable)
    return found


def _longest(
    text: str, toks: list[Token], i: int, run: int, gaz: Gazetteer, suffixes: frozenset[str]
) -> Mention | None:
    """The longest gazetteer name starting at token ``i`` and ending before token ``run``.

    Runs of several words are memoised per gazetteer: the result depends only on the run's
    text, the character after it (a final abbreviation dot) and its number of tokens (which
    fix how it splits into tokens), so it is stored relative to the run's first token."""
    if run == i + 1:
        return _longest_plain(text, toks, i, run, gaz, suffixes)
    a, b = toks[i].start, toks[run - 1].end
    key = (text[a:b], text[b : b + 1], run - i)
    memo = gaz.run_memo
    hit = memo.get(key)
    if hit is None:
        if len(memo) >= _RUN_MEMO_SIZE:
            memo.clear()
        found = _longest_plain(text, toks, i, run, gaz, suffixes)
        hit = memo[key] = () if found is None else (found.end - a, found.last - i, found.candidates)
    if not hit:
        return None
    length, last, cands = hit
    return Mention(a, a + length, text[a : a + length], cands, i, i + last)


_RUN_MEMO_SIZE = 100_000


def _longest_plain(
    text: str, toks: list[Token], i: int, run: int, gaz: Gazetteer, suffixes: frozenset[str]
) -> Mention | None:
    """:func:`_longest` without the memo (the reference the memo must agree with)."""
    found: Mention | None = None
    for j in range(run, i, -1):
        last = toks[j - 1]
        if not last.upper and last.text not in suffixes:
            continue
        found = _lookup(text, toks, i, j, gaz)
        if found is not None:
            break
    if found is not None and _state_team(found, toks):
        # "Mississippi State", "Ohio State": a university or its team; the state is the
        # name without the capitalised word (lower-case "Washington state" is the state).
        found = _lookup(text, toks, i, found.last, gaz) if found.last > i else None
    return found


def _opened(
    text: str, toks: list[Token], i: int, run: int, gaz: Gazetteer, suffixes: frozenset[str]
) -> Mention | None:
    """A place name opened by a word the gazetteer lacks: a compass or similar prefix ("South
    Florida", "West Surrey"), "<of_head> of <place>" ("Republic of Armenia"), or an institution
    "<facility> of <place>" ("University of California")."""
    ctx = context_words()
    word = toks[i].text
    k = i + 1
    if word in ctx.get("prefix", frozenset()):
        facility = False
    elif word in ctx.get("of_head", frozenset()) or word in ctx.get("facility", frozenset()):
        facility = word not in ctx.get("of_head", frozenset())
        if k >= run or toks[k].text != "of":
            return None
        k += 1
        if k < run and toks[k].text == "the":
            k += 1
    else:
        return None
    if k >= run or not toks[k].upper:
        return None
    inner = _longest(text, toks, k, run, gaz, suffixes)
    if inner is None or (not facility and any(c.demonym for c in inner.candidates)):
        return None
    if inner.first == inner.last and fold(toks[k].text) in gaz.stop:
        return None  # "South Side": a stop-listed word ("side") names no place after a prefix
    a = toks[i].start
    return Mention(
        a, inner.end, text[a : inner.end], inner.candidates, i, inner.last, None, inner, facility
    )


def _facility(text: str, toks: list[Token], m: Mention, joinable: list[bool]) -> Mention:
    """``m`` extended over the capitalised words after it up to a building or institution word,
    when there is one within three words: "Manila Cathedral", "Colorado State University"."""
    heads = context_words().get("facility", frozenset())
    n = len(toks)
    if m.end != toks[m.last].end:
        return m  # "Toronto's Pearson Airport": a possessive ends the place's name
    for k in range(m.last + 1, min(n, m.last + 4)):
        if not (joinable[k] and toks[k].upper):
            break
        if toks[k].text in heads:
            a, b = m.start, toks[k].end
            return Mention(a, b, text[a:b], m.candidates, m.first, k, None, m, True)
    return m


def _state_team(m: Mention, toks: list[Token]) -> bool:
    """A US state's name with a capitalised "State" after it."""
    return (
        m.last > m.first
        and _bare(toks[m.last].text) == "State"
        and all(c.place.country_code == "US" and c.suffixed for c in m.candidates)
    )


def _bare(word: str) -> str:
    """``word`` without a trailing possessive ("County’s" -> "County")."""
    return word[:-2] if word.endswith(_POSSESSIVE) and len(word) > 3 else word


def _generic(text: str, toks: list[Token], i: int, g: int) -> Mention:
    """``toks[i..g]`` as a generic name; a possessive on its last word is not part of it."""
    a, b = toks[i].start, toks[g].end
    word = _bare(toks[g].text)
    b -= len(toks[g].text) - len(word)
    return Mention(a, b, text[a:b], (), i, g, generic=word)


#: A word :func:`_lone_entry` has not seen yet.
_UNSEEN = ("", ())
_LONE_MEMO_SIZE = 100_000


def _lone_entry(word: str, gaz: Gazetteer) -> tuple[str, tuple[Candidate, ...]] | None:
    """:func:`_named` of ``word``, a lone token with no dot after it (what :func:`_lookup`
    finds for it), memoised in ``gaz.lone_memo``."""
    memo = gaz.lone_memo
    if len(memo) >= _LONE_MEMO_SIZE:
        memo.clear()
    hit = memo[word] = _named(word, gaz)
    return hit


def _named(surface: str, gaz: Gazetteer) -> tuple[str, tuple[Candidate, ...]] | None:
    """The gazetteer name ``surface`` holds (itself, or itself without a possessive) and its
    candidates, or None."""
    cands = gaz.candidates(surface)
    if cands:
        return surface, cands
    if surface.endswith(_POSSESSIVE) and len(surface) > 3:
        cands = gaz.candidates(surface[:-2])
        if cands:
            return surface[:-2], cands
    return None


def _lookup(text: str, toks: list[Token], i: int, j: int, gaz: Gazetteer) -> Mention | None:
    a, b = toks[i].start, toks[j - 1].end
    surface = text[a:b]
    # "Calif." / "N.Y.": an abbreviation with its final dot.
    if b < len(text) and text[b] == ".":
        hit = gaz.exact.get(surface + ".")
        if hit:
            return Mention(a, b + 1, surface + ".", tuple(hit), i, j - 1)
    found = _named(surface, gaz)
    if found is None:
        return None
    name, cands = found
    return Mention(a, a + len(name), name, cands, i, j - 1)
