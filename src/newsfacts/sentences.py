"""Rule-based paragraph and sentence splitting for news text.

Paragraphs are non-blank lines (news pages put one paragraph per line, blank lines or not).
Sentences end at ``.``/``!``/``?``/``…`` (with any closing quotes or brackets) before whitespace
and a capital, digit or opening quote, except after known abbreviations ("U.S.", "Mr.", "Oct.",
"Gen."); a dateline such as ``KYIV:`` opening a paragraph is a segment of its own. Spans exclude
surrounding whitespace; together they hold every non-space character once, in order.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .resources import word_set

# A paragraph: a line (split at \n and \r only) from its first to its last character that is not
# ``str.isspace`` (the regex module's ``\s`` plus the separators \x1c-\x1f). The lazy part gives
# back only the line's trailing spaces, so the scan stays linear.
_PARAGRAPH = regex.compile(r"[^\s\x1c-\x1f](?:[^\n\r]*[^\s\x1c-\x1f])?")
_SPAN = regex.Match.span
# A dateline ("KYIV:", "NEW YORK, Jan:"), tried with ``match`` at the start of each paragraph.
_DATELINE = regex.compile(r"(\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?(?:,\s?\p{Lu}[\p{L}.]{1,20})?:)\s")
# One pass over the whole text finds every place that may break a paragraph into sentences: a
# sentence end (terminal punctuation plus closing quotes/brackets) followed, on the same line, by
# spaces and a capital, digit or opening quote/bracket; and every ``:`` before a space (a
# dateline ends with one). A paragraph holding neither is one sentence; the others are split
# from their share of these matches. Possessive quantifiers keep the scan linear on runs of
# punctuation; the character before a paragraph or segment start is a space, never punctuation.
_BREAK = regex.compile(
    r"[.!?…]++[\"'”’»)\]]*+(?=[^\S\n\r]++(?:''|[\"'“‘«(\[])?+[\p{Lu}\p{N}])|:(?=\s)"
)
# The farthest a dateline's ``:`` can be from the paragraph start: 1 + 40 + (1 + 1 + 1 + 20).
_DATELINE_COLON_REACH = 64
_FIRST_WORD = regex.compile(r"\s*+(\p{L}++)")
# The dotted word ending a window, found by a reverse search (``(?r)``): tried from the end
# first, it succeeds or fails at once instead of being retried at every position of the window.
# Greedy, not possessive, because the regex module's possessive quantifiers do not give the same
# matches in reverse; the window is at most 24 characters, so any backtracking is bounded.
_WORD_BEFORE = regex.compile(r"(?r)(?<!\p{L})\p{L}+(?:\.\p{L}+)*\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations.txt")


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return word_set("sentence_starters.txt")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding whitespace."""
    return list(map(_SPAN, _PARAGRAPH.finditer(text)))


def _is_abbreviation(text: str, para_start: int, dot_end: int) -> bool:
    """True when the period ending at ``dot_end`` belongs to an abbreviation."""
    window_start = max(para_start, dot_end - 24)
    before = text[window_start:dot_end]
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    token = m.group(0)
    if token.lower() in _abbreviations():
        return True
    # Single capital initials ("J. Smith") and dotted acronyms ("U.S.", "U.N.").
    return len(token) == 2 and token[0].isupper()


def _opens_sentence(text: str, dot: int, after: int) -> bool:
    """After a dotted acronym ("U.S."), a usual sentence opener ("The") still starts a sentence.

    ``dot`` is the offset of the period, ``after`` the end of the candidate sentence end.
    """
    if "." not in text[max(0, dot - 4) : dot]:
        return False
    word = _FIRST_WORD.match(text, after, after + 30)
    return bool(word and word.group(1).lower() in _starters())


def _split(text: str, start: int, end: int, breaks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]``, given its ``_BREAK`` matches."""
    out: list[tuple[int, int]] = []
    seg_start = start
    if any(text[first] == ":" and first - start <= _DATELINE_COLON_REACH for first, _ in breaks):
        m = _DATELINE.match(text, start, end)
        if m:
            out.append((start, m.end(1)))
            seg_start = m.end(0)
            while seg_start < end and text[seg_start].isspace():
                seg_start += 1
    for first, stop in breaks:
        if first < seg_start or text[first] == ":":
            continue  # inside the dateline, or a colon
        if first > start and text[first - 1] in "[(":
            continue  # an elision such as "[...]" inside a quote
        if (
            stop - first == 1
            and text[first] == "."
            and _is_abbreviation(text, start, stop)
            and not _opens_sentence(text, first, stop)
        ):
            continue
        if stop > seg_start:
            out.append((seg_start, stop))
        seg_start = stop
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
    if seg_start < end:
        out.append((seg_start, end))
    return out


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph ``text[start:end]``."""
    return _split(text, start, end, [m.span() for m in _BREAK.finditer(text, start, end)])


def sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the whole text, paragraph by paragraph."""
    if paras is None:
        paras = paragraphs(text)
    breaks = list(map(_SPAN, _BREAK.finditer(text)))
    if not breaks:
        return list(paras)
    starts = [a for a, _ in paras]
    out: list[tuple[int, int]] = []
    done = 0  # paragraphs before this index are in ``out``
    i = 0
    while i < len(breaks):
        k = bisect_right(starts, breaks[i][0], done) - 1
        if k < done or breaks[i][0] >= paras[k][1]:
            i += 1  # not inside a paragraph (cannot happen: a match is not a space)
            continue
        a, b = paras[k]
        j = i
        while j < len(breaks) and breaks[j][0] < b:
            j += 1
        out.extend(paras[done:k])
        out.extend(_split(text, a, b, breaks[i:j]))
        done = k + 1
        i = j
    out.extend(paras[done:])
    return out
