"""Every registered extractor (built-in or plugin) passes the newsfacts.testing conformance check.

The list is whatever is registered when the tests are collected, so new extractors are checked
as they land. The kit itself is tested too: each check must catch a misbehaving extractor.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs
import pytest

from newsfacts import Document, Fact, FactsSoFar
from newsfacts.plugins import get_registry
from newsfacts.testing import ConformanceError, check_extractor

REGISTERED = sorted(get_registry().extractors)


@pytest.mark.slow
@pytest.mark.parametrize("name", REGISTERED)
def test_registered_extractor_conforms(name: str) -> None:
    extractor = get_registry().extractors[name]
    report = check_extractor(
        extractor, max_examples=10, sizes=(4_000, 16_000), max_seconds=0.5, raise_on_failure=False
    )
    assert report.inputs >= 10 + 20
    assert report.ok, report.summary()


def test_dates_plugin_is_checked() -> None:
    pytest.importorskip("newsfacts_dates")
    assert "dates" in REGISTERED


def test_fixture_from_pytest11_entry_point(newsfacts_conformance: Any) -> None:
    report = newsfacts_conformance(Words(), max_examples=5, scaling=False)
    assert report.ok and report.extractor == "words"


# --- the kit catches what it claims to catch ----------------------------------------------


@attrs.frozen(kw_only=True)
class W(Fact):
    key: ClassVar[str] = "words"


class Words:
    name: ClassVar[str] = "words"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("words",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        i = doc.text.find("Kyiv")
        return [W(start=i, end=i + 4, text="Kyiv")] if i >= 0 else []


class RaisesOnNul(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        if "\x00" in doc.text:
            raise ValueError("NUL")
        return []


class OffByOne(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        if len(doc.text) < 2:
            return []
        return [W(start=1, end=2, text=doc.text[0])]


class Random(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        n = random.randint(0, 3)
        return [W(start=0, end=0, text="")] * n


class Mutates(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        object.__setattr__(doc.article, "title", "changed")
        return []


@attrs.frozen(kw_only=True)
class Unserializable(Fact):
    key: ClassVar[str] = "odd"
    payload: Any = None


class BadPayload(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        return [Unserializable(start=0, end=0, text="", payload={1, 2})]


class Quadratic(Words):
    def extract(self, doc: Document, facts: FactsSoFar) -> Iterator[Fact]:
        text = doc.text
        for i in range(0, len(text), 50):
            # A Python-level rescan of the prefix: clearly quadratic, never a fact.
            if sum(1 for c in text[:i] if c == '"') > len(text):
                yield W(start=0, end=0, text="")


@pytest.mark.parametrize(
    ("extractor", "message"),
    [
        (RaisesOnNul(), "raised ValueError: NUL"),
        (OffByOne(), "!= article text at 1:2"),
        (Random(), "not deterministic"),
        (Mutates(), "mutated the article"),
        (BadPayload(), "does not serialize"),
    ],
)
def test_kit_catches(extractor: Words, message: str) -> None:
    with pytest.raises(ConformanceError, match=message):
        check_extractor(extractor, max_examples=10, scaling=False)


def test_kit_reports_all_failures_without_raising() -> None:
    report = check_extractor(OffByOne(), max_examples=0, scaling=False, raise_on_failure=False)
    assert not report.ok and len(report.failures) > 10


def test_kit_catches_superlinear_time() -> None:
    report = check_extractor(
        Quadratic(),
        max_examples=0,
        shapes=["quotes_only"],
        sizes=(8_000, 32_000),
        max_ratio=6.0,  # 4x the input: linear ~x4, this quadratic ~x16
        raise_on_failure=False,
    )
    ratio = report.scaling["quotes_only"][2]
    assert ratio > 6 and any("time grew" in f for f in report.failures), report.summary()


def test_kit_passes_linear_extractor() -> None:
    report = check_extractor(Words(), max_examples=20, shapes=["news", "quotes_only"])
    assert report.ok and set(report.scaling) == {"news", "quotes_only"}
