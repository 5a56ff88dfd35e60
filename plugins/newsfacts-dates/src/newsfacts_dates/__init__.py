"""newsfacts-dates: an example newsfacts plugin that finds date and time expressions.

Installed, it is discovered through the ``newsfacts`` entry-point group; the core never imports
it. Its facts appear under the key ``"dates"`` in every result.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfacts import Extractor, Fact, hookimpl

from .extractor import DateExtractor, find_dates
from .model import EXPRESSION_TYPES, DateFact

__all__ = ["EXPRESSION_TYPES", "DateExtractor", "DateFact", "find_dates"]
__version__ = "0.1.0"


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register the ``dates`` extractor."""
    register(DateExtractor())


@hookimpl
def register_fact_types(register: Callable[[type[Fact]], None]) -> None:
    """Register :class:`DateFact` so ``"dates"`` entries read back into it from JSON."""
    register(DateFact)
