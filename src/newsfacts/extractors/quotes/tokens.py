"""Word tokens of an article and noun-phrase scanning around cue verbs.

The text is tokenised once per article (words and single punctuation characters, with
offsets); every later step works on token indexes, so each look-around is bounded and the
whole extractor stays linear in the text length.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, compress

import attrs
import regex

from ...resources import word_set
from .lexicon import Lexicon

__all__ = ["NounPhrase", "Tokens", "described_np", "np_after", "np_before", "skip_lead"]

# A word: letters/digits with inner apostrophes, dots or hyphens ("Sun-won", "U.S", "Korea’s"),
# optionally a final dot; ``''`` (a double quote mark) is one token; anything else that is not
# space is a one-character token.
_TOKEN = regex.compile(
    r"[\p{L}\p{N}\p{M}]++(?:[.'’\-][\p{L}\p{N}\p{M}]++|,(?=\d{3}(?!\d))\d{3})*+\.?|''|\S",
    regex.V1,
)
_TOKEN_SPLIT = regex.compile("(" + _TOKEN.pattern + ")", regex.V1)
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})
CONNECTORS = frozenset({"of", "for", "and", "at", "on", "in", "de", "von", "van", "al", "bin"})
# Connectors that may join words inside a speaker phrase ("Ministry of Foreign Affairs").
_INNER = frozenset({"of", "for", "and", "de", "von", "van", "al", "bin", "&"})
# Name particles that start a name when capitalised ("Van Morrison", "De Gaulle", "Al Gore").
_PARTICLES = frozenset({"de", "von", "van", "al", "bin"})
MAX_NP = 10
#: tokens from which :class:`Tokens` shares one lower-case string among equal words (below
#: it, building the table costs more than it saves)
_SHARED_LOWER_MIN = 20_000
_RELATIVE = frozenset({"who", "whose", "which", "that"})


class Tokens:
    """Tokens of one text: parallel lists of starts, ends, surface strings and lower case."""

    __slots__ = (
        "_leads",
        "_plain",
        "_watched",
        "cues",
        "ends",
        "lower",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # ``split`` with a capturing group alternates gaps and tokens; the running sum of
        # their lengths gives every offset without a Python-level loop over the matches.
        parts = _TOKEN_SPLIT.split(text)
        abbrev = word_set("abbreviations.txt")
        split = [
            i
            for i, w in enumerate(parts[1::2])
            if w[-1] == "." and len(w) > 1 and not _keeps_dot(w, abbrev)
        ]
        if split:
            # "said." -> "said" + an empty gap + ".", rebuilt slice by slice (linear) before
            # the offsets are summed, so one list is rebuilt instead of three
            rebuilt: list[str] = []
            prev = 0
            for i in split:
                p = 2 * i + 1  # the token's place among the parts
                rebuilt += parts[prev:p]
                rebuilt += (parts[p][:-1], "", ".")
                prev = p + 1
            parts = rebuilt + parts[prev:]
        offsets = list(accumulate(map(len, parts)))
        words: list[str] = parts[1::2]
        starts: list[int] = offsets[0:-1:2]
        ends: list[int] = offsets[1::2]
        self.starts = starts
        self.ends = ends
        self.words = words
        if len(words) < _SHARED_LOWER_MIN:
            self.lower = list(map(str.lower, words))
        else:
            # A long text repeats its words: one lower-case string per distinct word, shared
            # by all its tokens, is built and hashed once (CPython caches a string's hash)
            # for all the set look-ups on ``lower``.
            distinct = dict.fromkeys(words)
            folded = dict(zip(distinct, map(str.lower, distinct)))
            self.lower = list(map(folded.__getitem__, words))
        #: token index -> length of the attribution cue starting there (filled on first use)
        self.cues: dict[int, int] | None = None
        self._plain: frozenset[str] | None = None
        #: (sentence start, common, lexicon id) -> :func:`skip_lead` (filled on use)
        self._leads: dict[tuple[int, bool, int], int] = {}
        self._watched: tuple[int, list[int]] | None = None  # (lexicon id, indexes)

    def __len__(self) -> int:
        return len(self.words)

    def plain_words(self) -> frozenset[str]:
        """Every word that stands in lower case somewhere in the text (built on first use)."""
        if self._plain is None:
            # a lower-case word is its own lower case, whose hash ``watched`` has computed
            self._plain = frozenset(compress(self.lower, map(str.islower, self.words)))
        return self._plain

    def watched(self, lex: Lexicon) -> list[int]:
        """Indexes of the tokens whose lower case is in ``lex.watched``, in order: one pass
        over the article serves every scan for lexicon words (built on first use).
        """
        if self._watched is None or self._watched[0] != id(lex):
            watched = lex.watched
            self._watched = (id(lex), [i for i, w in enumerate(self.lower) if w in watched])
        return self._watched[1]

    def common_word(self, i: int) -> bool:
        """The capitalised word at ``i`` is an ordinary word written with a capital (it opens a
        sentence): the article uses it in lower case elsewhere, or it is an ``-ly`` adverb or
        an ``-ing`` form ("Hastily", "Holding", "Maybe" when "maybe" occurs too).
        """
        w = self.words[i]
        if not w[:1].isupper() or w.isupper():
            return False
        lw = self.lower[i]
        return lw in self.plain_words() or (len(lw) > 4 and lw.endswith(("ly", "ing")))


def _keeps_dot(word: str, abbrev: frozenset[str]) -> bool:
    core = word[:-1]
    if "." in core:  # U.S. / U.N.
        return True
    if len(core) == 1 and core.isupper():  # an initial: "J."
        return True
    return word.lower() in abbrev


def is_cap(word: str) -> bool:
    """True for a capitalised word or acronym ("Austin", "NIS", "U.S.")."""
    return word[:1].isupper()


@attrs.define  # not frozen: a frozen attrs class is three times slower to build
class NounPhrase:
    """A speaker phrase: token range, its name part and role part (token ranges too)."""

    first: int  # first token (after any determiner)
    last: int  # last token, inclusive
    det: int | None  # index of a determiner before ``first``
    kind: str  # "person", "group", "pronoun", "statement", "unknown"
    name_first: int
    name_last: int
    role_first: int | None = None
    role_last: int | None = None


def _acceptable(lex: Lexicon, w: str, lw: str) -> bool:
    if is_cap(w):
        return lw not in lex.not_names or lw in lex.roles
    return lw in lex.roles or lw in lex.organisations or lw in lex.statements


def _name_run(tok: Tokens, lex: Lexicon, begin: int, step: int, lo: int, hi: int) -> int:
    """Walk from ``begin`` by ``step`` (-1 or 1) over the words a speaker phrase may hold,
    within ``[lo, hi)``; return where the walk stopped. A connector ("of", "and") is taken
    when it is not the first word walked and the word after it in the walk is acceptable."""
    words, lower = tok.words, tok.lower
    roles, not_names, organisations = lex.roles, lex.not_names, lex.organisations
    i = begin
    while lo <= i < hi:
        lw = lower[i]
        if words[i][:1].isupper():  # _acceptable, spelled out: it runs for every word
            ok = lw not in not_names or lw in roles
        else:
            ok = lw in roles or lw in organisations or lw in lex.statements
        if not ok:
            n = i + step
            # "spokesman for the campaign", "Ministry of the Interior": a connector and the
            # "the" after it are walked over together, in either direction
            if i != begin and lo <= n + step < hi:
                connector, article = (lower[n], lw) if step < 0 else (lw, lower[n])
            else:
                connector = article = ""
            if article == "the" and connector in _INNER:
                if _acceptable(lex, words[n + step], lower[n + step]):
                    i = n + step
                    continue
                break
            if not (
                lw in _INNER
                and i != begin
                and lo <= n < hi
                and _acceptable(lex, words[n], lower[n])
            ):
                break
        i += step
    return i


def classify(tok: Tokens, lex: Lexicon, first: int, last: int, det: int | None) -> NounPhrase:
    """Split a phrase into role and name and say what kind of speaker it is."""
    words = tok.words
    lower = tok.lower
    if first == last and lower[first] in lex.pronouns:
        return NounPhrase(first, last, det, "pronoun", first, last)
    if lower[last] in lex.statements:
        return NounPhrase(first, last, det, "statement", first, last)
    # The last role word; the name is the run of capitalised non-role words after it.
    roles = lex.roles
    r = None
    for i in range(first, last + 1):
        lw = lower[i]
        if lw in roles or (lw[-1:] == "." and lw.rstrip(".") in roles):
            r = i
    start = first if r is None else r + 1
    # no word after ``r`` is a role: the name part is every word from ``start`` when each
    # one is capitalised, no organisation and no possessive
    name_ok = start <= last
    if name_ok:
        organisations = lex.organisations
        for i in range(start, last + 1):
            lw = lower[i]
            if not words[i][:1].isupper() or lw in organisations or lw.endswith(("'s", "’s")):
                name_ok = False
                break
    if name_ok:
        n = last - start + 1
        single = n == 1
        acronym = single and words[start].isupper() and len(words[start]) > 1
        placeish = not lex.not_person.isdisjoint(lower[start : last + 1])
        kind = "group" if acronym or placeish else ("unknown" if single and r is None else "person")
        if r is None:
            return NounPhrase(first, last, det, kind, start, last)
        return NounPhrase(first, last, det, kind, start, last, first, r)
    return NounPhrase(first, last, det, "group", first, last)


def np_before(
    tok: Tokens, lex: Lexicon, end: int, floor: int, allow_appositive: bool = True
) -> NounPhrase | None:
    """The speaker phrase whose last token is ``end`` (scanning back no further than ``floor``)."""
    if end < floor:
        return None
    lower = tok.lower
    words = tok.words
    if allow_appositive and words[end] == ",":
        return _appositive_before(tok, lex, end, floor)
    if lower[end] in lex.pronouns:
        return classify(tok, lex, end, end, None)
    lo = max(floor, end - MAX_NP)
    j = _name_run(tok, lex, end, -1, lo, end + 1)
    first = j + 1
    # A leading connector is not part of the name, but a capitalised particle is ("Van Morrison").
    while (
        first <= end
        and lower[first] in _INNER
        and (words[first].islower() or lower[first] not in _PARTICLES)
    ):
        first += 1
    if first > end:
        return None
    det = j if j >= floor and lower[j] in DETERMINERS else None
    last_w = lower[end]
    if last_w.endswith(("'s", "’s")):
        return None
    if det is None and first == end and last_w in lex.roles and words[end].islower():
        # "the minority leader", "a longtime aide": plain modifiers between a determiner
        # and a role word belong to the phrase
        k = j
        while (
            k >= floor
            and j - k < _MODIFIERS_MAX
            and (
                _modifier(lex, words[k], lower[k])
                or (is_cap(words[k]) and k > floor and lower[k] not in lex.not_names)
            )
        ):
            k -= 1
        if k < j and k >= floor and lower[k] in DETERMINERS:
            first, det = k + 1, k
    if not (
        is_cap(words[end])
        or last_w in lex.roles
        or last_w in lex.organisations
        or last_w in lex.statements
    ):
        return None
    # A lone lower-case role word needs a determiner or a plural ("officials said").
    if (
        det is None
        and not any(is_cap(words[i]) for i in range(first, end + 1))
        and not (last_w.endswith("s") and (last_w in lex.organisations or last_w in lex.roles))
    ):
        return None
    return classify(tok, lex, first, end, det)


#: words between a determiner and a role word ("the Senate minority leader")
_MODIFIERS_MAX = 3


def _modifier(lex: Lexicon, w: str, lw: str) -> bool:
    """A lower-case word that may modify a role word: no determiner, pronoun, cue or verb
    (nor an ``-ed`` word: "the senator emailed supporters" has no "senator emailed" phrase)."""
    return (
        w.isalpha()
        and w.islower()
        and lw not in DETERMINERS
        and lw not in lex.pronouns
        and lw not in lex.cue_forms
        and lw not in lex.skip
        and lw not in lex.be_forms
        and lw not in lex.aux_verbs
        and not lw.endswith(("ing", "ed"))  # a verb: "emailed supporters"
    )


def _appositive_before(tok: Tokens, lex: Lexicon, comma: int, floor: int) -> NounPhrase | None:
    """``Name, role phrase, said``: the name before the appositive, with the role."""
    words = tok.words
    lo = max(floor, comma - 16)
    k = comma - 1
    while k >= lo and words[k] not in (",", ".", "“", "”", '"', ";", ":"):
        k -= 1
    if k < lo or words[k] != ",":
        return None
    head = np_before(tok, lex, k - 1, floor, allow_appositive=False)
    role_first, role_last = k + 1, comma - 1
    if head is None and k - 1 >= floor and tok.words[k - 1].islower():
        # "Another delegate on the slate, Jim Poole, said": a description, then the name
        return _name_after_description(tok, lex, role_first, role_last)
    if head is None or head.kind in ("pronoun", "statement"):
        return None
    if role_first > role_last:
        return None
    # "speaking in Rome" / "who ..." are not roles, but the name still speaks.
    lw = tok.lower[role_first]
    if lw.endswith("ing") or lw in ("who", "whose"):
        return head
    # "the head of military intelligence, Kyrylo Budanov, announced"
    if head.kind == "group" and all(is_cap(tok.words[i]) for i in range(role_first, role_last + 1)):
        name = classify(tok, lex, role_first, role_last, None)
        if name.kind in ("person", "unknown"):
            return NounPhrase(
                head.first,
                role_last,
                head.det,
                "person",
                role_first,
                role_last,
                head.first,
                head.last,
            )
    if not (lw in lex.roles or lw in ("a", "an", "the") or is_cap(tok.words[role_first])):
        return None
    if clause_like(tok, lex, role_first, role_last):
        return None  # "Here in Columbia, Sanders stepped up his push, saying": no appositive
    return attrs.evolve(
        head,
        role_first=role_first,
        role_last=role_last,
        kind="person" if head.kind == "unknown" else head.kind,
    )


def _name_after_description(tok: Tokens, lex: Lexicon, first: int, last: int) -> NounPhrase | None:
    """The name set off by commas after a description (``Another delegate on the slate,
    Jim Poole, said``): two or more capitalised words that read as a person's name.
    """
    if last - first < 1 or last - first >= MAX_NP:
        return None
    if not all(is_cap(tok.words[i]) for i in range(first, last + 1)):
        return None
    np = classify(tok, lex, first, last, None)
    return np if np.kind == "person" and np.role_first is None else None


def clause_like(tok: Tokens, lex: Lexicon, first: int, last: int) -> bool:
    """Tokens ``first..last`` read as a clause, not a role: a name then a verb-shaped word."""
    if not is_cap(tok.words[first]):
        return False
    for i in range(first + 1, last + 1):
        w, lw = tok.words[i], tok.lower[i]
        if (
            w.islower()
            and lw not in lex.roles
            and (
                lw in lex.cue_forms
                or lw in lex.irregular_verbs
                or (len(lw) > 4 and lw.endswith("ed"))
            )
        ):
            return True
    return False


def np_after(
    tok: Tokens, lex: Lexicon, start: int, ceiling: int, appositive: bool = True
) -> NounPhrase | None:
    """The speaker phrase starting at token ``start`` (ending before ``ceiling``)."""
    if start >= ceiling:
        return None
    lower = tok.lower
    words = tok.words
    if lower[start] in lex.pronouns:
        return classify(tok, lex, start, start, None)
    det = None
    i = start
    if lower[i] in DETERMINERS:
        det = i
        i += 1
    first = i
    hi = min(ceiling, first + MAX_NP)
    i = _name_run(tok, lex, i, 1, first, hi)
    last = i - 1
    if last < first:
        return None
    if not (
        is_cap(words[last])
        or lower[last] in lex.roles
        or lower[last] in lex.organisations
        or lower[last] in lex.statements
    ):
        return None
    np = classify(tok, lex, first, last, det)
    # "a message from Ukraine's military intelligence": the issuer speaks
    if np.kind == "statement" and last + 2 < ceiling and lower[last + 1] in ("from", "by"):
        issuer = np_after(tok, lex, last + 2, ceiling, appositive)
        if issuer is not None and issuer.kind not in ("pronoun", "statement"):
            return issuer
    # "Maria Zakharova, spokesperson for the Russian Ministry of Foreign Affairs,"
    if (
        appositive
        and np.kind in ("person", "unknown")
        and last + 2 < ceiling
        and words[last + 1] == ","
    ):
        j = last + 2
        stop = min(ceiling, j + 14)
        k = j
        while k < stop and words[k] not in (",", ".", ";", ":", "“", "”", '"', "—", "(", ")"):
            k += 1
        lw = lower[j]
        if (
            k > j
            and (lw in lex.roles or lw in DETERMINERS or lw in ("spokesperson",))
            and not (lw.endswith("ing"))
        ):
            # ``np`` was built just above for this phrase alone: completed in place
            np.role_first, np.role_last, np.kind = j, k - 1, "person"
    return np


def described_np(tok: Tokens, lex: Lexicon, start: int, ceiling: int) -> NounPhrase | None:
    """A speaker described rather than named, after the cue: ``said one New Hampshire
    Democrat`` / ``said a senior aide to the governor``: from a describer word ("a", "one",
    "another", ...) to the next punctuation, at most ``MAX_NP`` words; a relative word
    also ends it (``said a source who asked not to be named``).
    """
    if start >= ceiling or tok.lower[start] not in lex.describers:
        return None
    hi = min(ceiling, start + MAX_NP + 1)
    j = start + 1
    while j < hi and tok.words[j].replace("-", "").replace("’", "").replace("'", "").isalnum():
        if tok.lower[j] in _RELATIVE and j - start >= 2:
            return NounPhrase(start + 1, j - 1, start, "group", start + 1, j - 1)
        j += 1
    if j - start < 2 or (j < ceiling and j == hi):
        return None  # no word after the describer, or no punctuation soon after
    if j < ceiling and tok.words[j] not in (".", ",", ";", "!", "?", "(", "—", "–"):
        return None
    return NounPhrase(start + 1, j - 1, start, "group", start + 1, j - 1)


def skip_lead(tok: Tokens, lex: Lexicon, s_lo: int, common: bool = True) -> int:
    """The first token after sentence-opening connectives ("But", "However,", "In 2015"), a
    dateline and, with ``common``, an ordinary capitalised word before a speaker ("Maybe he").
    """
    # Asked again for every quote and cue of a sentence: computed once per sentence start.
    key = (s_lo, common, id(lex))
    j = tok._leads.get(key)
    if j is None:
        j = tok._leads[key] = _skip_lead(tok, lex, s_lo, common)
    return j


def _skip_lead(tok: Tokens, lex: Lexicon, s_lo: int, common: bool) -> int:
    """:func:`skip_lead` computed."""
    j = _intro(tok, lex, _dateline(tok, s_lo))
    n = len(tok)
    hi = min(n, j + MAX_NP)  # bounded: a run of connectives is not a sentence
    while j < hi and (tok.lower[j] in lex.not_names and tok.lower[j] != "the"):
        j += 1
        if j < n and tok.words[j] == ",":
            j += 1
    if (
        common
        and j < n
        and tok.common_word(j)
        and (j + 1 >= n or not is_cap(tok.words[j + 1]))
        and tok.lower[j] not in lex.roles
        and tok.lower[j] not in lex.organisations
        and tok.lower[j] not in lex.pronouns
    ):
        j += 1  # "Maybe he ...", "Hastily, Smith ..."
        if j < n and tok.words[j] == ",":
            j += 1
    return j


#: tokens of an introductory phrase ("In a statement released on Friday,")
_INTRO_MAX = 12


def _intro(tok: Tokens, lex: Lexicon, j: int) -> int:
    """The token after an introductory phrase closed by a comma (``In December,``, ``Reached
    by phone,``), else ``j``. The phrase holds only words (no quote mark or cue).
    """
    words = tok.words
    if j >= len(words) or tok.lower[j] not in lex.intro_openers:
        return j
    for t in range(j + 1, min(len(words), j + _INTRO_MAX)):
        w = words[t]
        if w == ",":
            return t + 1 if t + 1 < len(words) else j
        if not w[:1].isalnum() or tok.lower[t] in lex.cue_forms:
            return j
    return j


def _dateline(tok: Tokens, s_lo: int) -> int:
    """The token after a dateline opening the sentence (``WASHINGTON (AP) —``), else ``s_lo``."""
    words = tok.words
    n = len(words)
    j = s_lo
    while (
        j < n and j - s_lo < 4 and (words[j] == "," or (words[j].isupper() and len(words[j]) > 1))
    ):
        j += 1
    if j == s_lo:
        return s_lo
    if j < n and words[j] == "(":
        k = j + 1
        while k < n and k - j < 5 and words[k] != ")":
            k += 1
        if k >= n or words[k] != ")":
            return s_lo
        j = k + 1
    if j < n and words[j] in ("—", "–", "-"):
        return j + 1
    return s_lo


def span_of(tok: Tokens, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first..last`` inclusive."""
    return tok.starts[first], tok.ends[last]


def join(tok: Tokens, first: int, last: int) -> str:
    """The text of tokens ``first..last`` as it stands in the article."""
    a, b = span_of(tok, first, last)
    return tok.text[a:b]


#: ``first_token_at(starts, offset)``: index of the first token starting at or after
#: ``offset``. The bisection itself, not a function around it: it is called several times
#: for every quote.
first_token_at = bisect_left
