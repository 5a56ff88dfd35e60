"""Who a speaker phrase refers to: names, last names, titles, pronouns, acronyms, statements.

One :class:`Resolver` per article. A first pass records what the text establishes before any
quote is read: people introduced with a title ("Defense Secretary Lloyd Austin"), acronyms
defined in brackets ("National Intelligence Service (NIS)") and who issued a statement, appeal
or message. Speaker phrases are then resolved in text order, each one becoming context for the
pronouns and short names after it.
"""

from __future__ import annotations

from bisect import bisect_left, insort

import attrs

from .lexicon import Lexicon
from .tokens import DETERMINERS, NounPhrase, Tokens, is_cap, join, np_before

__all__ = ["Resolved", "Resolver"]

_PERSON_TITLES_MAX = 4
#: the gender a personal pronoun asks of the name it refers back to
_PRONOUN_GENDER = {"he": "m", "she": "f"}


@attrs.define  # not frozen: one is built per quote, and a frozen class is slower to build
class Resolved:
    """A resolved speaker: canonical name, its kind, the role and the local mention span."""

    name: str | None
    kind: str
    role: str | None
    start: int
    end: int


@attrs.define  # not frozen, like Resolved
class _Event:
    pos: int
    name: str
    kind: str  # "person", "group", "unknown"


class Resolver:
    """Resolve speaker phrases of one article, in text order."""

    def __init__(self, tok: Tokens, lex: Lexicon) -> None:
        self.tok = tok
        self.lex = lex
        self.people: dict[str, str | None] = {}  # full name -> role
        self.person_spans: list[tuple[int, int, str]] = []  # title+name mentions
        self.by_token: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}
        self.history: list[_Event] = []
        self.issuers: list[tuple[int, str]] = []
        self._positions: list[int] = []
        self._prepass()

    # -- first pass -----------------------------------------------------------------------
    def _prepass(self) -> None:
        tok, lex = self.tok, self.lex
        words, lower = tok.words, tok.lower
        n = len(words)
        context = lex.context_words
        for i in [i for i in tok.watched(lex) if lower[i] in context]:
            w = words[i]
            lw = lower[i]
            if w == "(" and i + 2 < n and words[i + 2] == ")" and _acronym(words[i + 1]):
                self._define_acronym(i)
            elif lw in lex.roles and i + 1 < n and is_cap(words[i + 1]):
                self._titled_person(i)
            elif lw in lex.issue_verbs:
                self._issuer(i)
            elif (
                lw == "statement"
                and i >= 4
                and lower[i - 1] in ("a", "an", "its")
                and lower[i - 2] == "in"
                and lower[i - 3] in lex.cue_forms
            ):
                self._subject_issuer(i - 3, i)

    def _define_acronym(self, i: int) -> None:
        tok = self.tok
        acr = tok.words[i + 1]
        j = i - 1
        lo = max(0, i - 9)
        while j >= lo and (is_cap(tok.words[j]) or tok.lower[j] in ("of", "for", "and", "the")):
            j -= 1
        first = j + 1
        while first < i and not is_cap(tok.words[first]):
            first += 1
        if first >= i:
            return
        # drop a leading possessive ("South Korea's National Intelligence Service")
        for k in range(first, i):
            if tok.lower[k].endswith(("'s", "’s")):
                first = k + 1
        while first < i and (tok.words[first][0] != acr[0] or tok.lower[first] in DETERMINERS):
            first += 1
        if first < i:
            full = join(tok, first, i - 1)
            self.acronyms[acr] = full
            self.history.append(_Event(tok.starts[first], full, "group"))

    def _titled_person(self, i: int) -> None:
        tok, lex = self.tok, self.lex
        j = i + 1
        n = len(tok.words)
        while (
            j < n
            and j - i <= _PERSON_TITLES_MAX
            and is_cap(tok.words[j])
            and tok.lower[j] not in lex.roles
            and tok.lower[j] not in lex.organisations
            and tok.lower[j] not in lex.not_names
            and not tok.lower[j].endswith(("'s", "’s"))
        ):
            j += 1
        if j - (i + 1) < 2:
            return  # a single word after a title is too often a place or a body
        name = join(tok, i + 1, j - 1)
        k = i
        while (
            k > 0
            and (tok.lower[k - 1] in lex.roles or is_cap(tok.words[k - 1]))
            and (tok.lower[k - 1] not in lex.not_names)
            and i - k < 5
        ):
            k -= 1
        role = join(tok, k, i)
        self._add_person(name, role, tok.starts[i + 1], tok.ends[j - 1])

    def _add_person(self, name: str, role: str | None, start: int, end: int) -> None:
        if name not in self.people or (role and not self.people[name]):
            self.people[name] = role
        self.person_spans.append((start, end, name))
        parts = name.split()
        if len(parts) > 1:
            for p in (parts[-1], parts[0]):
                self.by_token.setdefault(p, name)
        self.history.append(_Event(start, name, "person"))

    def _issuer(self, i: int) -> None:
        tok, lex = self.tok, self.lex
        n = len(tok.words)
        if not any(tok.lower[k] in lex.statements for k in range(i + 1, min(n, i + 5))):
            return
        self._subject_issuer(i, i)

    def _subject_issuer(self, verb: int, at: int) -> None:
        tok, lex = self.tok, self.lex
        j = verb - 1
        while j >= 0 and tok.lower[j] in lex.skip:
            j -= 1
        if j < 0:
            return
        np = np_before(tok, lex, j, max(0, j - 12))
        if np is None or np.kind in ("statement",):
            return
        if np.kind == "pronoun":
            return
        self.issuers.append((tok.starts[at], self._canonical(np)))

    # -- resolution -----------------------------------------------------------------------
    def _canonical(self, np: NounPhrase) -> str:
        tok = self.tok
        text = join(tok, np.name_first, np.name_last)
        if np.kind in ("person", "unknown"):
            if text in self.by_token and " " not in text:
                return self.by_token[text]
            if text in self.acronyms:
                return self.acronyms[text]
        if np.kind == "group":
            core = text
            if core in self.acronyms:
                return self.acronyms[core]
        return text

    def finish_order(self) -> None:
        """Sort the first-pass context by position before speakers are resolved."""
        self.history.sort(key=lambda e: e.pos)
        self.issuers.sort()
        self._positions = [e.pos for e in self.history]

    def _before(self, pos: int, kinds: tuple[str, ...], gender: str | None = None) -> str | None:
        """The latest speaker before ``pos`` of one of ``kinds`` (and, for "he" or "she", not
        of the other gender by its given name)."""
        i = bisect_left(self._positions, pos) - 1
        steps = 0
        while i >= 0 and steps < 40:
            e = self.history[i]
            if e.kind in kinds and (gender is None or self._gender(e.name) in (None, gender)):
                return e.name
            i -= 1
            steps += 1
        return None

    def _gender(self, name: str) -> str | None:
        """ "f" or "m" from the first word of a person's name, if the given-name list has it."""
        first = name.split(" ", 1)[0].lower()
        return self.lex.given_names.get(first)

    def record(self, pos: int, name: str, kind: str) -> None:
        """Add a resolved speaker to the context for the phrases after it."""
        i = bisect_left(self._positions, pos)
        self.history.insert(i, _Event(pos, name, kind))
        self._positions.insert(i, pos)

    def resolve(self, np: NounPhrase) -> Resolved:
        """The speaker a phrase names; records it as context for what follows."""
        tok, lex = self.tok, self.lex
        a = tok.starts[np.name_first]
        b = tok.ends[np.name_last]
        role = None
        if np.role_first is not None and np.role_last is not None:
            role = join(tok, np.role_first, np.role_last).strip(" ,")
        if np.kind == "pronoun":
            pronoun = tok.lower[np.first]
            ref = lex.pronouns.get(pronoun, "person")
            if ref == "person":
                name = self._before(a, ("person", "unknown"), _PRONOUN_GENDER.get(pronoun))
            elif ref == "group":
                name = self._before(a, ("group", "unknown", "person"))
            else:
                name = self._before(a, ("person", "group", "unknown"))
            return Resolved(name, "pronoun", None, a, b)
        if np.kind == "statement":
            name = self._issuer_before(a) or self._before(a, ("group", "person", "unknown"))
            a, b = self._issuer_mention(np) or (a, b)
            return Resolved(name, "statement", None, a, b)
        name = self._canonical(np)
        kind = np.kind
        lead = (np.det if np.det is not None else np.first) - 1
        if lead > 0 and tok.lower[lead] in ("from", "by") and tok.lower[lead - 1] in lex.statements:
            insort(self.issuers, (a, name))
        if kind == "unknown" and name in self.people:
            kind = "person"
        if kind == "person" and " " in name and name not in self.people:
            self._add_person(name, role, a, b)
            # _add_person appended its event at the end: put it in its place by position
            # (the speakers resolved after a quote may come before events already recorded)
            added = self.history.pop()
            self.record(added.pos, added.name, added.kind)
        if role is None and name in self.people:
            role = None  # the role belongs to the earlier mention, not this one
        if kind == "person" and role is None and np.det is None and np.first < np.name_first:
            role = join(tok, np.first, np.name_first - 1)
        self.record(a, name, kind)
        return Resolved(name, kind, role, a, b)

    def _issuer_mention(self, np: NounPhrase) -> tuple[int, int] | None:
        """The subject of the verb that issues a statement phrase, as its local mention:
        ``Black Lives Matter issued a statement saying …`` (PolNeAR marks the issuer as the
        source), or None when the phrase is no object of an issue verb.
        """
        tok, lex = self.tok, self.lex
        k = (np.det if np.det is not None else np.first) - 1
        if k >= 0 and tok.lower[k] in _ISSUE_DETERMINERS:
            k -= 1
        if k >= 0 and tok.lower[k] == "out":  # "put out a statement"
            k -= 1
        if k < 1 or tok.lower[k] not in lex.issue_verbs or not tok.words[k].islower():
            return None
        j = k - 1
        while j >= 0 and tok.lower[j] in lex.skip:
            j -= 1
        subject = np_before(tok, lex, j, max(0, j - 12)) if j >= 0 else None
        if subject is None or subject.kind == "statement":
            return None
        return tok.starts[subject.name_first], tok.ends[subject.name_last]

    def _issuer_before(self, pos: int) -> str | None:
        # ``(pos,)`` sorts before every ``(pos, name)``: ``i`` is the first issuer at or after pos.
        i = bisect_left(self.issuers, (pos,))
        return self.issuers[i - 1][1] if i else None


#: words between an issue verb and the statement it issues ("issued a statement", "her")
_ISSUE_DETERMINERS = frozenset(("a", "an", "the", "her", "his", "its", "their", "our"))


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 7 and word.isupper() and word.isalpha()


def strip_det(tok: Tokens, first: int) -> int:
    """Skip a determiner at ``first``."""
    return first + 1 if tok.lower[first] in DETERMINERS else first
