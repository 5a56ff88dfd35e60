"""Boilerplate detection on the seeds: every junk line is covered, and the news text is not."""

from __future__ import annotations

import pytest

from newsfacts import Article, Document

# Junk lines in the seed articles, by seed prefix, written out by hand from reading them.
JUNK = {
    "000": ["READ ALSO: Hezbollah Targets Israeli Naval Base and Tel Aviv Suburbs"],
    "002": ["Author: Dan Alexe", "Translation by Iurie Tataru"],
    "003": [
        "Spread the love",
        "Photo: KCNA via KNS Agence France-Presse",
        "Published at 10:09 Updated at 12:50",
        "• Europe",
        "200% Deposit Bonus up to €3,000 180% First Deposit Bonus up to $20,000",
        "Read also",
        "• Putin, Kim sign mutual assistance agreement",
        "• Putin “does not rule out” the possibility",
        "By Teilor Stone",
        "Teilor Stone has been a reporter on the news desk since 2013",
        "contact me through my teilor@nizhtimes.com 1-800-268-7116",
    ],
    "004": ["Exit mobile version"],
}

# News sentences next to the junk that must stay content.
NEWS = {
    "000": [
        "While the United States and NATO have not officially confirmed the deployment",
        "KYIV: Ukraine on Wednesday called on North Korean troops",
    ],
    "002": ["NATO officials described this deployment as"],
    "003": [
        "North Korea sends troops to Russia, South Korean intelligence says",
        "13,000 containers of weapons",
        "According to the NIS, several Russian landing ships",
        "Ukrainian media recently reported that six North Korean servicemen",
    ],
    "004": ["Valeriy Ryabykh, editor at Ukraine’s Defence Express, noted"],
}


def _doc(seed_articles: dict[str, Article], key: str) -> Document:
    return Document.from_article(seed_articles[key])


@pytest.mark.parametrize("key", sorted(JUNK))
def test_every_junk_line_is_covered(seed_articles: dict[str, Article], key: str) -> None:
    doc = _doc(seed_articles, key)
    for line in JUNK[key]:
        start = doc.text.index(line)
        for offset in (start, start + len(line) - 1):
            seg = doc.boilerplate_at(offset, offset + 1)
            assert seg is not None, f"{key}: {line!r} not marked as boilerplate"
            assert seg.reason


@pytest.mark.parametrize("key", sorted(NEWS))
def test_news_text_is_not_boilerplate(seed_articles: dict[str, Article], key: str) -> None:
    doc = _doc(seed_articles, key)
    for line in NEWS[key]:
        start = doc.text.index(line)
        assert not doc.in_boilerplate(start, start + len(line)), line


def test_seed_001_has_no_boilerplate(seed_articles: dict[str, Article]) -> None:
    assert _doc(seed_articles, "001").boilerplate == ()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ MORE: Markets fall again", "read-also"),
        ("Photo: Reuters", "caption"),
        ("Updated at 09:15", "timestamp"),
        ("Written by Jane Roe", "credit"),
        ("Claim 50 free spins today", "advertisement"),
    ],
)
def test_reasons_for_common_junk(line: str, reason: str) -> None:
    doc = Document.from_text(f"Troops moved on Monday.\n{line}\nThe talks ended.")
    seg = doc.boilerplate_at(doc.text.index(line), doc.text.index(line) + 1)
    assert seg is not None and seg.reason == reason
    assert not doc.in_boilerplate(0, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday. It voted 7 to 2.\nA second paragraph follows.",
        "Share this article\nThe council met. It voted.\nRead also: Another story here\nEnd.",
    ],
)
def test_content_sentences_are_the_sentences_outside_boilerplate(text: str) -> None:
    doc = Document.from_text(text)
    expected = [
        (i, s) for i, s in enumerate(doc.sentences) if not doc.in_boilerplate(s.start, s.end)
    ]
    assert list(doc.content_sentences()) == expected
    # both paths are exercised: an article without junk, and one with two junk lines
    assert len(doc.boilerplate) == (2 if text.startswith("Share") else 0)


# -- the keyword prefilter: it may only skip lines the keyword regex cannot match ---------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsfacts import boilerplate as bp  # noqa: E402
from newsfacts.literals import OpaquePattern, required_literals  # noqa: E402
from newsfacts.sentences import paragraphs  # noqa: E402


def test_only_the_mapped_characters_fold_onto_ascii_letters_digits_and_space() -> None:
    import sys

    import regex

    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for p in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ":
        matched = set(regex.findall(regex.escape(p), everything, regex.IGNORECASE))
        assert p in matched
        assert {c for c in matched if bp._fold(c) != p.lower()} == set()
    # simple case folding only: no character stands for two ASCII letters
    _, _, keyword = bp._rules()
    assert not keyword.flags & regex.FULLCASE
    assert regex.search("ss", "ß", regex.IGNORECASE) is None
    assert regex.search("fi", "ﬁ", regex.IGNORECASE) is None


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"\bfoo\b", {"foo"}),
        (r"\b(?:free spins|casino)\b", {"free spins", "casino"}),
        (r"sign[- ]up bonus", {"up bonus"}),
        (r"follow (?:me|us) on", {"follow "}),
        (r"ab?cd", {"cd"}),
        (r"x(?:abc)?yz", {"yz"}),
        (r"\p{L}+ hello", {" hello"}),
        (r"abc{2,3}+def", {"def"}),
        (r"[^]x]bcd|[\]]efgh", {"bcd", "efgh"}),
        (r"Casino", {"casino"}),
        (r"a|\d", None),
    ],
)
def test_required_literals_of_hand_written_patterns(
    pattern: str, required: set[str] | None
) -> None:
    got = required_literals(pattern)
    assert (None if not got else set(got)) == required


@pytest.mark.parametrize("pattern", [r"(?i)abc", r"(?=abc)def", r"a#b", r"(?P<x>abc)"])
def test_patterns_the_reader_does_not_know_are_opaque(pattern: str) -> None:
    with pytest.raises(OpaquePattern):
        required_literals(pattern)


def test_the_shipped_keyword_rules_all_have_required_literals() -> None:
    literals = bp._keyword_literals()
    assert literals is not None
    assert "casino" in literals


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Claim 50 free ſpins with this code", "advertisement"),
        ("The best CASİNO in town, open late", "advertisement"),
        ("Get your SIGN-UP BONUS today", "advertisement"),
        ("Questions? Contact us any time, day or night", "contact"),
        ("The casinos reopened on Monday after the storm.", None),
        ("He said the deal would stand.", None),
    ],
)
def test_classify_line_keeps_case_insensitive_keyword_matches(
    line: str, reason: str | None
) -> None:
    assert bp.classify_line(line) == reason
    doc = Document.from_text("The council met on Tuesday.\n" + line + "\nIt ended at noon.")
    assert [b.reason for b in doc.boilerplate] == ([reason] if reason else [])


_FRAGMENTS = [
    "casino",
    "CaSiNo",
    "casİno",
    "CASıNO",
    "free ſpins",
    "FREE SPINS",
    "promo code",
    "sign up bonus",
    "sign-up bonus",
    "betting",
    "contact me",
    "email me",
    "follow us on",
    "to get in touch",
    "deposit bonus",
    "bonus up to",
    "\u212aelvin",
    "the",
    "said",
    " ",
    "\n",
    "\r",
    "\t",
    "\u00a0",
    "“",
    ".",
    "İ",
    "ſ",
    "ß",
    "Σ",
    "x",
    "up",
    "bonus",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_prefilter_never_skips_a_line_the_keyword_rules_match(parts: list[str]) -> None:
    text = "".join(parts)
    _, _, keyword = bp._rules()
    paras = paragraphs(text)
    candidates = bp._keyword_candidates(text, paras, bp._folded_text(text))
    for i, (a, b) in enumerate(paras):
        line = text[a:b]
        if keyword.search(line):
            assert bp._may_match_keyword(line)
            assert candidates is None or i in candidates


# -- the whole-line prefilter and the skipped context loop must not change any decision ---------

from newsfacts.literals import required_prefixes  # noqa: E402


@pytest.mark.parametrize(
    ("pattern", "size", "prefixes"),
    [
        (r"^(?:share this(?: article)?|tweet)$", 2, {"sh", "tw"}),
        (r"^by \p{Lu}[\p{L}]*+$", 3, {"by "}),
        (r"^(?:a|bc)d", 2, {"ad", "bc"}),
        (r"^(?:x(?:yz|Q))", 2, {"xy", "xq"}),
        (r"^Ab|cD", 2, {"ab", "cd"}),
        (r"^ab?c", 2, None),  # "ac" matches too
        (r"^(?:ab)?cd", 2, None),
        (r"^a$", 2, None),  # a match may be shorter
        (r"^a(?:b|)", 2, None),
        (r"^\d\d", 2, None),
        (r"^[ab]c", 2, None),
        (r"^(?=ab)ab", 2, None),
    ],
)
def test_required_prefixes_of_hand_written_patterns(
    pattern: str, size: int, prefixes: set[str] | None
) -> None:
    got = required_prefixes(pattern, size)
    assert (None if got is None else set(got)) == prefixes


def test_the_shipped_whole_line_rules_all_have_prefixes() -> None:
    heads = bp._whole_line_heads()
    assert heads is not None
    assert {"by", "sh", "re", "ph"} <= heads and "th" not in heads


def _find_without_prefilters(text: str) -> list[tuple[int, int, str]]:
    """Every rule tried on every line, and the context rules on every line."""
    import regex

    reasons_of, whole_line, keyword = bp._rules()
    paras = paragraphs(text)
    lines = [text[a:b] for a, b in paras]
    reasons: list[str | None] = []
    for line in lines:
        m = None if len(line) > 2000 else whole_line.match(line) or keyword.search(line)
        reasons.append(reasons_of[int(m.lastgroup[1:])] if m and m.lastgroup else None)
    names = {line[3:].strip() for line, r in zip(lines, reasons) if r == "byline"}
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            continue
        bullet = regex.match(r"[•·▪●◦*\-–]", line)
        if bullet and i > 0 and reasons[i - 1] in ("read-also", "related-item"):
            reasons[i] = "related-item"
        elif (
            bullet and len(regex.findall(r"\S++", line)) <= 4 and not regex.search(r"[.!?]$", line)
        ):
            reasons[i] = "menu"
        elif line in names:
            reasons[i] = "byline"
        elif any(line.startswith(n) for n in names) and bp._BIO.search(line[:300]):
            reasons[i] = "author-bio"
        elif i + 1 < len(lines) and reasons[i + 1] == "byline" and bp._NAME_LINE.match(line):
            reasons[i] = "byline"
    return [(a, b, r) for (a, b), r in zip(paras, reasons) if r is not None]


_LINE_PIECES = [
    "Share this",
    "SHARE ON X",
    "Tweet",
    "home",
    "ſkip to content",
    "Read also: ",
    "Related stories",
    "Photo: ",
    "Published at 10:09",
    "By Jane Doe",
    "By Jane Doe\n",
    "Jane Doe",
    "Jane Doe has been a reporter since 2010.",
    "John Smith\n",
    "Author: Dan Alexe",
    "casino",
    "contact us",
    "• ",
    "- ",
    "* ",
    "– ",
    "Europe",
    "The talks ended.",
    "He said 5 people.",
    "İmage: x",
    "by",
    " ",
    "\n",
    "\r\n",
    "\t",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=25))
def test_find_decides_every_line_as_without_prefilters(parts: list[str]) -> None:
    text = "".join(parts)
    assert bp.find(text, paragraphs(text)) == _find_without_prefilters(text)
