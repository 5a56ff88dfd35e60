"""Claims: modality cues, source attribution, time qualifiers, subjects; and the seeds."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from claimhelpers import facts, place, qty, quote
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts.extractors.claims import cues
from newsfacts.extractors.claims.timex import find_times, normalize
from newsfacts.resources import read_table

MODALITY_CUES = [(r["cue"], r["modality"]) for r in read_table("claims/modality.tsv")]
NAMES = [
    "Maria Lopez",
    "Ahmed Karimi",
    "The Defence Ministry",
    "Chen Wei",
    "NATO",
    "Ukrainian media",
    "South Korean lawmakers",
    "Olu Adeyemi",
]


def one_claim(text: str, sub: str, entity: str | None = "troop", **meta: object):
    result = facts(text, [qty(text, sub, 3000.0, entity)], **meta)  # type: ignore[arg-type]
    assert len(result.claims) == 1
    return result.claims[0]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(MODALITY_CUES))
def test_a_modality_cue_sets_the_modality(cue_label: tuple[str, str]) -> None:
    cue, label = cue_label
    text = f"The army {cue} 3,000 troops in the north."
    claim = one_claim(text, "3,000 troops", id="a.txt")
    assert claim.modality == label, (text, claim.cue)


def test_precedence_and_defaults() -> None:
    # denial beats projection; nothing at all: the outlet asserts it
    c = one_claim("The ministry denies it will send 3,000 troops.", "3,000 troops")
    assert c.modality == "denied"
    c = one_claim("The army sent 3,000 troops to the border.", "3,000 troops", source="Daily")
    assert (c.modality, c.source) == ("asserted", "Daily")
    c = one_claim("The army will have 3,000 troops by December.", "3,000 troops")
    assert c.modality == "projected"
    assert c.time == "by December"


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(NAMES),
    st.sampled_from(
        [
            "{n} said {s}",
            "According to {n}, {s}",
            "{s}, {n} said",
            "{n} reported that {s}",
            "{s}, according to {n}",
        ]
    ),
)
def test_source_attribution(name: str, pattern: str) -> None:
    sentence = "3,000 troops reached the border"
    text = pattern.format(n=name, s=sentence) + "."
    text = text[0].upper() + text[1:]
    c = one_claim(text, "3,000 troops", source="Outlet")
    assert c.source == name[0].upper() + name[1:]
    assert c.modality == "reported"
    if c.source_start is not None:
        assert text[c.source_start : c.source_end] == c.source


def test_source_falls_back_to_outlet_then_id_then_label() -> None:
    text = "Some 3,000 troops reached the border."
    assert one_claim(text, "3,000 troops", source="The Herald").source == "The Herald"
    assert one_claim(text, "3,000 troops", id="x.txt").source == "x.txt"
    assert one_claim(text, "3,000 troops").source == "the outlet"


def test_quote_speaker_is_the_source_and_pronoun_resolves() -> None:
    text = (
        "Kim Lee said the army was ready. \u201cWe have 3,000 soldiers there,\u201d she added."
        " She said 500 tanks were coming."
    )
    f = facts(
        text,
        [qty(text, "3,000 soldiers", 3000.0, "soldier"), qty(text, "500 tanks", 500.0, "tank")],
        quotes=[quote(text, "We have 3,000 soldiers there,", "Kim Lee")],
    )
    by_value = {f.quantities[c.quantities[0]].value: c for c in f.claims}
    assert by_value[3000.0].source == "Kim Lee"
    assert by_value[3000.0].quote == 0
    assert by_value[500.0].source == "Kim Lee"


def test_clause_scope_separates_figures_in_one_sentence() -> None:
    text = (
        "Lawmakers reported that Freedonia has already sent around 3,000 troops to Sylvania,"
        " with plans to deploy as many as 10,000 by December."
    )
    f = facts(
        text,
        [
            qty(text, "around 3,000 troops", 3000.0, "troop", bound="approximate"),
            qty(text, "10,000", 10000.0),
        ],
        [place(text, "Freedonia", "Freedonia", "FD"), place(text, "Sylvania", "Sylvania", "SY")],
        published="2024-10-23",
    )
    first, second = f.claims
    assert (first.modality, first.time, first.time_value) == ("reported", "already", "2024-10-23")
    assert (second.modality, second.time_value) == ("projected", "../2024-12")
    assert first.source == second.source == "Lawmakers"
    assert first.subject_key == second.subject_key == "troops|FD|"
    assert "3,000" in first.text and "3,000" not in second.text


def test_subject_owner_event_and_families() -> None:
    text = (
        "Six Freedonian servicemen were killed near the river. Freedonia sent 900 soldiers."
        " The port received 40 containers."
    )
    f = facts(
        text,
        [
            qty(text, "Six Freedonian servicemen", 6.0, "serviceman"),
            qty(text, "900 soldiers", 900.0, "soldier"),
            qty(text, "40 containers", 40.0, "container"),
        ],
        [
            place(text, "Freedonian", "Freedonia", "FD", demonym=True),
            place(text, "Freedonia", "Freedonia", "FD", nth=1),
        ],
    )
    killed, sent, boxes = f.claims
    assert killed.entity == sent.entity == "troops"
    assert killed.subject_key == "troops|FD|killed" and killed.subject is not None
    assert "killed" in killed.subject and "Freedonian" in killed.subject
    assert sent.subject_key == "troops|FD|"
    assert boxes.entity == "containers" and boxes.subject_key is not None
    assert not boxes.subject_key.startswith("troops")


def test_denial_without_a_number_is_a_claim() -> None:
    text = "Freedonia sent 900 soldiers. Freedonia denies any involvement of its troops."
    f = facts(
        text,
        [qty(text, "900 soldiers", 900.0, "soldier")],
        [
            place(text, "Freedonia", "Freedonia", "FD"),
            place(text, "Freedonia", "Freedonia", "FD", nth=1),
        ],
    )
    denial = [c for c in f.claims if c.modality == "denied"]
    assert len(denial) == 1 and denial[0].quantities == ()
    assert denial[0].source == "Freedonia" and denial[0].subject_key == "troops|FD|"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by December", "../2024-12"),
        ("since August", "2024-08/.."),
        ("last week", "2024-W42"),
        ("on Wednesday", "2024-10-23"),
        ("on Monday", "2024-10-21"),
        ("already", "2024-10-23"),
        ("in June", "2024-06"),
        ("by February", "../2025-02"),
        ("on October 3", "2024-10-03"),
    ],
)
def test_time_normalization(phrase: str, expected: str) -> None:
    text = f"It happened {phrase} here."
    (t,) = find_times(text)
    assert t.text == phrase
    assert normalize(t, dt.date(2024, 10, 23)) == expected
    assert normalize(t, None) is None or "2024" not in expected


def test_may_the_modal_is_not_a_month() -> None:
    assert find_times("Troops may arrive.") == []
    assert [t.text for t in find_times("It began in May.")] == ["in May"]


def test_seed_claims(seed_facts: dict[str, newsfacts.ArticleFacts]) -> None:
    f2 = seed_facts["002"]
    denials = [c for c in f2.claims if c.modality == "denied"]
    assert any("Pyongyang" in c.source and "denies" in c.text for c in denials)
    f0 = seed_facts["000"]
    by_value = {f0.quantities[c.quantities[0]].value: c for c in f0.claims if c.quantities}
    assert by_value[10000.0].modality == "projected"
    assert by_value[10000.0].time == "by December"
    assert by_value[10000.0].source == "Park Sun-won"
    for res in seed_facts.values():
        for c in res.claims:
            assert res.article.text[c.start : c.end] == c.text
            assert all(0 <= i < len(res.quantities) for i in c.quantities)


# Pieces for texts that stress the fast cue lookup (TextIndex): cue words in any case, words that
# start a cue but continue differently, dates, and characters that fold to ASCII letters or
# digits under case-insensitive matching (Kelvin sign, long s, dotless i, Arabic-Indic digits).
_PIECES = [
    *(c for c, _ in MODALITY_CUES[:40]),
    *(r["cue"] for r in read_table("claims/sources.tsv")),
    *(r["word"] for r in read_table("claims/families.tsv")[:20]),
    "said",
    "SAID",
    "Saidov",
    "\u017faid",
    "\u212aill",
    "\u0131n",
    "by",
    "as of",
    "in",
    "23",
    "2024",
    "20\u0662\u0664",
    "May",
    "last week",
    "caf\u00e9",
    "co-op",
    "by December",
    "in 2024",
    "as of 23 May",
    "since last week",
    "until Friday",
    # cues found by a later word than their first, a common one ("to", "has", "not", "as"),
    # their words on their own, and words that only start like them
    "to reach",
    "has not confirmed",
    "not yet confirmed",
    "being prepared",
    "to",
    "has",
    "not",
    "reach",
    "reaches",
    "rise",
    "confirmed",
    "conveyed",
    "dismissed",
]
_GAPS = [" ", "  ", "   ", "    ", ", ", ". ", "\n", "\u00a0", "\u2019", "\u201c", " \u2014 "]
_GAPS += ["-", "(", ""]
_GAPS += ["\u00e9"]


def _pieced(
    pieces: list[str] = _PIECES, min_size: int = 1, max_size: int = 20
) -> st.SearchStrategy[str]:
    """Texts of ``pieces`` joined by the gaps above, some pieces in upper case."""
    return st.lists(
        st.tuples(st.sampled_from(pieces), st.sampled_from(_GAPS), st.booleans()),
        min_size=min_size,
        max_size=max_size,
    ).map(lambda parts: "".join((w.upper() if up else w) + gap for w, gap, up in parts))


@settings(max_examples=150, deadline=None)
@given(
    _pieced(),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_fast_cue_lookup_equals_a_plain_scan(text: str, i: int, j: int) -> None:
    index = cues.TextIndex(text)
    for a, b in ((0, len(text)), sorted((i % (len(text) + 1), j % (len(text) + 1)))):
        for matcher in (cues.modality_cues(), cues.source_cues(), cues.confirm_cues()):
            assert matcher.find(text, a, b, a, index) == matcher.find(text, a, b, a)
        assert cues.family_nouns(text, a, b, index) == cues.family_nouns(text, a, b)
        assert find_times(text, a, b, index) == find_times(text, a, b)


@settings(max_examples=150, deadline=None)
@given(
    _pieced(min_size=0),
    st.sets(st.sampled_from(["said", "by", "in", "as", "co-op", "caf", "23", "may", "x"])),
)
def test_word_offsets_equal_a_find_sweep_per_word(text: str, words: set[str]) -> None:
    # TextIndex.positions reads one word -> offsets table built in a single pass; sweeping the
    # padded folded text with str.find for each word is the plain reference.
    index = cues.TextIndex(text)
    wanted = frozenset(words)
    assert index.positions(wanted) == index.positions_by_find(wanted)


def test_word_offsets_on_written_sentences() -> None:
    text = "He said  said, by-law (by) In 23 May;said\u00e9 said"
    index = cues.TextIndex(text)
    got = index.positions(frozenset({"said", "by", "in", "may"}))
    # "by-law" is one word (hyphens join), the accented letter after "said" folds to a space
    assert got == [3, 9, 23, 27, 33, 37, 43]
    assert [index.word_at(frozenset({"said", "by", "in", "may"}), p) for p in got] == [
        "said",
        "said",
        "by",
        "in",
        "may",
        "said",
        "said",
    ]
    assert got == index.positions_by_find(frozenset({"said", "by", "in", "may"}))


def test_long_s_spelling_is_the_cue_it_folds_to() -> None:
    # "ſaid" matches "said" only case-insensitively; it used to crash the label lookup.
    text = "Officials \u017faid 3,000 troops had arrived."
    (cue,) = cues.source_cues().find(text, 0, len(text), 0)
    assert (cue.text, cue.label) == ("\u017faid", "verb")
    assert one_claim(text, "3,000 troops", id="a.txt").source == "Officials"


def test_a_lone_period_after_a_cue_is_not_a_source() -> None:
    """Found by benchmarks/fuzz.py: a cue followed only by "." crashed the source finder."""
    from newsfacts import extract

    text = (
        "Maria Kovalenko said 1,500 troops sent in Kyiv. "
        "“1,500 troops sent in Kyiv,” Maria Kovalenko according to. "
        "“$3.2 billion troops sent in Kyiv,” Maria Kovalenko said. "
    )
    facts = extract(text)
    assert not [e for e in facts.errors if e.extractor == "claims"], facts.errors
    assert all(c.source.strip(" .") for c in facts.claims)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(list("aAbBsSkK ſé-")), max_size=40),
    st.text(st.sampled_from(list("abskAS")), min_size=1, max_size=4),
    st.integers(0, 45),
    st.integers(0, 45),
    st.booleans(),
)
def test_stem_search_matches_a_case_insensitive_regex(
    text: str, stem: str, lo: int, hi: int, reverse: bool
) -> None:
    # The counted noun's stem is found in the index's folded text when nothing in the range can
    # fold to an ASCII letter; a case-insensitive regex search (backwards for ``reverse``) is
    # the reference, on ASCII and non-ASCII text alike.
    import regex

    from newsfacts.extractors.claims import _find_stem

    flags = regex.I | (regex.REVERSE if reverse else 0)
    m = regex.compile(regex.escape(stem), flags).search(text, lo, hi)
    index = cues.TextIndex(text)
    assert _find_stem(index, stem, lo, hi, reverse=reverse) == (m.start() if m else -1)


@settings(max_examples=100, deadline=None)
@given(
    _pieced([*_PIECES, "troops", "TROOP", "\u212aills", "\u017foldiers"], max_size=15),
    st.sampled_from(["troop", "kill", "soldier", "said", "co-op", "caf\u00e9", "o\u2019", "23"]),
    st.integers(0, 300),
    st.integers(0, 300),
    st.booleans(),
)
def test_stem_lookup_equals_a_case_insensitive_regex(
    text: str, stem: str, i: int, j: int, reverse: bool
) -> None:
    # The folded-text lookup must find exactly what the case-insensitive regex finds, also next
    # to characters that fold to ASCII letters (Kelvin sign, long s) and non-ASCII punctuation.
    import regex

    from newsfacts.extractors.claims import _find_stem

    lo, hi = sorted((i % (len(text) + 1), j % (len(text) + 1)))
    flags = regex.I | (regex.REVERSE if reverse else 0)
    m = regex.compile(regex.escape(stem), flags).search(text, lo, hi)
    expected = m.start() if m is not None else -1
    assert _find_stem(cues.TextIndex(text), stem, lo, hi, reverse=reverse) == expected


@settings(max_examples=100, deadline=None)
@given(
    _pieced(min_size=0),
    st.sets(st.sampled_from(["said", "by", "in", "as", "co-op", "caf", "23", "may", "x"])),
    st.sets(st.sampled_from(["said", "by", "in", "as", "23", "may", ""])),
)
def test_word_offsets_with_a_vocabulary_equal_a_find_sweep(
    text: str, words: set[str], vocabulary: set[str]
) -> None:
    # An index told which words will be looked up indexes only those; looking up other words
    # (or a mix) must still give every offset.
    index = cues.TextIndex(text, frozenset(vocabulary))
    for wanted in (frozenset(words), frozenset(words & vocabulary), frozenset(vocabulary)):
        assert index.positions(wanted) == index.positions_by_find(wanted)


def test_the_claims_vocabulary_covers_every_table_looked_up() -> None:
    # Cue and time tables looked up through the index must all be in the vocabulary the claims
    # stage gives its index; a table missing from it would be looked up with a full pass.
    from newsfacts.extractors.claims import _vocabulary
    from newsfacts.extractors.claims.timex import time_words

    vocabulary = _vocabulary()
    assert vocabulary is not None
    for table in (
        cues.modality_cues().index_words,
        cues.source_cues().index_words,
        cues.confirm_cues().index_words,
        cues.family_words(),
        cues.event_words(),
        cues.denial_words(),
        *time_words(),
    ):
        assert table is not None and table <= vocabulary
    assert {"said", "according", "troops", "reach", "conveyed"} <= vocabulary
    # common words are not indexed: the cues they start are found by a later word
    assert vocabulary.isdisjoint({"to", "as", "has", "have", "not"})


def test_a_cue_starting_with_a_common_word_is_found_by_a_later_word() -> None:
    modality, source = cues.modality_cues(), cues.source_cues()
    assert "to" in modality.leads and {"reach", "rise"} <= modality.anchors
    assert "to" not in modality.heads and "could" in modality.heads
    assert "as" in source.leads and "conveyed" in source.anchors
    # "has not confirmed": "not" is common too, so the lookup word is the third
    assert "confirmed" in modality.anchors and "has" in modality.leads
    text = "Troops were to   reach the city; it has\nnot confirmed that, as conveyed by TASS."
    index = cues.TextIndex(text)
    assert [text[c.start : c.end] for c in modality.find(text, 0, len(text), 0, index)] == [
        "to   reach",
        "has\nnot confirmed",
    ]
    assert [c.text for c in source.find(text, 0, len(text), 0, index)] == [
        "confirmed",
        "as conveyed by",
    ]
    # the longest reach back from the lookup word: three spaces between every two words
    wide = "They have   not   confirmed it."
    assert [c.text for c in modality.find(wide, 0, len(wide), 0, cues.TextIndex(wide))] == [
        "have   not   confirmed"
    ]
    # four spaces are too many between the words of a cue, whatever the lookup
    far = "Troops were to    reach the city."
    assert modality.find(far, 0, len(far), 0, cues.TextIndex(far)) == []
    # a range ending inside the lookup word still finds the cue the regex finds there
    cut = "Troops were to reaches of the river."
    end = cut.index("es of")
    assert [c.text for c in modality.find(cut, 0, end, 0, cues.TextIndex(cut))] == ["to reach"]


@settings(max_examples=150, deadline=None)
@given(
    _pieced(),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_a_closed_sentence_gate_means_no_cue(text: str, i: int, j: int) -> None:
    # The claims stage skips a sentence when no cue of a table can start in it (its index
    # lookup finds no start) and the range is not ``loose``; a plain regex scan must then find
    # no cue of that table there.
    from newsfacts.extractors.claims import _holds

    index = cues.TextIndex(text)
    a, b = sorted((i % (len(text) + 1), j % (len(text) + 1)))
    for matcher in (cues.modality_cues(), cues.source_cues(), cues.confirm_cues()):
        assert matcher.firsts is not None
        if not (index.loose(a, b) or _holds(matcher.starts(index), a, b)):
            assert matcher.find(text, a, b, a) == []


def test_a_pronoun_source_is_each_articles_own_previous_source() -> None:
    # The source phrase before a verb is analysed once per distinct text and cached across
    # articles; what a pronoun or a bare surname stands for must still come from its own article.
    for name, surname in (("Maria Lopez", "Lopez"), ("Chen Wei", "Wei")):
        text = (
            f"{name} said 3,000 troops had arrived. He said 500 tanks followed."
            f" {surname} said 40 planes were ready."
        )
        f = facts(
            text,
            [
                qty(text, "3,000 troops", 3000.0, "troop"),
                qty(text, "500 tanks", 500.0, "tank"),
                qty(text, "40 planes", 40.0, "plane"),
            ],
        )
        assert [c.source for c in f.claims] == [name, name, name]
        # the span is still the pronoun's (or the surname's) in this text
        he = f.claims[1]
        assert (he.source_start, he.source_end) == (text.index("He said"), text.index(" said 5"))
        last = f.claims[2]
        assert text[last.source_start : last.source_end] == surname


def test_a_phrase_that_is_no_source_is_rejected_in_any_article() -> None:
    # Rejections are cached too: "The 3,000" (a figure) and "were" (an auxiliary) never name a
    # source, whatever the article said before.
    for lead in ("", "Chen Wei said 20 boats left. "):
        text = lead + "The 3,000 said 10 trucks came. Troops were said 5 more left."
        f = facts(text, [qty(text, "10 trucks", 10.0, "truck"), qty(text, "5 more", 5.0)])
        by_value = {f.quantities[c.quantities[0]].value: c for c in f.claims}
        assert by_value[10.0].source_start is None
        assert by_value[5.0].source_start is None


@settings(max_examples=150, deadline=None)
@given(_pieced(), st.integers(0, 400), st.integers(0, 400))
def test_fast_cue_lookup_with_the_claims_vocabulary(text: str, i: int, j: int) -> None:
    # The claims stage builds its index over the words of every table it looks up; the shared
    # offset -> word map then also holds other tables' words. Each table must still find
    # exactly what a plain scan finds.
    from newsfacts.extractors.claims import _vocabulary

    index = cues.TextIndex(text, _vocabulary())
    for a, b in ((0, len(text)), sorted((i % (len(text) + 1), j % (len(text) + 1)))):
        for matcher in (cues.modality_cues(), cues.source_cues(), cues.confirm_cues()):
            assert matcher.find(text, a, b, a, index) == matcher.find(text, a, b, a)
        assert cues.family_nouns(text, a, b, index) == cues.family_nouns(text, a, b)
        assert cues.event_of(text, a, b, index) == cues.event_of(text, a, b)
        assert find_times(text, a, b, index) == find_times(text, a, b)


def test_word_at_names_only_words_of_the_table_asked() -> None:
    text = "He said it would rise by May, officials said."
    index = cues.TextIndex(text, frozenset({"said", "would", "may", "by"}))
    table = frozenset({"said", "by"})
    found = index.positions(table)
    assert found == [3, 22, 40]
    assert [index.word_at(table, p) for p in found] == ["said", "by", "said"]
    # "would" and "may" are indexed too, but are not words of this table
    assert index.word_at(table, text.index("would")) is None
    assert index.word_at(table, text.index("May")) is None
    assert index.word_at(frozenset({"would"}), text.index("would")) == "would"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([" ", ",", ";", "“", "”", "(", "he", "She", "that", "who", "Ann"]),
        max_size=20,
    ).map("".join)
)
def test_the_cached_left_context_analysis_equals_a_stop_search(before: str) -> None:
    # A cue's left context is cut after its last non-overlapping stop (punctuation, or a word
    # such as "that" between spaces); stepping search by search from each match's end is the
    # reference for where the cut falls, and the source phrase is the shape of what is left.
    from newsfacts.extractors.claims import _NP_STOP, _np_before, _np_shape

    cut, pos = 0, 0
    while (m := _NP_STOP.search(before, pos)) is not None:
        cut = pos = m.end()
    rest = before[cut:]
    assert _np_before(before) == (cut, _np_shape(rest), not rest.strip())


def test_a_quoted_reply_credits_the_previous_source_through_the_pronoun() -> None:
    # "“Yes,” she said": the phrase before the verb is cut after the closing quote mark, so
    # "she" (not the quoted word) is the source phrase and stands for the earlier source.
    text = "Anna Berg said 30 boats left. “Yes,” she said 12 more came."
    f = facts(text, [qty(text, "30 boats", 30.0, "boat"), qty(text, "12 more", 12.0)])
    assert [c.source for c in f.claims] == ["Anna Berg", "Anna Berg"]
    second = f.claims[1]
    assert text[second.source_start : second.source_end] == "she"


_CLAUSE_PIECES = [" ", "\n", ",", ";", ":", " – ", " -- ", "a", "with", "B.", "1", "\t"]
# (after ",;:" a break needs a space: characters that are one or not, ASCII or not)
_CLAUSE_PIECES += ["\u00a0", "\x1c", "\u2003", "\u201d", "\u00e9", "\u2014"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(_CLAUSE_PIECES),
        max_size=20,
    ).map("".join)
)
def test_clauses_are_the_nonblank_pieces_between_breaks_trimmed(text: str) -> None:
    # The reference: cut at every clause break, drop pieces that are only spaces, trim the rest
    # (a piece of commas alone is kept, trimmed to nothing).
    from newsfacts.document import Document, Span
    from newsfacts.extractors.claims import _CLAUSE_BREAK, _Run
    from newsfacts.model import Article

    run = _Run(Document.from_article(Article(text=text or " ")), {})
    t = run.text
    pieces, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(t):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(t)))
    expected = [run._trim(a, b) for a, b in pieces if t[a:b].strip()]
    assert run._clauses(Span(0, len(t))) == expected


def test_places_are_read_from_the_claims_own_sentence() -> None:
    # A place in the claim's sentence is listed and gives the destination; a place that only
    # the sentence before names is neither (claims and their clauses stay in their sentence).
    text = (
        "Troops reached Freedonia on Monday. Officials said 300 soldiers left."
        " Later 200 soldiers went to Freedonia. Another 50 troops from Freedonia came home."
    )
    f = facts(
        text,
        [
            qty(text, "300 soldiers", 300.0, "soldier"),
            qty(text, "200 soldiers", 200.0, "soldier"),
            qty(text, "50 troops", 50.0, "troop"),
        ],
        [place(text, "Freedonia", "Freedonia", "FD", nth=n) for n in range(3)],
    )
    left, went, came = f.claims
    assert left.locations == () and left.subject == "Freedonia’s soldiers"  # (by the others)
    assert went.locations == (1,) and went.subject == "Freedonia’s soldiers to Freedonia"
    # the place right after "from" owns the troops
    assert came.locations == (2,) and came.subject_key == "troops|FD|"


def test_time_fields_on_written_sentences() -> None:
    # what each kind of time records, its preposition lower-cased with its spaces made single
    text = (
        "Troops left As\nof 23 May 2024, came back BY  December and left again in 2024;"
        " they met on Friday, since last week, and shortly after June 5."
    )
    got = [(t.text, t.prep, t.kind, t.arg, t.day, t.year) for t in find_times(text)]
    assert got == [
        ("As\nof 23 May 2024", "as of", "month", "5", 23, 2024),
        ("BY  December", "by", "month", "12", None, None),
        ("in 2024", "in", "year", "2024", None, 2024),
        ("on Friday", "on", "weekday", "4", None, None),
        ("since last week", "since", "relative", "week-1", None, None),
        ("shortly", None, "future", "", None, None),
        ("after June 5", "after", "month", "6", 5, None),
    ]


@settings(max_examples=100, deadline=None)
@given(_pieced(min_size=0), st.booleans())
def test_times_come_in_order_and_do_not_overlap(text: str, indexed: bool) -> None:
    # the claims stage finds the time holding a figure by the last time starting before the
    # figure's end: that needs times in text order, each ending before the next starts
    times = find_times(text, 0, len(text), cues.TextIndex(text) if indexed else None)
    for before, after in itertools.pairwise(times):
        assert before.start < before.end <= after.start < after.end


def test_a_figure_inside_a_date_is_no_claim() -> None:
    # "3" is the day of "October 3" and "2024" the year of "in 2024" (for "3", the last time
    # starting before it ends is the one holding it); the troops are counted
    text = "Officials said on October 3 that 300 troops left in 2024."
    f = facts(
        text,
        [
            qty(text, "3", 3.0),
            qty(text, "300 troops", 300.0, "troop"),
            qty(text, "2024", 2024.0),
        ],
    )
    assert [c.quantities for c in f.claims] == [(1,)]


def test_a_time_next_to_the_reporting_verb_dates_the_report() -> None:
    # "said Friday" dates the report, not the figure: the claim takes the other time
    text = "Officials said Friday that 300 troops would arrive by December."
    (c,) = facts(text, [qty(text, "300 troops", 300.0, "troop")]).claims
    assert c.time == "by December" and c.modality == "projected"
    text = "Officials said that 300 troops arrived on Friday."
    (c,) = facts(text, [qty(text, "300 troops", 300.0, "troop")]).claims
    assert c.time == "on Friday"
