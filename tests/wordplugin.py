"""A well-behaved toy extractor for plugin and fault-isolation tests: every capitalised word."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from newsfacts import Document, Fact, FactsSoFar


@attrs.frozen(kw_only=True)
class Word(Fact):
    key: ClassVar[str] = "words"


class WordExtractor:
    """Every capitalised word of the text, as a :class:`Word` fact."""

    name: ClassVar[str] = "words"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("words",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        out, i = [], 0
        for token in doc.text.split(" "):
            if token[:1].isupper():
                out.append(Word(start=i, end=i + len(token), text=token))
            i += len(token) + 1
        return out
