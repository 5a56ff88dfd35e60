"""Indirect speech: reported clauses with a cue verb and a speaker, but no quote marks.

Forms handled, each within one sentence:

* ``<speaker> [also/has...] <cue> [to <listener>] [that] <clause>`` (``warned that``, ``told
  reporters that``, ``described the move as ...``); the content starts at "that" when present,
* ``<clause>, <speaker> <cue>.`` and ``<clause>, <cue> <speaker>.``,
* ``according to <speaker>, <clause>`` and ``<clause>, according to <speaker>.``,
* ``..., saying/adding (that) <clause>``: the sentence's subject is the speaker,
* ``<speaker> slammed <object> as “…”``: an evaluation verb (``evaluation_cues.txt``) before a
  quoted phrase; these verbs are cues only for such mixed quotes.

A quote mark inside the content makes the quote *mixed* (a partial quote in reported speech).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

from ...document import Document, Span
from .attribution import _OPEN_MARKS, _subject, cue_at, cue_indexes, sentence_subject, verb_form
from .lexicon import Lexicon
from .marks import RawQuote
from .pending import Pending
from .tokens import (
    DETERMINERS,
    NounPhrase,
    Tokens,
    classify,
    first_token_at,
    is_cap,
    np_after,
    skip_lead,
)

__all__ = ["find_indirect"]

_END_PUNCT = frozenset(".!?;")
_MARKS = frozenset(('"', "“", "”", "«", "»", "''"))
_MIN_CONTENT_TOKENS = 3
_TAIL_MAX = 8
#: reported content longer than this many tokens is not taken (keeps the scan linear)
MAX_CONTENT = 150


def find_indirect(
    doc: Document,
    tok: Tokens,
    lex: Lexicon,
    direct: Sequence[Pending],
    claimed: set[int],
    loose: Sequence[RawQuote],
) -> list[Pending]:
    """Pending indirect and mixed quotes."""
    starts = tok.starts
    lower = tok.lower
    words = tok.words
    spans = sorted((p.start, p.end) for p in direct)
    direct = sorted(direct, key=lambda p: p.start)
    direct_starts = [p.start for p in direct]
    span_starts = [a for a, _ in spans]
    out: list[Pending] = []
    taken_until = -1  # token index up to which content is already reported
    i = 0
    heads = cue_indexes(tok, lex)
    asked = [t for t in tok.watched(lex) if lower[t] == "asked"]
    if asked:
        heads = sorted(set(heads).union(asked))
    # the sentence of the previous cue and its token range: a sentence may hold several cues
    sent, s_lo, s_hi = Span(0, 0), 0, 0
    for c in heads:  # tokens that hold no cue are skipped one by one
        if c < i:
            continue
        i = c
        if lower[i] == "asked" and i not in claimed and not _inside(spans, span_starts, starts[i]):
            q = _asked(doc, tok, lex, i)
            if q is not None and not (out and q.start < out[-1].end):
                out.append(q)
                i += 1
                continue
        k = cue_at(tok, lex, i) if i not in claimed else 0
        if not k or i <= taken_until or _inside(spans, span_starts, starts[i]):
            i += 1
            continue
        if not sent.start <= starts[i] < sent.end:
            at = doc.sentence_at(starts[i])
            if at is None:
                i += 1
                continue
            sent = at
            s_lo = first_token_at(starts, sent.start)
            s_hi = first_token_at(starts, sent.end)
        quoted = None
        if lower[i].endswith("ing"):  # only a participle cue takes the quoted speaker
            quoted = _quoted_speaker(tok, direct, direct_starts, sent.start, i)
        found = _passive(tok, lex, i, k, s_lo, s_hi) or _one(tok, lex, i, k, s_lo, s_hi, quoted)
        if found is None:
            i += 1
            continue
        np, c_first, c_last = found
        a, b = starts[c_first], tok.ends[c_last]
        if _overlaps(spans, span_starts, a, b):
            # a content after its cue may stop before a direct quote; an interrupted one
            # ("“X,” he said, and “Y”") is no content of its own
            c_last = _before_direct(tok, spans, span_starts, c_first, c_last) if c_first > i else -1
            if c_last < 0:
                i += k
                continue
            b = tok.ends[c_last]
        if out and a < out[-1].end and out[-1].start < b:
            i += k  # inside the content just reported ("X plans we, Smith said")
            continue
        mark = -1
        if not _MARKS.isdisjoint(words[c_first : c_last + 1]):  # most content quotes nothing
            mark = next(t for t in range(c_first, c_last + 1) if words[t] in _MARKS)
        if mark > c_first and mark > i + k:
            # "X said ..., although he tweeted that he “…”": the quoted phrase belongs to the
            # nearer cue; this content stops before that cue's subject
            cut = _nearer_subject(tok, lex, max(c_first, i + k), mark)
            if cut >= 0:
                c_last = _trim_joiner(tok, c_first, cut)
                if c_last - c_first + 1 < _MIN_CONTENT_TOKENS:
                    i += k
                    continue
                a, b = starts[c_first], tok.ends[c_last]
                mark = -1
        kind = "mixed" if mark >= 0 else "indirect"
        if mark >= 0:
            c_last = _joined_predicate(tok, lex, c_first, c_last)
            b = tok.ends[c_last]
        if kind == "indirect" and k == 1 and i and lower[i - 1] in lex.noun_markers:
            i += 1  # "visit the state, but ...", "a report in ...": a noun, no speech
            continue
        if k == 1 and _noun_after_modifier(tok, lex, i):
            i += 1  # "A news report said ...": the cue's base form heads a noun phrase
            continue
        cue = doc.text[starts[i] : tok.ends[i + k - 1]]
        out.append(Pending(a, b, kind, np, cue))
        if c_first > i:
            taken_until = max(taken_until, i + k - 1)
        i += k
    del lower
    out.extend(_subject_mixed(doc, tok, lex, loose, spans, span_starts, out))
    if lex.evaluation_forms:
        out.extend(_evaluation_mixed(doc, tok, lex, loose, spans, span_starts, out))
    return out


#: tokens from a noun-shaped cue to the verb its phrase is the subject of
_SUBJECT_VERB_MAX = 5
#: determiners of a singular noun phrase ("a police report", "the news report")
_SINGULAR_DETERMINERS = frozenset(("a", "an", "the", "this", "that"))


def _noun_after_modifier(tok: Tokens, lex: Lexicon, i: int) -> bool:
    """The cue at ``i`` is in its base form after a singular determiner and one lower-case
    word that is no plural (``A news report said``, ``the police report ...``): a noun, since
    a singular subject would take ``reports``."""
    lower = tok.lower
    if i < 2 or lower[i - 2] not in _SINGULAR_DETERMINERS:
        return False
    modifier, cue = tok.words[i - 1], lower[i]
    if not (
        lex.cue_forms.get(cue) == cue  # a lemma's own line: "report", but also "showed"
        and not cue.endswith(("ed", "s", "ing"))
        and cue not in lex.irregular_verbs
        and modifier.isalpha()
        and modifier.islower()
        and (not modifier.endswith("s") or modifier.endswith(("ss", "news")))
    ):
        return False
    # the phrase is the subject of a verb cue soon after it ("... report published Wednesday
    # said"); a noun cue of its own ("an impassioned call for unity") has none
    for t in range(i + 1, min(len(lower), i + _SUBJECT_VERB_MAX)):
        if not tok.words[t][:1].isalnum() or lower[t] in _CLAUSE_WORDS:
            return False
        if cue_at(tok, lex, t) and lower[t] != lex.cue_forms.get(lower[t]):
            return True
    return False


def _quoted_speaker(
    tok: Tokens, direct: Sequence[Pending], direct_starts: list[int], lo: int, i: int
) -> NounPhrase | None:
    """The speaker named after the last direct quote before token ``i`` in the sentence from
    offset ``lo`` (``“…,” she said, adding``): the phrase lies between the quote and ``i``.
    """
    j = bisect_right(direct_starts, tok.starts[i]) - 1
    if j < 0:
        return None
    p = direct[j]
    # the opening mark may stand just before the sentence start
    if p.np is None or p.start < lo - 2 or p.end > tok.starts[i]:
        return None
    if tok.starts[p.np.first] < p.end or p.np.last >= i:
        return None
    return p.np


#: words that may open a sentence before "asked" ("When asked whether ...")
_ASKED_LEAD = frozenset(("when", "if", "after", "once", "but", "and"))


def _asked(doc: Document, tok: Tokens, lex: Lexicon, i: int) -> Pending | None:
    """``Asked [by Smith] whether/if/about <question>, Jones said ...``: the question is the
    content, up to the comma; its asker (``by Smith``) is the speaker when named.
    """
    sent = doc.sentence_at(tok.starts[i])
    if sent is None:
        return None
    starts, lower = tok.starts, tok.lower
    s_lo = first_token_at(starts, sent.start)
    s_hi = first_token_at(starts, sent.end)
    if not (i == s_lo or (i == s_lo + 1 and lower[s_lo] in _ASKED_LEAD)):
        return None
    j = i + 1
    np = None
    if j < s_hi and lower[j] == "by":
        np = np_after(tok, lex, j + 1, s_hi, appositive=False)
        if np is None:
            return None
        j = np.last + 1
    if j < s_hi and lower[j] == "about":
        j += 1
    comma = next((t for t in range(j, min(s_hi, j + MAX_CONTENT)) if tok.words[t] == ","), -1)
    if comma - j < 2:
        return None
    last, kind = comma - 1, "indirect"
    marks = sum(1 for t in range(j, comma) if tok.words[t] in _MARKS)
    if marks:
        # a phrase quoted in the question (``Asked whether Lind “has the integrity,” …``):
        # one pair, or one mark closed right after the comma
        if marks == 1 and comma + 1 < s_hi and tok.words[comma + 1] in _MARKS:
            last = comma + 1
        elif marks != 2:
            return None
        kind = "mixed"
    cue = doc.text[starts[i] : tok.ends[j - 1]] if lower[j - 1] == "about" else tok.words[i]
    return Pending(starts[j], tok.ends[last], kind, np, cue)


def _subject_mixed(
    doc: Document,
    tok: Tokens,
    lex: Lexicon,
    loose: Sequence[RawQuote],
    spans: list[tuple[int, int]],
    span_starts: list[int],
    found: Sequence[Pending],
) -> list[Pending]:
    """A phrase quoted in the object of a sentence whose subject is a speaker: ``Senator Ruiz
    blasted the plan as “a giveaway”`` -> mixed quote ``the plan as “a giveaway”`` by Ruiz.
    The subject opens the sentence and a lower-case verb follows it directly.
    """
    starts, lower = tok.starts, tok.lower
    taken = sorted((p.start, p.end) for p in found)
    taken_starts = [a for a, _ in taken]
    # The content found for a quote holds its opening mark's token, so a quote opening inside
    # content found already is rejected by ``_mixed_span`` (``_overlaps`` looks back over 8
    # spans: exact unless 8 of them start at one offset) and is passed over at once.
    stacked = any(taken_starts[x] == taken_starts[x + 7] for x in range(len(taken) - 7))
    out: list[Pending] = []
    last_end = -1
    # the sentence of the previous quote, its first token and lead: most quotes share it
    sent, s_lo, lead = Span(0, 0), 0, 0
    for q in loose:
        if q.close is None or q.open < last_end:
            continue
        t_open = first_token_at(starts, q.open)
        if not stacked and t_open < len(starts) and _inside(taken, taken_starts, starts[t_open]):
            continue  # "Novak said the plan was “not enough”": reported with its cue already
        if not sent.start <= q.open < sent.end:
            at = doc.sentence_at(q.open)
            if at is None:
                continue
            sent = at
            s_lo = first_token_at(starts, sent.start)
            lead = skip_lead(tok, lex, s_lo)
        if lead >= t_open or tok.words[lead] in lex.inert_marks:
            continue  # no phrase starts there: np_after would return None
        np = np_after(tok, lex, lead, t_open)
        if np is None or np.kind == "statement" or _no_subject(tok, np):
            continue
        s_hi = first_token_at(starts, sent.end)
        v = (np.role_last if np.role_last is not None and np.role_last > np.last else np.last) + 1
        while v < t_open and lower[v] in lex.skip:
            v += 1
        if v >= t_open - 1 or not verb_form(tok, lex, v):
            continue
        v_end = v
        near = _nearer_cue(tok, lex, v + 1, t_open)
        if near is None and _relative_cue(tok, lex, v + 1, t_open):
            continue  # "The crowd cheered for Ruiz, who portrayed him as “…”": Ruiz's phrase
        if near is not None:
            np, v, v_end = near  # "Republicans were irritated, with Sen. Reed calling it “…”"
        c_first = v_end + 1
        if c_first + 1 == t_open and tok.words[c_first] in (",", ":"):
            c_first = t_open  # "Smith proclaimed, “Jobs now!”": not from the comma
        c_last = _trim_end(tok, c_first, _cut(tok, lex, c_first, s_hi))
        if c_last < t_open:
            continue
        c_last = _joined_predicate(tok, lex, c_first, c_last)
        span = _mixed_span(tok, q, t_open, c_first, c_last, spans, span_starts, taken, taken_starts)
        if span is None:
            continue
        a, b = span
        out.append(Pending(a, b, "mixed", np, doc.text[starts[v] : tok.ends[v_end]]))
        last_end = b
    return out


def _evaluation_mixed(
    doc: Document,
    tok: Tokens,
    lex: Lexicon,
    loose: Sequence[RawQuote],
    spans: list[tuple[int, int]],
    span_starts: list[int],
    found: Sequence[Pending],
) -> list[Pending]:
    """A quoted phrase after an evaluation or action verb with its own subject, anywhere in
    the sentence: ``Trump, who leads, mocked Rubio for “having a tough night”``, ``..., and
    Sanders thanked its members “for their support”`` -> a mixed quote from the word after
    the verb to the clause end. The verb is the nearest cue before the phrase (the evaluation
    list in ``evaluation_cues.txt`` or a plain cue); it counts only with a quoted phrase.
    A plain cue whose own subject is not found takes the sentence subject or the described
    phrase opening the sentence (``The complaint, which ..., alleged that “…”``).
    """
    starts, lower, words = tok.starts, tok.lower, tok.words
    evaluation_forms = lex.evaluation_forms
    # tokens that may be the verb: the pass costs nothing in an article without one
    no_evaluation = not any(lower[t] in evaluation_forms for t in tok.watched(lex))
    if no_evaluation and not cue_indexes(tok, lex):
        return []
    taken = sorted((p.start, p.end) for p in found)
    taken_starts = [a for a, _ in taken]
    out: list[Pending] = []
    last_end = -1
    for q in loose:
        if q.close is None or q.open < last_end or _inside(taken, taken_starts, q.open):
            continue
        t_open = first_token_at(starts, q.open)
        c = _evaluation_cue(tok, lex, t_open)
        if c < 0:
            continue
        sent = doc.sentence_at(q.open)
        if sent is None:
            continue
        s_lo = first_token_at(starts, sent.start)
        s_hi = first_token_at(starts, sent.end)
        if c < s_lo:
            continue
        np = _subject(tok, lex, c, s_lo)
        if np is None and c > s_lo and _after_comma(tok, c) and lower[c].endswith("ing"):
            np = sentence_subject(tok, lex, s_lo, c)  # "..., calling him a “liar”"
        elif np is None and c > s_lo + 1 and lower[_past_aux(tok, lex, c, s_lo)] in _RELATIVES:
            r = _past_aux(tok, lex, c, s_lo)  # "Lind, who has called the pact “…”"
            j = r - 1 if words[r - 1] != "," else r - 2
            np = _subject(tok, lex, j + 1, s_lo) if j >= s_lo else None
        elif np is None and c > s_lo + 1 and lower[c - 1] == "and" and not lower[c].endswith("ing"):
            np = _joined_subject(tok, lex, c - 1, s_lo)  # "Cruz knocked Rubio and called …"
        evaluation = lower[c] in lex.evaluation_forms
        if (
            np is None
            and evaluation
            and c - 1 >= s_lo
            and lower[c - 1] in lex.quantifiers
            and skip_lead(tok, lex, s_lo, common=False) in (c - 1, c)
        ):
            # "Some chanted “USA! USA!”", "But many chanted ...": the quantifier opens it
            np = NounPhrase(c - 1, c - 1, None, "group", c - 1, c - 1)
        if np is None and not evaluation:
            # a plain cue whose own subject was not found: the sentence's subject, or the
            # described phrase opening it (``The complaint, which ..., alleged that “…”``)
            np = sentence_subject(tok, lex, s_lo, c)
            if np is None or np.kind == "statement" or _no_subject(tok, np):
                np = _opening_phrase(tok, lex, s_lo, c)
        elif np is not None and (np.kind == "statement" or _no_subject(tok, np)):
            np = None
        if np is None:
            continue
        c_first = c + 1
        if evaluation and (lower[c_first] in lex.particles or lower[c_first] == "to"):
            c_first += 1  # "railed against", "referred to"
        if evaluation and c_first + 1 == t_open and words[c_first] in (",", ":"):
            c_first = t_open  # "the crowd chanted, “Lock her up!”"
        if evaluation and c_first == t_open:
            # the quoted phrase is the verb's whole object ("chanted “Build the wall!” as he
            # spoke"): the content is the phrase itself
            t_close = first_token_at(starts, q.close)
            end = tok.ends[t_close] if starts[t_close] == q.close else q.close + 1
            if _overlaps(taken, taken_starts, q.open, end) or _title_modifier(tok, q):
                continue
            out.append(Pending(q.open, end, "mixed", np, words[c]))
            last_end = end
            continue
        if lower[c_first] in _NOT_CONTENT_START or not (
            words[c_first][:1].isalnum() or words[c_first] in _MARKS
        ):
            continue  # "said on “Meet the Press”": a setting, not what was said
        c_last = _trim_end(tok, c_first, _cut(tok, lex, c_first, s_hi))
        if c_last < t_open or c_first > t_open:
            continue
        c_last = _joined_predicate(tok, lex, c_first, c_last)
        span = _mixed_span(tok, q, t_open, c_first, c_last, spans, span_starts, taken, taken_starts)
        if span is None:
            continue
        a, b = span
        out.append(Pending(a, b, "mixed", np, words[c]))
        last_end = b
    return out


def _joined_predicate(tok: Tokens, lex: Lexicon, c_first: int, c_last: int) -> int:
    """The content of a mixed quote stops at the closing mark of its quoted phrase when
    ``and`` and a past verb follow the mark and the words before the phrase are a plain
    object (``Cross called the election “a citizenship election” and likened it to ...``):
    the verb is a second predicate of the speaker, not part of what was said.
    """
    words, lower = tok.words, tok.lower
    o = c_first
    while o < c_last and words[o] not in _OPENERS:
        w = words[o]
        if not w[:1].isalnum() or _past_like(lex, lower[o]) or lower[o] in lex.aux_verbs:
            return c_last  # a clause of its own ("the bill “went too far” and cost ...")
        o += 1
    if o + 1 < c_last and (lower[o + 1] in lex.aux_verbs or _past_like(lex, lower[o + 1])):
        return c_last  # the phrase holds the verb of the content ("Fiorina “was involved”")
    depth = 0
    for t in range(o, c_last - 1):
        w = words[t]
        if w in _OPENERS and not (w == '"' and depth):
            depth += 1
        elif w in _CLOSERS and depth:
            depth -= 1
            if depth == 0 and lower[t + 1] == "and":
                nx = words[t + 2]
                if nx.isalpha() and nx.islower() and _past_like(lex, lower[t + 2]):
                    return t
    return c_last


def _past_like(lex: Lexicon, lw: str) -> bool:
    """A past verb form: ``-ed`` or a listed irregular past (``took``)."""
    return (len(lw) > 3 and lw.endswith("ed")) or lw in lex.irregular_verbs


#: opening quote marks of a quoted phrase inside content
_OPENERS = frozenset(("“", "«", '"'))


def _past_aux(tok: Tokens, lex: Lexicon, c: int, s_lo: int) -> int:
    """The token before the cue ``c`` and at most two auxiliaries before it (``who has``,
    ``who would have``); not a form of "be" (``who is called``: passive, no speaker).
    """
    k = c - 1
    while (
        k > s_lo + 1
        and k > c - 3
        and tok.lower[k] in lex.aux_verbs
        and tok.lower[k] not in lex.be_forms
    ):
        k -= 1
    return k


#: tokens scanned back from "and" for the verb it joins ("knocked Rubio on trade and called")
_JOINED_MAX = 10


def _joined_subject(tok: Tokens, lex: Lexicon, and_: int, s_lo: int) -> NounPhrase | None:
    """The subject of the verb that ``and`` joins a second verb to (``when Cruz knocked Rubio
    on trade and called him “…”`` -> Cruz): the nearest verb form before ``and`` in the same
    clause, with a name or a pronoun of its own right before it.
    """
    for t in range(and_ - 1, max(s_lo, and_ - _JOINED_MAX) - 1, -1):
        if not tok.words[t][:1].isalnum() or tok.lower[t] in _CLAUSE_WORDS:
            return None
        if verb_form(tok, lex, t):
            if tok.lower[t].endswith("ing"):
                return None  # "filed …, challenging … and alleging": no finite verb
            np = _subject(tok, lex, t, s_lo)
            if np is None or np.kind == "statement" or _no_subject(tok, np):
                return None
            return np
    return None


def _opening_phrase(tok: Tokens, lex: Lexicon, s_lo: int, c: int) -> NounPhrase | None:
    """The phrase opening the sentence up to its verb, a comma or a clause word, as a
    described speaker (``The conservative publication has been ..., arguing``): at most
    ``_OPENING_MAX`` words, opened by a determiner, a capitalised word or a pronoun.
    """
    lower, words = tok.lower, tok.words
    first = skip_lead(tok, lex, s_lo, common=False)
    if first >= c:
        return None
    w0 = words[first]
    if not (lower[first] in DETERMINERS or w0[:1].isupper()) or lower[first] in lex.pronouns:
        return None  # "It also wants ...", "You see, ...": no described speaker
    if lower[s_lo] in lex.intro_openers and not any(words[t] == "," for t in range(s_lo, first)):
        return None  # "On the eve of ... ," (too long to skip): no speaker opens the sentence
    last = first - 1
    for t in range(first, min(c, first + _OPENING_MAX) + 1):
        lw = lower[t]
        if t == c or not words[t][:1].isalnum() or lw in _CLAUSE_WORDS:
            break
        if _verb_like(lex, lw, words[t]):
            break
        last = t
    else:
        return None
    if last < first or (last == first and lower[first] in DETERMINERS):
        return None
    if lower[last].endswith(("'s", "’s")) or any(
        lower[t] in lex.opening_time for t in range(first, last + 1)
    ):
        return None  # "Clinton’s attacks were ...", "A month later, ...": no speaker
    det = first if lower[first] in DETERMINERS else None
    return classify(tok, lex, first + (det is not None), last, det)


def _verb_like(lex: Lexicon, lw: str, w: str) -> bool:
    """A word that ends a subject phrase: an auxiliary, a cue or a past form."""
    return (
        lw in lex.aux_verbs
        or lw in lex.cue_forms
        or lw in lex.evaluation_forms
        or lw in lex.irregular_verbs
        or (w.islower() and lw.endswith("ed"))
        or (lw.endswith(("'s", "’s")) and lw[:-2] in lex.pronouns)
    )


#: words of a sentence-opening phrase taken as a described speaker
_OPENING_MAX = 8


def _mixed_span(
    tok: Tokens,
    q: RawQuote,
    t_open: int,
    c_first: int,
    c_last: int,
    spans: list[tuple[int, int]],
    span_starts: list[int],
    taken: list[tuple[int, int]],
    taken_starts: list[int],
) -> tuple[int, int] | None:
    """Character span of a mixed quote's content, tokens ``c_first..c_last`` around the quoted
    phrase opening at token ``t_open``: cut short before a direct quote it runs into. None when
    the cut no longer reaches the phrase, the span overlaps an attribution already found
    (``taken``), or the phrase is a title (the “I Want to Live” project: a name, not a quote).
    """
    a, b = tok.starts[c_first], tok.ends[c_last]
    if _overlaps(spans, span_starts, a, b):
        c_last = _before_direct(tok, spans, span_starts, c_first, c_last)
        if c_last < t_open:
            return None
        b = tok.ends[c_last]
    if _overlaps(taken, taken_starts, a, b) or _title_modifier(tok, q):
        return None
    return a, b


#: words after a cue that open a setting rather than content ("said in an interview with ...")
_NOT_CONTENT_START = frozenset(
    ("in", "on", "at", "during", "after", "before", "including", "while", "from", "since", "to")
)


def _evaluation_cue(tok: Tokens, lex: Lexicon, t_open: int) -> int:
    """The nearest lower-case evaluation verb or one-word cue before the mark at ``t_open``,
    within ``_NEAR_WINDOW`` tokens and no sentence end, semicolon or other quote mark
    between; -1 when there is none.
    """
    for c in range(t_open - 1, max(0, t_open - _NEAR_WINDOW) - 1, -1):
        w = tok.words[c]
        if w in _END_PUNCT or w in _MARKS:
            return -1
        if not w.islower():
            continue
        lw = tok.lower[c]
        if lw in lex.evaluation_forms or (cue_at(tok, lex, c) == 1 and not _clause_cue(lex, lw)):
            return c
    return -1


#: tokens looked back from a quote for a cue nearer to it than the sentence's own verb
_NEAR_WINDOW = 30
#: words left at the end of a content cut before a second attribution ("..., although")
_CUT_TRAIL = frozenset(("and", "but", "while", "whereas", "although", "though", "with"))


def _nearer_subject(tok: Tokens, lex: Lexicon, lo: int, mark: int) -> int:
    """First token of the subject of a second attribution between ``lo`` and a quote mark at
    ``mark`` (``..., although he tweeted that he “…”``, ``..., with Sen. Reed calling it
    “…”``): a lower-case one-word cue with a named or pronoun subject of its own, that subject
    preceded by a comma or a joining word. -1 when there is none.
    """
    for c in range(mark - 1, max(lo, mark - _NEAR_WINDOW), -1):
        w = tok.words[c]
        if w in _END_PUNCT or w in _MARKS:
            return -1
        n = cue_at(tok, lex, c)
        if not n or c + n > mark or not w.islower() or _clause_cue(lex, tok.lower[c]):
            continue
        np = _subject(tok, lex, c, lo + 1)
        if np is None or np.kind == "statement" or _no_subject(tok, np):
            return -1
        first = np.det if np.det is not None else np.first
        before = first - 1
        if before <= lo or (tok.words[before] != "," and tok.lower[before] not in _CUT_TRAIL):
            return -1
        return first
    return -1


def _clause_cue(lex: Lexicon, word: str) -> bool:
    """A cue that is also a noun ("plans") or a belief or intention ("wants", "thinks"): an
    intention inside reported content, not a second attribution.
    """
    lemma = lex.cue_forms.get(word, "")
    return lemma in lex.clause_cues or lemma in lex.intent_cues


def _trim_joiner(tok: Tokens, lo: int, cut: int) -> int:
    """Last content token before ``cut``, dropping joining words and punctuation."""
    j = cut - 1
    while j >= lo and (tok.lower[j] in _CUT_TRAIL or not tok.words[j][:1].isalnum()):
        j -= 1
    return j


def _nearer_cue(
    tok: Tokens, lex: Lexicon, lo: int, t_open: int
) -> tuple[NounPhrase, int, int] | None:
    """The cue nearest before a quoted phrase, after the sentence's opening verb, with its own
    named subject: in ``Republicans were irritated, with Sen. Reed calling it a “menu”`` the
    phrase is Reed's, not the Republicans'. The subject and the cue's first and last tokens
    (``referred to``), or None.
    """
    for c in range(t_open - 1, max(lo, t_open - _NEAR_WINDOW) - 1, -1):
        w = tok.words[c]
        if w in _END_PUNCT or w in _MARKS:
            return None
        n = cue_at(tok, lex, c)
        if not n or c + n > t_open or not w.islower() or _clause_cue(lex, tok.lower[c]):
            continue
        np = _subject(tok, lex, c, lo)
        if np is None or np.kind in ("statement",) or _no_subject(tok, np):
            return None
        return np, c, c + n - 1
    return None


def _relative_cue(tok: Tokens, lex: Lexicon, lo: int, t_open: int) -> bool:
    """The cue nearest before a quoted phrase (in the window of :func:`_nearer_cue`) follows
    a relative ``who`` or ``which``, maybe with up to two auxiliaries: the phrase belongs to
    the relative clause, not to the sentence's subject.
    """
    for c in range(t_open - 1, max(lo, t_open - _NEAR_WINDOW) - 1, -1):
        w = tok.words[c]
        if w in _END_PUNCT or w in _MARKS:
            return False
        if w.islower() and (tok.lower[c] in lex.evaluation_forms or cue_at(tok, lex, c)):
            return c - 1 >= lo and tok.lower[_past_aux(tok, lex, c, lo)] in _RELATIVES
    return False


#: words of a quoted title (at most)
_TITLE_MAX = 8


def _title_modifier(tok: Tokens, q: RawQuote) -> bool:
    """A title-cased quote used as a modifier: ``the “I Want to Live” project``. Every word
    longer than three letters is capitalised and a lower-case word follows the closing mark.
    """
    assert q.close is not None
    a = first_token_at(tok.starts, q.start)
    b = first_token_at(tok.starts, q.end)
    if b - a > _TITLE_MAX or b <= a:
        return False
    words = tok.words
    if any(len(w) > 3 and w.isalpha() and not w[:1].isupper() for w in words[a:b]):
        return False
    if not any(w[:1].isupper() for w in words[a:b]):
        return False
    prev = a - 2  # the token before the opening mark
    if prev < 0 or not (tok.lower[prev] in DETERMINERS or tok.lower[prev].endswith(("'s", "’s"))):
        return False
    nxt = first_token_at(tok.starts, q.close + 1)
    if nxt >= len(words) or not (words[nxt].isalpha() and words[nxt].islower()):
        return False
    lw = tok.lower[nxt]
    return lw not in _NOT_NOUNS and not lw.endswith(("ed", "ing", "ly"))


#: lower-case words after a quoted title that show it is no modifier of a noun
_NOT_NOUNS = frozenset(
    (
        *("that", "which", "who", "whom", "whose", "no", "not", "and", "or", "but", "is"),
        *("was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "to"),
        *("in", "on", "of", "for", "at", "by", "with", "from", "as", "than", "into", "over"),
    )
)


def _source_np(tok: Tokens, first: int, s_hi: int) -> NounPhrase | None:
    """The source after "according to" when it is no name (``according to the 2009 paper``,
    ``according to early results of the exit poll``): the words up to the next punctuation,
    at most ``_SUBJECT_MAX``.
    """
    j = first
    hi = min(s_hi, first + _SUBJECT_MAX + 1)
    while j < hi and tok.words[j][:1].isalnum():
        j += 1
    if j == first or (j == hi and j < s_hi):
        return None
    det = first if tok.lower[first] in DETERMINERS and j - first > 1 else None
    start = first + 1 if det is not None else first
    return NounPhrase(start, j - 1, det, "group", start, j - 1)


def _no_subject(tok: Tokens, np: NounPhrase) -> bool:
    """A phrase that opens a sentence but cannot be a speaker: a possessive ("Clinton’s
    attacks ...") or "it" / "this".
    """
    last = tok.lower[np.last]
    if last.endswith(("'s", "’s")):
        return True
    return np.first == np.last and last in ("it", "this", "that")


def _before_direct(
    tok: Tokens, spans: list[tuple[int, int]], span_starts: list[int], c_first: int, c_last: int
) -> int:
    """The content ``c_first..c_last`` runs into a direct quote found earlier (``..., with
    Clinton: “…”``): its last token before that quote's opening mark, or -1 when the quote
    starts at or before the content or too little is left.
    """
    a = tok.starts[c_first]
    j = bisect_right(span_starts, a)
    if j >= len(spans) or spans[j][0] > tok.ends[c_last] or _inside(spans, span_starts, a):
        return -1
    stop = first_token_at(tok.starts, spans[j][0]) - 1  # the opening mark
    last = _trim_end(tok, c_first, stop)
    while last >= c_first and tok.words[last] in _MARKS:
        last -= 1
    last = _trim_end(tok, c_first, last + 1)
    if last - c_first + 1 < _MIN_CONTENT_TOKENS or _overlaps(spans, span_starts, a, tok.ends[last]):
        return -1
    return last


def _inside(spans: list[tuple[int, int]], span_starts: list[int], pos: int) -> bool:
    j = bisect_right(span_starts, pos) - 1
    return j >= 0 and spans[j][0] <= pos < spans[j][1]


def _overlaps(spans: list[tuple[int, int]], span_starts: list[int], a: int, b: int) -> bool:
    j = bisect_right(span_starts, b) - 1
    floor = max(-1, j - 8)  # spans rarely nest deeper; bounded look-back
    while j > floor:
        s, e = spans[j]
        if e <= a:
            # spans are sorted by start; an earlier, longer span could still overlap
            if j == 0 or spans[j - 1][1] <= a:
                return False
        elif s < b:
            return True
        j -= 1
    return False


def _trim_end(tok: Tokens, lo: int, hi: int) -> int:
    """Last content token before ``hi``, dropping closing punctuation (not quote marks)."""
    j = hi - 1
    while j >= lo and (tok.words[j] in _END_PUNCT or tok.words[j] in (",", ":", ")")):
        j -= 1
    return j


def _cut(tok: Tokens, lex: Lexicon, lo: int, hi: int) -> int:
    """Where reported content stops: before ", adding ...", ", according to ...", ", he said"."""
    words, lower = tok.words, tok.lower
    depth = 0
    if hi - lo > MAX_CONTENT:
        hi = lo + MAX_CONTENT
    for j in range(lo, hi):
        if lower[j] not in _CUT_TOKENS:
            continue  # a plain word: nothing below applies to it
        w = words[j]
        if w in ("“", "«"):
            depth += 1
        elif w in ("”", "»"):
            depth = max(0, depth - 1)
        if depth:
            continue
        if lower[j] in _JOINERS and j > lo and _next_cue(tok, lex, j + 1, hi):
            return j  # "..., but lamented that ...", "and she accused ...": a new attribution
        if w in _CLOSERS and j > lo and words[j - 1] == ",":
            # a comma inside the closing mark ("a “breach,” adding ..."): cut after the mark
            if j + 1 < hi and _participle_cue(tok, lex, j + 1, hi):
                return j + 1
            continue
        if w in _TIME_JOINERS:
            # "..., before adding that ...": a second attribution joined by time
            if j > lo and j + 1 < hi and _participle_cue(tok, lex, j + 1, hi, True):
                return j
            continue
        if w not in _BREAKS:
            continue
        if j + 1 >= hi:
            break
        nx = lower[j + 1]
        if w in _DASHES and j + 2 < hi and nx == "-":
            nx = lower[j + 2]  # "--"
            j += 1
        if w == ";":
            return j
        if _participle_cue(tok, lex, j + 1, hi, True):
            return j - 1 if words[j] == "-" and words[j - 1] == "-" else j
        if nx == "according" and j + 2 < hi and lower[j + 2] == "to":
            return j
        if nx in lex.pronouns and j + 2 < hi and lower[j + 2] in lex.cue_forms:
            return j
        if _closing_attribution(tok, lex, j + 1, hi):
            return j
        if w == "," and _comma_attribution(tok, lex, j + 1, hi):
            return j
        if w == "," and nx == "who" and is_cap(words[j - 1]) and _last_clause(words, j + 1, hi):
            return j  # "... extradite Gulen, who has lived ...": the writer's note on a name
    return hi


def _last_clause(words: list[str], lo: int, hi: int) -> bool:
    """No comma and no quote mark from ``lo`` to ``hi``: a relative clause that ends the
    content and quotes nothing (a quoted phrase there keeps the clause as what was said).
    """
    return all(w != "," and w not in _MARKS for w in words[lo:hi])


#: closing quote marks (a straight mark closes when a comma stands before it)
_CLOSERS = frozenset(("”", "»", '"', "''"))


def _participle_cue(tok: Tokens, lex: Lexicon, j: int, hi: int, evaluation: bool = False) -> bool:
    """A cue at ``j`` that opens a new attribution after a comma (``, adding ...``), or one
    that closes the sentence (``, he said.``-style tails are checked elsewhere); with
    ``evaluation``, also an evaluation participle (``, slamming his plan``).
    """
    nx = tok.lower[j]
    if nx in lex.cue_forms:
        return nx.endswith("ing") or j + 1 >= hi
    return evaluation and nx.endswith("ing") and nx in lex.evaluation_forms


#: words joining a second attribution by time ("..., before adding that ...")
_TIME_JOINERS = frozenset(("before", "after"))
#: dashes that set off a second attribution like a comma ("... - noting that ...")
_DASHES = frozenset(("—", "–", "-"))
#: punctuation after which a participle cue starts a new attribution
_BREAKS = frozenset((",", ";", *_DASHES))


#: words joining a second clause with its own attribution verb
_JOINERS = frozenset(("and", "but", "while", "whereas"))
#: the tokens :func:`_cut` acts on, by lower case (punctuation is its own lower case)
_CUT_TOKENS = _JOINERS | _CLOSERS | _TIME_JOINERS | _BREAKS | {"“", "«", "”", "»"}
#: tokens of a subject between a joiner and its cue ("while 22 percent of them said")
_JOINED_SUBJECT_MAX = 5


def _next_cue(tok: Tokens, lex: Lexicon, j: int, hi: int) -> bool:
    """A cue verb follows at ``j``, maybe after a short subject of plain words ("and she
    accused", "while 22 percent said", "but lamented").
    """
    for t in range(j, min(hi, j + _JOINED_SUBJECT_MAX + 1)):
        w = tok.words[t]
        if not w[:1].isalnum() or tok.lower[t] in _CLAUSE_WORDS:
            return False
        lw = tok.lower[t]
        if lw in lex.cue_forms and w.islower() and (t == j or not lw.endswith("ing")):
            return lex.cue_forms[lw] not in lex.clause_cues
    return False


#: words that show the phrase after a comma is no subject of a new attribution
_NO_SUBJECT = frozenset(("where", "or", "nor", "not"))
#: modals: "..., she would ask" is a verb phrase of the content, not a new attribution
_MODALS = frozenset(("would", "could", "will", "can", "may", "might", "should", "must", "shall"))


def _comma_attribution(tok: Tokens, lex: Lexicon, j: int, hi: int) -> bool:
    """A subject and a cue after a comma that go on with content of their own (``...,
    Hackett said that ...``, ``..., many said Monday ...``): a second attribution.
    """
    for t in range(j, min(hi, j + _JOINED_SUBJECT_MAX + 1)):
        w = tok.words[t]
        lw = tok.lower[t]
        if not w[:1].isalnum() or lw in _CLAUSE_WORDS or lw in _NO_SUBJECT:
            return False
        if lw in lex.aux_verbs and (t == j or lw in _MODALS or lw in lex.be_forms):
            # a verb phrase, not a subject ("..., has revealed", "she would ask", "he is
            # often asked")
            return False
        if t == j and (lw.endswith("ing") or lw in _TIME_JOINERS):
            # "..., including one called ...": a phrase, not a subject; "..., after South
            # Korea said ...": the reason for the attribution, part of its content
            return False
        if lw in lex.cue_forms and w.islower():
            lemma = lex.cue_forms[lw]
            if lw.endswith("ing") or lemma in lex.clause_cues or lemma in lex.intent_cues:
                return False  # an intention inside the content ("..., Tom Reed, wants to")
            nx = tok.lower[t + 1] if t + 1 < hi else ","
            return nx[:1].isalnum() and nx != "by"  # "..., requested by Sanders": passive
    return False


def _closing_attribution(tok: Tokens, lex: Lexicon, j: int, hi: int) -> bool:
    """``<speaker> <cue>`` closing the sentence from token ``j`` (``..., Aaa Aaa said.``)."""
    for t in range(j + 1, min(hi, j + _TAIL_MAX)):
        w = tok.words[t]
        if not w[:1].isalnum():
            return False
        if tok.lower[t] in lex.cue_forms and w.islower():
            return t + 1 >= hi or tok.words[t + 1] in _END_PUNCT
    return False


def _one(
    tok: Tokens,
    lex: Lexicon,
    i: int,
    k: int,
    s_lo: int,
    s_hi: int,
    quoted: NounPhrase | None = None,
) -> tuple[NounPhrase, int, int] | None:
    """One reported clause around the cue at ``i`` (``k`` tokens). ``quoted`` is the speaker
    named after a direct quote that opens the sentence (``“…,” she said, adding that ...``):
    a participle after a comma takes it when the sentence has no subject of its own.
    """
    words, lower = tok.words, tok.lower
    # according to <speaker>
    if lower[i] == "according" and k == 2:
        np = np_after(tok, lex, i + 2, s_hi, appositive=False) or _source_np(tok, i + 2, s_hi)
        if np is None:
            return None
        np_end = np.role_last if np.role_last is not None else np.last
        lead = i == s_lo or (i == s_lo + 1 and lower[s_lo] in ("but", "and", "yet", "so"))
        if lead and np_end + 1 < s_hi and words[np_end + 1] == ",":
            c_first = np_end + 2
            c_last = _trim_end(tok, c_first, _cut(tok, lex, c_first, s_hi))
        elif i > s_lo and words[i - 1] == ",":
            c_first = s_lo
            c_last = _trim_end(tok, s_lo, i - 1)
        else:
            return None
        return _checked(tok, np, c_first, c_last)
    subject = _subject(tok, lex, i, s_lo)
    # <clause>, <speaker> <cue>.   /   <clause>, <cue> <speaker>.
    tail = _tail(tok, lex, i, k, s_lo, s_hi, subject)
    if tail is not None:
        return tail
    # <speaker> <cue> [that] <clause>; "..., saying that": the sentence subject speaks
    if i > s_lo and _after_comma(tok, i) and lower[i].endswith("ing"):
        np = sentence_subject(tok, lex, s_lo, i) or quoted
    elif subject is None and i > s_lo + 1 and lower[i - 1] in _COORDINATORS:
        # "Fields filed a complaint and said ...": the subject of the sentence speaks
        np = np_after(tok, lex, skip_lead(tok, lex, s_lo), i - 1)
    elif subject is None and i > s_lo + 1 and lower[i - 1] in _RELATIVES:
        # "Smith, who said ...", "voters who said ...": the phrase before "who"
        j = i - 2 if words[i - 2] != "," else i - 3
        np = _subject(tok, lex, j + 1, s_lo) if j >= s_lo else None
    else:
        np = subject
    if np is None and not lower[i].endswith("ing"):
        np = _described_subject(tok, lex, i, s_lo)
    if np is None:
        return None
    c_first = i + k
    if c_first >= s_hi:
        return None
    lemma = lex.cue_forms.get(lower[i], "")
    if lemma in lex.object_cues or lower[c_first] in lex.cue_skip:
        c_first = _skip_to_that(tok, lex, c_first, s_hi)
    if c_first == i + k and lemma in lex.object_cues and lower[c_first] != "that":
        c_first = _skip_object(tok, lex, c_first, s_hi)
        if lower[c_first] == "to":
            c_first = i + k  # "asked the court to act": the listener is part of the request
    if c_first == i + k:
        c_first = _skip_time(tok, lex, c_first, s_hi)
        if (
            c_first == i + k
            and lower[c_first] in lex.particles
            and c_first + 1 < s_hi
            and words[c_first + 1][:1].isalnum()
        ):
            c_first += 1  # "called for ...", "warned against ..."
        elif (
            c_first == i + k
            and lower[c_first] == "to"
            and lower[c_first - 1] in lex.to_cues
            and c_first + 1 < s_hi
            and words[c_first + 1][:1].isalnum()
        ):
            c_first += 1  # "did not respond to requests", "responded to the charge"
    if c_first < s_hi and words[c_first] in (",", ":"):
        c_first += 1
    if c_first >= s_hi or words[c_first] in _END_PUNCT:
        return None
    if lower[c_first] in _SETTING_PREPOSITIONS and not (
        c_first + 1 < s_hi and lower[c_first + 1] in ("least", "most")
    ):
        # "said in an interview with CNN.", "wrote in a memo to the inspector general": a
        # phrase of setting, nothing reported; a question word may open the content later
        # ("asked in Iowa whether he would ...")
        c_first = _question_after(tok, c_first, s_hi)
        if c_first < 0:
            return None
    hi = _cut(tok, lex, c_first, s_hi)
    if hi < s_hi and words[hi] == "," and _closing_attribution(tok, lex, hi + 1, s_hi):
        return None  # the sentence closes with its own attribution: this cue is inside it
    if i >= s_lo + 2 and lower[i - 1] in _RELATIVES and words[i - 2] == ",":
        # "Smith, who said he voted twice, left": the relative clause ends at its comma
        comma = next((t for t in range(c_first, hi) if words[t] == ","), hi)
        if comma + 1 < hi and words[comma + 1] in _CLOSERS:
            comma += 2  # "Smith, who said “we will win,” left": the mark closes the content
        hi = comma
    c_last = _trim_end(tok, c_first, hi)
    return _checked(tok, np, c_first, c_last)


#: prepositions opening a phrase of setting after a cue (where, when, to whom it was said)
_SETTING_PREPOSITIONS = frozenset(
    ("in", "on", "at", "during", "after", "before", "with", "from", "via", "through")
)
#: words that open an embedded question
_QUESTION_WORDS = frozenset(("whether", "if", "how", "why", "what", "when", "where", "who"))


def _question_after(tok: Tokens, j: int, hi: int) -> int:
    """The first question word ("whether", "how" ...) after ``j`` in a phrase of plain words
    (``_THAT_MAX`` tokens at most, no punctuation before it), or -1."""
    for t in range(j + 1, min(hi, j + _THAT_MAX)):
        if tok.lower[t] in _QUESTION_WORDS:
            return t if t + 1 < hi else -1
        if not tok.words[t][:1].isalnum():
            return -1
    return -1


#: tokens looked back from a passive cue for the start of its clause
_PASSIVE_BACK = 20
#: adverbs between a form of "be" and a passive cue ("is also widely expected to")
_PASSIVE_ADVERBS = frozenset(("also", "not", "still", "now", "already", "long", "generally"))
#: tokens before which a clause opens
_CLAUSE_BREAKS = frozenset((",", ";", ":", "—", "–", "(", "that"))


def _passive(
    tok: Tokens, lex: Lexicon, i: int, k: int, s_lo: int, s_hi: int
) -> tuple[NounPhrase | None, int, int] | None:
    """``The mayor is widely expected to resign``: a passive evidential with no source. The
    content is the whole clause, from its subject to its end (PolNeAR marks it so).
    """
    lower = tok.lower
    if k != 1 or lower[i] not in lex.passive_cues or i + 1 >= s_hi or lower[i + 1] != "to":
        return None
    j = i - 1
    while j > s_lo and (lower[j] in _PASSIVE_ADVERBS or lower[j].endswith("ly")):
        j -= 1
    if j <= s_lo or lower[j] not in lex.be_forms:
        return None
    first = j - 1
    while first > s_lo and j - first < _PASSIVE_BACK and lower[first - 1] not in _CLAUSE_BREAKS:
        if lower[first - 1] in lex.cue_forms:
            break
        first -= 1
    if lower[first] in _CLAUSE_BREAKS:
        return None
    c_last = _trim_end(tok, i, _cut(tok, lex, i + 2, s_hi))
    if c_last <= i + 1 or c_last - first + 1 >= MAX_CONTENT:
        return None
    return None, first, c_last


def _after_comma(tok: Tokens, i: int) -> bool:
    """A comma stands before token ``i``, maybe inside a closing mark (``“…,” adding``)."""
    words = tok.words
    return (
        words[i - 1] == ","
        or (i > 1 and words[i - 1] in _CLOSERS and words[i - 2] == ",")
        or (i > 1 and words[i - 1] in _DASHES and words[i - 2][:1].isalnum())
        or (i > 1 and tok.lower[i - 1] in _TIME_JOINERS)
    )


_COORDINATORS = frozenset(("and", "but"))
_RELATIVES = frozenset(("who", "which"))
#: words that end a subject phrase or open a clause: the phrase before the cue is no subject
_CLAUSE_WORDS = frozenset(
    ("that", "who", "which", "whom", "whose", "when", "if", "because", "and", "but", "as", "to")
)
_SUBJECT_MAX = 10


def _described_subject(tok: Tokens, lex: Lexicon, cue: int, s_lo: int) -> NounPhrase | None:
    """The whole phrase opening the sentence before the cue when it is no plain name:
    ``A news report published Wednesday said``, ``Twenty-four percent said``. At most
    ``_SUBJECT_MAX`` tokens, with no punctuation, clause word or other cue inside.
    """
    q = cue - 1
    while q > s_lo and tok.lower[q] in lex.skip:
        q -= 1
    if (
        q >= s_lo
        and tok.lower[q] in lex.quantifiers
        and (q == s_lo or tok.words[q - 1] in (",", ";") or tok.lower[q - 1] in _JOINERS)
    ):
        return NounPhrase(q, q, None, "group", q, q)  # "most said", "; others said"
    first = skip_lead(tok, lex, s_lo, common=False)
    for t in range(cue - 1, max(first, cue - _SUBJECT_MAX - 1), -1):
        if tok.words[t] == ",":  # "In a two-way race, 21 percent said"
            first = t + 1
            break
    if first < cue and tok.lower[first] in _JOINERS:  # "..., while 12 percent said"
        first += 1
    last = cue - 1
    while last >= first and tok.lower[last] in lex.skip:
        last -= 1
    if last - first < 1 or last - first >= _SUBJECT_MAX:
        return None
    for t in range(first, last + 1):
        w = tok.words[t]
        if not w[:1].isalnum() or tok.lower[t] in _CLAUSE_WORDS:
            return None
        if cue_at(tok, lex, t) and not _noun_after_modifier(tok, lex, t):
            return None
        if tok.lower[t] in lex.pronouns:
            return None
    if tok.lower[last] in DETERMINERS:
        # "The mayor opened with a call for ...": the cue is a noun and the described
        # subject stops at its verb
        for t in range(first + 1, last + 1):
            if _verb_like(lex, tok.lower[t], tok.words[t]):
                last = t - 1
                break
    det = None
    if tok.lower[first] in DETERMINERS:
        det = first
        first += 1
    if last < first:
        return None
    return NounPhrase(first, last, det, "group", first, last)


#: tokens scanned for "that" after a cue ("said Thursday during a town hall in Reno that")
_THAT_MAX = 18
#: tokens scanned for a comma ending a phrase after a cue ("said on Friday, the plan ...")
_PHRASE_MAX = 10
#: words that end the phrase between a cue and its "that": a clause of its own starts
_PHRASE_STOPS = frozenset(
    ("who", "which", "whom", "whose", "where", "when", "if", "because", "but", "while", "and")
)


def _skip_to_that(tok: Tokens, lex: Lexicon, j: int, hi: int) -> int:
    """After a listener or a phrase opening with a preposition or time word (``told reporters
    on Tuesday that``, ``said in Madison, Wisconsin, that``): the token "that" ending the
    phrase; else, after a phrase word, the token after its comma (``said on Friday, the plan
    ...``); else ``j``. After a phrase word a comma is passed only before another phrase
    word, a name or "that". Past ``_PHRASE_MAX`` tokens the scan goes on only through plain
    words (no clause word, mark or other cue).
    """
    words, lower = tok.words, tok.lower
    phrase = lower[j] in lex.cue_skip
    comma = -1
    plain = True
    for t in range(j, min(hi, j + _THAT_MAX)):
        if t >= j + _PHRASE_MAX and not plain:
            break
        lw = lower[t]
        if lw == "that" and _opens_content(tok, lex, t, hi):
            return t
        w = words[t]
        if w == "," and phrase:
            if comma < 0 and t < j + _PHRASE_MAX:
                comma = t
            if t + 1 >= hi:
                break
            nx = lower[t + 1]
            if not (nx in lex.cue_skip or nx == "that" or words[t + 1][:1].isupper()):
                break
        elif (
            not w[:1].isalnum()
            or lw in _PHRASE_STOPS
            or lw in lex.pronouns
            or (t > j and lw in lex.cue_forms)
        ):
            plain = False
    if comma >= 0:
        return comma + 1
    return j


def _opens_content(tok: Tokens, lex: Lexicon, t: int, hi: int) -> bool:
    """The "that" at ``t`` opens reported content, not a relative clause (``a bill that
    would``, ``the decision that helped``): no auxiliary or ``-ed`` verb follows it.
    """
    if t + 1 >= hi:
        return False
    nx = tok.lower[t + 1]
    return nx not in lex.aux_verbs and not (nx.endswith("ed") and tok.words[t + 1].islower())


#: tokens scanned for the clause after a listener object ("told a crowd in Reno he ...")
_OBJECT_MAX = 12


def _skip_object(tok: Tokens, lex: Lexicon, j: int, hi: int) -> int:
    """After a cue with a listener object and no "that": where the clause starts. An object
    pronoun is skipped (``told them Clinton ...``); otherwise the first clause opener within a
    few tokens (``told reporters he ...``, ``urged voters to ...``); ``j`` when there is none.
    """
    lower, words = tok.lower, tok.words
    if lower[j] in lex.object_pronouns and j + 1 < hi and words[j + 1][:1].isalnum():
        return j + 1
    for t in range(j + 1, min(hi, j + _OBJECT_MAX)):
        w = words[t]
        if w in _END_PUNCT or w in _MARKS or w in ("“", "(", ":"):
            break
        if _CONTRACTION.sub("", lower[t]) in lex.clause_openers:  # "she", "she’s", "he'd"
            return t
    if (
        j + 1 < hi
        and lower[j + 1] in _LISTENER_ENDS
        and words[j][-1:] == "s"
        and words[j].islower()
    ):
        return j + 1  # "told reporters the plan ..."
    # a named listener, then a noun phrase: "told CNN the plan ...", "told The Hill a deal ..."
    t = j + 1 if lower[j] == "the" else j
    if t > j and not (t < hi and is_cap(words[t])):
        return j
    while t < hi and t - j < _OBJECT_MAX and is_cap(words[t]):
        t += 1
    if t > j and t + 1 < hi and lower[t] in _LISTENER_ENDS:
        return t
    return j


#: an English contraction ending a word ("she’s", "they'd", "we'll")
_CONTRACTION = regex.compile(r"['’](?:s|d|ll|re|ve|m)\Z")
#: determiners that open the content after a named listener
_LISTENER_ENDS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "this"))


def _skip_time(tok: Tokens, lex: Lexicon, j: int, hi: int) -> int:
    """After ``said on Friday`` / ``said last week`` (no "that"): the token after the phrase."""
    lower = tok.lower
    t = j
    while t < hi and t - j < 2 and lower[t] in lex.time_openers:
        t += 1
    if t >= hi or lower[t] not in lex.time_words:
        return j
    while t < hi and t - j < 4 and lower[t] in lex.time_words:
        t += 1
    if t >= hi or not (tok.words[t][:1].isalnum() or tok.words[t] in _OPEN_MARKS):
        return j  # a time phrase is followed by words or a quoted phrase ("on Monday “…”")
    return t


def _tail(
    tok: Tokens,
    lex: Lexicon,
    i: int,
    k: int,
    s_lo: int,
    s_hi: int,
    subject: NounPhrase | None,
) -> tuple[NounPhrase, int, int] | None:
    """``<clause>, Smith said.`` or ``<clause>, said Smith.``: the cue closes the sentence;
    ``subject`` is the phrase just before the cue (:func:`_subject`).
    """
    words = tok.words
    # inverted: ", said Smith"
    if i > s_lo and words[i - 1] == ",":
        np = np_after(tok, lex, i + k, s_hi)
        if np is not None:
            end = np.role_last if np.role_last is not None else np.last
            if _ends_soon(tok, lex, end + 1, s_hi) and _no_verb_after(tok, lex, end + 1, s_hi):
                return _checked(tok, np, max(s_lo, i - MAX_CONTENT), _trim_end(tok, s_lo, i - 1))
    # ", Smith said" / ", the ministry said in a statement"
    np = subject
    if np is None:
        return None
    first = np.det if np.det is not None else np.first
    j = first - 1
    while j >= s_lo and tok.lower[j] in lex.skip:
        j -= 1
    j = _modifiers_before(tok, lex, j, s_lo)
    if j <= s_lo or words[j] != ",":
        return None
    if i + k < s_hi and words[i + k] == ",":
        # "<clause>, the Times said, <more>": the attribution interrupts one content
        last = _trim_end(tok, s_lo, s_hi)
        if last > i + k + 1 and _MIN_CONTENT_TOKENS <= last - s_lo + 1 < MAX_CONTENT:
            return np, s_lo, last
        return None
    lemma = lex.cue_forms.get(tok.lower[i], "")
    if not _tail_after_cue(tok, lex, i + k, s_hi, lemma in lex.object_cues):
        return None
    if not _ends_soon(tok, lex, i + k, s_hi):
        return None
    return _checked(tok, np, s_lo, _trim_end(tok, s_lo, j))


#: lower-case words allowed before a closing speaker ("law enforcement officials say")
_MODIFIERS_MAX = 4


def _modifiers_before(tok: Tokens, lex: Lexicon, j: int, s_lo: int) -> int:
    """Skip back over a few plain modifier words ending at ``j`` when a comma precedes them
    (``…, law enforcement officials say``); ``j`` itself otherwise.
    """
    words, lower = tok.words, tok.lower
    k = j
    while k > s_lo and j - k < _MODIFIERS_MAX and words[k].isalpha() and words[k] != ",":
        if lower[k] in _CLAUSE_WORDS or lower[k] in lex.pronouns or cue_at(tok, lex, k):
            return j
        k -= 1
    return k if k < j and words[k] == "," else j


def _no_verb_after(tok: Tokens, lex: Lexicon, j: int, s_hi: int) -> bool:
    """After an inverted speaker (``…, said Smith``) comes the sentence end, a comma or a
    time or place phrase, not a verb (``…, said Smith had left``: Smith's own clause).
    """
    if j >= s_hi:
        return True
    w, lw = tok.words[j], tok.lower[j]
    return not w[:1].isalnum() or lw in lex.cue_skip or lw in lex.time_words


def _tail_after_cue(tok: Tokens, lex: Lexicon, j: int, s_hi: int, listener: bool) -> bool:
    """What follows a cue can be a closing tail (``said on Friday.``, ``told reporters.``), not
    the reported clause itself (``, Lazar said he welcomed ...``): it opens with punctuation, a
    time word or a preposition (or, after a listener cue, the listener) and holds no subject
    pronoun or "that".
    """
    if j >= s_hi:
        return True
    lower = tok.lower
    first = lower[j]
    if tok.words[j][:1].isalnum() and not (
        listener or first in lex.cue_skip or first in lex.time_words or first in lex.time_openers
    ):
        return False
    for t in range(j, min(s_hi, j + _TAIL_MAX)):
        if tok.words[t] in _END_PUNCT:
            return True
        if lower[t] == "that" or (lower[t] in lex.pronouns and lower[t] in lex.clause_openers):
            return False
    return True


def _ends_soon(tok: Tokens, lex: Lexicon, j: int, s_hi: int) -> bool:
    """Only a short tail (``on Friday``, ``in a statement``) is left before the sentence ends."""
    hi = min(s_hi, j + _TAIL_MAX)
    for t in range(j, hi):
        w = tok.words[t]
        if w in _END_PUNCT:
            return True
        if w == "," and t + 1 < s_hi and (tok.lower[t + 1] in lex.cue_forms):
            return True
        if w in _MARKS or tok.lower[t] in ("that",):
            return False
    return s_hi <= hi


def _checked(
    tok: Tokens, np: NounPhrase, c_first: int, c_last: int
) -> tuple[NounPhrase, int, int] | None:
    if not _MIN_CONTENT_TOKENS <= c_last - c_first + 1 < MAX_CONTENT:
        return None
    # the content must not contain the speaker phrase
    if c_first <= np.first <= c_last:
        return None
    return np, c_first, c_last
