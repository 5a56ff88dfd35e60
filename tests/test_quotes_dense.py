"""The quotes extractor on fact-dense text: one search for quote marks over the whole text,
continuations checked once, and quotes repeated many times over."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.document import Document, Span
from newsfacts.extractors.quotes import extract_quotes
from newsfacts.extractors.quotes.marks import _MARK, _paragraph_marks, scan
from newsfacts.resources import word_set


def _own_search(text: str, paragraphs: list[Span]) -> list[list[tuple[int, int]]]:
    """The marks of each paragraph, each paragraph searched on its own."""
    return [[m.span() for m in _MARK.finditer(text, p.start, p.end)] for p in paragraphs]


def _spans(cuts: list[int], keep: list[bool]) -> list[Span]:
    """Paragraphs between sorted cut points, some dropped (gaps between paragraphs)."""
    return [Span(a, b) for (a, b), k in zip(pairwise(cuts), keep) if k]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("a''b", [Span(0, 2), Span(2, 4)]),  # ``''`` across the edge: two lone apostrophes
        ("x'''y", [Span(0, 2), Span(2, 5)]),  # the second paragraph opens with ``''``
        ("x'''y", [Span(0, 3), Span(3, 5)]),
        ("''a''", [Span(1, 4)]),  # both marks cut by the paragraph edges
        ("“a” ''b''\n\n''c'' “d”", [Span(0, 9), Span(11, 20)]),
        ("no marks here\n\nnor here", [Span(0, 13), Span(15, 23)]),
        ("“a”", [Span(0, 0), Span(0, 3), Span(3, 3)]),  # empty paragraphs
    ],
)
def test_paragraph_marks_are_the_marks_each_paragraph_holds(
    text: str, paragraphs: list[Span]
) -> None:
    assert [list(m) for m in _paragraph_marks(text, paragraphs)] == _own_search(text, paragraphs)


_PIECES = st.sampled_from(["'", "''", '"', "“", "”", "‘", "’", "«", "»", "„", "a", " ", "\n", "."])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_PIECES, max_size=30).map("".join),
    st.lists(st.integers(0, 60), max_size=8),
    st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_paragraph_marks_match_a_search_per_paragraph(
    text: str, points: list[int], keep: list[bool]
) -> None:
    cuts = sorted({min(p, len(text)) for p in points} | {0, len(text)})
    paragraphs = _spans(cuts, keep)
    assert [list(m) for m in _paragraph_marks(text, paragraphs)] == _own_search(text, paragraphs)
    doc_paragraphs = list(Document.from_text(text).paragraphs)
    got = [list(m) for m in _paragraph_marks(text, doc_paragraphs)]
    assert got == _own_search(text, doc_paragraphs)


def test_quote_after_paragraphs_without_marks_still_closes_a_running_quote() -> None:
    # the running quote's paragraph is followed by one with no mark: it ends there
    text = "“We will go on and on\n\n“and on and on\n\nThe council met.\n\nNo marks here."
    raws = scan(text, Document.from_text(text).paragraphs)
    assert len(raws) == 1
    assert raws[0].close is None and len(raws[0].pieces) == 2
    assert text[raws[0].pieces[1][0] : raws[0].pieces[1][1]] == "and on and on"


# -- continuations: the attribution of the next quote is looked up once and reused ----------
_NAMES = st.sampled_from(["Ann Lee", "Bo Park", "Cy Dorn", "she", "he", "they"])
_SEPARATORS = st.sampled_from(["\n\n", "\r\n", "\r\n\r", " "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NAMES, min_size=1, max_size=6), _SEPARATORS)
def test_every_attributed_quote_keeps_its_own_attribution(names: list[str], sep: str) -> None:
    units = [f"“Point number {i} stands,” {name} said." for i, name in enumerate(names)]
    text = sep.join(units)
    quotes = extract_quotes(Document.from_text(text))[0]
    assert len(quotes) == len(names)
    offset = 0
    for i, (q, name, unit) in enumerate(zip(quotes, names, units)):
        at = text.index(unit, offset)
        offset = at + len(unit)
        assert q.text == f"Point number {i} stands"
        assert q.cue == "said" and q.parts == ()
        mention = text.index(name, at)  # the speaker mention is this unit's own
        assert (q.speaker_start, q.speaker_end) == (mention, mention + len(name))


def test_continuation_two_paragraphs_on_is_no_continuation() -> None:
    text = (
        "“The plan is sound and fair,” Mara Lind told reporters.\n\nThe council met.\n\n"
        "“We will start in the spring and finish by the fall.”"
    )
    q1, q2 = extract_quotes(Document.from_text(text))[0]
    assert q1.speaker == "Mara Lind" and q1.parts == ()
    assert q2.text.startswith("We will start") and q2.speaker is None


# -- many quotes: every repetition is found the same way ------------------------------------
@pytest.mark.parametrize(
    ("unit", "content", "speaker"),
    [
        ("“Yes,” she said.\r\n", "Yes", "she"),
        ("He said 5 people.\rThey left.\r\n“Yes,” she said.\r\n\r", "Yes", "she"),
        ("“We won,” Ann Lee said. ", "We won", "Ann Lee"),
    ],
)
def test_repeated_unit_gives_one_quote_per_repetition(
    unit: str, content: str, speaker: str
) -> None:
    n = 300
    text = unit * n
    quotes = extract_quotes(Document.from_text(text))[0]
    assert len(quotes) == n
    for k, q in enumerate(quotes):
        base = k * len(unit)
        assert text[q.start : q.end] == content and base <= q.start < base + len(unit)
        assert q.cue == "said" and q.kind == "direct"
        mention = text.index(speaker, q.end)
        assert (q.speaker_start, q.speaker_end) == (mention, mention + len(speaker))


# -- tokens: the final dot split off by the pattern, joined again for abbreviations ----------
def _reference_tokens(text: str) -> list[tuple[str, int, int]]:
    """Tokens as :data:`tokens._TOKEN` defines them: each match, its final dot split off
    unless the word keeps it (an inner dot, an initial, an abbreviation)."""
    from newsfacts.extractors.quotes.tokens import _TOKEN

    abbrev = word_set("abbreviations.txt")
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        w, a, b = m.group(), m.start(), m.end()
        core = w[:-1]
        kept = "." in core or (len(core) == 1 and core.isupper()) or w.lower() in abbrev
        if len(w) > 1 and w.endswith(".") and not kept:
            out += [(core, a, b - 1), (".", b - 1, b)]
        else:
            out.append((w, a, b))
    return out


_TOKEN_PIECES = st.sampled_from(
    ["Mr", "mr", "Gov", "U.S", "J", "j", "said", "1,500", "3.2", "e\u0301", "\u0301", "$",
     "''", "'", "’", "“", "”", "-", ".", "..", ",", " ", "\r\n", "\n", "\r", "Σ", "İ"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKEN_PIECES, max_size=30))
def test_tokens_are_the_pattern_matches_with_final_dots_split_off(pieces: list[str]) -> None:
    from newsfacts.extractors.quotes.tokens import Tokens

    text = "".join(pieces)
    tok = Tokens(text)
    assert list(zip(tok.words, tok.starts, tok.ends)) == _reference_tokens(text)


def test_dots_after_words_symbols_and_marks() -> None:
    from newsfacts.extractors.quotes.tokens import Tokens

    text = "Mr. Lee paid $. for “it”. J. Doe left. U.S. aid rose 3.2. e\u0301. ''."
    words = Tokens(text).words
    assert words == [
        "Mr.", "Lee", "paid", "$", ".", "for", "“", "it", "”", ".", "J.", "Doe", "left", ".",
        "U.S.", "aid", "rose", "3.2.", "e\u0301", ".", "''", ".",
    ]  # fmt: skip


# -- a phrase quoted inside reported speech is reported once, with the cue's clause ---------
def test_quoted_phrase_inside_reported_clause_is_one_mixed_quote() -> None:
    text = (
        "Senator Ruiz said the new toll was “a disgrace” to the county. "
        "Dana Whitcombe blasted the toll as “a giveaway to contractors.”"
    )
    quotes = extract_quotes(Document.from_text(text))[0]
    assert [(q.kind, q.text, q.speaker, q.cue) for q in quotes] == [
        ("mixed", "the new toll was “a disgrace” to the county", "Ruiz", "said"),
        ("mixed", "the toll as “a giveaway to contractors.”", "Dana Whitcombe", "blasted"),
    ]
