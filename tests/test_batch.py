"""extract_many: same results as one-by-one extraction, in input order, lazily, over processes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts import Article, extract, extract_many
from newsfacts.batch import JsonResult, extract_many_json

SENTENCES = [
    "The council said 40 homes were flooded on Tuesday.",
    '"We will rebuild," the mayor told reporters in Leeds.',
    "Prices rose by 3.5% in March, up from 2.1% a year earlier.",
    "About 1,200 people left the town before the storm arrived.",
    "Nothing happened here.",
]


def _articles(seed_paths: list[Path]) -> list[Article]:
    mine = [Article(text=t, id=f"mine-{i}") for i, t in enumerate(SENTENCES)]
    seeds = [Article.from_file(p) for p in seed_paths]
    return [a for pair in itertools.zip_longest(seeds, mine) for a in pair if a is not None]


def test_serial_matches_extract_in_order(seed_paths: list[Path]) -> None:
    arts = _articles(seed_paths)
    got = list(extract_many(arts, chunksize=3))
    assert [r.article.id for r in got] == [a.id for a in arts]
    assert [r.to_dict() for r in got] == [extract(a).to_dict() for a in arts]


def test_two_workers_match_serial_and_keep_order(seed_paths: list[Path]) -> None:
    # Many small chunks so results from both workers interleave and must be re-ordered.
    arts = _articles(seed_paths)
    parallel = list(extract_many(arts, workers=2, chunksize=1))
    assert [r.article.id for r in parallel] == [a.id for a in arts]
    assert [r.to_dict() for r in parallel] == [extract(a).to_dict() for a in arts]
    # The JSON variant (used by the CLI) gives the same objects, serialised in the workers.
    mine = [Article(text=t, id=str(i)) for i, t in enumerate(SENTENCES)]
    lines = list(extract_many_json(mine, workers=2, chunksize=2, extractors=["quotes"]))
    assert all(isinstance(x, JsonResult) for x in lines)
    expected = [newsfacts.serialize.dumps(extract(a, extractors=["quotes"])) for a in mine]
    assert [x.line for x in lines] == expected


def test_default_start_method_is_forkserver_where_available_and_spawn_works() -> None:
    import multiprocessing

    from newsfacts.batch import _context

    method = _context(None).get_start_method()
    if "forkserver" in multiprocessing.get_all_start_methods():
        assert method == "forkserver"
    else:
        assert method == "spawn"
    assert _context("spawn").get_start_method() == "spawn"
    mine = [Article(text=t, id=str(i)) for i, t in enumerate(SENTENCES)]
    # one light extractor: spawned workers start cold, so keep what they load small
    names = ["quantities"]
    spawned = list(extract_many(mine, workers=2, chunksize=2, mp_context="spawn", extractors=names))
    assert [r.to_dict() for r in spawned] == [extract(a, extractors=names).to_dict() for a in mine]


def test_the_fork_server_warm_up_loads_the_gazetteer_and_freezes_it() -> None:
    # What workers inherit from the fork server (the gazetteer's entries among it) is moved
    # out of the collector's reach, so their collections do not walk or copy it.
    import subprocess
    import sys

    code = (
        "import gc, newsfacts._warmup; "
        "from newsfacts.extractors.locations.gazetteer import gazetteer; "
        "print(gc.get_freeze_count(), len(gc.get_objects()), gazetteer.cache_info().currsize, "
        "int(gc.isenabled()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    frozen, tracked, loaded, enabled = map(int, out)
    assert loaded == 1
    assert frozen > 100_000 > tracked
    # the collector is off only while loading: the server and its workers collect as usual
    assert enabled == 1


def _endless() -> Iterator[str]:
    for i in itertools.count():
        yield f"Article number {i} says {i} people came."


def test_input_is_consumed_lazily() -> None:
    # An endless input must not hang: only a bounded window is read ahead.
    first = list(itertools.islice(extract_many(_endless(), chunksize=4), 5))
    assert [r.article.text for r in first] == [
        f"Article number {i} says {i} people came." for i in range(5)
    ]


def test_input_is_consumed_lazily_with_workers() -> None:
    pulled = 0

    def counting() -> Iterator[str]:
        nonlocal pulled
        for text in _endless():
            pulled += 1
            yield text

    gen = extract_many(counting(), workers=2, chunksize=2, extractors=["quotes"])
    first = list(itertools.islice(gen, 3))
    gen.close()
    assert [r.article.text for r in first] == [
        f"Article number {i} says {i} people came." for i in range(3)
    ]
    assert pulled <= 2 * 2 * 2 + 2  # window of workers * prefetch chunks, plus one chunk


def test_bare_strings_become_articles_and_bad_items_are_refused() -> None:
    (r,) = extract_many(["Only text."])
    assert r.article.text == "Only text." and r.article.id is None
    with pytest.raises(TypeError, match="expected Article, str or ArticleSource"):
        list(extract_many([b"bytes"]))  # type: ignore[list-item]


def test_options_are_checked_before_any_work() -> None:
    with pytest.raises(ValueError, match="no extractor named 'nope'"):
        extract_many(_endless(), extractors=["nope"])
    with pytest.raises(ValueError, match="chunksize"):
        extract_many(["x"], chunksize=0)
    with pytest.raises(TypeError, match="single string"):
        extract_many(["x"], extractors="quotes")


def test_extractor_subset_and_keep_boilerplate_are_passed_on() -> None:
    text = "Officials said 300 homes were damaged.\nADVERTISEMENT\nThe storm moved north."
    (only_quotes,) = extract_many([text], extractors=["quotes"])
    assert only_quotes.quantities == () and only_quotes.claims == ()
    (kept,) = extract_many([text], keep_boilerplate=True)
    assert kept.to_dict() == extract(text, keep_boilerplate=True).to_dict()


class _Broken:
    id = "broken-page"

    def to_article(self) -> Article:
        raise ValueError("no main text found in the HTML")


class _Fine:
    def to_article(self) -> Article:
        return Article(text="Converted late.", id="fine")


def test_a_source_that_fails_gives_an_input_error_and_the_rest_go_on() -> None:
    out = list(extract_many([_Fine(), _Broken(), "After."]))
    assert [r.article.id for r in out] == ["fine", "broken-page", None]
    inputs = [[e for e in r.errors if e.extractor == "input"] for r in out]
    assert out[0].article.text == "Converted late." and inputs[0] == []
    assert out[1].article.text == ""
    assert [e.error for e in inputs[1]] == ["ValueError"]
    assert "no main text" in inputs[1][0].message
    assert out[1].quantities == () and out[1].quotes == ()
    assert out[2].article.text == "After."


@settings(max_examples=25, deadline=None)
@given(
    texts=st.lists(st.sampled_from([*SENTENCES, "", "  \n "]), max_size=12),
    chunksize=st.integers(min_value=1, max_value=5),
)
def test_any_chunking_keeps_one_result_per_input_in_order(texts: list[str], chunksize: int) -> None:
    arts = [Article(text=t, id=str(i)) for i, t in enumerate(texts)]
    got = list(extract_many(arts, chunksize=chunksize))
    assert [r.article for r in got] == arts
