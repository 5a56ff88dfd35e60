"""Attach direct quotes to their cue and speaker.

Looked for, in order: after the closing mark (``“…,” Austin said`` / ``“…,” said Maria
Zakharova`` / ``“…” — Name``), before the opening mark (``Austin stated, “…”``, ``the
statement read: “…”``, a colon ending the previous paragraph), then a full-sentence quote with
no cue of its own continues the speaker of the quote just before it. A quote split by its
attribution (``“X,” he said. “Y.”``) becomes one quote with two parts. Short quotes inside a
sentence with no cue of their own (scare quotes, titles, partial quotes) are returned as
*loose*: the indirect-speech step folds them into a mixed quote or drops them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Document
from .lexicon import Lexicon
from .marks import RawQuote
from .pending import Pending
from .tokens import NounPhrase, Tokens, first_token_at, np_after, np_before

__all__ = ["attribute_direct", "cue_at"]

_OPEN_MARKS = frozenset('“"«‘„”')
_MIN_WORDS_UNATTRIBUTED = 4
_BACK_WINDOW = 30


def cue_at(tok: Tokens, lex: Lexicon, i: int) -> int:
    """Number of tokens of a cue starting at token ``i`` (0 when there is none)."""
    lower = tok.lower
    w = lower[i]
    if tok.words[i][:1].isupper() and w != "according":
        return 0  # "States", "Post": a name, not a verb
    for phrase in lex.multiword:
        if w == phrase[0] and tuple(lower[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 1 if w in lex.cue_forms else 0


def _subject(tok: Tokens, lex: Lexicon, cue: int, floor: int) -> NounPhrase | None:
    j = cue - 1
    while j >= floor and tok.lower[j] in lex.skip:
        j -= 1
    if j < floor:
        return None
    return np_before(tok, lex, j, floor)


def _words(text: str) -> int:
    return len(text.split())


def attribute_direct(
    doc: Document, tok: Tokens, lex: Lexicon, raws: Sequence[RawQuote]
) -> tuple[list[Pending], set[int], list[RawQuote]]:
    """Pending direct quotes, the cue token indexes they used, and the loose quotes."""
    text = doc.text
    starts = tok.starts
    words = tok.words
    out: list[Pending] = []
    claimed: set[int] = set()
    loose: list[RawQuote] = []
    consumed: set[int] = set()
    last_para: dict[int, int] = {}  # index in ``out`` -> paragraph index
    for qi, q in enumerate(raws):
        if qi in consumed:
            continue
        pi = doc.paragraph_index(q.open)
        if pi is None:
            continue
        para = doc.paragraphs[pi]
        p_lo = first_token_at(starts, para.start)
        p_hi = first_token_at(starts, para.end)
        t_open = first_token_at(starts, q.open)
        found: tuple[NounPhrase, int, int] | None = None  # np, cue token, last token used
        if q.close is not None and (q.pieces == () or doc.paragraph_index(q.close) == pi):
            found = _after(tok, lex, first_token_at(starts, q.close) + 1, p_hi)
        elif q.close is not None:
            cpi = doc.paragraph_index(q.close)
            if cpi is not None:
                cp = doc.paragraphs[cpi]
                found = _after(
                    tok, lex, first_token_at(starts, q.close) + 1, first_token_at(starts, cp.end)
                )
        sentence_like = _sentence_like(text, q, para.start)
        mixed_start = -1
        if found is not None and not sentence_like and q.close is not None:
            # a phrase quoted inside a sentence: the whole clause is what was said, unless the
            # quote sits in another speaker's reported clause ("NATO said it could not ...")
            sent = doc.sentence_at(q.open)
            s_lo = p_lo if sent is None else max(p_lo, first_token_at(starts, sent.start))
            if any(cue_at(tok, lex, t) for t in range(max(s_lo, t_open - _BACK_WINDOW), t_open)):
                loose.append(q)
                continue
            mixed_start = starts[s_lo]
        if found is None and (sentence_like or _introduced(tok, t_open, p_lo)):
            found = _before(doc, tok, lex, t_open, p_lo)
        if found is None and q.open == para.start and pi > 0:
            prev = doc.paragraphs[pi - 1]
            if text[prev.end - 1] == ":":
                lo = first_token_at(starts, prev.start)
                found = _before(doc, tok, lex, first_token_at(starts, prev.end), lo)
        parts: tuple[tuple[int, int], ...] = q.pieces
        end = q.end
        if found is not None and mixed_start >= 0:
            np, cue, used = found
            claimed.add(cue)
            assert q.close is not None
            out.append(Pending(mixed_start, q.close + 1, "mixed", np, _cue_text(tok, lex, cue)))
            last_para[len(out) - 1] = pi
            continue
        if found is not None:
            np, cue, used = found
            claimed.add(cue)
            # "X," he said, "Y."  /  "X," he said. "Y."
            nxt = qi + 1
            if (
                nxt < len(raws)
                and used + 2 < len(tok)
                and words[used + 1] in (",", ".", ":")
                and starts[used + 2] == raws[nxt].open
                and doc.paragraph_index(raws[nxt].open) == pi
                and raws[nxt].start > q.end
            ):
                q2 = raws[nxt]
                consumed.add(nxt)
                parts = (*(q.pieces or ((q.start, q.end),)), *(q2.pieces or ((q2.start, q2.end),)))
                end = q2.end
            out.append(Pending(q.start, end, "direct", np, _cue_text(tok, lex, cue), parts))
            last_para[len(out) - 1] = pi
            continue
        if sentence_like and _words(text[q.start : q.end]) >= _MIN_WORDS_UNATTRIBUTED:
            inherit = None
            if out:
                k = len(out) - 1
                if last_para.get(k, -9) >= pi - 1 and out[k].kind == "direct":
                    inherit = k
            out.append(Pending(q.start, q.end, "direct", None, None, q.pieces, inherit))
            last_para[len(out) - 1] = pi
            continue
        loose.append(q)
    return out, claimed, loose


def _cue_text(tok: Tokens, lex: Lexicon, cue: int) -> str:
    n = cue_at(tok, lex, cue) or 1
    a, b = tok.starts[cue], tok.ends[cue + n - 1]
    return tok.text[a:b]


def _sentence_like(text: str, q: RawQuote, para_start: int) -> bool:
    """The quote opens a sentence or paragraph (not a phrase quoted inside one)."""
    j = q.open - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    return j < para_start or text[j] in ".!?:—–-(" or text[j] in '”"'


def _introduced(tok: Tokens, t_open: int, p_lo: int) -> bool:
    """The mark follows ``,`` / ``:`` or the cue itself ("said “...")."""
    j = t_open - 1
    return j >= p_lo and tok.words[j] in (",", ":")


def _after(tok: Tokens, lex: Lexicon, i: int, hi: int) -> tuple[NounPhrase, int, int] | None:
    words = tok.words
    if i >= hi:
        return None
    if words[i] in ("—", "–") or (words[i] == "-" and i + 1 < hi):
        np = np_after(tok, lex, i + 1, hi)
        if np is not None and np.kind in ("person", "unknown", "group"):
            return np, i, _np_end(np)
        return None
    if words[i] == ",":
        i += 1
    if i >= hi:
        return None
    n = cue_at(tok, lex, i)
    if n:
        np = np_after(tok, lex, i + n, hi)
        if np is not None:
            return np, i, _np_end(np)
        return None
    np = np_after(tok, lex, i, hi)
    if np is None:
        return None
    j = _np_end(np) + 1
    while j < hi and tok.lower[j] in lex.skip:
        j += 1
    if j < hi and cue_at(tok, lex, j):
        n = cue_at(tok, lex, j)
        return np, j, j + n - 1
    return None


def _np_end(np: NounPhrase) -> int:
    return np.role_last if np.role_last is not None and np.role_last > np.last else np.last


def _before(
    doc: Document, tok: Tokens, lex: Lexicon, t_open: int, p_lo: int
) -> tuple[NounPhrase, int, int] | None:
    """A cue before the quote in the same sentence, with its subject."""
    words = tok.words
    sent = doc.sentence_at(tok.starts[t_open - 1]) if t_open > p_lo else None
    s_lo = p_lo if sent is None else max(p_lo, first_token_at(tok.starts, sent.start))
    lo = max(s_lo, t_open - _BACK_WINDOW)
    j = t_open - 1
    participle = -1
    while j >= lo:
        w = words[j]
        if w in _OPEN_MARKS or w in ("”", "’"):
            return None  # another quote lies between
        if cue_at(tok, lex, j):
            np = _subject(tok, lex, j, s_lo)
            if np is not None:
                return np, j, t_open - 1
            if participle < 0 and (tok.lower[j].endswith("ing") or words[j - 1] == ","):
                participle = j
        j -= 1
    if participle >= 0:
        np = np_after(tok, lex, s_lo, participle)
        if np is not None and np.kind != "statement":
            return np, participle, t_open - 1
    return None
