"""The counted thing: the noun after a figure ("1,500 more troops" -> troop), as a lemma.

No tagger: a figure is followed by a short run of words up to a function word or punctuation
(``entity_stop.txt``); words like "more"/"additional" are skipped (``entity_skip.txt``). For a
count other than one the head is the first plural noun of the run (so "two North Korean
brigades" -> brigade); for one it is the last word. Plurals are reduced to lemmas by suffix rules
plus ``plurals.tsv``; ``not_plural.txt`` lists -s words that are not plurals.
"""

from __future__ import annotations

from functools import lru_cache

from ._data import table, words
from .scan import Token

__all__ = ["MAX_RUN", "head_noun", "is_plural", "lemma"]

MAX_RUN = 5
_JOINERS = frozenset({"and", "or"})


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return {r["plural"]: r["lemma"] for r in table("plurals.tsv")}


def is_plural(word: str) -> bool:
    """Whether ``word`` (lower case) reads as a plural noun."""
    if word in _irregular():
        return True
    if len(word) < 3 or not word.endswith("s") or word in words("not_plural.txt"):
        return False
    return not word.endswith(("ss", "us", "is", "'s", "’s", "ous"))


def lemma(word: str) -> str:
    """Singular form of a (lower-case) noun."""
    irr = _irregular()
    if word in irr:
        return irr[word]
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{lemma(last)}"
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if not is_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def head_noun(
    tokens: list[Token], i: int, count_is_one: bool, compound: bool = False
) -> tuple[int, str] | None:
    """``(token index, lemma)`` of the counted noun in the run starting at token ``i``.

    For a count other than one, one figure inside the run is passed over ("eight million 250ml
    bottles", "two new 737 Max jets"). With ``compound`` (a small whole count), a run of singular
    nouns with no plural reads its first word as the counted thing: "a 3 cylinder engine",
    "a 5 speed gearbox", "a three course meal" (the count measures the modifier noun).
    """
    stop = words("entity_stop.txt")
    skip = words("entity_skip.txt")
    n = len(tokens)
    run: list[int] = []
    j = i
    while j < n and tokens[j].kind == "word" and tokens[j].text.lower() in skip:
        j += 1
    first = j
    joined = False
    passed_figure = False
    while j < n and len(run) < MAX_RUN:
        tok = tokens[j]
        if tok.kind == "num" and not count_is_one and not joined and not passed_figure:
            nxt = tokens[j + 1] if j + 1 < n else None
            if (
                nxt is not None
                and nxt.kind == "word"
                and (nxt.start == tok.end or nxt.text[0].isupper())
            ):
                passed_figure = True
                j += 1
                continue
        if tok.kind != "word":
            break
        w = tok.text.lower()
        if w in _JOINERS and run and not joined and not count_is_one:
            # "460 Kia and Hyundai vehicles", "4.3M digital and physical sales": modifiers
            # joined before the counted noun (the noun must still follow)
            joined = True
            j += 1
            continue
        if w in stop:
            break
        run.append(j)
        if is_plural(w) or w.endswith("men"):
            return j, lemma(w)
        j += 1
    if compound and not passed_figure and len(run) >= 2 and run[0] == first:
        w = tokens[first].text
        # not an adverb or a participle ("a 3 closely watched race"); "speed" is a noun
        participle = w.endswith("ed") and not w.endswith("eed")
        if w.isalpha() and w.islower() and not participle and not w.endswith("ly"):
            return first, w
    if not run or not count_is_one:
        return None
    last = run[-1]
    w = tokens[last].text.lower()
    if w.endswith(("ly", "ed")) or len(run) > 3:
        return None
    return last, w
