"""Serialization: round trips, the shipped JSON Schema, and errors on malformed input."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts import Article, ArticleFacts, Claim, Location, Quantity, Quote
from newsfacts.model import BOUNDS, MODALITIES, Boilerplate, ExtractorError, RecordFact
from newsfacts.serialize import dumps, fact_from_dict, schema


@st.composite
def results(draw: st.DrawFn) -> ArticleFacts:
    text = draw(st.text(min_size=1, max_size=80))

    def span() -> tuple[int, int, str]:
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return a, b, text[a:b]

    finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
    a, b, t = span()
    q = Quantity(
        start=a,
        end=b,
        text=t,
        value=draw(st.none() | finite),
        bound=draw(st.sampled_from(BOUNDS)),
        entity=draw(st.none() | st.text(max_size=5)),
        vague=draw(st.booleans()),
    )
    a, b, t = span()
    quote = Quote(
        start=a,
        end=b,
        text=t,
        kind="indirect",
        speaker=draw(st.none() | st.text(max_size=5)),
        parts=((a, b),) if draw(st.booleans()) else (),
    )
    a, b, t = span()
    loc = Location(
        start=a,
        end=b,
        text=t,
        name="X",
        feature="city",
        geonameid=7,
        latitude=1.5,
        longitude=-3.0,
        demonym=draw(st.booleans()),
    )
    a, b, t = span()
    claim = Claim(
        start=a,
        end=b,
        text=t,
        source="S",
        modality=draw(st.sampled_from(MODALITIES)),
        quantities=(0,),
        boilerplate=draw(st.booleans()),
    )
    a, b, t = span()
    rec = RecordFact(start=a, end=b, text=t, kind_key="custom_kind", fields={"value": "2024-10-23"})
    article = Article(
        text=text, id=draw(st.none() | st.text(max_size=8)), published=draw(st.none() | st.dates())
    )
    return ArticleFacts(
        article=article,
        quantities=[q],
        quotes=[quote],
        locations=[loc],
        claims=[claim],
        boilerplate=[Boilerplate(start=0, end=0, text="", reason="menu")],
        extra={"custom_kind": [rec]},
        errors=[ExtractorError(extractor="x", error="E", message="m")],
    )


@settings(max_examples=150)
@given(results())
def test_round_trip_through_dict_and_json(facts: ArticleFacts) -> None:
    d = facts.to_dict()
    assert ArticleFacts.from_dict(d).to_dict() == d
    assert ArticleFacts.from_dict(json.loads(dumps(facts))) == ArticleFacts.from_dict(d)


@settings(max_examples=50)
@given(results())
def test_every_result_validates_against_the_schema(facts: ArticleFacts) -> None:
    jsonschema.validate(facts.to_dict(), schema())


def test_seed_output_validates_and_round_trips(seed_facts: dict[str, ArticleFacts]) -> None:
    for facts in seed_facts.values():
        d = facts.to_dict()
        jsonschema.validate(d, schema())
        assert ArticleFacts.from_dict(d).to_dict() == d
        text = d["article"]["text"]
        for key, items in d.items():
            if key in ("article", "errors"):
                continue
            for item in items:
                assert text[item["start"] : item["end"]] == item["text"], key


def test_unknown_fields_are_errors_not_silently_dropped() -> None:
    with pytest.raises(ValueError, match="unknown field"):
        fact_from_dict("quantities", {"start": 0, "end": 1, "text": "5", "valeu": 5})
    with pytest.raises(ValueError, match="unknown article field"):
        Article.from_dict({"text": "x", "titel": "y"})
    with pytest.raises(ValueError, match="no 'text'"):
        Article.from_dict({"title": "y"})


def test_schema_rejects_a_renamed_field() -> None:
    facts = newsfacts.extract("Nothing here.", extractors=[])
    d = facts.to_dict()
    d["quantities"] = [{"start": 0, "end": 1, "text": "N", "valu": 1}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema())
