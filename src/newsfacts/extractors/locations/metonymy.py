"""Metonymy: a country or capital standing for its government ("Pyongyang denies",
"Seoul summoned", "Moscow has warned")."""

from __future__ import annotations

from functools import lru_cache

import regex

from ... import resources as _res
from .gazetteer import DATA, Place

__all__ = ["is_metonymic"]

_AFTER = regex.compile(
    r"[ \t]{1,3}+(?:(?:has|have|had|will|would|is|was|also|again|then|now|quickly|repeatedly"
    r"|on[ ]\p{Lu}\p{Ll}{2,8}+|not|never|swiftly)[ \t]{1,3}+){0,3}+(\p{Ll}{2,20}+)"
)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return _res.word_set(f"{DATA}/metonymy_verbs.txt")


def is_metonymic(text: str, end: int, place: Place, demonym: bool) -> bool:
    """True when the name ending at ``end`` is a country or capital followed by a verb of
    speaking or acting, so it stands for a government."""
    if demonym or not (place.feature == "country" or place.capital):
        return False
    m = _AFTER.match(text, end, min(len(text), end + 80))
    return m is not None and m.group(1) in _verbs()
