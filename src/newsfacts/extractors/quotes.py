"""PLACEHOLDER: replaced by the quotes extractor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ..document import Document
from ..extractor import FactsSoFar
from ..model import Fact


class QuoteExtractor:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ('quotes', 'people')

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return []
