"""newsfacts: turn news articles into structured, checkable facts.

>>> import newsfacts
>>> facts = newsfacts.extract(newsfacts.Article(text="Up to 6,000 troops were sent."))
>>> [q.value for q in facts.quantities]  # doctest: +SKIP
[6000.0]
"""

from __future__ import annotations

from .batch import extract_many
from .compare import compare
from .document import Document, Span
from .extractor import Extractor, FactsSoFar
from .hookspecs import hookimpl
from .model import (
    Article,
    ArticleFacts,
    Boilerplate,
    Claim,
    ExtractorError,
    Fact,
    Location,
    Person,
    Quantity,
    Quote,
    RecordFact,
)
from .pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleFacts",
    "Boilerplate",
    "Claim",
    "Document",
    "Extractor",
    "ExtractorError",
    "Fact",
    "FactsSoFar",
    "Location",
    "Person",
    "Pipeline",
    "Quantity",
    "Quote",
    "RecordFact",
    "Span",
    "__version__",
    "compare",
    "extract",
    "extract_many",
    "hookimpl",
]
