"""PLACEHOLDER: replaced by the locations extractor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ..document import Document
from ..extractor import FactsSoFar
from ..model import Fact


class LocationExtractor:
    name: ClassVar[str] = "locations"
    requires: ClassVar[tuple[str, ...]] = ("quotes",)
    produces: ClassVar[tuple[str, ...]] = ('locations',)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return []
