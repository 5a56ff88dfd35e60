"""The built-in quotes extractor: direct, indirect and mixed quotes with resolved speakers.

Modules, one idea each:

* :mod:`.marks`: pairing quote marks with a linear scan per paragraph,
* :mod:`.attribution`: the cue and speaker of a direct quote (after, before, colon, dash),
* :mod:`.indirect`: reported speech without quote marks,
* :mod:`.tokens`: tokens and speaker phrases (titles and roles split from names),
* :mod:`.resolve`: pronouns, last names, acronyms and statements to the speaker named earlier,
* :mod:`.lexicon`: the word lists in ``newsfacts/data/quotes/``.

Besides quotes it returns :class:`~newsfacts.model.Person` mentions (speakers and titled
names, and later mentions of those names) so that the locations extractor can tell "Austin
said" from Austin, Texas.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from operator import attrgetter
from typing import ClassVar

from ...document import Document
from ...extractor import FactsSoFar
from ...model import Fact, Person, Quote, QuoteKind
from .attribution import attribute_direct, cue_at
from .indirect import find_indirect
from .lexicon import Lexicon, lexicon
from .marks import scan
from .pending import Pending
from .resolve import Resolved, Resolver
from .tokens import Tokens, is_cap

__all__ = ["QuoteExtractor", "extract_quotes"]


class QuoteExtractor:
    """Quotes (key ``quotes``) and person mentions (key ``people``)."""

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("quotes", "people")

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        """Quotes and people of ``doc``."""
        quotes, people = extract_quotes(doc)
        return [*quotes, *people]


def extract_quotes(doc: Document) -> tuple[list[Quote], list[Person]]:
    """Quotes and person mentions of one document, in text order."""
    text = doc.text
    lex = lexicon()
    tok = Tokens(text)
    resolver = Resolver(tok, lex)
    resolver.finish_order()
    raws = scan(text, doc.paragraphs)
    direct, claimed, loose = attribute_direct(doc, tok, lex, raws)
    indirect = find_indirect(doc, tok, lex, direct, claimed, loose)
    _inherit_reported(doc, direct, indirect)
    pending: list[Pending] = [*direct, *indirect]
    # speakers are resolved in text order: from the quote or its speaker, whichever is first
    starts = tok.starts
    order = [p.start if p.np is None else min(p.start, starts[p.np.first]) for p in pending]
    resolved: dict[int, Resolved] = {}
    for idx in sorted(range(len(pending)), key=order.__getitem__):
        p = pending[idx]
        if p.np is not None:
            resolved[idx] = resolver.resolve(p.np)
    quotes: list[Quote] = []
    people: dict[tuple[int, int], Person] = {}
    # a relative mention needs a relative pronoun somewhere in the text
    relative = any(w in tok.lower for w in _RELATIVE_MENTIONS)
    for idx, p in enumerate(pending):
        r = resolved.get(idx)
        if r is None and p.inherit is not None:
            r = resolved.get(p.inherit)
            inherited = True
        else:
            inherited = False
        parts = p.parts if len(p.parts) > 1 else ()
        if r is None:
            quotes.append(
                Quote(
                    start=p.start,
                    end=p.end,
                    text=text[p.start : p.end],
                    kind=_kind(p.kind),
                    cue=None if p.inherit is not None else p.cue,
                    parts=parts,
                )
            )
            continue
        s_start, s_end = r.start, r.end
        if relative and not inherited and p.np is not None:
            s_start, s_end = _relative_mention(tok, lex, p, s_start, s_end)
        quotes.append(
            Quote(
                start=p.start,
                end=p.end,
                text=text[p.start : p.end],
                kind=_kind(p.kind),
                speaker=r.name,
                speaker_start=s_start,
                speaker_end=s_end,
                cue=None if inherited else p.cue,
                role=r.role,
                parts=parts,
            )
        )
        if not inherited and r.kind in ("person", "unknown") and r.name:
            people[(r.start, r.end)] = Person(
                start=r.start, end=r.end, text=text[r.start : r.end], name=r.name, role=r.role
            )
    for a, b, name in resolver.person_spans:
        if (a, b) not in people:
            people[(a, b)] = Person(
                start=a, end=b, text=text[a:b], name=name, role=resolver.people.get(name)
            )
    _later_mentions(tok, resolver, people)
    quotes.sort(key=_SPAN)
    return quotes, sorted(people.values(), key=_SPAN)


#: a fact's ``(start, end)``: the order of the returned facts
_SPAN = attrgetter("start", "end")


def _inherit_reported(doc: Document, direct: list[Pending], indirect: list[Pending]) -> None:
    """A quote that opens a paragraph with no attribution of its own continues the speaker of
    reported speech closing the paragraph before (``Carter said that ... .`` / ``“That’s
    because ...”``): PolNeAR marks that speaker as its source. Only for quotes that inherit
    nothing yet; ``inherit`` then points past the direct quotes, into ``indirect``.
    """
    if not indirect:
        return
    text = doc.text
    ends = [p.end for p in indirect]
    n = len(direct)
    for p in direct:
        if p.np is not None or p.inherit is not None or p.cue is not None:
            continue
        pi = doc.paragraph_index(p.start)
        if not pi or text[doc.paragraphs[pi].start : p.start].strip(_LEAD_MARKS):
            continue
        prev = doc.paragraphs[pi - 1]
        last = doc.sentence_at(prev.end - 1)
        lo = prev.start if last is None else last.start
        k = bisect_right(ends, prev.end) - 1
        if k >= 0 and indirect[k].np is not None and indirect[k].start >= lo:
            p.inherit = n + k


#: what may stand between a paragraph start and the content of a quote opening it
_LEAD_MARKS = " \t\u00a0\"“”«„'‘"


#: relative pronouns that stand for the speaker named before them ("Smith, who said ...")
_RELATIVE_MENTIONS = frozenset(("who",))


def _relative_mention(
    tok: Tokens, lex: Lexicon, p: Pending, start: int, end: int
) -> tuple[int, int]:
    """The local mention of a speaker introduced by a relative clause: in ``Smith, who said
    “…”`` the subject of the cue is "who" (PolNeAR marks it so), resolved to Smith. Only when
    the relative pronoun stands before the content and the quote's own cue follows it (skip
    words aside).
    """
    assert p.np is not None
    np = p.np
    j = (np.role_last if np.role_last is not None and np.role_last > np.last else np.last) + 1
    n = len(tok)
    if j < n and tok.words[j] == ",":
        j += 1
    if j >= n or tok.lower[j] not in _RELATIVE_MENTIONS:
        return start, end
    w = j
    if tok.ends[w] > p.start:
        return start, end
    k = w + 1
    while k < n and k - w <= 3 and tok.lower[k] in lex.skip:
        k += 1
    c = 0
    if k < n and tok.starts[k] < p.start:
        c = cue_at(tok, lex, k) or (1 if tok.lower[k] in lex.evaluation_forms else 0)
    if c and (p.cue is None or tok.text[tok.starts[k] : tok.ends[k + c - 1]] == p.cue):
        return tok.starts[w], tok.ends[w]
    return start, end  # "Clinton, who called him, told ...": the main verb is the cue


def _kind(kind: str) -> QuoteKind:
    if kind == "indirect":
        return "indirect"
    if kind == "mixed":
        return "mixed"
    return "direct"


def _later_mentions(tok: Tokens, resolver: Resolver, people: dict[tuple[int, int], Person]) -> None:
    """Every run of capitalised words that is a known person's name or part of it."""
    if not resolver.by_token:
        return
    words = tok.words
    covered = sorted(people)
    cover_starts = [s for s, _ in covered]
    reach: list[int] = []  # reach[k]: the furthest end among covered[0..k]
    for _, e in covered:
        reach.append(max(e, reach[-1]) if reach else e)
    text = tok.text
    by_token = resolver.by_token
    n = len(words)
    i = 0
    # candidates by lower case (the lower-case strings are hashed already), then exact
    folded = frozenset(map(str.lower, by_token))
    for c in [c for c, lw in enumerate(tok.lower) if lw in folded]:
        if c < i or words[c] not in by_token:
            continue
        i = c
        w = words[i]
        if not is_cap(w):
            i += 1
            continue
        name = by_token[w]
        j = i
        while j + 1 < n and is_cap(words[j + 1]) and resolver.by_token.get(words[j + 1]) == name:
            j += 1
        a, b = tok.starts[i], tok.ends[j]
        k = bisect_right(cover_starts, a) - 1
        if k < 0 or reach[k] < b:  # no known mention starting at or before ``a`` covers it
            people[(a, b)] = Person(
                start=a, end=b, text=text[a:b], name=name, role=resolver.people.get(name)
            )
        i = j + 1
