"""Immutable value types: the article, every kind of fact, and the per-article result.

Every fact carries ``start``/``end``: Python ``str`` offsets into ``Article.text`` exactly as
given, so ``article.text[fact.start:fact.end] == fact.text`` always holds. Each fact type only
checks what it can see on its own (offsets ordered, non-negative); the pipeline checks the slice
against the article text at the boundary, before a fact can enter a result.

Serialization lives in :mod:`newsfacts.serialize`; the ``to_dict``/``from_dict`` methods here
only delegate to it.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import deque
from collections.abc import Mapping
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "BOUNDS",
    "CHANGES",
    "FEATURES",
    "MODALITIES",
    "QUOTE_KINDS",
    "Article",
    "ArticleFacts",
    "Boilerplate",
    "Claim",
    "ExtractorError",
    "Fact",
    "Location",
    "Person",
    "Quantity",
    "Quote",
    "RecordFact",
]

Bound = Literal["exact", "approximate", "at_least", "at_most", "more_than", "less_than", "range"]
Change = Literal["increase", "decrease"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Feature = Literal["country", "admin1", "city", "region", "continent", "feature"]
Modality = Literal["asserted", "reported", "projected", "denied", "hedged"]

BOUNDS: tuple[str, ...] = (
    "exact",
    "approximate",
    "at_least",
    "at_most",
    "more_than",
    "less_than",
    "range",
)
CHANGES: tuple[str, ...] = ("increase", "decrease")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
FEATURES: tuple[str, ...] = ("country", "admin1", "city", "region", "continent", "feature")
MODALITIES: tuple[str, ...] = ("asserted", "reported", "projected", "denied", "hedged")


# Validators are plain functions rather than attrs' composed ones (``optional(instance_of())``
# is two Python calls per field): extractors build tens of facts per article.


def _opt_float(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (int, float)):
        raise TypeError(_wrong_type(instance, attribute, "a number or None", value))


def _opt_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, int):
        raise TypeError(_wrong_type(instance, attribute, "int or None", value))


def _opt_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(_wrong_type(instance, attribute, "str or None", value))


def _wrong_type(
    instance: object, attribute: attrs.Attribute[Any], expected: str, value: object
) -> str:
    return (
        f"{type(instance).__name__}.{attribute.name} must be {expected}, got {type(value).__name__}"
    )


def _to_date(value: object) -> _dt.date | None:
    """Accept a date, a datetime or an ISO 8601 string; keep only the calendar date."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(
                f"Article.published: expected an ISO 8601 date like '2024-10-23', got {value!r}"
            ) from None
    raise TypeError(
        f"Article.published: expected a date, datetime or ISO string, got {type(value).__name__}"
    )


# Pickling (worker processes send results back this way): attrs' slotted classes pickle a dict
# of field names per object and restore it field by field in Python. A tuple of the values,
# restored by one C-level ``map``, writes in ~40% less time and ~15% fewer bytes. Validators
# and converters do not run again: the values come from an object that passed them.
_FIELDS: dict[type, tuple[tuple[str, ...], attrgetter[Any]]] = {}


def _fields_of(cls: type) -> tuple[tuple[str, ...], attrgetter[Any]]:
    found = _FIELDS.get(cls)
    if found is None:
        names = tuple(a.name for a in attrs.fields(cls))
        found = _FIELDS[cls] = (names, attrgetter(*names))
    return found


def _unpickle(cls: type, values: tuple[Any, ...]) -> Any:
    obj: Any = object.__new__(cls)
    deque(map(object.__setattr__, repeat(obj), _fields_of(cls)[0], values), maxlen=0)
    return obj


def _reduce(self: object) -> tuple[Any, ...]:
    cls = type(self)
    return (_unpickle, (cls, _fields_of(cls)[1](self)))


def _check_text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(
            f"{type(instance).__name__}.{attribute.name} must be str, got {type(value).__name__}"
        )


@attrs.frozen(kw_only=True)
class Article:
    """A news article: the text that every offset points into, plus its metadata."""

    __reduce__ = _reduce

    text: str = attrs.field(validator=_check_text)
    id: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    source: str | None = attrs.field(default=None, validator=_opt_str)
    author: str | None = attrs.field(default=None, validator=_opt_str)
    published: _dt.date | None = attrs.field(default=None, converter=_to_date)
    language: str = attrs.field(default="en", validator=_check_text)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], **metadata: Any) -> Article:
        """Read a UTF-8 text file; its file name becomes the id unless one is given.

        Undecodable bytes raise :class:`UnicodeDecodeError` whose message names the file and the
        byte offset.
        """
        p = Path(path)
        data = p.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(
                exc.encoding,
                exc.object,
                exc.start,
                exc.end,
                f"{p}: not valid UTF-8 at byte {exc.start}",
            ) from None
        metadata.setdefault("id", p.name)
        return cls(text=text, **metadata)

    @classmethod
    def from_html(cls, html: str | bytes, *, url: str | None = None, **metadata: Any) -> Article:
        """The main text, title, author and date of an HTML page (needs ``newsfacts[html]``).

        See :func:`newsfacts.html.article_from_html`.
        """
        from .html import article_from_html

        return article_from_html(html, url=url, **metadata)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from a mapping such as one line of a JSONL dump."""
        from .serialize import article_from_dict

        return article_from_dict(data)


def _check_offsets(instance: Fact, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise TypeError(
            f"{type(instance).__name__}.{attribute.name} must be int, got {type(value).__name__}"
        )
    if value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")


@attrs.frozen(kw_only=True)
class Fact:
    """Base of every fact: a span of the article text.

    ``key`` names the list the fact appears under in a result (``"quantities"``,
    ``"dates"``...). Plugins define their own fact kinds by subclassing with a new ``key``.
    ``boilerplate`` is true only for facts kept from boilerplate on request.
    """

    __reduce__ = _reduce

    key: ClassVar[str] = "facts"

    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)
    text: str = attrs.field(validator=_check_text)
    boilerplate: bool = False

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"{type(self).__name__}: end ({self.end}) is before start ({self.start})"
            )
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"{type(self).__name__}: text has {len(self.text)} characters but the span "
                f"{self.start}:{self.end} has {self.end - self.start}"
            )

    def to_dict(self) -> dict[str, Any]:
        """The fact as plain JSON-ready data."""
        from .serialize import fact_to_dict

        return fact_to_dict(self)


def _one_of(choices: tuple[str, ...], *, optional: bool = False) -> Any:
    """A validator: the value is one of ``choices`` (or None when ``optional``)."""
    allowed = frozenset(choices)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (isinstance(value, str) and value in allowed) or (optional and value is None):
            return
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} must be one of "
            f"{', '.join(choices)}{' or None' if optional else ''}, got {value!r}"
        )

    return check


def _int_tuple(value: Any) -> tuple[int, ...]:
    return tuple(map(int, value))


def _span_tuple(value: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in value)


@attrs.frozen(kw_only=True)
class Quantity(Fact):
    """A number a text states: its value or range, how it is bounded, its unit and counted thing."""

    key: ClassVar[str] = "quantities"

    value: float | None = attrs.field(default=None, validator=_opt_float)
    low: float | None = attrs.field(default=None, validator=_opt_float)
    high: float | None = attrs.field(default=None, validator=_opt_float)
    bound: Bound = attrs.field(default="exact", validator=_one_of(BOUNDS))
    change: Change | None = attrs.field(default=None, validator=_one_of(CHANGES, optional=True))
    unit: str | None = attrs.field(default=None, validator=_opt_str)
    entity: str | None = attrs.field(default=None, validator=_opt_str)
    vague: bool = False
    #: for a change stated as "from X to Y": X (the old level); ``value`` is Y.
    previous: float | None = attrs.field(default=None, validator=_opt_float)


@attrs.frozen(kw_only=True)
class Quote(Fact):
    """Something a speaker said, directly (in quote marks), indirectly, or mixed.

    ``text`` is the content without quote marks. A direct quote split by its attribution
    (``"X," he said, "Y"``) is one quote whose span runs from the first piece to the last and
    whose ``parts`` list the content pieces; :attr:`content` joins them.
    """

    key: ClassVar[str] = "quotes"

    kind: QuoteKind = attrs.field(validator=_one_of(QUOTE_KINDS))
    speaker: str | None = attrs.field(default=None, validator=_opt_str)
    speaker_start: int | None = attrs.field(default=None, validator=_opt_int)
    speaker_end: int | None = attrs.field(default=None, validator=_opt_int)
    cue: str | None = attrs.field(default=None, validator=_opt_str)
    role: str | None = attrs.field(default=None, validator=_opt_str)
    parts: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_span_tuple)

    @property
    def content(self) -> str:
        """The quoted words only: the parts joined by a space, or the whole text."""
        if not self.parts:
            return self.text
        return " ".join(
            self.text[a - self.start : b - self.start].strip(" ,") for a, b in self.parts
        )


@attrs.frozen(kw_only=True)
class Person(Fact):
    """A mention of a person (or speaking organisation), resolved to a canonical name."""

    key: ClassVar[str] = "people"

    name: str = attrs.field(validator=_check_text)
    role: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class Location(Fact):
    """A place name resolved to a GeoNames entry (or a curated region)."""

    key: ClassVar[str] = "locations"

    name: str = attrs.field(validator=_check_text)
    feature: Feature = attrs.field(validator=_one_of(FEATURES))
    country_code: str | None = attrs.field(default=None, validator=_opt_str)
    geonameid: int | None = attrs.field(default=None, validator=_opt_int)
    latitude: float | None = attrs.field(default=None, validator=_opt_float)
    longitude: float | None = attrs.field(default=None, validator=_opt_float)
    demonym: bool = False
    metonymic: bool = False


@attrs.frozen(kw_only=True)
class Claim(Fact):
    """A statement carrying a quantity (or confirming/denying an event), with who asserts it.

    ``quantities`` and ``locations`` are indexes into the same result's lists; ``quote`` is the
    index of the enclosing quote, if any.
    """

    key: ClassVar[str] = "claims"

    source: str = attrs.field(validator=_check_text)
    modality: Modality = attrs.field(validator=_one_of(MODALITIES))
    quantities: tuple[int, ...] = attrs.field(default=(), converter=_int_tuple)
    time: str | None = attrs.field(default=None, validator=_opt_str)
    time_value: str | None = attrs.field(default=None, validator=_opt_str)
    subject: str | None = attrs.field(default=None, validator=_opt_str)
    entity: str | None = attrs.field(default=None, validator=_opt_str)
    locations: tuple[int, ...] = attrs.field(default=(), converter=_int_tuple)
    quote: int | None = attrs.field(default=None, validator=_opt_int)
    source_start: int | None = attrs.field(default=None, validator=_opt_int)
    source_end: int | None = attrs.field(default=None, validator=_opt_int)
    cue: str | None = attrs.field(default=None, validator=_opt_str)
    subject_key: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class Boilerplate(Fact):
    """A stretch of web junk (ad, "READ ALSO" block, author bio...) and why it was judged so."""

    key: ClassVar[str] = "boilerplate"

    reason: str = attrs.field(validator=_check_text)


@attrs.frozen(kw_only=True)
class RecordFact(Fact):
    """A fact of a kind this process has no class for (e.g. read back from JSON): kept verbatim."""

    kind_key: str = attrs.field(validator=_check_text)
    fields: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class ExtractorError:
    """What went wrong in one extractor; the other extractors' facts are unaffected."""

    __reduce__ = _reduce

    extractor: str = attrs.field(validator=_check_text)
    error: str = attrs.field(validator=_check_text)
    message: str = attrs.field(validator=_check_text)


def _fact_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _extra_map(value: Mapping[str, Any]) -> Mapping[str, tuple[Fact, ...]]:
    return {str(k): tuple(v) for k, v in value.items()}


@attrs.frozen(kw_only=True)
class ArticleFacts:
    """Everything extracted from one article. Plugin fact kinds live in ``extra`` by key."""

    __reduce__ = _reduce

    article: Article
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_fact_tuple)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_fact_tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_fact_tuple)
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_fact_tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_fact_tuple)
    boilerplate: tuple[Boilerplate, ...] = attrs.field(default=(), converter=_fact_tuple)
    extra: Mapping[str, tuple[Fact, ...]] = attrs.field(factory=dict, converter=_extra_map)
    errors: tuple[ExtractorError, ...] = attrs.field(default=(), converter=_fact_tuple)

    CORE_KEYS: ClassVar[tuple[str, ...]] = (
        "quantities",
        "quotes",
        "people",
        "locations",
        "claims",
        "boilerplate",
    )

    def __getitem__(self, key: str) -> tuple[Fact, ...]:
        """Facts of one kind by key, core or plugin: ``facts["dates"]``."""
        if key in self.CORE_KEYS:
            return tuple(getattr(self, key))
        try:
            return self.extra[key]
        except KeyError:
            raise KeyError(f"no facts of kind {key!r} in this result") from None

    def all_facts(self) -> list[Fact]:
        """Every fact of every kind, in key order."""
        out: list[Fact] = []
        for key in self.CORE_KEYS:
            out.extend(getattr(self, key))
        for facts in self.extra.values():
            out.extend(facts)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON object for this article (see ``docs/output.md``)."""
        from .serialize import facts_to_dict

        return facts_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a result from :meth:`to_dict` output."""
        from .serialize import facts_from_dict

        result = facts_from_dict(data)
        assert isinstance(result, cls)
        return result
