"""Articles from HTML pages: main text, title, author and date through trafilatura.

This is the optional ``html`` extra (``pip install 'newsfacts[html]'``); trafilatura is imported
on first use only, so ``import newsfacts`` never needs it. Nothing is fetched: the page is
parsed from the string or bytes you pass.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from functools import lru_cache
from importlib import import_module
from typing import Any

from .model import Article

__all__ = ["HTML_EXTRA_MESSAGE", "article_from_html", "available"]

HTML_EXTRA_MESSAGE = (
    "reading HTML needs the optional dependency trafilatura: "
    "install it with  pip install 'newsfacts[html]'"
)


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    try:
        return import_module("trafilatura")
    except ImportError as exc:
        raise ImportError(HTML_EXTRA_MESSAGE) from exc


def available() -> bool:
    """True when the ``html`` extra (trafilatura) can be imported."""
    try:
        _trafilatura()
    except ImportError:
        return False
    return True


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def article_from_html(html: str | bytes, *, url: str | None = None, **metadata: Any) -> Article:
    """Build an :class:`~newsfacts.model.Article` from a page's HTML.

    The main text (without navigation, ads and footers) becomes ``text``; ``title``, ``author``
    and ``published`` come from the page's metadata. ``url`` is stored as given (else the page's
    canonical URL). Keyword ``metadata`` (``id``, ``source``, ``title``...) overrides what the
    page says. Raises :class:`ImportError` naming the extra when trafilatura is missing and
    :class:`ValueError` when the page has no main text.
    """
    if not isinstance(html, (str, bytes)):
        raise TypeError(f"from_html() expected str or bytes, got {type(html).__name__}")
    traf = _trafilatura()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml truth-testing inside trafilatura
        doc = traf.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    if doc is None:
        raise ValueError("no main text found in the HTML")
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no main text found in the HTML")
    fields: dict[str, Any] = {
        "text": text,
        "title": _clean(data.get("title")),
        "author": _clean(data.get("author")),
        "url": url or _clean(data.get("url")),
        "source": _clean(data.get("sitename")),
        "published": _clean(data.get("date")),
    }
    page_date = fields["published"]
    if page_date is not None:
        try:
            _dt.date.fromisoformat(page_date[:10])
        except ValueError:
            fields["published"] = None  # a date the page states loosely is not worth failing on
    fields.update(metadata)
    return Article(**{k: v for k, v in fields.items() if v is not None})
