"""Plain-data (JSON) form of articles and results, kept apart from the model.

The shape is the public contract documented in ``docs/output.md`` and in the JSON Schema
shipped as ``newsfacts/schema/article-facts.schema.json``: fields may be added, never renamed.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

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

__all__ = [
    "article_from_dict",
    "article_to_dict",
    "dumps",
    "fact_from_dict",
    "fact_to_dict",
    "facts_from_dict",
    "facts_to_dict",
    "schema",
]

CORE_TYPES: dict[str, type[Fact]] = {
    t.key: t for t in (Quantity, Quote, Person, Location, Claim, Boilerplate)
}
_ARTICLE_FIELDS = ("id", "source", "title", "author", "url", "published", "language", "text")


def article_to_dict(article: Article) -> dict[str, Any]:
    """Metadata first, then the text every offset points into."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "author": article.author,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
    }


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """An article from a mapping; unknown keys are an error, so typos do not pass silently."""
    if not isinstance(data, Mapping):
        raise TypeError(f"article data must be a mapping, got {type(data).__name__}")
    unknown = set(data) - set(_ARTICLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown article field(s): {', '.join(sorted(unknown))}")
    if "text" not in data:
        raise ValueError("article data has no 'text'")
    kwargs = {k: data[k] for k in _ARTICLE_FIELDS if data.get(k) is not None}
    if kwargs.get("id") is not None:
        kwargs["id"] = str(kwargs["id"])
    return Article(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """``start``, ``end``, ``text`` then the kind's own fields; ``boilerplate`` only when true."""
    if isinstance(fact, RecordFact):
        out = {"start": fact.start, "end": fact.end, "text": fact.text}
        out.update(_plain(fact.fields))
    else:
        out = {}
        for a in attrs.fields(type(fact)):
            if a.name == "boilerplate":
                continue
            out[a.name] = _plain(getattr(fact, a.name))
    if fact.boilerplate:
        out["boilerplate"] = True
    return out


def fact_from_dict(
    key: str, data: Mapping[str, Any], types: Mapping[str, type[Fact]] | None = None
) -> Fact:
    """Rebuild a fact of kind ``key``; kinds with no known class come back as ``RecordFact``."""
    cls = (types or {}).get(key) or CORE_TYPES.get(key)
    if cls is None:
        fields = {k: v for k, v in data.items() if k not in ("start", "end", "text", "boilerplate")}
        return RecordFact(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            boilerplate=bool(data.get("boilerplate", False)),
            kind_key=key,
            fields=fields,
        )
    names = {a.name for a in attrs.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{key}: unknown field(s) {', '.join(sorted(unknown))}")
    return cls(**dict(data))


def facts_to_dict(facts: ArticleFacts) -> dict[str, Any]:
    """The documented JSON object for one article."""
    out: dict[str, Any] = {"article": article_to_dict(facts.article)}
    for key in ArticleFacts.CORE_KEYS:
        out[key] = [fact_to_dict(f) for f in getattr(facts, key)]
    for key, items in facts.extra.items():
        out[key] = [fact_to_dict(f) for f in items]
    out["errors"] = [attrs.asdict(e) for e in facts.errors]
    return out


def facts_from_dict(
    data: Mapping[str, Any], types: Mapping[str, type[Fact]] | None = None
) -> ArticleFacts:
    """Rebuild a result from :func:`facts_to_dict` output.

    ``types`` maps plugin fact keys to classes; by default the loaded plugins' registered types
    are used, and unknown kinds are kept as :class:`~newsfacts.model.RecordFact`.
    """
    if types is None:
        from .plugins import get_registry

        types = get_registry().fact_types
    article = article_from_dict(data["article"])
    core: dict[str, Any] = {}
    extra: dict[str, tuple[Fact, ...]] = {}
    for key, items in data.items():
        if key in ("article", "errors"):
            continue
        facts = tuple(fact_from_dict(key, d, types) for d in items)
        if key in ArticleFacts.CORE_KEYS:
            core[key] = facts
        else:
            extra[key] = facts
    errors = tuple(ExtractorError(**e) for e in data.get("errors", ()))
    return ArticleFacts(article=article, extra=extra, errors=errors, **core)


def dumps(facts: ArticleFacts, *, indent: int | None = None) -> str:
    """The result as a JSON string (UTF-8 text, non-ASCII kept)."""
    return json.dumps(facts_to_dict(facts), ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one article's output object."""
    path = resources.files("newsfacts").joinpath("schema", "article-facts.schema.json")
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result
