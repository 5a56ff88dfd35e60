"""Hypothesis strategies for articles: news-like prose, arbitrary Unicode, adversarial shapes."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import strategies as st

from ..model import Article
from ..resources import read_table
from .adversarial import SHAPES, adversarial_text

__all__ = [
    "adversarial_texts",
    "any_texts",
    "articles",
    "news_sentences",
    "news_texts",
    "unicode_texts",
]


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in read_table("testing/news_words.tsv"):
        out.setdefault(row["kind"], []).append(row["value"])
    return {k: tuple(v) for k, v in out.items()}


def _pick(kind: str) -> st.SearchStrategy[str]:
    return st.sampled_from(_words()[kind])


_OPEN_CLOSE = st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("'", "'")])


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    """One news-like sentence with numbers, places, people, times and often a quote."""
    who = draw(st.one_of(_pick("person"), _pick("org")))
    number = draw(st.one_of(_pick("number"), st.integers(0, 10**9).map(lambda i: f"{i:,}")))
    what = f"{number} {draw(_pick('noun'))} {draw(_pick('verb'))} in {draw(_pick('place'))}"
    when = draw(st.one_of(st.just(""), _pick("time").map(lambda t: f" {t}")))
    form = draw(st.integers(0, 4))
    cue = draw(_pick("cue"))
    if form == 0:
        return f"{who} {cue} {what}{when}."
    o, c = draw(_OPEN_CLOSE)
    if form == 1:
        return f"{o}{what[:1].upper()}{what[1:]}{when},{c} {who} {cue}."
    if form == 2:
        return f"{who} {cue}: {o}{what}{when}.{c}"
    if form == 3:
        return f"{o}We have {number} {draw(_pick('noun'))},{c} {who} {cue}, {o}and more.{c}"
    return f"{draw(_pick('place')).upper()}: {what[:1].upper()}{what[1:]}{when}."


@st.composite
def news_texts(draw: st.DrawFn, max_sentences: int = 12) -> str:
    """Paragraphs of news-like sentences, sometimes with a headline and boilerplate lines."""
    sentences = draw(st.lists(news_sentences(), min_size=1, max_size=max_sentences))
    seps = draw(
        st.lists(
            st.sampled_from([" ", "\n", "\n\n", "\r\n", " "]),
            min_size=len(sentences),
            max_size=len(sentences),
        )
    )
    body = "".join(s + sep for s, sep in zip(sentences, seps))
    extras = draw(
        st.sampled_from(
            [
                "",
                "Spread the love\n",
                "READ ALSO: Other news\n",
                "Photo: Agency\n",
                "Published at 10:09 Updated at 12:50\n",
            ]
        )
    )
    return extras + body


def unicode_texts(max_size: int = 300) -> st.SearchStrategy[str]:
    """Arbitrary Unicode text (every category but surrogates), including NUL and controls."""
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)


def adversarial_texts(max_size: int = 2000) -> st.SearchStrategy[str]:
    """A named adversarial shape (see :data:`newsfacts.testing.adversarial.SHAPES`) cut to size."""
    return st.builds(adversarial_text, st.sampled_from(sorted(SHAPES)), st.integers(0, max_size))


def any_texts(max_size: int = 2000) -> st.SearchStrategy[str]:
    """News-like, arbitrary Unicode, adversarial, and mixtures of them."""
    pieces = st.one_of(news_texts(), unicode_texts(80), adversarial_texts(max_size // 4))
    return st.one_of(
        news_texts(),
        unicode_texts(),
        adversarial_texts(max_size),
        st.lists(pieces, max_size=5).map("".join),
    )


@st.composite
def articles(draw: st.DrawFn, texts: st.SearchStrategy[str] | None = None) -> Article:
    """Articles with text from ``texts`` (default :func:`any_texts`) and random metadata."""
    text = draw(texts if texts is not None else any_texts())
    published = draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))))
    title = draw(st.one_of(st.none(), news_sentences()))
    return Article(
        text=text, published=published, title=title, id=draw(st.none() | st.uuids().map(str))
    )
