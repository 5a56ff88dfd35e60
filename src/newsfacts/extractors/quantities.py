"""PLACEHOLDER: replaced by the quantities extractor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ..document import Document
from ..extractor import FactsSoFar
from ..model import Fact


class QuantityExtractor:
    name: ClassVar[str] = "quantities"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ('quantities',)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return []
