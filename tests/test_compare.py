"""compare(): claim groups, conflicts, quote groups, order independence; the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimhelpers import facts, place, qty, quote
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts.cli import main
from newsfacts.compare import compare, quote_similarity

NOUNS = {
    "troops": "troops",
    "soldiers": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "containers": "containers",
    "drones": "drones",
}
LEMMA = {
    "troops": "troop",
    "soldiers": "soldier",
    "servicemen": "serviceman",
    "personnel": "personnel",
    "containers": "container",
    "drones": "drone",
}
VERBS = ["said", "reported", "estimated"]
SOURCES = ["Maria Lopez", "The ministry", "Local media", "Ahmed Karimi"]


def article(aid: str, sentences: list[tuple[str, int, str, str]]) -> newsfacts.ArticleFacts:
    """One article of sentences "<source> <verb> Freedonia sent <n> <noun>."."""
    text = ""
    spans = []
    for src, n, noun, verb in sentences:
        sent = f"{src} {verb} that Freedonia sent {n:,} {noun} to the front. "
        spans.append((len(text) + sent.index(f"{n:,}"), f"{n:,} {noun}", n, noun))
        text += sent
    qs = [
        newsfacts.Quantity(start=i, end=i + len(t), text=t, value=float(n), entity=LEMMA[noun])
        for i, t, n, noun in spans
    ]
    locs = [
        newsfacts.Location(
            start=i,
            end=i + 9,
            text="Freedonia",
            name="Freedonia",
            feature="country",
            country_code="FD",
        )
        for i in range(len(text))
        if text.startswith("Freedonia", i)
    ]
    return facts(text, qs, locs, id=aid)


sentence = st.tuples(
    st.sampled_from(SOURCES),
    st.integers(1, 20).map(lambda k: k * 500),
    st.sampled_from(sorted(NOUNS)),
    st.sampled_from(VERBS),
)
articles = st.lists(st.lists(sentence, min_size=1, max_size=3), min_size=2, max_size=4)


@settings(max_examples=25, deadline=None)
@given(articles, st.randoms(use_true_random=False))
def test_grouping_is_stable_under_reordering(spec, rnd) -> None:  # type: ignore[no-untyped-def]
    results = [article(f"a{i}.txt", s) for i, s in enumerate(spec)]
    shuffled = results[:]
    rnd.shuffle(shuffled)
    assert compare(results).to_dict() == compare(shuffled).to_dict()


@settings(max_examples=25, deadline=None)
@given(articles)
def test_no_group_mixes_entities(spec) -> None:  # type: ignore[no-untyped-def]
    story = compare([article(f"a{i}.txt", s) for i, s in enumerate(spec)])
    for g in story.claim_groups:
        families = {NOUNS[r.quantity.split()[-1]] for r in g.claims if r.quantity}
        assert families == {g.entity}
    total = sum(len(s) for s in spec)
    assert sum(len(g.claims) for g in story.claim_groups) == total


def test_conflict_needs_same_modality_and_time() -> None:
    a = article("a.txt", [("The ministry", 3000, "troops", "said")])
    b = article("b.txt", [("Local media", 1500, "soldiers", "reported")])
    story = compare([a, b])
    (g,) = story.claim_groups
    assert g.conflict and all(r.conflict for r in g.claims)
    text = "Officials expect Freedonia to send 10,000 troops by December."
    c = facts(
        text,
        [qty(text, "10,000 troops", 10000.0, "troop")],
        [place(text, "Freedonia", "Freedonia", "FD")],
        id="c.txt",
    )
    (g2,) = compare([a, c]).claim_groups
    assert {r.modality for r in g2.claims} == {"reported", "projected"}
    assert not g2.conflict
    text = "Freedonia sent up to 6,000 troops."  # 0..6,000 includes 3,000
    d = facts(
        text,
        [qty(text, "up to 6,000 troops", 6000.0, "troop", bound="at_most")],
        [place(text, "Freedonia", "Freedonia", "FD")],
        id="d.txt",
    )
    (g3,) = compare([a, d]).claim_groups
    assert not g3.conflict


def test_different_owners_are_different_groups() -> None:
    text = "Freedonia sent 900 soldiers. Sylvania sent 900 soldiers."
    f = facts(
        text,
        [
            qty(text, "900 soldiers", 900.0, "soldier"),
            newsfacts.Quantity(
                start=text.rindex("900"),
                end=text.rindex("900") + 12,
                text="900 soldiers",
                value=900.0,
                entity="soldier",
            ),
        ],
        [place(text, "Freedonia", "Freedonia", "FD"), place(text, "Sylvania", "Sylvania", "SY")],
        id="x.txt",
    )
    assert len(compare([f]).claim_groups) == 2


QUOTE_A = "You must not die senselessly in a foreign land."
QUOTE_B = "You should not die without reason in a foreign country."
OTHER = "Our economy will grow faster than anyone expected next year."


def quoted(aid: str, body: str, speaker: str) -> newsfacts.ArticleFacts:
    text = f"\u201c{body}\u201d the statement said. Nothing else happened."
    return facts(text, quotes=[quote(text, body, speaker)], id=aid)


def test_translated_quotes_group_and_unrelated_do_not() -> None:
    assert quote_similarity(QUOTE_A, QUOTE_B) > quote_similarity(QUOTE_A, OTHER)
    story = compare(
        [
            quoted("a.txt", QUOTE_A, "Freedonian intelligence"),
            quoted("b.txt", QUOTE_B, "the statement"),
            quoted("c.txt", OTHER, "Freedonian intelligence"),
        ]
    )
    (g,) = story.quote_groups
    assert [q.article for q in g.quotes] == ["a.txt", "b.txt"]
    assert g.speaker == "Freedonian intelligence"


def test_reports_show_each_quote_its_own_speaker() -> None:
    # The same statement given to two different sources: the group is named after one, and
    # the table and Markdown reports must still say who each article credits.
    from newsfacts.report.text import render_markdown, render_table

    story = compare(
        [
            quoted("a.txt", QUOTE_A, "Freedonian intelligence"),
            quoted("b.txt", QUOTE_A, "Sylvanian envoy Rufus Firefly"),
        ]
    )
    (g,) = story.quote_groups
    assert {q.speaker for q in g.quotes} == {
        "Freedonian intelligence",
        "Sylvanian envoy Rufus Firefly",
    }
    table = render_table(story).splitlines()
    rows = [line for line in table if line.lstrip().startswith(("a.txt", "b.txt"))]
    assert any("a.txt" in r and "Freedonian intelligence" in r for r in rows)
    assert any("b.txt" in r and "Rufus Firefly" in r for r in rows)
    md = render_markdown(story)
    assert "| b.txt | Sylvanian envoy Rufus Firefly |" in md


def test_to_dict_has_the_documented_keys() -> None:
    a = article("a.txt", [("The ministry", 3000, "troops", "said")])
    d = compare([a, quoted("b.txt", QUOTE_A, "X"), quoted("c.txt", QUOTE_B, "X")]).to_dict()
    (g,) = d["claim_groups"]
    assert {"subject", "entity", "conflict", "claims"} <= set(g)
    assert {
        "article",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "bound",
        "source",
        "modality",
        "time",
    } <= set(g["claims"][0])
    (qg,) = d["quote_groups"]
    assert {"speaker", "quotes"} <= set(qg)
    assert set(qg["quotes"][0]) == {"article", "start", "end", "text", "speaker", "content"}
    json.dumps(d)


def test_seeds_compare(seed_facts: dict[str, newsfacts.ArticleFacts]) -> None:
    story = compare(list(seed_facts.values()))
    troops = [
        g
        for g in story.claim_groups
        if g.entity == "troops"
        and {1500.0, 3000.0, 10000.0, 12000.0} <= {r.value for r in g.claims}
    ]
    assert len(troops) == 1
    g = troops[0]
    assert len({r.article for r in g.claims if r.value is not None}) >= 4
    assert all(r.source and r.modality for r in g.claims)
    dec = [r for r in g.claims if r.value == 10000.0 and r.time == "by December"]
    assert dec and all(r.modality == "projected" for r in dec)
    assert any(r.modality == "denied" and "Pyongyang" in r.source for r in g.claims)
    statement = [
        qg
        for qg in story.quote_groups
        if any("die" in q.text and "foreign" in q.text for q in qg.quotes)
    ]
    assert len(statement) == 1
    assert {q.article[:3] for q in statement[0].quotes} >= {"000", "001", "002"}
    assert compare(list(reversed(list(seed_facts.values())))).to_dict() == story.to_dict()


def test_cli_compare(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "compare",
            str(tmp_path / "gone.txt"),
            str(seed_paths[0]),
            str(seed_paths[2]),
            "--format",
            "json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert (
        captured.err.strip().splitlines()[-1]
        == f"newsfacts: error: {tmp_path / 'gone.txt'}: no such file"
    )
    d = json.loads(captured.out)
    assert d["articles"] == [seed_paths[0].name, seed_paths[2].name]
    out = tmp_path / "r.md"
    assert main(["compare", str(seed_paths[0]), "--format", "markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Comparison")


def test_increases_only_conflict_with_increases() -> None:
    text = (
        "The ministry said Freedonia sent 1,500 more troops. "
        "The ministry said Freedonia has 3,000 troops in total."
    )
    f = facts(
        text,
        [
            qty(text, "1,500 more troops", 1500.0, "troop"),
            qty(text, "3,000 troops", 3000.0, "troop"),
        ],
        [
            place(text, "Freedonia", "Freedonia", "FD"),
            place(text, "Freedonia", "Freedonia", "FD", nth=1),
        ],
        id="a.txt",
    )
    (g,) = compare([f]).claim_groups
    assert [r.change for r in g.claims] == ["increase", None]
    assert not g.conflict
