"""Tests for the dates plugin: sentences written for these tests plus the repository seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsfacts_dates import DateExtractor, DateFact, find_dates

import newsfacts
from newsfacts.serialize import fact_from_dict, fact_to_dict

WED = dt.date(2024, 10, 23)  # a Wednesday
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def one(text: str, published: dt.date | None = WED) -> DateFact:
    found = list(find_dates(text, published))
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("Kyiv on Wednesday urged the troops to give up.", "on Wednesday", "weekday", "2024-10-23"),
        ("The agency said Friday that it knew.", "Friday", "weekday", "2024-10-18"),
        (
            "They sailed from October 8 to 13 in a ship.",
            "from October 8 to 13",
            "date_range",
            "2024-10-08/2024-10-13",
        ),
        ("Shells have been sent since August.", "since August", "month", "2024-08-01/2024-10-23"),
        (
            "The number could reach 10,000 by December.",
            "by December",
            "month",
            "2024-12-01/2024-12-31",
        ),
        ("The pact was signed in June.", "in June", "month", "2024-06-01/2024-06-30"),
        ("He said last week that talks failed.", "last week", "relative", "2024-10-14/2024-10-20"),
        ("Officials met October 23 in Seoul.", "October 23", "date", "2024-10-23"),
        ("It ran from 28 December to 3 January.", "from 28 December", "date", "2024-12-28"),
        ("The vote is set for Dec. 5, 2025.", "Dec. 5, 2025", "date", "2025-12-05"),
        ("They met yesterday.", "yesterday", "relative", "2024-10-22"),
        ("He arrived last Wednesday.", "last Wednesday", "weekday", "2024-10-16"),
        ("He arrives next Monday.", "next Monday", "weekday", "2024-10-28"),
        (
            "Prices rose in mid-October 2023.",
            "in mid-October 2023",
            "month_year",
            "2023-10-11/2023-10-20",
        ),
        ("The war has gone on since 2014.", "since 2014", "year", "2014-01-01/2024-10-23"),
        ("Talks end at 3 p.m. sharp.", "3 p.m.", "time", "15:00"),
        ("Posted at 10:09 local time.", "10:09", "time", "10:09"),
        (
            "Talks ran October 28 to November 2.",
            "October 28 to November 2",
            "date_range",
            "2024-10-28/2024-11-02",
        ),
        (
            "Drills ran 8-13 October this year.",
            "8-13 October",
            "date_range",
            "2024-10-08/2024-10-13",
        ),
    ],
)
def test_expressions_and_values(sentence: str, span: str, kind: str, value: str) -> None:
    found = list(find_dates(sentence, WED))
    assert found, sentence
    fact = found[0]
    assert fact.text == span
    assert sentence[fact.start : fact.end] == span
    assert fact.expression_type == kind
    assert fact.value == value


def test_range_across_new_year() -> None:
    assert one("Leave runs December 28 to January 3.").value == "2024-12-28/2025-01-03"


def test_without_published_date_relative_values_are_none() -> None:
    for text in ("on Wednesday", "last week", "in June", "October 23"):
        fact = one(f"It happened {text}.", None)
        assert fact.value is None, text
    # explicit years and clock times do not need the publication date
    assert one("It happened on October 23, 2022.", None).value == "2022-10-23"
    assert one("It happened at 10:09.", None).value == "10:09"


@pytest.mark.parametrize(
    "sentence",
    [
        "You may leave now.",
        "May I ask a question?",
        "The march was peaceful.",
        "He decided to stay.",
        "They sent 2000 shells and 1,500 troops.",
        "The ratio was 1:1:1 and 12:30:45 is not a clock time here.",
        "Reinforced by 2000 soldiers, they held.",
    ],
)
def test_non_dates_are_ignored(sentence: str) -> None:
    assert [f.text for f in find_dates(sentence, WED)] == []


def test_impossible_date_has_no_value() -> None:
    fact = one("It was dated February 30, 2023.")
    assert fact.expression_type == "date"
    assert fact.value is None


def test_closest_year_for_dates_without_year() -> None:
    jan = dt.date(2025, 1, 10)
    assert one("It happened on December 20.", jan).value == "2024-12-20"
    assert one("It will happen on February 2.", jan).value == "2025-02-02"
    assert one("Aid has flowed since November.", jan).value == "2024-11-01/2025-01-10"


def test_fact_round_trips_through_serialize() -> None:
    fact = one("Shells have been sent since August.")
    data = fact_to_dict(fact)
    assert data["expression_type"] == "month" and data["modifier"] == "since"
    assert fact_from_dict("dates", data, {"dates": DateFact}) == fact


def test_extractor_through_pipeline_uses_published() -> None:
    reg = newsfacts.plugins.Registry(load_entry_points=False)
    import newsfacts_dates

    reg.register_plugin(newsfacts_dates, name="dates")
    assert reg.fact_types["dates"] is DateFact
    article = newsfacts.Article(text="Kyiv on Wednesday urged calm.", published="2024-10-23")
    facts = newsfacts.Pipeline(extractors=["dates"], registry=reg).run(article)
    assert [(f.text, getattr(f, "value", None)) for f in facts["dates"]] == [
        ("on Wednesday", "2024-10-23")
    ]
    assert [e for e in facts.errors if e.extractor == "dates"] == []


def test_seed_with_dates() -> None:
    path = SEEDS / "003_cf3f4e080ef5b4cc.txt"
    if not path.exists():
        pytest.skip("seeds not found")
    article = newsfacts.Article.from_file(path, published="2024-10-25")
    doc = newsfacts.Document.from_article(article)
    facts = list(DateExtractor().extract(doc, {}))
    texts = {f.text for f in facts}
    assert {"from October 8 to 13", "since August", "on October 3", "10:09"} <= texts
    for f in facts:
        assert article.text[f.start : f.end] == f.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("OctMayJun 0123456789:,.-–ab\n")), max_size=200))
def test_offsets_always_valid(text: str) -> None:
    for f in find_dates(text, WED):
        assert text[f.start : f.end] == f.text


def test_passes_newsfacts_conformance_kit(newsfacts_conformance: Any) -> None:
    report = newsfacts_conformance(DateExtractor(), max_examples=30)
    assert report.ok and report.scaling


_DATE_WORDS = [
    "on",
    "in",
    "the",
    "The",
    "by",
    "as of",
    "since",
    "last",
    "this",
    "early",
    "mid-",
    "late",
    "end of",
    "October",
    "Oct.",
    "Octo",
    "May",
    "Mayday",
    "Wednesday",
    "week",
    "weekend",
    "years",
    "year",
    "today",
    "Today",
    "yesterday's",
    "Sept.",
    "Friday",
    "the beginning of",
    "next",
    "earlier",
    "from",
    "to",
    "through",
    "and",
    "-",
    "–",
    ",",
    ".",
    ":",
    "a.m.",
    "pm",
    "2024",
    "1999",
    "8",
    "13",
    "31st",
    "10:09",
    "3",
    "12",
    "x",
    "Y",
    "é",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=40), st.lists(st.sampled_from(" \t\u00a0")))
def test_prefiltered_scan_finds_what_a_plain_finditer_finds(
    words: list[str], gaps: list[str]
) -> None:
    # The extractor only tries the date pattern where a start word and a date head are; the
    # plain scan of every position is the reference that shortcut must agree with.
    from newsfacts_dates.extractor import _matches, _pattern

    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    plain = [_described(m) for m in _pattern().finditer(text) if m.end() > m.start()]
    assert [_described(m) for m in _matches(text)] == plain


def _described(m: Any) -> tuple[Any, ...]:
    """A match's span, alternative and every group the date pattern has (None if not there)."""
    from newsfacts_dates.extractor import _pattern

    groups = m.groupdict()
    return (m.span(), m.lastgroup, [groups.get(name) for name in _pattern().groupindex])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_DATE_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", "  ", "   ", "\t", "\u00a0 ", "-", "", ",", "\n"])),
)
def test_digit_pattern_agrees_with_the_full_pattern_at_digits(
    words: list[str], gaps: list[str]
) -> None:
    # At a digit the extractor tries only the digit-first alternatives; the full pattern must
    # give the same match (or none) there, since no modifier or name opens with a digit.
    from newsfacts_dates.extractor import _digit_pattern, _pattern

    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    for pos, ch in enumerate(text):
        if "0" <= ch <= "9":
            full, digits = _pattern().match(text, pos), _digit_pattern().match(text, pos)
            assert (full is None) == (digits is None), (text, pos)
            if full is not None and digits is not None:
                assert full.group("mod") is None
                assert _described(full) == _described(digits)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # The farthest a date can begin before what the scan looks for first (its month, the
        # last word of a relative phrase, its first digit): every gap at its widest.
        (
            "x as \t of   the   beginning   of   October y",
            "as \t of   the   beginning   of   October",
        ),
        ("x between   earlier \u00a0 this   week y", "between   earlier \u00a0 this   week"),
        ("x through \t 2024 y", "through \t 2024"),
        ("x as   of \t\u00a0Wednesday y", "as   of \t\u00a0Wednesday"),
        ("x   Through   the   end   of - Sept. 2024", "Through   the   end   of - Sept. 2024"),
    ],
)
def test_dates_beginning_far_before_their_month_word_or_digit(text: str, span: str) -> None:
    assert [f.text for f in find_dates(text, WED)] == [span]


def test_prefiltered_scan_on_written_sentences() -> None:
    # Starts glued to words, digits, colons and commas ("x2024", "10:30", "in,May") are no
    # starts; the plain scan of every position is the reference.
    from newsfacts_dates.extractor import _matches, _pattern

    text = (
        "The talks ended last week, on Monday 3 May, and resume in June 2025 at 10:30 a.m. "
        "Since x2024 and in,May 5 nothing; by 2030. Thursday-Friday: mid-October, the 23 of "
        "May; earlyMay and Early June, 8-13 October 2024 until Dec. 1."
    )
    plain = [m.span() for m in _pattern().finditer(text) if m.end() > m.start()]
    got = [m.span() for m in _matches(text)]
    assert got == plain
    assert text[got[0][0] : got[0][1]].lower() == "last week"
    assert "10:30 a.m." in [text[a:b] for a, b in got]
