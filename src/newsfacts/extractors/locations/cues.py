"""Context cues that say a name is a first-level region rather than a city of the same name.

"Quebec government", "New York Gov. Andrew Cuomo", "the province of Quebec", "northern Quebec":
the words next to the name (``admin_cues.tsv``) pick the state or province reading of a name
that also names a city ("Quebec" the city, "New York" the city). A name listed with
first-level regions ("California or Washington", "Alaska, Hawaii and Washington") is one too.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ... import resources as _res
from .gazetteer import DATA, Candidate

__all__ = ["admin1_reading", "list_connector", "place_cue", "region_cue"]


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in _res.read_table(f"{DATA}/admin_cues.tsv"):
        out.setdefault(row["kind"], []).append(row["word"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ ]") for w in words)


@lru_cache(maxsize=1)
def _after() -> regex.Pattern[str]:
    # Name, an optional possessive, up to two capitalised words ("Health"), then the cue.
    return regex.compile(
        r"(?:['’]s)?+(?:[ ]\p{Lu}[\p{L}\p{M}]{0,20}+){0,2}?[ ]"
        rf"(?:{_alternation(_words().get('after', ()))})(?![\p{{L}}\p{{M}}\p{{N}}])"
    )


@lru_cache(maxsize=1)
def _before() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{_alternation(_words().get('before', ()))})"
        r"[ ](?:the[ ])?+$"
    )


_WINDOW = 40


def region_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it names a state or province."""
    if _after().match(text, end, min(len(text), end + 3 * _WINDOW)) is not None:
        return True
    return place_cue(text, start)


def place_cue(text: str, start: int) -> bool:
    """Whether the words right before ``start`` place a region ("state of", "northern",
    "upstate"): a statement about the region itself, unlike a government word after the
    name ("New York Attorney General"), which a city's story also uses."""
    return _before().search(text, max(0, start - _WINDOW), start) is not None


def list_connector(gap: str) -> bool:
    """Whether ``gap``, the text between two names, joins them as items of one list."""
    return gap.strip() in _words().get("list", ()) and "\n" not in gap


def admin1_reading(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The first-level region readings among ``cands``."""
    return tuple(c for c in cands if not c.demonym and c.place.feature == "admin1")
