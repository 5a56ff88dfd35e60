"""The sentence splitter: coverage and order as properties, and the news cases it must get right."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import Document
from newsfacts.sentences import paragraphs, sentences

news_alphabet = st.sampled_from(list("abcXYZ .,!?\"'“”‘’«»:;()[]\n\r\t0123456789…-—UuSs"))


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), st.text(news_alphabet, max_size=300)))
def test_sentences_cover_every_non_space_character_once_in_order(text: str) -> None:
    spans = sentences(text)
    prev_end = 0
    covered = 0
    for a, b in spans:
        assert prev_end <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert text[prev_end:a].strip() == ""
        prev_end = b
        covered += b - a
    assert text[prev_end:].strip() == ""


@given(st.text(max_size=300))
def test_paragraphs_are_ordered_and_never_cross_a_line_break(text: str) -> None:
    prev = 0
    for a, b in paragraphs(text):
        assert prev <= a < b
        assert "\n" not in text[a:b] and "\r" not in text[a:b]
        prev = b


_SPACES = [chr(i) for i in range(0x3001) if chr(i).isspace()]


@pytest.mark.parametrize("space", _SPACES, ids=[f"U+{ord(c):04X}" for c in _SPACES])
def test_paragraphs_strip_every_str_isspace_character(space: str) -> None:
    # \n and \r end a line; every other space is stripped from a line's ends but kept inside it
    text = f"{space}a{space}b{space}\nc"
    if space in "\n\r":
        assert paragraphs(text) == [(1, 2), (3, 4), (6, 7)]
    else:
        assert paragraphs(text) == [(1, 4), (6, 7)]
    assert paragraphs(space * 3) == []


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Gen. Jones on Oct. 5. They talked.",
            ["Mr. Smith met Gen. Jones on Oct. 5.", "They talked."],
        ),
        (
            "U.S. officials said 1.5 million people and 3,000 troops moved. Others stayed.",
            ["U.S. officials said 1.5 million people and 3,000 troops moved.", "Others stayed."],
        ),
        (
            "The deal was signed in the U.S. The talks ended.",
            ["The deal was signed in the U.S.", "The talks ended."],
        ),
        (
            '"We will fight," she said. "We will win." He nodded.',
            ['"We will fight," she said.', '"We will win."', "He nodded."],
        ),
        (
            "“Where are they?” asked the minister. Nobody knew.",
            ["“Where are they?” asked the minister.", "Nobody knew."],
        ),
        (
            "SEOUL: The spy agency said troops arrived.",
            ["SEOUL:", "The spy agency said troops arrived."],
        ),
        (
            "Headline Without A Period\nBody text starts here. And ends.",
            ["Headline Without A Period", "Body text starts here.", "And ends."],
        ),
        (
            '"They have gone to [...] Russia," stated U.S. Defense Secretary Lloyd Austin.',
            ['"They have gone to [...] Russia," stated U.S. Defense Secretary Lloyd Austin.'],
        ),
    ],
)
def test_news_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_document_lookups_agree_with_spans() -> None:
    text = "First one. Second one.\n\nThird paragraph."
    doc = Document.from_text(text)
    assert len(doc.paragraphs) == 2 and len(doc.sentences) == 3
    assert doc.sentence_index(text.index("Second")) == 1
    assert doc.sentence_index(text.index("\n")) is None
    assert doc.paragraph_index(text.index("Third")) == 1


@settings(max_examples=400)
@given(st.text(st.sampled_from(list("aBé.. 1-'ßX")), max_size=30))
def test_reverse_word_before_search_equals_the_forward_search(window: str) -> None:
    # The splitter finds the dotted word ending a window with a reverse search (faster); it must
    # pick exactly what the plain forward search anchored at the end picks.
    import regex

    from newsfacts.sentences import _WORD_BEFORE

    forward = regex.compile(r"(?<!\p{L})\p{L}++(?:\.\p{L}++)*+\.$")
    text = window + "."
    want, got = forward.search(text), _WORD_BEFORE.search(text)
    assert (got and got.group(0)) == (want and want.group(0))


# -- the whole-text break scan must split exactly as the per-paragraph scan did -----------------

_PIECES = [
    "The", "He", "said", "U.S.", "Mr.", "Oct.", "J.", "e.g.", "1", "5.", "KYIV:", "ST. LOUIS:",
    "NEW YORK, Jan:", "Note:", "a", "x", " ", "  ", "\t", "\u00a0", "\x0b", "\x1c", "\n", "\r\n",
    "\r", "\u2028", ".", "!", "?", "…", "...", ":", '"', "'", "''", "“", "”", "’", "«", "»", "(",
    ")", "[", "]", "[...]", "É", "ß",
]  # fmt: skip


def _split_per_paragraph(text: str) -> list[tuple[int, int]]:
    """The splitter as it was: a dateline match, then ``_END`` and ``_NEXT`` inside each
    paragraph's bounds, then the abbreviation tests."""
    from newsfacts.sentences import _DATELINE, _is_abbreviation, _opens_sentence

    # the old per-paragraph patterns: a candidate end, and what must follow it
    _END = regex.compile(r"[.!?…]++[\"'”’»)\]]*+(?=\s)")
    _NEXT = regex.compile(r"\s++(?:''|[\"'“‘«(\[])?+[\p{Lu}\p{N}]")

    out: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        seg_start = start
        m = _DATELINE.match(text, start, end)
        if m:
            out.append((start, m.end(1)))
            seg_start = m.end(0)
            while seg_start < end and text[seg_start].isspace():
                seg_start += 1
        for m in _END.finditer(text, seg_start, end):
            first, stop = m.span()
            if first > start and text[first - 1] in "[(":
                continue
            if _NEXT.match(text, stop, end) is None:
                continue
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


_OPENERS = [
    "",
    "KYIV: ",
    "BIG NEWS. NOW: ",
    "ST. LOUIS:\t",
    "NEW YORK, Jan: ",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ, Kyiv: ",
]


@settings(max_examples=300)
@given(st.sampled_from(_OPENERS), st.lists(st.sampled_from(_PIECES), max_size=40))
def test_whole_text_break_scan_splits_like_the_per_paragraph_scan(
    opener: str, parts: list[str]
) -> None:
    from newsfacts.sentences import split_paragraph

    text = opener + "".join(parts)
    want = _split_per_paragraph(text)
    assert sentences(text) == want
    assert [s for a, b in paragraphs(text) for s in split_paragraph(text, a, b)] == want


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline's colon may sit far from the paragraph start
        (
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKL, Wxyzabcdefghijklmnopq: The talks ended.",
            [
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKL, Wxyzabcdefghijklmnopq:",
                "The talks ended.",
            ],
        ),
        # a period before a line break does not end a sentence on the next line's capital
        ("It ended.\nThen it began. Again.", ["It ended.", "Then it began.", "Again."]),
        # a colon after a word that is not in capitals opens no dateline
        ("Note: The rest. Done.", ["Note: The rest.", "Done."]),
        # every paragraph may open with a dateline, not only the text's first
        (
            "KYIV: Talks ended.\n\nSEOUL: Talks began. Again.",
            ["KYIV:", "Talks ended.", "SEOUL:", "Talks began.", "Again."],
        ),
    ],
)
def test_datelines_and_line_ends(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_one_sentence_lines_share_their_paragraph_spans() -> None:
    text = "He said 5 people.\rThey left.\r\n“Yes,” she said.\r\n\r" * 3
    doc = Document.from_text(text)
    assert [text[s.start : s.end] for s in doc.sentences][:3] == [
        "He said 5 people.",
        "They left.",
        "“Yes,” she said.",
    ]
    assert doc.sentences == doc.paragraphs and len(doc.sentences) == 9
    assert doc.sentence_index(text.index("They")) == 1
