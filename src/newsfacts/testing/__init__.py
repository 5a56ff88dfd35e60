"""Tools for plugin authors: Hypothesis strategies for articles and a conformance check.

>>> from newsfacts.testing import check_extractor
>>> report = check_extractor(MyExtractor())        # doctest: +SKIP

This module needs Hypothesis (``pip install newsfacts[test]``); the core library does not.
See ``docs/testing.md``.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsfacts.testing needs Hypothesis; install it with: pip install newsfacts[test]"
    ) from exc

from .adversarial import BASELINE, SHAPES, adversarial_text
from .conformance import ConformanceError, ConformanceReport, check_extractor, check_facts
from .strategies import (
    adversarial_texts,
    any_texts,
    articles,
    news_sentences,
    news_texts,
    unicode_texts,
)

__all__ = [
    "BASELINE",
    "SHAPES",
    "ConformanceError",
    "ConformanceReport",
    "adversarial_text",
    "adversarial_texts",
    "any_texts",
    "articles",
    "check_extractor",
    "check_facts",
    "news_sentences",
    "news_texts",
    "unicode_texts",
]
