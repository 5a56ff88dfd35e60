"""Filters: which recognised names are not places here.

* common words: a one-word name on the stop list ("March", "Police", "But"), or one the article
  also uses in lower case ("turkey", "reading"), unless it names a country or region;
* person names: a place word right after a title ("Secretary Austin") or after another
  capitalised name word ("Lloyd Austin"); a word that is such a surname anywhere in the article
  is not a place elsewhere in it either ("Austin said"); a place word right before a surname
  ("Paris Hilton"); anything inside a person mention from the quotes layer;
* a small town's name opening a sentence, which is more often an ordinary capitalised word;
* given names (``first_names.txt``): a place word that is a common given name followed by a
  surname ("Vladimir Putin"), or a small town's name that is a given name on its own ("Sam");
  a town's name right after a given name is a surname ("Lloyd Austin");
* buildings and institutions (``building`` words of ``name_context.tsv``): a small town's
  name that ends in one ("White House") is the building, and the word alone ("Cathedral") is
  not a place.

Places inside organisation names ("Washington Post", "Kyiv Independent") are kept: news
geoparsing gold standards count them, and users can tell them apart by the following word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from ... import resources as _res
from ...model import Fact, Person
from .gazetteer import DATA, Candidate, Gazetteer, fold
from .recognize import Mention, Token, context_words, stop_head_ok

__all__ = ["DocNames", "keep"]

_LETTER = regex.compile(r"\p{L}")
#: A whole lower-case word (what "the article uses this word in lower case" looks for).
_LOWER_WORD_SHAPE = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}.])\p{Ll}[\p{Ll}\p{M}]*+")
_BEFORE_WORD = regex.compile(r"[\p{L}\p{N}.]")
_MARK = regex.compile(r"\p{M}")
_AFTER_WORD = regex.compile(r"[\p{Ll}\p{M}]")

_POSS = ("'s", "’s")

#: After this many words asked about, :meth:`DocNames.in_lower_case` scans the article once
#: for all its lower-case words (a scan costs some 40 searches for one word).
_SEARCHES_BEFORE_SCAN = 32

#: A small town (population below this) opening a sentence is not taken on its own.
SMALL_TOWN = 100_000
#: A town's name ending in a building word is the building below this population.
BUILDING_TOWN = 1_000_000


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names, folded (``first_names.txt``)."""
    return frozenset(fold(w) for w in _res.word_set(f"{DATA}/first_names.txt"))


class DocNames:
    """What the whole article says about names: lower-case words, surnames, person spans."""

    def __init__(self, text: str, people: Sequence[Fact]) -> None:
        self._text = text
        self._lower: dict[str, bool] = {}
        #: The article's whole lower-case words, once :meth:`in_lower_case` has been asked
        #: about so many words that one scan of the article is cheaper than more searches.
        self._lower_words: frozenset[str] | None = None
        self.surnames: set[str] = set()
        self.person_spans: list[tuple[int, int]] = []
        # Sorted span starts and, for each, the furthest end of any span starting at or before
        # it: a span contains [start, end) iff the reach at start is >= end.
        self._starts: list[int] = []
        self._reach: list[int] | None = None
        for p in people:
            if not isinstance(p, Person):
                continue
            words = p.name.split()
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                self.person_spans.append((p.start, p.end))
                self.surnames.update(fold(w) for w in words[1:])

    def in_person(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a person mention (bisect, not a scan)."""
        if self._reach is None:
            spans = sorted(self.person_spans)
            self._starts = [a for a, _ in spans]
            reach, far = [], -1
            for _, b in spans:
                far = max(far, b)
                reach.append(far)
            self._reach = reach
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def in_lower_case(self, word: str) -> bool:
        """True when the article has ``word`` as a whole lower-case word: a run of lower-case
        letters (and marks) not preceded by a letter, digit or dot ("turkey", "reading")."""
        hit = self._lower.get(word)
        if hit is None:
            if self._lower_words is None and len(self._lower) >= _SEARCHES_BEFORE_SCAN:
                self._lower_words = frozenset(_LOWER_WORD.findall(self._text))
            if self._lower_words is not None:
                hit = word in self._lower_words
            else:
                hit = self._find_lower(word)
            self._lower[word] = hit
        return hit

    def _find_lower(self, word: str) -> bool:
        """``word in self._lower_words``, found by searching for ``word``."""
        if not _LOWER_WORD_SHAPE.fullmatch(word):
            return False
        text, n = self._text, len(word)
        i = text.find(word)
        while i >= 0:
            if i > 0 and _MARK.match(text, i - 1):
                # After a mark the word may sit inside a longer run: scan the whole article.
                self._lower_words = frozenset(_LOWER_WORD.findall(text))
                return word in self._lower_words
            if (i == 0 or not _BEFORE_WORD.match(text, i - 1)) and not _AFTER_WORD.match(
                text, i + n
            ):
                return True
            i = text.find(word, i + 1)
        return False


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Place-type, organisation, title and building words: never part of a personal name."""
    ctx = context_words()
    kinds = ("prefix", "org", "generic", "title", "suffix", "building", "facility", "of_head")
    return frozenset(w for kind in kinds for w in ctx.get(kind, frozenset()))


def _is_name_word(tok: Token, gaz: Gazetteer, stop: frozenset[str]) -> bool:
    """A capitalised word that looks like part of a personal name: not a stop word, not a
    place-type or organisation word, not a possessive, and at most a small town's name."""
    if not tok.upper:
        return False
    memo = gaz.name_word_memo if stop is gaz.stop else {}
    hit = memo.get(tok.text)
    if hit is None:
        if len(memo) >= 100_000:
            memo.clear()
        hit = memo[tok.text] = _name_word(tok.text, gaz, stop)
    return hit


def _name_word(word: str, gaz: Gazetteer, stop: frozenset[str]) -> bool:
    if word.isupper() or len(word) < 2 or word.endswith(_POSS):
        return False
    if fold(word) in stop or word in _not_name_words():
        return False
    return _town_only(gaz.candidates(word), SMALL_TOWN)


def _town_only(cands: Sequence[Candidate], limit: int | None = None) -> bool:
    """True when every reading is a city (below ``limit`` people, if given) or a first-level
    region of fewer than ``SMALL_TOWN`` people ("Nelson"), none a demonym."""
    return all(
        (
            c.place.feature == "city"
            or (c.place.feature == "admin1" and 0 < c.place.population < SMALL_TOWN)
        )
        and not c.demonym
        and (limit is None or c.place.population < limit)
        for c in cands
    )


def person_clues(
    text: str,
    toks: Sequence[Token],
    found: Sequence[Mention],
    gaz: Gazetteer,
    names: DocNames,
    covered: frozenset[int] | None = None,
) -> None:
    """Record surnames this sentence reveals: "Title X", "Firstname X", "X said".

    ``covered`` is :func:`covered_tokens` of ``found`` when the caller has it already."""
    ctx = context_words()
    titles = ctx.get("title", frozenset())
    verbs = ctx.get("person_verb", frozenset())
    institutions = _institution_words()
    if covered is None:
        covered = covered_tokens(found)
    # tokens that end a name of several words ("San Diego"), once per sentence
    name_ends = {n.last for n in found if n.first < n.last}
    for m in found:
        if m.generic is not None or m.first != m.last:
            continue
        if m.text in institutions:
            # An institution word is no surname ("Police said"); as one it would hide the
            # place before it ("St. Louis Police").
            continue
        i = m.first
        if i > 0 and text[toks[i - 1].end : toks[i].start] == " ":
            prev = toks[i - 1]
            if prev.text in titles or prev.text.rstrip(".") + "." in titles:
                names.surnames.add(fold(m.text))
                continue
            # After any name-like word only a small town's name becomes a surname for the
            # whole article; after a known given name, any town's ("Lloyd Austin"), unless
            # that name ends a longer place name ("St. Louis Police": not a surname).
            if (
                _after_first_name(prev) and _town_only(m.candidates) and i - 1 not in name_ends
            ) or (
                _town_only(m.candidates, SMALL_TOWN)
                and _is_name_word(prev, gaz, gaz.stop)
                and (i - 1 > 0 or _opening_name(prev, names))
                and not _starts_name(covered, i - 1)
            ):
                names.surnames.add(fold(m.text))
        # "Hilton said": a small town's name before a speech verb is a surname.
        j = m.last + 1
        if (
            j < len(toks)
            and toks[j].text in verbs
            and text[toks[j - 1].end : toks[j].start] == " "
            and _town_only(m.candidates, SMALL_TOWN)
        ):
            names.surnames.add(fold(m.text))
        # "Paris Hilton said": the word after a place, followed by a speech verb.
        j = m.last + 1
        if (
            j + 1 < len(toks)
            and text[toks[j - 1].end : toks[j].start] == " "
            and toks[j + 1].text in verbs
            and _is_name_word(toks[j], gaz, gaz.stop)
        ):
            names.surnames.add(fold(toks[j].text))


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """The ``org`` and ``building`` words of ``name_context.tsv`` ("Police", "Council")."""
    ctx = context_words()
    return ctx.get("org", frozenset()) | ctx.get("building", frozenset())


def _opening_name(tok: Token, names: DocNames) -> bool:
    """A sentence's first word counts as a given name before a small town's name only when the
    article never writes it in lower case: "Stephon Clark" opens with a name; a common word
    ("Although") usually recurs in lower case, and a large city after it is kept anyway."""
    return not names.in_lower_case(tok.text.lower())


def _after_first_name(prev: Token) -> bool:
    """``prev`` is a capitalised given name ("Lloyd"), so the word after it is a surname."""
    return prev.upper and not prev.text.isupper() and fold(prev.text) in first_names()


def _given_name_first(
    m: Mention, toks: Sequence[Token], text: str, found: frozenset[int], gaz: Gazetteer
) -> bool:
    """A one-word town name that is a given name, read as a person: before a surname
    ("Vladimir Putin"), or on its own when the town is small or the name is only a GeoNames
    alternate name ("Sam" for Damascus)."""
    if fold(m.text) not in first_names() or m.text.isupper():
        return False
    j = m.last + 1
    if (
        j < len(toks)
        and text[toks[j - 1].end : toks[j].start] == " "
        and toks[j].upper
        and not _starts_name(found, j)
        and _is_name_word(toks[j], gaz, gaz.stop)
    ):
        return True
    # Alone: a small town's name, or only another name of a city ("Sam" for Damascus).
    return _minor(m.candidates, SMALL_TOWN)


#: The population from which a multi-word GeoNames alternate name counts alone.
ALTERNATE_NAME_CITY = 100_000


def _building(m: Mention, toks: Sequence[Token], one_word: bool) -> bool:
    """ "White House": a town's name ending in a building word is the building; "Cathedral"
    alone is a word, not a place."""
    if toks[m.last].text not in context_words().get("building", frozenset()):
        return False
    return one_word or _minor(m.candidates, BUILDING_TOWN)


MIN_SPELLING = 5  # letters of an alternate name read as a respelling of the city's own name


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k + (len(a) == len(b)) :] == b[k + 1 :]


def _own_spelling(key: str, cands: Sequence[Candidate]) -> bool:
    """An alternate name that is only another spelling of a large city's own name, one letter
    apart once accents are folded ("Misrata" for Misratah, "Douma" for Dūmā), or that name
    without its "City" ("Paranaque" for Paranaque City), is as good as the name itself; other
    alternate names ("Sam" for Damascus) stay too weak alone."""
    if len(key) < MIN_SPELLING:
        return False
    for c in cands:
        if c.place.feature != "city" or c.demonym or c.place.population < ALTERNATE_NAME_CITY:
            continue
        own = fold(c.place.name)
        if own == key + " city" or _one_edit(key, own):
            return True
    return False


def _minor(cands: Sequence[Candidate], limit: int) -> bool:
    """True when every reading is a city that is either below ``limit`` people or named so
    only by a GeoNames alternate name ("White House" for Casablanca)."""
    return all(
        c.place.feature == "city"
        and not c.demonym
        and (not c.primary or c.place.population < limit)
        for c in cands
    )


def _qualified(m: Mention, toks: Sequence[Token], text: str, sentence: Sequence[Mention]) -> bool:
    """``m`` is followed by a comma and a name with a first-level region or country reading
    ("Helena, Mont.", "Allendale, N.J.", "Hope, Texas")."""
    j = m.last + 1
    if j >= len(toks) or text[m.end : toks[j].start] != ", ":
        return False
    return any(
        n.first == j
        and n.generic is None
        and any(c.place.feature in ("admin1", "country") and not c.demonym for c in n.candidates)
        for n in sentence
    )


def covered_tokens(found: Iterable[Mention]) -> frozenset[int]:
    """Indexes of the sentence's tokens that belong to a recognised name."""
    return frozenset(k for m in found for k in range(m.first, m.last + 1))


def _starts_name(covered: frozenset[int], tok_index: int) -> bool:
    return tok_index in covered


#: :func:`_summary` by the id of a candidates tuple, with the tuple (which pins the id).
_SUMMARY: dict[int, tuple[tuple[Candidate, ...], tuple[bool, int, bool]]] = {}


def _summary(cands: tuple[Candidate, ...]) -> tuple[bool, int, bool]:
    """What :func:`keep` reads of a name's readings, memoised (most tuples are the
    gazetteer's own, shared by every mention of a name): whether one is a country, region,
    continent, feature or demonym; the largest population; whether one is a primary name."""
    hit = _SUMMARY.get(id(cands))
    if hit is not None and hit[0] is cands:
        return hit[1]
    if len(_SUMMARY) >= 100_000:
        _SUMMARY.clear()
    out = (
        any(
            c.demonym or c.place.feature in ("country", "region", "continent", "feature")
            for c in cands
        ),
        max((c.place.population for c in cands), default=0),
        any(c.primary for c in cands),
    )
    _SUMMARY[id(cands)] = (cands, out)
    return out


def keep(
    m: Mention,
    toks: Sequence[Token],
    text: str,
    found: frozenset[int],
    gaz: Gazetteer,
    names: DocNames,
    sentence_start: int = 0,
    sentence: Sequence[Mention] = (),
) -> bool:
    """True when mention ``m`` of one sentence should be kept as a place.

    ``found`` holds the indexes of the sentence's tokens inside recognised names;
    ``sentence`` the sentence's names (for a qualifier after ``m``).
    """
    if m.inner is not None:
        # A longer name built on a place: kept when the place itself would be.
        return keep(m.inner, toks, text, found, gaz, names, sentence_start, sentence)
    if names.in_person(m.start, m.end) and not any(c.demonym for c in m.candidates):
        return False
    if m.generic is not None:
        # The name part of "X Street" must itself look like a name.
        head = fold(toks[m.first].text)
        return head not in gaz.stop or m.last - m.first > 1 or stop_head_ok(toks, m.first)
    exact = gaz.has_exact(m.text)
    key = fold(m.text)
    one_word = m.first == m.last
    big, top, primary = _summary(m.candidates)
    if one_word and not exact:
        # An unknown all-caps acronym ("NIS", "NATO") is not a town; "KYIV" in a dateline is.
        if m.text.isupper() and len(m.text) <= 4 and not big and top < 1_000_000:
            return False
        if key in gaz.stop:
            return False
        if key in names.surnames:
            return False
    if not one_word and not exact and key in gaz.stop:
        return False  # a multi-word name that is mostly something else ("El Niño")
    if not big and _building(m, toks, one_word):
        return False
    if one_word and not big and not exact and _given_name_first(m, toks, text, found, gaz):
        return False
    ctx = context_words()
    i = m.first
    # Right after a title or a first name: part of a person's name.
    if i > 0 and text[toks[i - 1].end : toks[i].start] == " ":
        prev = toks[i - 1]
        titles = ctx.get("title", frozenset())
        if prev.text in titles and not big:
            return False
        if (
            one_word
            and _town_only(m.candidates)
            and (
                _after_first_name(prev)
                or (
                    _is_name_word(prev, gaz, gaz.stop)
                    and (
                        i - 1 > 0
                        or (_opening_name(prev, names) and _town_only(m.candidates, SMALL_TOWN))
                    )
                    and not _starts_name(found, i - 1)
                )
            )
        ):
            return False
    # Right before a surname: "Paris Hilton".
    j = m.last + 1
    if j < len(toks) and text[toks[j - 1].end : toks[j].start] == " ":
        nxt = toks[j]
        if nxt.upper and fold(nxt.text) in names.surnames:
            return False
        # "Kim Jong Un": a small place's name before another name word.
        if (
            nxt.upper
            and not _starts_name(found, j)
            and one_word
            and not big
            and nxt.text not in ctx.get("org", frozenset())
            and _is_name_word(nxt, gaz, gaz.stop)
            and top < SMALL_TOWN
        ):
            return False
    # A small town's name opening a sentence ("Hope", "Mission") needs more evidence; a
    # region or country after a comma is such evidence (a dateline: "Helena, Mont. -").
    opens = i == 0 and not _LETTER.search(text, sentence_start, m.start)
    if (
        one_word
        and opens
        and not exact
        and not big
        and top < SMALL_TOWN
        and all(c.place.feature == "city" for c in m.candidates)
        and not _qualified(m, toks, text, sentence)
    ):
        return False
    # Only GeoNames alternate names, of a small place: too weak on their own.
    # A longer alternate name of a large city ("Quebec City") is specific enough.
    if not (
        primary
        or top >= 1_000_000
        or (not one_word and top >= ALTERNATE_NAME_CITY)
        or _own_spelling(key, m.candidates)
    ):
        return False
    # A word the article also writes in lower case ("turkey", "reading"): tested last, as it
    # searches the whole article.
    return not (one_word and not exact and not big and names.in_lower_case(key))
