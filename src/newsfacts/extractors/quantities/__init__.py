"""The built-in quantities extractor (see ``docs/extractors/quantities.md``)."""

from __future__ import annotations

from .extractor import QuantityExtractor

__all__ = ["QuantityExtractor"]
