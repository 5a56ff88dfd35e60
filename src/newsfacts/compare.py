"""Compare articles: which source gives which figure for the same thing, and which quotes are the
same statement in different words.

:func:`compare` takes extracted results (or articles, or bare texts, which it extracts) and returns
a :class:`Story`:

- **claim groups**: claims about the same measured thing, keyed by the claim's ``subject_key``
  (entity family | owner | event: "North Korean troops", "troops killed" are different things;
  troops and containers never share a group). One row per quantity, listing the article, source,
  value, bound, modality and time. A group is in **conflict** when two of its figures cannot both
  be true: their value intervals are disjoint (an "approximately" figure spans ±10 %, "up to X"
  spans 0..X, "more than X" X..∞) while they share modality class (asserted and reported count as
  one class: both present a figure as fact) and time (see :func:`~newsfacts.extractors.claims.
  timex.time_key`). Increases ("1,500 more") are compared only with increases; vague figures
  ("thousands") never conflict.
- **quote groups**: quotes from different articles that are the same statement, even translated
  differently. Quotes next to each other in one paragraph with a compatible speaker form one
  statement; two statements match when any of their quotes are similar enough (token overlap
  after a synonym table, mixed with character-trigram overlap; no models). Only groups spanning
  two or more articles are listed.

Every grouping decision is symmetric and every list is sorted by article id and offset, so the
result does not depend on the order the articles are given in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import attrs
import regex

from .extractors.claims.timex import time_key
from .model import Article, ArticleFacts, Claim, Quantity, Quote
from .resources import read_table, word_set

__all__ = [
    "ClaimGroup",
    "ClaimRow",
    "QuoteGroup",
    "QuoteRow",
    "Story",
    "compare",
    "quote_similarity",
]

_MODALITY_CLASS = {"asserted": "factual", "reported": "factual"}
_WORD = regex.compile(r"\w{1,40}+")


@attrs.frozen(kw_only=True)
class ClaimRow:
    """One figure (or a figure-less confirmation/denial) in a claim group."""

    article: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: str | None
    source: str
    modality: str
    time: str | None
    time_value: str | None = None
    quantity: str | None = None
    subject: str | None = None
    change: str | None = None
    vague: bool = False
    conflict: bool = False

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class ClaimGroup:
    """Claims about one measured thing across articles."""

    key: str
    subject: str
    entity: str
    conflict: bool
    claims: tuple[ClaimRow, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({r.article for r in self.claims}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "entity": self.entity,
            "conflict": self.conflict,
            "key": self.key,
            "claims": [r.to_dict() for r in self.claims],
        }


@attrs.frozen(kw_only=True)
class QuoteRow:
    """One quote in a quote group."""

    article: str
    start: int
    end: int
    text: str
    speaker: str | None
    #: The quoted words only (``Quote.content``): a quote split by its attribution has the
    #: attribution in ``text`` (the span's exact slice) but not here.
    content: str = ""

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class QuoteGroup:
    """The same statement as quoted by several articles."""

    speaker: str | None
    quotes: tuple[QuoteRow, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({r.article for r in self.quotes}))

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "quotes": [r.to_dict() for r in self.quotes]}


@attrs.frozen(kw_only=True)
class Story:
    """The comparison of several articles: their facts, claim groups and quote groups."""

    articles: tuple[ArticleFacts, ...]
    ids: tuple[str, ...]
    claim_groups: tuple[ClaimGroup, ...]
    quote_groups: tuple[QuoteGroup, ...]

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON object (see ``docs/claims.md``)."""
        return {
            "articles": list(self.ids),
            "claim_groups": [g.to_dict() for g in self.claim_groups],
            "quote_groups": [g.to_dict() for g in self.quote_groups],
        }


# -- input -------------------------------------------------------------------------------------
def _as_facts(item: ArticleFacts | Article | str) -> ArticleFacts:
    if isinstance(item, ArticleFacts):
        return item
    if isinstance(item, (Article, str)):
        from .pipeline import extract

        return extract(item)
    raise TypeError(
        f"compare() takes ArticleFacts, Article or str items, got {type(item).__name__}"
    )


def _ids(results: Sequence[ArticleFacts]) -> list[str]:
    ids: list[str] = []
    seen: Counter[str] = Counter()
    for r in results:
        base = r.article.id or "article-" + hashlib.sha1(r.article.text.encode()).hexdigest()[:10]
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return ids


# -- claims ------------------------------------------------------------------------------------
def _interval(row: ClaimRow) -> tuple[float, float] | None:
    inf = float("inf")
    if row.bound == "range" and row.low is not None and row.high is not None:
        return row.low, row.high
    v = row.value if row.value is not None else (row.high if row.high is not None else row.low)
    if v is None:
        return None
    if row.bound == "approximate":
        return v * 0.9, v * 1.1
    if row.bound in ("at_least", "more_than"):
        return v, inf
    if row.bound in ("at_most", "less_than"):
        return 0.0, v
    return v, v


def _rows(aid: str, facts: ArticleFacts, claim: Claim) -> list[ClaimRow]:
    base: dict[str, Any] = {
        "article": aid,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": claim.source,
        "modality": claim.modality,
        "time": claim.time,
        "time_value": claim.time_value,
        "subject": claim.subject,
    }
    rows = []
    for i in claim.quantities:
        if not 0 <= i < len(facts.quantities):
            continue
        q: Quantity = facts.quantities[i]
        rows.append(
            ClaimRow(
                **base,
                value=q.value,
                low=q.low,
                high=q.high,
                bound=q.bound,
                quantity=q.text,
                change=_change(facts.article.text, q),
                vague=q.vague,
            )
        )
    if not claim.quantities:
        rows.append(ClaimRow(**base, value=None, low=None, high=None, bound=None))
    return rows


@lru_cache(maxsize=1)
def _increase_re() -> regex.Pattern[str]:
    words = "|".join(sorted(word_set("claims/increase_words.txt")))
    return regex.compile(
        rf"(?:\b(?:{words})\s{{1,3}}[\d.,]{{1,20}}+\s{{0,3}}$)"
        rf"|(?:^\s{{0,3}}(?:{words})\b(?!\s{{1,3}}than\b))",
        regex.I,
    )


def _change(text: str, q: Quantity) -> str | None:
    """The quantity's own change, else "increase" for "1,500 more", "an additional 1,500"."""
    if q.change:
        return q.change
    m = regex.search(r"[\d.,]{1,20}+", q.text)
    if m is None:
        return None
    num_start, num_end = q.start + m.start(), q.start + m.end()
    before = text[max(0, num_start - 20) : num_end]
    after = text[num_end : num_end + 20]
    pat = _increase_re()
    return "increase" if pat.search(before) or pat.search(after) else None


def _conflicts(rows: list[ClaimRow]) -> list[ClaimRow]:
    buckets: dict[tuple[str, str, str], list[int]] = {}
    for i, r in enumerate(rows):
        if r.vague or _interval(r) is None:
            continue
        key = (
            _MODALITY_CLASS.get(r.modality, r.modality),
            time_key(r.time, r.time_value),
            r.change or "",
        )
        buckets.setdefault(key, []).append(i)
    flagged: set[int] = set()
    for members in buckets.values():
        for n, i in enumerate(members):
            a = _interval(rows[i])
            for j in members[n + 1 :]:
                b = _interval(rows[j])
                assert a is not None and b is not None
                if a[1] < b[0] or b[1] < a[0]:
                    flagged.update((i, j))
    return [attrs.evolve(r, conflict=True) if i in flagged else r for i, r in enumerate(rows)]


def _pick(counter: Counter[str]) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]


def _claim_groups(results: Sequence[ArticleFacts], ids: Sequence[str]) -> list[ClaimGroup]:
    grouped: dict[str, list[ClaimRow]] = {}
    entities: dict[str, str] = {}
    for aid, facts in zip(ids, results):
        for c in facts.claims:
            if not c.entity:
                continue
            key = c.subject_key or f"{c.entity}||"
            entities[key] = c.entity
            grouped.setdefault(key, []).extend(_rows(aid, facts, c))
    groups = []
    for key, rows in grouped.items():
        rows.sort(key=lambda r: (r.article, r.start, r.end, r.quantity or ""))
        rows = _conflicts(rows)
        subjects = Counter(r.subject for r in rows if r.subject)
        groups.append(
            ClaimGroup(
                key=key,
                subject=_pick(subjects) if subjects else entities[key],
                entity=entities[key],
                conflict=any(r.conflict for r in rows),
                claims=tuple(rows),
            )
        )
    groups.sort(
        key=lambda g: (-len(g.articles), -sum(r.value is not None for r in g.claims), g.key)
    )
    return groups


# -- quotes ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    return {r["word"].lower(): r["canonical"].lower() for r in read_table("claims/synonyms.tsv")}


def _stem(w: str) -> str:
    w = _synonyms().get(w, w)
    for suf in ("ingly", "edly", "ing", "ed", "ly", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=4096)
def _profile(text: str) -> tuple[frozenset[str], frozenset[str]]:
    stop = word_set("claims/stopwords.txt")
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in stop]
    joined = " ".join(words)
    grams = frozenset(joined[i : i + 3] for i in range(max(0, len(joined) - 2)))
    return frozenset(words), grams


def quote_similarity(a: str, b: str) -> float:
    """How alike two quoted texts are, 0..1: the mean of content-word Jaccard (after synonyms and
    light stemming) and character-trigram Dice."""
    wa, ga = _profile(a)
    wb, gb = _profile(b)
    if not wa or not wb:
        return 0.0
    jac = len(wa & wb) / len(wa | wb)
    dice = 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0
    return (jac + dice) / 2


def _speaker_tokens(speaker: str | None) -> frozenset[str]:
    if not speaker:
        return frozenset()
    generic = word_set("claims/generic_speakers.txt")
    return frozenset(w[:5] for w in _WORD.findall(speaker.lower()) if w not in generic)


def _compatible(a: str | None, b: str | None) -> bool:
    ta, tb = _speaker_tokens(a), _speaker_tokens(b)
    return not ta or not tb or bool(ta & tb)


_SAME = 0.7  # similarity that links two quotes whatever their speakers
_SAME_SPEAKER = 0.4  # similarity that links quotes whose speakers are compatible
_MIN_WORDS = 4  # shorter quotes ("dangerous") are too common to link


def _quote_units(facts: ArticleFacts) -> list[list[int]]:
    """Quotes of one article merged into statements: neighbours in one paragraph with a
    compatible speaker and little text between them."""
    text = facts.article.text
    order = sorted(range(len(facts.quotes)), key=lambda i: facts.quotes[i].start)
    units: list[list[int]] = []
    for i in order:
        q = facts.quotes[i]
        if units:
            p = facts.quotes[units[-1][-1]]
            gap = text[p.end : q.start]
            if 0 <= len(gap) <= 250 and "\n" not in gap and _compatible(p.speaker, q.speaker):
                units[-1].append(i)
                continue
        units.append([i])
    return units


def _quote_groups(results: Sequence[ArticleFacts], ids: Sequence[str]) -> list[QuoteGroup]:
    units: list[tuple[str, ArticleFacts, list[int]]] = []
    for aid, facts in zip(ids, results):
        units.extend((aid, facts, u) for u in _quote_units(facts))
    parent = list(range(len(units)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, (aid_i, fi, ui) in enumerate(units):
        for j in range(i + 1, len(units)):
            aid_j, fj, uj = units[j]
            if aid_i == aid_j or find(i) == find(j):
                continue
            if _units_match(fi, ui, fj, uj):
                parent[find(j)] = find(i)
    comps: dict[int, list[int]] = {}
    for i in range(len(units)):
        comps.setdefault(find(i), []).append(i)
    groups = []
    for members in comps.values():
        arts = {units[m][0] for m in members}
        if len(arts) < 2:
            continue
        rows = []
        speakers: Counter[str] = Counter()
        for m in members:
            aid, facts, u = units[m]
            for qi in u:
                q = facts.quotes[qi]
                rows.append(
                    QuoteRow(
                        article=aid,
                        start=q.start,
                        end=q.end,
                        text=q.text,
                        speaker=q.speaker,
                        content=q.content,
                    )
                )
                if q.speaker:
                    speakers[q.speaker] += 1 + len(_speaker_tokens(q.speaker))
        rows.sort(key=lambda r: (r.article, r.start, r.end))
        groups.append(QuoteGroup(speaker=_pick(speakers) if speakers else None, quotes=tuple(rows)))
    groups.sort(key=lambda g: (-len(g.articles), g.quotes[0].article, g.quotes[0].start))
    return groups


def _units_match(fa: ArticleFacts, ua: list[int], fb: ArticleFacts, ub: list[int]) -> bool:
    for i in ua:
        qa: Quote = fa.quotes[i]
        ca = qa.content
        if len(_WORD.findall(ca)) < _MIN_WORDS:
            continue
        for j in ub:
            qb: Quote = fb.quotes[j]
            cb = qb.content
            if len(_WORD.findall(cb)) < _MIN_WORDS:
                continue
            sim = quote_similarity(ca, cb)
            if sim >= _SAME or (sim >= _SAME_SPEAKER and _compatible(qa.speaker, qb.speaker)):
                return True
    return False


# -- entry point -------------------------------------------------------------------------------
def compare(articles_or_facts: Iterable[ArticleFacts | Article | str]) -> Story:
    """Group the claims and quotes of several articles (see the module docstring).

    Items may be :class:`~newsfacts.ArticleFacts` (used as they are), :class:`~newsfacts.Article`
    or bare text (extracted with the default pipeline). Articles are identified by ``id``; one
    without an id gets ``article-<hash of its text>``.
    """
    results = [_as_facts(x) for x in articles_or_facts]
    ids = _ids(results)
    order = sorted(range(len(results)), key=lambda i: (ids[i], results[i].article.text))
    results = [results[i] for i in order]
    ids = [ids[i] for i in order]
    return Story(
        articles=tuple(results),
        ids=tuple(ids),
        claim_groups=tuple(_claim_groups(results, ids)),
        quote_groups=tuple(_quote_groups(results, ids)),
    )
