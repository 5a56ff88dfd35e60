"""Lazy, cached access to the data files under ``newsfacts/data/quantities/``."""

from __future__ import annotations

from functools import cache

from ... import resources

__all__ = ["table", "words"]

_DIR = "quantities/"


@cache
def words(name: str, lower: bool = True) -> frozenset[str]:
    """A word list as a set (lower-cased unless ``lower`` is false)."""
    return resources.word_set(_DIR + name, lower)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated table; a missing trailing cell reads as ``""``."""
    rows = resources.read_table(_DIR + name)
    keys = list(rows[0]) if rows else []
    return tuple({k: row.get(k, "") for k in keys} for row in rows)
