"""The fact kind this plugin adds: a date or time expression."""

from __future__ import annotations

from typing import ClassVar

import attrs

from newsfacts import Fact

__all__ = ["EXPRESSION_TYPES", "DateFact"]

#: What shape of expression a fact is (see the README for examples of each).
EXPRESSION_TYPES: tuple[str, ...] = (
    "date",
    "date_range",
    "month",
    "month_year",
    "year",
    "weekday",
    "relative",
    "time",
)

_opt_str = attrs.validators.optional(attrs.validators.instance_of(str))


@attrs.frozen(kw_only=True)
class DateFact(Fact):
    """A date or time expression such as "on Wednesday", "October 8 to 13" or "since August".

    ``value`` is an ISO 8601 date (``2024-10-23``), a range of dates
    (``2024-10-08/2024-10-13``) or, for clock times, a time (``10:09``). Dates that need the
    publication date to be resolved ("on Wednesday", "last week", "October 23" with no year) have
    ``value=None`` when the article has no ``published`` date. ``modifier`` is the preposition
    or qualifier in front ("on", "since", "by", "last"...), lower-cased, or None.
    """

    key: ClassVar[str] = "dates"

    value: str | None = attrs.field(default=None, validator=_opt_str)
    expression_type: str = attrs.field(validator=attrs.validators.in_(EXPRESSION_TYPES))
    modifier: str | None = attrs.field(default=None, validator=_opt_str)
