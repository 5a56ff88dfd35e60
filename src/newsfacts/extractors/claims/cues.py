"""Cue tables for claims (modality, source attribution, entity families, events), loaded lazily
from ``newsfacts/data/claims/`` and compiled once into literal-alternation regexes."""

from __future__ import annotations

from functools import lru_cache

import attrs
import regex

from ...resources import read_table, word_list

__all__ = [
    "MODALITY_RANK",
    "Cue",
    "confirm_cues",
    "event_of",
    "families",
    "family_of",
    "find_cues",
    "modality_cues",
    "source_cues",
]

#: Precedence when several cues apply to one claim: the highest wins.
MODALITY_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "projected": 3, "denied": 4}


@attrs.frozen
class Cue:
    """A matched cue phrase: span, text and what the table says about it."""

    start: int
    end: int
    text: str
    label: str


def _literal_regex(words: list[str]) -> regex.Pattern[str]:
    alts = "|".join(
        regex.escape(w).replace(r"\ ", r"\s{1,3}")
        for w in sorted(set(words), key=lambda w: (-len(w), w))
    )
    return regex.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", regex.IGNORECASE)


@attrs.frozen
class _Matcher:
    pattern: regex.Pattern[str]
    labels: dict[str, str]

    def find(self, text: str, start: int, end: int, sentence_start: int) -> list[Cue]:
        out: list[Cue] = []
        for m in self.pattern.finditer(text, start, end):
            word = m.group()
            # Capitalized mid-sentence ("May", "Will", "the United States") it is a name.
            if word[0].isupper() and m.start() != sentence_start:
                before = text[max(0, m.start() - 3) : m.start()].rstrip()
                if not before or before[-1] not in "“\"‘'(:–—-.!?":
                    continue
            out.append(Cue(m.start(), m.end(), word, self.labels[" ".join(word.lower().split())]))
        return out


@lru_cache(maxsize=1)
def modality_cues() -> _Matcher:
    rows = read_table("claims/modality.tsv")
    labels = {r["cue"].lower(): r["modality"] for r in rows}
    return _Matcher(_literal_regex(list(labels)), labels)


@lru_cache(maxsize=1)
def source_cues() -> _Matcher:
    rows = read_table("claims/sources.tsv")
    labels = {r["cue"].lower(): r["kind"] for r in rows}
    return _Matcher(_literal_regex(list(labels)), labels)


@lru_cache(maxsize=1)
def confirm_cues() -> _Matcher:
    words = [w.lower() for w in word_list("claims/events_confirm.tsv") if w != "cue"]
    return _Matcher(_literal_regex(words), {w: "confirmed" for w in words})


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Counted noun (lower case, as written) -> family name."""
    return {r["word"].lower(): r["family"] for r in read_table("claims/families.tsv")}


@lru_cache(maxsize=1)
def _family_matcher() -> _Matcher:
    fam = families()
    return _Matcher(_literal_regex(list(fam)), fam)


def find_cues(matcher: _Matcher, text: str, start: int, end: int, sentence_start: int) -> list[Cue]:
    """Cues of one table inside ``text[start:end]``."""
    return matcher.find(text, start, end, sentence_start)


def family_nouns(text: str, start: int, end: int) -> list[Cue]:
    """Counted nouns of a known family inside ``text[start:end]``; ``label`` is the family."""
    return _family_matcher().find(text, start, end, -1)


def _lemma(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def family_of(entity: str) -> tuple[str, str]:
    """``(family, head)`` of a quantity's entity text: the longest known noun phrase in it, or
    its last word (singularized) as a family of its own."""
    fam = families()
    words = regex.findall(r"[\w’'-]{1,40}", entity.lower())
    for n in (2, 1):
        for i in range(len(words) - n, -1, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in fam:
                return fam[phrase], phrase
    if not words:
        return "", ""
    return _lemma(words[-1]), words[-1]


@lru_cache(maxsize=1)
def _events() -> _Matcher:
    ev = {r["word"].lower(): r["event"] for r in read_table("claims/events.tsv")}
    return _Matcher(_literal_regex(list(ev)), ev)


def event_of(text: str, start: int, end: int) -> str:
    """The event class ("killed", "wounded"...) named in ``text[start:end]``, or ""."""
    found = _events().find(text, start, end, -1)
    return found[0].label if found else ""
