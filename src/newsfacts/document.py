"""The shared, read-only view of one article that every extractor reads.

Built once per article by :meth:`Document.from_article`: paragraphs, sentences and boilerplate
segments, with lookups by offset. Extractors never re-split text themselves, so they all agree
on where sentences end and what counts as junk.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import starmap
from operator import itemgetter

import attrs

from . import boilerplate as _boilerplate
from . import sentences as _sentences
from .model import Article, Boilerplate

__all__ = ["Document", "Span"]


@attrs.frozen
class Span:
    """A ``[start, end)`` range of the article text."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


_first = itemgetter(0)


def _spans(pairs: list[tuple[int, int]]) -> tuple[Span, ...]:
    return tuple(starmap(Span, pairs))


@attrs.frozen
class Document:
    """Paragraphs, sentences and boilerplate of ``article.text``, all as offsets into it."""

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    boilerplate: tuple[Boilerplate, ...]
    _sentence_starts: tuple[int, ...] = attrs.field(repr=False)
    _paragraph_starts: tuple[int, ...] = attrs.field(repr=False)
    _boilerplate_starts: tuple[int, ...] = attrs.field(repr=False)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        """Analyse the article text once."""
        text = article.text
        paras = _sentences.paragraphs(text)
        sents = _sentences.sentences(text, paras)
        junk = tuple(
            Boilerplate(start=a, end=b, text=text[a:b], reason=reason)
            for a, b, reason in _boilerplate.find(text, paras)
        )
        para_spans = _spans(paras)
        return cls(
            article=article,
            paragraphs=para_spans,
            # one sentence per paragraph (short lines): share the equal, immutable spans
            sentences=para_spans if sents == paras else _spans(sents),
            boilerplate=junk,
            sentence_starts=tuple(map(_first, sents)),
            paragraph_starts=tuple(map(_first, paras)),
            boilerplate_starts=tuple(b.start for b in junk),
        )

    @classmethod
    def from_text(cls, text: str) -> Document:
        """Shortcut for tests and quick use: a document for bare text."""
        return cls.from_article(Article(text=text))

    @property
    def text(self) -> str:
        """The article text every offset points into."""
        return self.article.text

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None if it falls between sentences."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding ``offset``, if any."""
        i = self.sentence_index(offset)
        return None if i is None else self.sentences[i]

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the paragraph holding ``offset``, if any."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return i
        return None

    def boilerplate_at(self, start: int, end: int) -> Boilerplate | None:
        """The boilerplate segment overlapping ``[start, end)``, if any."""
        i = bisect_right(self._boilerplate_starts, max(start, end - 1)) - 1
        while i >= 0:
            seg = self.boilerplate[i]
            if seg.end <= start:
                return None
            if seg.start < max(end, start + 1):
                return seg
            i -= 1
        return None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a boilerplate segment."""
        return self.boilerplate_at(start, end) is not None

    def content_sentences(self) -> Iterator[tuple[int, Span]]:
        """``(index, sentence)`` for every sentence outside boilerplate."""
        if not self.boilerplate:  # most articles: nothing to test
            yield from enumerate(self.sentences)
            return
        for i, s in enumerate(self.sentences):
            if not self.in_boilerplate(s.start, s.end):
                yield i, s
