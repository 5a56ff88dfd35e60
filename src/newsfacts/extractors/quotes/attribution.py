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

import attrs

from ...document import Document, Span
from .lexicon import Lexicon
from .marks import RawQuote, mark_width
from .pending import Pending
from .tokens import (
    DETERMINERS,
    MAX_NP,
    NounPhrase,
    Tokens,
    clause_like,
    described_np,
    first_token_at,
    is_cap,
    np_after,
    np_before,
    skip_lead,
)

__all__ = ["attribute_direct", "cue_at", "cue_indexes", "sentence_subject", "verb_form"]

_OPEN_MARKS = frozenset(("“", '"', "«", "‘", "„", "”", "''"))
_MIN_WORDS_UNATTRIBUTED = 4
_BACK_WINDOW = 30
#: tokens allowed between an attribution and the quote that continues it
_TAIL_GAP = 24
#: a quoted title is at most this many words
_TITLE_WORDS = 6
#: words of a described speaker ("one senior party official")
_DESCRIBED_MAX = 8
#: results of :func:`_after` by its arguments ``(i, hi)``
_AfterMemo = dict[tuple[int, int], tuple[NounPhrase, int, int] | None]


def cue_at(tok: Tokens, lex: Lexicon, i: int) -> int:
    """Number of tokens of a cue starting at token ``i`` (0 when there is none)."""
    cues = tok.cues
    if cues is None:
        cues = tok.cues = _cue_map(tok, lex)
    return cues.get(i, 0)


def cue_indexes(tok: Tokens, lex: Lexicon) -> list[int]:
    """Every token where a cue starts, in order."""
    cues = tok.cues
    if cues is None:
        cues = tok.cues = _cue_map(tok, lex)
    return list(cues)


def _cue_map(tok: Tokens, lex: Lexicon) -> dict[int, int]:
    """Cue length at every token where a cue starts (one pass over the article)."""
    lower = tok.lower
    words = tok.words
    firsts = lex.cue_firsts
    out: dict[int, int] = {}
    for i in [i for i in tok.watched(lex) if lower[i] in firsts]:
        w = lower[i]
        if words[i][:1].isupper() and w != "according":
            continue  # "States", "Post": a name, not a verb
        n = 1 if w in lex.cue_forms else 0
        if n and lex.cue_forms[w] in lex.clause_cues and not _verb_between(tok, lex, i):
            n = 0
        for phrase in lex.multiword_by_first.get(w, ()):
            if tuple(lower[i : i + len(phrase)]) == phrase:
                n = len(phrase)
                break
        if n:
            out[i] = n
    return out


#: words before a noun ("the plan", "of plans"): a clause cue after them is no verb
_NOT_BEFORE_VERB = frozenset(("of", "for", "in", "on", "with", "to", "by", "from", "and", "or"))


def _verb_between(tok: Tokens, lex: Lexicon, i: int) -> bool:
    """A form that is also a noun ("plans", "show") stands as a verb: a word that can end a
    subject (no determiner, possessive or preposition) before it, and a clause after it ("that",
    "to", a pronoun or a capitalised name).
    """
    if i == 0 or i + 1 >= len(tok.words):
        return False
    prev, nxt = tok.lower[i - 1], tok.lower[i + 1]
    if not tok.words[i - 1][:1].isalnum() or prev.endswith(("'s", "’s", "s'", "s’")):
        return False
    if prev in DETERMINERS or prev in _NOT_BEFORE_VERB:
        return False
    if nxt in ("that", "to") or (nxt in lex.pronouns and nxt != "it"):
        return True
    return is_cap(tok.words[i + 1])


def _subject(tok: Tokens, lex: Lexicon, cue: int, floor: int) -> NounPhrase | None:
    j = cue - 1
    while j >= floor and (tok.lower[j] in lex.skip or _adverb(tok, lex, j, floor)):
        j -= 1
    # "Smith on Tuesday said", "Smith last week said"
    if j - 1 > floor and tok.lower[j] in lex.time_words and tok.lower[j - 1] in lex.time_openers:
        j -= 2
    if j < floor:
        return None
    np = np_before(tok, lex, j, floor)
    for _ in range(3):  # "Ruiz (D-Ore.), chair of the committee, said"
        if np is not None:
            return np
        k = _aside_start(tok, j, floor)
        if k < 0 or (k + 1 < j and clause_like(tok, lex, k + 1, j - 1)):
            return None
        np = np_before(tok, lex, k - 1, floor, allow_appositive=False)
        if np is not None and np.kind in ("pronoun", "statement"):
            return None
        j = k if tok.words[k] == "," else k - 1
        if tok.words[k] in ("—", "–") and np is None:
            return None
    return np


def _adverb(tok: Tokens, lex: Lexicon, j: int, floor: int) -> bool:
    """An ``-ly`` adverb between a speaker and the cue (``Smith emphatically declared``,
    ``he routinely says``): a plain ``-ly`` word right after a name or a pronoun.
    """
    w = tok.words[j]
    lw = tok.lower[j]
    if not (len(lw) > 4 and lw.endswith("ly") and w.isalpha() and w.islower()):
        return False
    if lw in lex.roles or lw in lex.organisations or j - 1 < floor:
        return False
    prev = tok.words[j - 1]
    return is_cap(prev) or tok.lower[j - 1] in lex.pronouns or _adverb(tok, lex, j - 1, floor)


def _aside_start(tok: Tokens, j: int, floor: int) -> int:
    """Start of a bracketed or comma-enclosed aside ending at token ``j`` (``(D-Ore.)``,
    ``, who sits on the committee,``), or -1.
    """
    words = tok.words
    if j < floor:
        return -1
    if words[j] in ("—", "–"):  # "Jane Doe — a nurse from Dayton — says"
        for k in range(j - 1, max(floor - 1, j - _ASIDE_MAX), -1):
            w = words[k]
            if w in ("—", "–"):
                return k if k < j - 1 else -1
            if w in (".", "!", "?", ";", ":", "“", "”", '"', "''", "(", ")", ","):
                return -1
        return -1
    if words[j] == ")":
        for k in range(j - 1, max(floor - 1, j - 8), -1):
            if words[k] == "(":
                return k
        return -1
    if words[j] == ",":
        if j - 1 >= floor and words[j - 1] == ")":
            return _aside_start(tok, j - 1, floor)
        for k in range(j - 1, max(floor - 1, j - _ASIDE_MAX), -1):
            w = words[k]
            if w == ",":
                return k if k < j - 1 else -1
            if w in (".", "!", "?", ";", ":", "“", "”", '"', "''", "(", ")"):
                return -1
    return -1


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
    raws = list(raws)  # a continuation's own last paragraph may be split off (_split_tail)
    last_para: dict[int, int] = {}  # index in ``out`` -> paragraph index
    # attributions after a quote found while testing whether it continues the one before
    after: _AfterMemo = {}
    # the paragraph of the previous quote, its index and token range: most quotes share it
    para, pi, p_lo, p_hi = Span(0, 0), -1, 0, 0
    for qi, q in enumerate(raws):
        if qi in consumed:
            continue
        if not para.start <= q.open < para.end:
            found_pi = doc.paragraph_index(q.open)
            if found_pi is None:
                continue
            pi = found_pi
            para = doc.paragraphs[pi]
            p_lo = first_token_at(starts, para.start)
            p_hi = first_token_at(starts, para.end)
        t_open = first_token_at(starts, q.open)
        sentence_like = _sentence_like(text, q, para.start)
        found: tuple[NounPhrase, int, int] | None = None  # np, cue token, last token used
        if q.close is not None and (q.pieces == () or doc.paragraph_index(q.close) == pi):
            t_after = first_token_at(starts, q.close) + 1
            # Skipped when another quote mark (or the paragraph end) follows the quote: none
            # of these look-ups finds anything there (``“a” “b”``, ``‘c’ "d"``).
            if t_after < p_hi and words[t_after] not in lex.inert_marks:
                key = (t_after, p_hi)
                found = after.pop(key) if key in after else _after(tok, lex, t_after, p_hi)
                handed = found is None and _handed_on(text, q.close)
                if found is None:
                    found = _after_loose(tok, lex, t_after, p_hi, handed)
                if found is not None and (
                    _opens_next(tok, q.close, found[2], p_hi)
                    or _own_sentence(tok, q.close, t_after, found[2], p_hi)
                ):
                    found = None
                if found is None and not handed and sentence_like:
                    tail = _tail_then_cue(tok, lex, t_after, p_hi)
                    if tail is not None:
                        # "“This will be a challenge” for Clinton, said Kunin.": one mixed quote
                        found, last = tail
                        claimed.add(found[1])
                        out.append(
                            Pending(
                                q.open,
                                tok.ends[last],
                                "mixed",
                                found[0],
                                _cue_text(tok, lex, found[1]),
                            )
                        )
                        last_para[len(out) - 1] = pi
                        continue
        elif q.close is not None:
            cpi = doc.paragraph_index(q.close)
            if cpi is not None:
                cp = doc.paragraphs[cpi]
                found = _after(
                    tok, lex, first_token_at(starts, q.close) + 1, first_token_at(starts, cp.end)
                )
        introduced = False
        if not sentence_like and _cue_intro(tok, lex, t_open, p_lo):
            # "he warned, “…,” Trump told NBC": a whole quote introduced by its cue
            before = _before(doc, tok, lex, t_open, p_lo)
            if before is not None:
                sentence_like = introduced = True
                found = before
        mixed_start = -1
        if found is not None and not sentence_like and q.close is not None:
            # a phrase quoted inside a sentence: the whole clause is what was said, unless the
            # quote sits in another speaker's reported clause ("NATO said it could not ...")
            sent = doc.sentence_at(q.open)
            s_lo = p_lo if sent is None else max(p_lo, first_token_at(starts, sent.start))
            if any(
                cue_at(tok, lex, t) for t in range(max(s_lo, t_open - _BACK_WINDOW), t_open)
            ) and not (found[0].kind != "pronoun" and _closes_sentence(tok, found[2] + 1, p_hi)):
                loose.append(q)
                continue
            if _title_before_speech(tok, lex, q, found[2] + 1, p_hi):
                # "On ABC's “This Week,” Rubio said that ...": a title in an opening phrase;
                # the attribution after it reports what follows, not the title
                loose.append(q)
                continue
            mixed_start = starts[s_lo]
        # an attribution before the quote ("When Lee shouted, “Go,” Ruiz said, “…”") leaves
        # the one after it to the next quote: no continuation through it
        via_after = found is not None and not introduced
        if found is not None:
            claimed.add(found[1])
            found = _according_to(tok, lex, found, p_hi)
        if found is None and (sentence_like or _introduced(tok, t_open, p_lo)):
            found = _before(doc, tok, lex, t_open, p_lo)
        if found is None and t_open > p_lo and words[t_open - 1] == ":":
            found = _colon(doc, tok, lex, t_open - 1, p_lo)
        if found is None and t_open > p_lo and words[t_open - 1] == ",":
            found = _inverted(doc, tok, lex, t_open - 1, p_lo)
        if found is None and q.open == para.start and pi > 0:
            prev = doc.paragraphs[pi - 1]
            if text[prev.end - 1] == ":":
                lo = first_token_at(starts, prev.start)
                colon = first_token_at(starts, prev.end - 1)
                found = _before(doc, tok, lex, colon + 1, lo) or _colon(doc, tok, lex, colon, lo)
        if found is None and q.close is not None and sentence_like:
            found = _dash_line(doc, tok, lex, q)
        parts: tuple[tuple[int, int], ...] = q.pieces
        end = q.end
        if found is not None and mixed_start >= 0:
            np, cue, used = found
            claimed.add(cue)
            assert q.close is not None
            close_end = q.close + mark_width(text, q.close)
            parts = ()
            nxt = _continuation(doc, tok, lex, raws, qi, used, pi, after)
            if nxt is not None:
                q2 = _split_tail(doc, tok, lex, raws, nxt, consumed)
                parts = ((mixed_start, close_end), *(q2.pieces or ((q2.start, q2.end),)))
                close_end = q2.end
            cue_text = _cue_text(tok, lex, cue)
            out.append(Pending(mixed_start, close_end, "mixed", np, cue_text, parts))
            last_para[len(out) - 1] = pi
            continue
        if found is not None:
            np, cue, used = found
            claimed.add(cue)
            # "X," he said, "Y."  /  "X," he said on Friday. "Y."
            nxt = _continuation(doc, tok, lex, raws, qi, used, pi, after) if via_after else None
            if nxt is not None:
                q2 = _split_tail(doc, tok, lex, raws, nxt, consumed)
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


#: tokens of unquoted words between a quote and its closing attribution
_TAIL_WORDS = 30


def _tail_then_cue(
    tok: Tokens, lex: Lexicon, i: int, hi: int
) -> tuple[tuple[NounPhrase, int, int], int] | None:
    """``“X” for Clinton, said Kunin.``: a quote opening a sentence, unquoted words after it,
    then an attribution closing the sentence. The attribution and the last word before it.
    """
    words = tok.words
    if i >= hi or not words[i][:1].islower():
        return None
    for t in range(i + 1, min(hi, i + _TAIL_WORDS)):
        w = words[t]
        if w == ",":
            found = _after(tok, lex, t, hi)
            if found is not None:
                end = found[2] + 1
                if end >= hi or words[end] in _SENTENCE_END:
                    return found, t - 1
            continue
        if not w[:1].isalnum() and w not in ("-", "$", "%", "'", "’"):
            return None
    return None


#: tokens that end a sentence
_SENTENCE_END = frozenset(".!?")
#: words allowed between a closing attribution and the end of its sentence ("said Monday.")
_CLOSING_TAIL = 3


def _closes_sentence(tok: Tokens, j: int, hi: int) -> bool:
    """The attribution ending before token ``j`` closes its sentence (``…,” the senator said
    Monday.``): at most a few plain words, then the sentence end or the paragraph end.
    """
    words = tok.words
    for t in range(j, j + _CLOSING_TAIL + 1):
        if t >= hi or words[t] in _SENTENCE_END:
            return True
        if not words[t].isalnum():
            return False
    return False


def _according_to(
    tok: Tokens, lex: Lexicon, found: tuple[NounPhrase, int, int], hi: int
) -> tuple[NounPhrase, int, int]:
    """``“…,” the judge said, according to the Post.``: the report is the outer attribution
    and its source the speaker PolNeAR marks (the judge's words are its content).
    """
    used = found[2]
    j = _according_at(tok, lex, used + 1, hi)
    if j >= 0:
        np = np_after(tok, lex, j + 3, hi, appositive=False) or described_np(tok, lex, j + 3, hi)
        if np is None and tok.lower[j + 3] in DETERMINERS:
            np = np_after(tok, lex, j + 4, hi, appositive=False)
        if np is not None and np.kind != "pronoun":
            if np.kind == "statement":  # "the Post", "a transcript": the source itself
                np = attrs.evolve(np, kind="group")
            return np, j + 1, _np_end(np)
    return found


#: tokens between an attribution and an ``according to`` that reports it
_ACCORDING_GAP = 16


def _according_at(tok: Tokens, lex: Lexicon, i: int, hi: int) -> int:
    """Index of the token before ``according to`` when it follows the attribution ending
    before token ``i`` in the same sentence (``…,” Obama said of the families, according to
    a pool report.``, ``… said in a statement according to The Blaze``), else -1. Nothing but
    plain words and commas may stand between (no other cue, quote mark or clause end).
    """
    words, lower = tok.words, tok.lower
    for t in range(i, min(hi - 3, i + _ACCORDING_GAP)):
        if lower[t + 1] == "according" and lower[t + 2] == "to":
            return t if words[t] == "," or words[t].isalnum() else -1
        w = words[t]
        if not (w == "," or w.replace("-", "").replace(".", "").isalnum()) or cue_at(tok, lex, t):
            return -1
    return -1


def _continuation(
    doc: Document,
    tok: Tokens,
    lex: Lexicon,
    raws: Sequence[RawQuote],
    qi: int,
    used: int,
    pi: int,
    after: _AfterMemo,
) -> int | None:
    """Index of the quote that carries on ``raws[qi]`` after its attribution (ending at token
    ``used``): in the same paragraph, or opening the next one when the attribution closes the
    paragraph (``“X,” Cole told reporters.`` / ``“Y.”``); None when there is none. The
    attribution after that quote, when looked up, is left in ``after``.
    """
    text = doc.text
    starts = tok.starts
    paragraphs = doc.paragraphs
    para = paragraphs[pi]
    q = raws[qi]
    nxt = qi + 1
    # every later quote opens past the next paragraph: none can carry on
    if nxt >= len(raws) or raws[nxt].open >= paragraphs[min(pi + 1, len(paragraphs) - 1)].end:
        return None
    # skip a title quoted in the tail ("he said on “Meet the Press.” “...”")
    while (
        nxt + 1 < len(raws)
        and first_token_at(starts, raws[nxt].close or len(text)) <= used + _TAIL_GAP
        and not _sentence_like(text, raws[nxt], para.start)
        and _words(text[raws[nxt].start : raws[nxt].end]) <= _TITLE_WORDS
    ):
        nxt += 1
    if nxt >= len(raws) or raws[nxt].start <= q.end:
        return None
    q2 = raws[nxt]
    p2 = doc.paragraph_index(q2.open)
    if p2 is None:
        return None
    if p2 == pi + 1:
        # the attribution ends the paragraph and the next one opens with the quote
        if q2.open != doc.paragraphs[p2].start:
            return None
    elif p2 != pi:
        return None
    hi = first_token_at(starts, doc.paragraphs[p2].end)
    return nxt if _continues(doc, tok, lex, used, q2, hi, after) else None


def _continues(
    doc: Document, tok: Tokens, lex: Lexicon, used: int, q2: RawQuote, hi: int, after: _AfterMemo
) -> bool:
    """``q2`` carries on the quote attributed up to token ``used``: it follows the attribution
    after at most a short tail ("he said on Friday during a visit.") and has no cue of its own.
    """
    words = tok.words
    t2 = first_token_at(tok.starts, q2.open)
    if t2 <= used or t2 - used - 1 > _TAIL_GAP:
        return False
    if t2 != used + 1 and not _after_stop(tok.text, q2.open):
        return False  # a phrase quoted inside the tail ("calling it “nonsense”")
    ended = False
    for t in range(used + 1, t2 - 1):
        w = words[t]
        if w in (".", "!", "?", ";"):
            ended = True
        elif ended and cue_at(tok, lex, t):
            return False  # a new attribution sentence
        elif words[t - 1] == "," and tok.lower[t].endswith("ing") and cue_at(tok, lex, t):
            return False  # "“X,” she said, adding, “Y”": a second attribution
    if t2 - 1 > used and words[t2 - 1] == ":":
        # "..., adding: “...”", "“X.” Mr. Lind added: “Y”", "Kasich resisted: “Y”": a colon
        # introduces a quote of its own
        return False
    if q2.close is None or (
        q2.pieces and doc.paragraph_index(q2.close) != doc.paragraph_index(q2.open)
    ):
        return True
    key = (first_token_at(tok.starts, q2.close) + 1, hi)
    own = after[key] = _after(tok, lex, key[0], hi)
    return own is None or _opens_next(tok, q2.close, own[2], hi)


def _split_tail(
    doc: Document,
    tok: Tokens,
    lex: Lexicon,
    raws: list[RawQuote],
    nxt: int,
    consumed: set[int],
) -> RawQuote:
    """The part of the continuation ``raws[nxt]`` that joins the quote before it. A quote
    running over paragraphs whose last paragraph closes with an attribution of its own
    (``“X,” Rubio said. “Y.`` / ``“Z,” he continued.``) is two attributions: the pieces
    before that paragraph continue the first quote, and the last piece is left in ``raws``
    as a quote of its own. Otherwise the whole quote joins (and is marked consumed).
    """
    q2 = raws[nxt]
    cpi = None if q2.close is None or not q2.pieces else doc.paragraph_index(q2.close)
    if cpi is not None and cpi != doc.paragraph_index(q2.open):
        starts = tok.starts
        hi = first_token_at(starts, doc.paragraphs[cpi].end)
        if _after(tok, lex, first_token_at(starts, q2.close or 0) + 1, hi) is not None:
            head, last = q2.pieces[:-1], q2.pieces[-1]
            raws[nxt] = RawQuote(doc.paragraphs[cpi].start, q2.close, *last, q2.double)
            return RawQuote(q2.open, None, head[0][0], head[-1][1], q2.double, head)
    consumed.add(nxt)
    return q2


def _opens_next(tok: Tokens, close: int, used: int, hi: int) -> bool:
    """The attribution ending at token ``used`` after a quote closing at ``close`` is a new
    sentence that introduces the next quote with a colon (``“X.” Mr. Lind added: “Y”``): it
    does not attribute the quote before it.
    """
    if used + 1 >= hi or tok.words[used + 1] != ":":
        return False
    text = tok.text
    j = tok.ends[used + 1]
    while j < len(text) and j - tok.ends[used + 1] < 8 and text[j].isspace():
        j += 1
    if j >= len(text) or text[j] not in "“\"'«‘":
        return False
    k = close - 1
    while k > 0 and text[k] == "'":
        k -= 1
    return text[k] in ".!?"


def _own_sentence(tok: Tokens, close: int, t_after: int, used: int, hi: int) -> bool:
    """After a quote that ends its sentence with a period, a capitalised speaker and cue that
    go on with more words make a sentence of their own (``“X.” He added that ...``, ``“X.”
    He called them thugs.``): they do not attribute the quote before them."""
    text = tok.text
    k = close - 1
    while k > 0 and text[k] in "'’":
        k -= 1
    return text[k] == "." and is_cap(tok.words[t_after]) and not _closes_sentence(tok, used + 1, hi)


def _after_stop(text: str, pos: int) -> bool:
    """The text before ``pos`` ends with ``, . : ;`` (maybe inside a closing quote mark)."""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j >= 1 and text[j - 1 : j + 1] == "''":
        j -= 2
    elif j >= 0 and text[j] in '”"’»':
        j -= 1
    return j >= 0 and text[j] in ",.:;"


def _cue_text(tok: Tokens, lex: Lexicon, cue: int) -> str:
    n = cue_at(tok, lex, cue) or 1
    a, b = tok.starts[cue], tok.ends[cue + n - 1]
    return tok.text[a:b]


def _sentence_like(text: str, q: RawQuote, para_start: int) -> bool:
    """The quote opens a sentence or paragraph (not a phrase quoted inside one)."""
    j = q.open - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    return j < para_start or text[j] in ".!?:—–-(" or text[j] in '”"' or text[j - 1 : j + 1] == "''"


def _cue_intro(tok: Tokens, lex: Lexicon, t_open: int, p_lo: int) -> bool:
    """The mark follows a cue and a comma or colon ("he warned, “…")."""
    j = t_open - 1
    return j - 1 >= p_lo and tok.words[j] in (",", ":") and cue_at(tok, lex, j - 1) > 0


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
        np = (
            np_after(tok, lex, i + n, hi)
            or described_np(tok, lex, i + n, hi)
            or _role_words_name(tok, lex, i + n, hi)
        )
        if np is None:
            return None
        end = _np_end(np)
        m = cue_at(tok, lex, end + 1) if n == 1 and end + 1 < hi else 0
        if m and np.first == i + 1 and np.kind == "group" and tok.words[i].islower():
            # "“…,” state officials said": the first word modifies the speaker; the cue follows
            return NounPhrase(i, np.last, None, "group", i, np.name_last), end + 1, end + m
        return np, i, end
    np = np_after(tok, lex, i, hi)
    if np is None:
        return _described_then_cue(tok, lex, i, hi) or _words_then_cue(tok, lex, i, hi)
    j = _np_end(np) + 1
    if j < hi and words[j] == "," and np.role_last is not None and np.role_last > np.last:
        j += 1  # "John Bryant, the county chairman, said"
    while j < hi and tok.lower[j] in lex.skip:
        j += 1
    if j < hi and cue_at(tok, lex, j):
        n = cue_at(tok, lex, j)
        return np, j, j + n - 1
    return _words_then_cue(tok, lex, i, hi)


#: words of a speaker phrase with lower-case role words before the cue
_PHRASE_MAX = 12


def _words_then_cue(
    tok: Tokens, lex: Lexicon, i: int, hi: int
) -> tuple[NounPhrase, int, int] | None:
    """``“…,” screenwriter Cole Haddon wrote`` / ``former Bush speechwriter Noam Neusner
    wrote``: plain words up to a cue, the last of them a name (lower-case role words before
    it, which the role list lacks, are its role).
    """
    words = tok.words
    if i >= hi or not words[i][:1].isalpha():
        return None
    stop = min(hi, i + _PHRASE_MAX + 1)
    for j in range(i + 1, stop):
        n = cue_at(tok, lex, j)
        if n:
            e = j - 1
            while e > i and tok.lower[e] in lex.skip:
                e -= 1
            np = np_before(tok, lex, e, i, allow_appositive=False)
            if np is None or np.kind not in ("person", "unknown", "group"):
                return None
            if np.first > i and np.role_first is None:
                np = attrs.evolve(np, first=i, role_first=i, role_last=np.name_first - 1)
            return np, j, j + n - 1
        w = words[j].replace("-", "").replace("’", "").replace("'", "").replace(".", "")
        if not w.isalnum() or tok.lower[j] in lex.pronouns or tok.lower[j] in _STOP_WORDS:
            return None
    return None


#: words that end a speaker phrase scan: a clause or a new subject begins
_STOP_WORDS = frozenset(("that", "who", "which", "and", "but", "as", "when", "if", "because"))


#: lower-case role words before a name after the cue ("said retired neurosurgeon Ben Carson")
_ROLE_WORDS_MAX = 5


def _role_words_name(tok: Tokens, lex: Lexicon, i: int, hi: int) -> NounPhrase | None:
    """``said election lawyer Joe Birkenstock``: lower-case words, then a name that ends
    the sentence or meets a comma; the words are its role.
    """
    words = tok.words
    j = i
    while j < hi and j - i < _ROLE_WORDS_MAX and words[j].replace("-", "").isalpha():
        if not words[j].islower() or tok.lower[j] in lex.pronouns or tok.lower[j] in _STOP_WORDS:
            break
        j += 1
    if j == i or j >= hi or not is_cap(words[j]):
        return None
    np = np_after(tok, lex, j, hi)
    if np is None or np.kind not in ("person", "unknown"):
        return None
    e = _np_end(np) + 1
    if e < hi and words[e] not in (",", ".", ";", "(", "—", "!", "?"):
        return None
    if np.role_first is not None:
        return attrs.evolve(np, first=i)
    return attrs.evolve(np, first=i, role_first=i, role_last=j - 1, kind="person")


def _title_before_speech(tok: Tokens, lex: Lexicon, q: RawQuote, j: int, hi: int) -> bool:
    """A short quoted phrase (a title) followed by an attribution whose content goes on after
    its cue (token ``j`` opens it: "that", a determiner or a pronoun).
    """
    if j >= hi or _words(tok.text[q.start : q.end]) > _TITLE_WORDS:
        return False
    lw = tok.lower[j]
    return lw == "that" or lw in DETERMINERS or lw in lex.pronouns


def _dash_line(
    doc: Document, tok: Tokens, lex: Lexicon, q: RawQuote
) -> tuple[NounPhrase, int, int] | None:
    """A quote that ends its paragraph, signed on the next line by a dash and a name
    (``“…”`` / ``- Bernie Sanders``): the name fills that line (an appositive aside).
    """
    assert q.close is not None
    text = doc.text
    cpi = doc.paragraph_index(q.close)
    if cpi is None or cpi + 1 >= len(doc.paragraphs):
        return None
    para = doc.paragraphs[cpi]
    if text[q.close + mark_width(text, q.close) : para.end].strip(" .,\u00a0"):
        return None
    nxt = doc.paragraphs[cpi + 1]
    t = first_token_at(tok.starts, nxt.start)
    hi = first_token_at(tok.starts, nxt.end)
    if t + 1 >= hi or tok.words[t] not in ("-", "—", "–"):
        return None
    np = np_after(tok, lex, t + 1, hi)
    if np is None or np.kind not in ("person", "unknown", "group"):
        return None
    e = _np_end(np) + 1
    if e < hi and not (tok.words[e] == "," or (tok.words[e] == "." and e + 1 == hi)):
        return None  # the line goes on: no signature
    return np, t, _np_end(np)


def _handed_on(text: str, close: int) -> bool:
    """The quote ends with ``,`` ``?`` or ``!`` (inside or just after its closing mark): the
    sentence goes on, in news style with its attribution (``“…,” Smith barked.``).
    """
    j = close - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j >= 0 and text[j] in ",?!":
        return True
    k = close + mark_width(text, close)
    return k < len(text) and text[k] == ","


#: tokens of an aside between a speaker and the verb ("Smith, 57, said", "Ruiz (D-Ore.) said")
_ASIDE_MAX = 16


def _skip_aside(tok: Tokens, j: int, hi: int) -> int:
    """The token after a bracketed or comma-enclosed aside at ``j`` (``j`` when there is none)."""
    words = tok.words
    if j < hi and words[j] == "(":
        for k in range(j + 1, min(hi, j + 8)):
            if words[k] == ")":
                j = k + 1
                break
    if j < hi and words[j] == ",":
        for k in range(j + 1, min(hi, j + _ASIDE_MAX)):
            w = words[k]
            if w == ",":
                return k + 1 if k > j + 1 else j
            if w in (".", "!", "?", ";", ":", "“", "”", '"', "''"):
                break
    return j


def verb_form(tok: Tokens, lex: Lexicon, v: int) -> bool:
    """The word at ``v`` has the shape of a finite verb: a cue, a regular form (``-ed``,
    ``-s``, ``-ing``, not an ``-ly`` adverb) or a listed irregular past ("took", "made").
    """
    w = tok.words[v]
    lw = tok.lower[v]
    if not (w.isalpha() and w.islower()) or lw in lex.not_verbs:
        return False
    if lw in lex.cue_forms or lw in lex.irregular_verbs:
        return True
    if lw.endswith("ly") or lw.endswith("ss") or len(lw) < 4:
        return False
    return lw.endswith(("ed", "s", "ing"))


def lower_verb(tok: Tokens, lex: Lexicon, j: int) -> bool:
    """A verb the lexicon lacks after a speaker ("barked", "shot back"): a verb-shaped word
    that is no particle or speaker-skip word.
    """
    lw = tok.lower[j]
    return lw not in lex.particles and lw not in lex.skip and verb_form(tok, lex, j)


def _after_loose(
    tok: Tokens, lex: Lexicon, i: int, hi: int, handed_on: bool
) -> tuple[NounPhrase, int, int] | None:
    """After a quote: a speaker with an aside (``Smith, 57, told``, ``Ruiz (D-Ore.) said``,
    ``Smith, deputy adviser, said``) before a cue. When the quote hands on its sentence
    (:func:`_handed_on`), also a verb the lexicon lacks (``Smith barked``), a possessive
    speaker (``his colleague wrote``) or a described one cut at a relative word (``said a
    source who ...``).
    """
    words = tok.words
    if i < hi and words[i] == ",":
        i += 1
    if i >= hi:
        return None
    n = cue_at(tok, lex, i)
    if n and not handed_on:
        return None
    if n:
        np = described_np(tok, lex, i + n, hi)
        return (np, i, _np_end(np)) if np is not None else None
    if handed_on and (tok.lower[i] in _POSSESSIVES or tok.lower[i] in lex.demonstratives):
        return _described_then_cue(tok, lex, i, hi, possessive=True)
    if handed_on and i + 1 < hi and lower_verb(tok, lex, i):
        # "“…,” remembered Tom Baker, the former spokesman.": an inverted verb the lexicon lacks
        np = np_after(tok, lex, i + 1, hi)
        if np is not None and np.kind == "person" and _ends_clause(tok, _np_end(np) + 1, hi):
            return np, i, _np_end(np)
    np = np_after(tok, lex, i, hi)
    if np is None:
        if not handed_on:
            return None
        return _described_then_cue(tok, lex, i, hi, possessive=True) or _plural_then_cue(
            tok, lex, i, hi
        )
    if np.kind in ("statement",):
        return None
    j = _skip_aside(tok, _np_end(np) + 1, hi)
    while j < hi and tok.lower[j] in lex.skip:
        j += 1
    if j >= hi:
        return None
    n = cue_at(tok, lex, j)
    if n:
        return np, j, j + n - 1
    if handed_on and lower_verb(tok, lex, j):
        return np, j, j
    if handed_on:
        # "“…,” the committee chairmen wrote": a described speaker longer than the phrase
        return _described_then_cue(tok, lex, i, hi, possessive=True)
    return None


#: lower-case words of a plural speaker with no determiner ("federal prosecutors")
_PLURAL_MAX = 3


def _plural_then_cue(
    tok: Tokens, lex: Lexicon, i: int, hi: int
) -> tuple[NounPhrase, int, int] | None:
    """``“…,” federal prosecutors wrote``: up to ``_PLURAL_MAX`` lower-case words, the last a
    plural noun, right before the cue."""
    for j in range(i, min(hi - 1, i + _PLURAL_MAX)):
        w, lw = tok.words[j], tok.lower[j]
        if (
            not (w.isalpha() and w.islower())
            or lw in lex.pronouns
            or lw in _STOP_WORDS
            or lw in lex.be_forms
            or lw in lex.aux_verbs
            or lw in lex.skip
        ):
            return None
        n = cue_at(tok, lex, j + 1)
        if n:
            if not lw.endswith("s") or lw.endswith(("ss", "us")) or lw in lex.not_plurals:
                return None
            return NounPhrase(i, j, None, "group", i, j), j + 1, j + n
    return None


def _ends_clause(tok: Tokens, j: int, hi: int) -> bool:
    """Token ``j`` ends the clause: the paragraph end or punctuation."""
    return j >= hi or tok.words[j] in (",", ".", ";", "!", "?", "(", "—", "–")


def _described_then_cue(
    tok: Tokens, lex: Lexicon, i: int, hi: int, possessive: bool = False
) -> tuple[NounPhrase, int, int] | None:
    """``“…,” one senior party official said``: a described speaker, then the cue; with
    ``possessive``, also ``his colleague wrote`` / ``the paper's editorial board wrote``.
    """
    lower = tok.lower
    if lower[i] not in lex.describers and not (
        possessive and (lower[i] in _POSSESSIVES or lower[i] in lex.demonstratives)
    ):
        return None
    stop = min(hi, i + _DESCRIBED_MAX + 1)
    for j in range(i + 1, stop):
        if cue_at(tok, lex, j):
            if j - i < 2:
                return None
            np = NounPhrase(i + 1, j - 1, i, "group", i + 1, j - 1)
            return np, j, j + cue_at(tok, lex, j) - 1
        w = tok.words[j].replace("-", "")
        if possessive:
            w = w.replace("'", "").replace("’", "")
        if not w.isalnum() and w != "&":  # "one P&G employee"
            return None
    return None


_POSSESSIVES = frozenset(("his", "her", "their", "its", "our", "my"))


def _colon(
    doc: Document, tok: Tokens, lex: Lexicon, colon: int, p_lo: int
) -> tuple[NounPhrase, int, int] | None:
    """``Senator Ruiz had a blunt message for the board: “…”``: with no cue verb, the subject
    of the sentence the colon closes speaks (a person, a group or a pronoun; the sentence
    has to open with it).
    """
    sent = doc.sentence_at(tok.starts[colon])
    s_lo = p_lo if sent is None else max(p_lo, first_token_at(tok.starts, sent.start))
    lead = skip_lead(tok, lex, s_lo)
    if lead < colon and tok.lower[lead] == "as":
        lead += 1  # "As John Cornyn put it: “…”"
    if lead > s_lo and lead + 1 < colon and tok.lower[lead - 1 : lead + 1] == ["according", "to"]:
        np = np_after(tok, lex, lead + 1, colon)  # "According to HuffPo: “…”"
        if np is not None and _np_end(np) + 1 == colon and np.kind != "pronoun":
            return np, lead - 1, colon
        return None
    if lead + 1 < colon and tok.lower[lead] in lex.cue_forms:  # "Continued Stone: “…”"
        np = np_after(tok, lex, lead + 1, colon)
        if np is not None and _np_end(np) + 1 == colon:
            return np, lead, colon
        return None
    np = np_after(tok, lex, lead, colon)
    if np is not None:
        j = _np_end(np) + 1
        if j + 1 < colon and tok.words[j] == "," and tok.words[j + 1].islower():
            j += 1  # "As John Cornyn, the No. 2 in the leadership, put it:"
        if j == colon or (j < colon and tok.words[j].islower()):
            return np, colon, colon
    # a headline or label before a dash: "POLLS TOO EARLY - Mark Blumenthal: “…”"
    dash = next(
        (t for t in range(colon - 1, max(s_lo, colon - MAX_NP) - 1, -1) if tok.words[t] in "-—–"),
        -1,
    )
    np = np_after(tok, lex, dash + 1, colon) if dash >= 0 else None
    if np is None or _np_end(np) + 1 != colon or np.kind == "statement":
        return None
    return np, colon, colon


#: tokens of a relative clause after an inverted speaker ("Said Ann Lee, who grew up there, “…”")
_INVERTED_ASIDE_MAX = 16


def _inverted(
    doc: Document, tok: Tokens, lex: Lexicon, comma: int, p_lo: int
) -> tuple[NounPhrase, int, int] | None:
    """A sentence opened by its cue, then the speaker and a comma before the quote: ``Said
    Comey, “…”``, ``Said Ann Lee, who grew up there, “…”`` (the colon form is in
    :func:`_colon`).
    """
    sent = doc.sentence_at(tok.starts[comma])
    s_lo = p_lo if sent is None else max(p_lo, first_token_at(tok.starts, sent.start))
    lead = skip_lead(tok, lex, s_lo, common=False)
    if lead + 1 >= comma or tok.lower[lead] not in lex.cue_forms or not is_cap(tok.words[lead]):
        return None
    np = np_after(tok, lex, lead + 1, comma)
    if np is None or np.kind not in ("person", "unknown", "group"):
        return None
    end = _np_end(np) + 1
    if end == comma:
        return np, lead, comma
    if tok.words[end] != "," or tok.lower[end + 1] not in ("who", "whose"):
        return None
    if comma - end > _INVERTED_ASIDE_MAX:
        return None
    if any(not w[:1].isalnum() for w in tok.words[end + 1 : comma]):
        return None  # one aside, no other punctuation or quote in it
    return np, lead, comma


def _np_end(np: NounPhrase) -> int:
    return np.role_last if np.role_last is not None and np.role_last > np.last else np.last


def _before(
    doc: Document, tok: Tokens, lex: Lexicon, t_open: int, p_lo: int
) -> tuple[NounPhrase, int, int] | None:
    """A cue before the quote in the same sentence, with its subject."""
    if t_open > p_lo and tok.words[t_open - 1] in _MARKS_BEFORE:
        # Another quote mark right before this one (``“a” “b”``): the scan stops at its first
        # token, which is that mark, so the sentence is not looked up.
        return None
    return _before_scan(doc, tok, lex, t_open, p_lo)


#: tokens that stop the look-back of :func:`_before_scan`: another quote lies between
_MARKS_BEFORE = _OPEN_MARKS | {"”", "’"}


def _before_scan(
    doc: Document, tok: Tokens, lex: Lexicon, t_open: int, p_lo: int
) -> tuple[NounPhrase, int, int] | None:
    """:func:`_before` without its shortcut."""
    words = tok.words
    sent = doc.sentence_at(tok.starts[t_open - 1]) if t_open > p_lo else None
    s_lo = p_lo if sent is None else max(p_lo, first_token_at(tok.starts, sent.start))
    lo = max(s_lo, t_open - _BACK_WINDOW)
    j = t_open - 1
    participle = -1
    while j >= lo:
        w = words[j]
        if w in _MARKS_BEFORE:
            return None  # another quote lies between
        if cue_at(tok, lex, j):
            np = _subject(tok, lex, j, s_lo)
            if np is not None and tok.lower[j].endswith("ing") and _object(tok, lex, np, s_lo):
                # "The senator emailed supporters saying: “…”": the phrase before the
                # participle is the object of a verb; the sentence's subject speaks
                np = sentence_subject(tok, lex, s_lo, j)
            if np is None:
                # "Another person tweeted: “…”": a described speaker opening the sentence
                lead = skip_lead(tok, lex, s_lo)
                described = _described_then_cue(tok, lex, lead, j + 1) if lead < j else None
                if described is not None and described[1] == j:
                    np = described[0]
            if np is not None:
                return np, j, t_open - 1
            if participle < 0 and (
                tok.lower[j].endswith("ing") or words[j - 1] == "," or _joined(tok, j, s_lo)
            ):
                participle = j
        j -= 1
    if participle >= 0:
        np = sentence_subject(tok, lex, s_lo, participle)
        if np is not None and np.kind != "statement":
            return np, participle, t_open - 1
    return None


def _object(tok: Tokens, lex: Lexicon, np: NounPhrase, s_lo: int) -> bool:
    """The phrase follows a past verb (``emailed supporters``, ``wrote to supporters``): it
    is that verb's object."""
    k = (np.det if np.det is not None else np.first) - 1
    if k > s_lo + 1 and tok.lower[k] in ("to", "with"):
        k -= 1
    if k <= s_lo:
        return False
    past = tok.words[k][-2:] == "ed" or tok.lower[k] in lex.irregular_verbs
    return past and verb_form(tok, lex, k)


#: words joining a second verb to a sentence's subject ("... and later said")
_VERB_JOINERS = frozenset(("and", "but"))
#: adverbs between such a joiner and the cue
_JOINED_ADVERBS = frozenset(("then", "later", "also", "finally", "again"))


def _joined(tok: Tokens, j: int, s_lo: int) -> bool:
    """The cue at ``j`` is a second verb of the sentence's subject: ``... and said``, ``...
    and later said``.
    """
    k = j - 1
    if k > s_lo and tok.lower[k] in _JOINED_ADVERBS:
        k -= 1
    return k > s_lo and tok.lower[k] in _VERB_JOINERS


#: commas passed over when looking for the subject of a sentence
_SUBJECT_COMMAS = 3


def sentence_subject(tok: Tokens, lex: Lexicon, s_lo: int, hi: int) -> NounPhrase | None:
    """The subject of the sentence starting at ``s_lo`` (before token ``hi``): the phrase
    opening it, or, when that phrase is no subject (no verb follows it), the phrase after a
    comma that is followed by a verb (``Hours later, Trump returned ...``, ``Speaking in Salem,
    New Hampshire, Trump went after Bush, calling ...``).
    """
    first = np_after(tok, lex, skip_lead(tok, lex, s_lo), hi)
    if first is not None and _has_verb(tok, lex, first, hi):
        return first
    words = tok.words
    j = s_lo
    for _ in range(_SUBJECT_COMMAS):
        j = next((t for t in range(j, min(hi, j + _INTRO_SCAN)) if words[t] == ","), -1)
        if j < 0:
            break
        j += 1
        np = np_after(tok, lex, j, hi)
        if np is not None and np.kind != "statement" and _has_verb(tok, lex, np, hi):
            return np
    return first


#: tokens scanned for the next comma in :func:`sentence_subject`
_INTRO_SCAN = 16


def _has_verb(tok: Tokens, lex: Lexicon, np: NounPhrase, hi: int) -> bool:
    """A finite verb follows the phrase (skip words aside): it is a subject."""
    j = _np_end(np) + 1
    while j < hi and tok.lower[j] in lex.skip:
        j += 1
    return j < hi and (verb_form(tok, lex, j) or tok.lower[j] in lex.skip)
