"""Built-in extractors, registered as an internal plugin through the same hook as third parties.

Each extractor module imports its heavy dependencies (quantulum3, the gazetteer) on first use, so
``import newsfacts`` and registration stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..extractor import Extractor
from ..hookspecs import hookimpl

#: module, class: the built-in extractors in the order a listing shows them.
BUILTIN = (
    ("quantities", "QuantityExtractor"),
    ("quotes", "QuoteExtractor"),
    ("locations", "LocationExtractor"),
    ("claims", "ClaimExtractor"),
)


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register the built-in extractors."""
    for module, cls in BUILTIN:
        register(getattr(import_module(f"{__name__}.{module}"), cls)())
