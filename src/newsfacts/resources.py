"""Package data files (word lists, tables), read once and cached.

Lists are UTF-8 text, one entry per line; ``#`` starts a comment line. Tables are tab-separated
with a header line. Keeping them as files lets linguists edit them without touching code.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

__all__ = ["data_text", "iter_lines", "read_table", "word_list", "word_set"]


def data_text(name: str) -> str:
    """The text of ``newsfacts/data/<name>``."""
    return resources.files("newsfacts").joinpath("data", name).read_text(encoding="utf-8")


def iter_lines(name: str) -> Iterator[str]:
    """Non-blank, non-comment lines of a data file, stripped."""
    for line in data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a list file, in file order."""
    return tuple(iter_lines(name))


@cache
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    """Entries of a list file as a set, lower-cased unless ``lower`` is false."""
    return frozenset(w.lower() if lower else w for w in iter_lines(name))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated table with a header line."""
    lines = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return ()
    header = lines[0].split("\t")
    return tuple(dict(zip(header, ln.split("\t"))) for ln in lines[1:])
