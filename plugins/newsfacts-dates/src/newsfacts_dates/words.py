"""The plugin's word lists, read once from ``data/words.tsv``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import attrs

__all__ = ["Words", "words"]


@attrs.frozen
class Words:
    """Month, weekday, modifier, part-of-month and relative-phrase tables."""

    months: dict[str, int]
    weekdays: dict[str, int]
    parts: dict[str, tuple[int, int | None]]
    modifiers: tuple[str, ...]
    relative: dict[str, tuple[str, int]]


@lru_cache(maxsize=1)
def words() -> Words:
    """Parse the data file (once per process)."""
    raw = resources.files(__package__).joinpath("data", "words.tsv").read_text(encoding="utf-8")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    parts: dict[str, tuple[int, int | None]] = {}
    modifiers: list[str] = []
    relative: dict[str, tuple[str, int]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, word, *rest = line.split("\t")
        value = rest[0] if rest else ""
        if kind == "month":
            months[word] = int(value)
        elif kind == "weekday":
            weekdays[word] = int(value)
        elif kind == "part":
            first, last = value.split("-")
            parts[word] = (int(first), None if last == "end" else int(last))
        elif kind == "modifier":
            modifiers.append(word)
        elif kind == "relative":
            unit, offset = value.split(":")
            relative[word] = (unit, int(offset))
        else:
            raise ValueError(f"words.tsv: unknown kind {kind!r} in line {line!r}")
    return Words(months, weekdays, parts, tuple(modifiers), relative)
