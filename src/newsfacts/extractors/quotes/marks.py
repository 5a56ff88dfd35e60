"""Direct quotes: pair quote marks with one linear scan per paragraph.

Marks are classified by glyph and context (a straight ``"`` opens when it stands before a
word and closes after one), then paired with a small stack: double marks (curly, straight,
guillemets) nest inside each other, British single quotes pair only with single quotes and a
``’`` inside a word is an apostrophe. An opening mark left open at the end of a paragraph
either continues into the next paragraph (when that one opens with a quote mark, the
newspaper convention for long quotes), or takes the last closing mark inside it, or, when it
opens the paragraph, runs to the paragraph end; otherwise it is dropped. A stray mark never
affects another paragraph, and every mark is pushed and popped at most once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

import attrs
import regex

from ...document import Span

__all__ = ["RawQuote", "mark_width", "scan"]

#: ``''`` (two apostrophes) is the double quote mark of some newspapers
_MARK = regex.compile(r"''|[\"“”„«»‘’]")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_LEFT_OK = " \t\n\r([{—–-/\u00a0"


@attrs.define  # not frozen: a frozen attrs class is three times slower to build
class RawQuote:
    """Quote marks paired: ``open``/``close`` are the mark offsets (``close`` None: runs on)."""

    open: int
    close: int | None
    start: int  # content start
    end: int  # content end
    double: bool
    # content pieces when the quote runs over several paragraphs
    pieces: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=4096)
def _direction(ch: str, prev: str, nxt: str, decade: bool) -> str | None:
    """'open', 'close', or None (not a quote mark here) for the mark ``ch`` (``"`` for
    ``''``) between the characters ``prev`` and ``nxt`` (a space at a paragraph edge);
    ``decade``: the mark is a ‘ before an elided year (:func:`_decade`). A function of these
    four values only, so it is cached: a text holds few distinct mark contexts.
    """
    left_ok = prev in _LEFT_OK or prev in _DOUBLE_OPEN or prev in "‘"
    right_space = nxt.isspace()
    if ch in _DOUBLE_OPEN:
        if not left_ok and (right_space or nxt in ",.;:!?"):
            return "close"
        return "open"
    if ch in _DOUBLE_CLOSE:
        if left_ok and not right_space and (nxt.isalnum() or nxt in "…‘'"):
            return "open"
        return "close"
    if ch == '"':
        if left_ok and not right_space:
            return "open"
        if not left_ok:
            return "close"
        return None
    if ch == "‘":
        if left_ok and (nxt.isalpha() or (nxt.isdigit() and not decade)):
            return "open"
        return None
    # ’: a close only after a non-space and before a non-letter.
    if not prev.isspace() and not nxt.isalnum():
        return "close"
    return None


def _spaced_close(text: str, pos: int, lo: int) -> bool:
    """A straight ``"`` with space on both sides closes an open quote when a comma, a final
    stop or a closing single mark stands just before the space (``quality,' " he said``).
    """
    if text[pos] != '"' or mark_width(text, pos) != 1:
        return False
    j = pos - 1
    if j < lo or not text[j].isspace():
        return False
    j -= 1
    return j >= lo and text[j] in ",.?!'’"


def mark_width(text: str, pos: int) -> int:
    """Characters of the quote mark at ``pos``: 2 for ``''``, else 1."""
    return 2 if text.startswith("''", pos) else 1


def _decade(text: str, pos: int, hi: int) -> bool:
    """‘90s is an elided year, not a quote."""
    return pos + 3 < hi + 1 and text[pos + 1 : pos + 3].isdigit() and text[pos + 3 : pos + 4] == "s"


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def _paragraph_marks(text: str, paragraphs: Sequence[Span]) -> Iterator[Sequence[tuple[int, int]]]:
    """``(start, end)`` of the quote marks of each paragraph in turn: what
    ``_MARK.finditer(text, para.start, para.end)`` finds, taken from one search over the whole
    text. A paragraph is searched on its own only when a mark (``''``) crosses one of its
    edges (the whole-text search may pair its apostrophes differently).
    """
    spans = [m.span() for m in _MARK.finditer(text)]
    n = len(spans)
    at = 0  # the first mark that does not end before the paragraph
    for para in paragraphs:
        lo, hi = para.start, para.end
        while at < n and spans[at][1] <= lo:
            at += 1
        first = at
        while at < n and spans[at][0] < hi:
            at += 1
        if at == first:
            yield ()
            continue
        marks = spans[first:at]
        if marks[0][0] < lo or marks[-1][1] > hi:
            if marks[-1][1] > hi:
                at -= 1  # the next paragraph may meet it too
            marks = [m.span() for m in _MARK.finditer(text, lo, hi)]
        yield marks


def scan(text: str, paragraphs: Sequence[Span]) -> list[RawQuote]:
    """Every top-level quote in ``text``, in order."""
    out: list[RawQuote] = []
    carry: list[tuple[int, int]] = []  # pieces of a quote running over paragraphs
    carry_open = -1
    marks_of = _paragraph_marks(text, paragraphs)
    for pi, (para, marks) in enumerate(zip(paragraphs, marks_of)):
        if not marks and not carry:
            continue  # no mark, nothing running on: nothing to do
        lo, hi = para.start, para.end
        stack: list[tuple[int, bool, int]] = []  # (offset, is_double, mark width)
        last_close = -1  # last closing double mark inside the current top-level quote
        para_quotes: list[RawQuote] = []
        for pos, end in marks:
            # the match is ``''`` exactly where mark_width(text, pos) is 2 (no single ``'``
            # is a mark), so its length is the mark width
            width = end - pos
            ch = '"' if width == 2 else text[pos]
            nxt = text[end] if end < hi else " "
            d = _direction(
                ch,
                text[pos - 1] if pos > lo else " ",
                nxt,
                ch == "‘" and nxt.isdigit() and _decade(text, pos, hi),
            )
            if d is None and stack and _spaced_close(text, pos, lo):
                d = "close"  # "..., ' " he said" / "... disgrace, " Trump said"
            if d is None:
                continue
            double = ch not in "‘’"
            if d == "open":
                stack.append((pos, double, width))
                continue
            # close: pop to the nearest opener of the same family
            k = len(stack) - 1
            while k >= 0 and stack[k][1] != double:
                k -= 1
            if k < 0:
                continue
            opener, _, opener_width = stack[k]
            del stack[k:]
            if not stack:
                a, b = _content(text, opener + opener_width, pos)
                if a < b:
                    para_quotes.append(RawQuote(opener, pos, a, b, double))
                last_close = -1
            elif double:
                last_close = pos
        # paragraph end: resolve what is still open
        if carry:
            # this paragraph continued a running quote: its first quote is the tail
            if para_quotes and para_quotes[0].open == lo:
                first = para_quotes.pop(0)
                carry.append((first.start, first.end))
                out.append(_joined(text, carry_open, first.close, carry))
                carry = []
            elif stack and stack[0][0] == lo:
                pass  # still running; handled below
            else:
                out.append(_joined(text, carry_open, None, carry))
                carry = []
        if stack:
            opener, double, _ = stack[0]
            nxt_open = pi + 1 < len(paragraphs) and (
                text[paragraphs[pi + 1].start] in '"“«'
                or mark_width(text, paragraphs[pi + 1].start) == 2
            )
            if carry and opener == lo:
                carry.append(_content(text, opener + mark_width(text, opener), hi))
                if not nxt_open:
                    out.append(_joined(text, carry_open, None, carry))
                    carry = []
            elif double and last_close > opener:
                a, b = _content(text, opener + mark_width(text, opener), last_close)
                if a < b:
                    para_quotes.append(RawQuote(opener, last_close, a, b, True))
            elif double and nxt_open and (opener == lo or _starts_sentence(text, lo, opener)):
                carry = [_content(text, opener + mark_width(text, opener), hi)]
                carry_open = opener
            elif double and opener == lo:
                a, b = _content(text, opener + mark_width(text, opener), hi)
                if a < b:
                    para_quotes.append(RawQuote(opener, None, a, b, True))
        para_quotes.sort(key=_OPEN)
        out.extend(para_quotes)
    if carry:
        out.append(_joined(text, carry_open, None, carry))
    out.sort(key=_OPEN)
    return [q for q in out if q.start < q.end]


_OPEN = attrgetter("open")


def _starts_sentence(text: str, lo: int, pos: int) -> bool:
    j = pos - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return j < lo or text[j] in ".:!?"


def _joined(text: str, opener: int, close: int | None, pieces: list[tuple[int, int]]) -> RawQuote:
    ps = tuple(p for p in pieces if p[0] < p[1])
    if not ps:
        w = mark_width(text, opener)
        return RawQuote(opener, close, opener + w, opener + w, True)
    return RawQuote(opener, close, ps[0][0], ps[-1][1], True, ps if len(ps) > 1 else ())
