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
