"""The fact model: invariants enforced by validators, and clear errors at the boundary."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfacts import Article, ArticleFacts, Claim, Location, Quantity, Quote
from newsfacts.model import Boilerplate, Fact


@given(st.text(max_size=200), st.data())
def test_any_slice_makes_a_valid_fact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fact = Quantity(start=start, end=end, text=text[start:end], value=1.0)
    assert text[fact.start : fact.end] == fact.text


@given(st.integers(0, 50), st.integers(0, 50), st.text(max_size=60))
def test_span_and_text_must_agree(start: int, end: int, text: str) -> None:
    if end >= start and len(text) == end - start:
        Fact(start=start, end=end, text=text)
    else:
        with pytest.raises(ValueError):
            Fact(start=start, end=end, text=text)


def test_field_validators_name_the_class_the_field_and_what_was_expected() -> None:
    base = {"start": 0, "end": 1, "text": "x"}
    with pytest.raises(TypeError, match=r"Quantity\.unit must be str or None, got int"):
        Quantity(**base, unit=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Quantity\.value must be a number or None, got str"):
        Quantity(**base, value="5")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Quote\.speaker_start must be int or None, got float"):
        Quote(**base, kind="direct", speaker_start=1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Location\.name must be str, got NoneType"):
        Location(**base, name=None, feature="city")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Quantity\.bound must be one of exact, .*got 'roughly'"):
        Quantity(**base, bound="roughly")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Quantity\.change must be one of .* or None, got 'up'"):
        Quantity(**base, change="up")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Claim\.modality must be one of"):
        Claim(**base, source="x", modality=["reported"])  # type: ignore[arg-type]
    # what the validators accept: None where optional, ints as numbers, every listed choice
    q = Quantity(**base, value=3, unit=None, change=None, bound="at_most")
    assert (q.value, q.unit, q.change, q.bound) == (3, None, None, "at_most")
    assert Quantity(**base, change="decrease").change == "decrease"


def test_negative_offsets_and_wrong_types_are_rejected() -> None:
    with pytest.raises(ValueError, match="start"):
        Fact(start=-1, end=0, text="x")
    with pytest.raises(TypeError, match="int"):
        Fact(start="0", end=1, text="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str"):
        Fact(start=0, end=1, text=None)  # type: ignore[arg-type]


def test_enumerated_fields_reject_unknown_values() -> None:
    with pytest.raises(ValueError):
        Quantity(start=0, end=1, text="5", value=5.0, bound="roughly")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Quote(start=0, end=1, text="x", kind="reported")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Claim(start=0, end=1, text="x", source="s", modality="maybe")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Location(start=0, end=1, text="x", name="x", feature="planet")  # type: ignore[arg-type]


def test_facts_are_frozen_and_evolve_makes_copies() -> None:
    q = Quantity(start=0, end=5, text="1,500", value=1500.0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.value = 3.0  # type: ignore[misc]
    q2 = attrs.evolve(q, bound="at_most")
    assert q.bound == "exact" and q2.bound == "at_most" and q2.value == 1500.0


def test_article_requires_text_and_parses_published() -> None:
    with pytest.raises(TypeError, match=r"Article\.text must be str, got NoneType"):
        Article(text=None)  # type: ignore[arg-type]
    assert Article(text="x", published="2024-10-23T10:09:00Z").published == dt.date(2024, 10, 23)
    with pytest.raises(ValueError, match="ISO 8601"):
        Article(text="x", published="23 October")


def test_article_from_file_names_the_file_and_byte(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "ok.txt"
    good.write_text("Hello.", encoding="utf-8")
    assert Article.from_file(good).id == "ok.txt"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xffdef")
    with pytest.raises(UnicodeDecodeError, match=r"bad\.txt.*byte 3"):
        Article.from_file(bad)


def test_split_quote_content_joins_parts() -> None:
    text = '"We will win," he said, "and soon."'
    q = Quote(start=1, end=34, text=text[1:34], kind="direct", parts=((1, 12), (25, 34)))
    assert q.content == "We will win and soon."


def test_result_lookup_by_key() -> None:
    a = Article(text="Junk")
    bp = Boilerplate(start=0, end=4, text="Junk", reason="menu")
    facts = ArticleFacts(article=a, boilerplate=[bp], extra={"dates": []})
    assert facts["boilerplate"] == (bp,)
    assert facts["dates"] == ()
    with pytest.raises(KeyError, match="no facts of kind 'nope'"):
        facts["nope"]


def test_results_pickle_to_equal_objects_of_the_same_types(
    seed_facts: dict[str, ArticleFacts],
) -> None:
    # Worker processes send results back pickled (model._reduce): every fact kind, the
    # article and plugin facts in ``extra`` must come back equal, with their own classes.
    import pickle

    for result in seed_facts.values():
        back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == result
        assert [type(f) for f in back.all_facts()] == [type(f) for f in result.all_facts()]
        assert back.all_facts(), "a seed article with no facts proves nothing"
    q = Quote(start=0, end=2, text="ab", kind="direct", parts=((0, 2),))
    back_q = pickle.loads(pickle.dumps(q))
    assert back_q == q and back_q.parts == ((0, 2),)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        back_q.text = "x"  # type: ignore[misc]
