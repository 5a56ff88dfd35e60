"""PLACEHOLDER: replaced by the claims extractor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ..document import Document
from ..extractor import FactsSoFar
from ..model import Fact


class ClaimExtractor:
    name: ClassVar[str] = "claims"
    requires: ClassVar[tuple[str, ...]] = ("quantities", "quotes", "locations")
    produces: ClassVar[tuple[str, ...]] = ('claims',)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return []
