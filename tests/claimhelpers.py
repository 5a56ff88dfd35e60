"""Build facts by hand on sentences written for the tests (no extractor but claims runs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsfacts import Article, ArticleFacts, Document, Location, Quantity, Quote
from newsfacts.extractors.claims import ClaimExtractor


def find(text: str, sub: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i


def qty(text: str, sub: str, value: float, entity: str | None = None, **kw: Any) -> Quantity:
    i = find(text, sub)
    return Quantity(start=i, end=i + len(sub), text=sub, value=value, entity=entity, **kw)


def place(text: str, sub: str, name: str, cc: str, demonym: bool = False, nth: int = 0) -> Location:
    i = find(text, sub, nth)
    return Location(
        start=i,
        end=i + len(sub),
        text=sub,
        name=name,
        feature="country",
        country_code=cc,
        demonym=demonym,
    )


def quote(text: str, sub: str, speaker: str | None, kind: str = "direct") -> Quote:
    i = find(text, sub)
    return Quote(start=i, end=i + len(sub), text=sub, kind=kind, speaker=speaker)  # type: ignore[arg-type]


def facts(
    text: str,
    quantities: Sequence[Quantity] = (),
    locations: Sequence[Location] = (),
    quotes: Sequence[Quote] = (),
    **meta: Any,
) -> ArticleFacts:
    article = Article(text=text, **meta)
    doc = Document.from_article(article)
    qs = tuple(sorted(quantities, key=lambda f: f.start))
    ls = tuple(sorted(locations, key=lambda f: f.start))
    qu = tuple(sorted(quotes, key=lambda f: f.start))
    claims = list(ClaimExtractor().extract(doc, {"quantities": qs, "locations": ls, "quotes": qu}))
    for c in claims:
        assert text[c.start : c.end] == c.text
    return ArticleFacts(article=article, quantities=qs, locations=ls, quotes=qu, claims=claims)
