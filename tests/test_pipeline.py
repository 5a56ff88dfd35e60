"""Pipeline: dependency order, missing and cyclic requirements, boundary checks, boilerplate."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts import Article, Document, Fact, FactsSoFar, Pipeline, Quantity
from newsfacts.cli import main
from newsfacts.plugins import Registry


class Numbers:
    """Marks every run of digits as a quantity (a tiny extractor for pipeline tests)."""

    name: ClassVar[str] = "numbers"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("quantities",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        import re

        for m in re.finditer(r"\d+", doc.text):
            yield Quantity(start=m.start(), end=m.end(), text=m.group(), value=float(m.group()))


class CountNumbers:
    """Needs `numbers`; records how many quantities it was given."""

    name: ClassVar[str] = "count"
    requires: ClassVar[tuple[str, ...]] = ("numbers",)
    produces: ClassVar[tuple[str, ...]] = ()
    seen: ClassVar[list[int]] = []

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        CountNumbers.seen.append(len(facts.get("quantities", ())))
        return []


def _registry(*extractors: object) -> Registry:
    reg = Registry(load_builtins=False, load_entry_points=False)

    class Plugin:
        @newsfacts.hookimpl
        def register_extractors(self, register: Callable[[object], None]) -> None:
            for e in extractors:
                register(e)

    reg.register_plugin(Plugin(), name="test-plugin")
    return reg


def test_requirements_run_first_and_are_added_when_not_named() -> None:
    reg = _registry(CountNumbers(), Numbers())
    CountNumbers.seen.clear()
    pipe = Pipeline(extractors=["count"], registry=reg)
    assert pipe.names == ["numbers", "count"]
    pipe.run("12 and 7 and 2024")
    assert CountNumbers.seen == [3]


def test_missing_and_cyclic_requirements_become_errors() -> None:
    class NeedsGhost(Numbers):
        name: ClassVar[str] = "needs-ghost"
        requires: ClassVar[tuple[str, ...]] = ("ghost",)

    class A(Numbers):
        name: ClassVar[str] = "a"
        requires: ClassVar[tuple[str, ...]] = ("b",)

    class B(Numbers):
        name: ClassVar[str] = "b"
        requires: ClassVar[tuple[str, ...]] = ("a",)

    reg = _registry(NeedsGhost(), A(), B(), Numbers())
    facts = Pipeline(extractors=["needs-ghost", "a", "numbers"], registry=reg).run("5 apples")
    kinds = {(e.extractor, e.error) for e in facts.errors}
    assert ("needs-ghost", "MissingRequirement") in kinds
    assert any(err == "CyclicRequirement" for _, err in kinds)
    assert [q.text for q in facts.quantities] == ["5"]


def test_unknown_extractor_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no extractor named 'nope'"):
        Pipeline(extractors=["nope"], registry=_registry(Numbers()))
    with pytest.raises(TypeError, match="list of names"):
        Pipeline(extractors="numbers", registry=_registry(Numbers()))


def test_facts_in_boilerplate_are_dropped_or_kept_marked() -> None:
    text = "Troops: 1500 arrived.\nREAD ALSO: 20 things to know\nThey left."
    reg = _registry(Numbers())
    dropped = Pipeline(registry=reg).run(text)
    assert [q.text for q in dropped.quantities] == ["1500"]
    kept = Pipeline(registry=reg, keep_boilerplate=True).run(text)
    assert [(q.text, q.boilerplate) for q in kept.quantities] == [("1500", False), ("20", True)]


def test_extract_rejects_non_text_input() -> None:
    with pytest.raises(TypeError, match=r"expected a newsfacts\.Article or str, got int"):
        newsfacts.extract(123)  # type: ignore[arg-type]


def test_result_is_independent_of_the_article_object() -> None:
    article = Article(text="It rose 5 points.", id="x")
    facts = Pipeline(registry=_registry(Numbers())).run(article)
    assert facts.article is article
    assert article.text == "It rose 5 points."


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_extract_never_raises_and_every_fact_points_into_the_text(text: str) -> None:
    facts = newsfacts.extract(text)
    for fact in facts.all_facts():
        assert text[fact.start : fact.end] == fact.text
    assert all(e.error != "InvalidFact" for e in facts.errors), facts.errors


def test_strict_cli_exits_non_zero_on_extractor_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Broken(Numbers):
        name: ClassVar[str] = "broken"

        def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
            raise RuntimeError("boom")

    reg = _registry(Broken(), Numbers())
    monkeypatch.setattr("newsfacts.pipeline.get_registry", lambda: reg)
    path = tmp_path / "a.txt"
    path.write_text("We saw 12 ships.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [q["text"] for q in out["quantities"]] == ["12"]
    assert out["errors"] == [{"extractor": "broken", "error": "RuntimeError", "message": "boom"}]
    assert main(["extract", str(path), "--strict"]) == 1
    assert "broken: RuntimeError: boom" in capsys.readouterr().err


class GcProbe:
    """Records whether the cyclic collector was enabled while it ran; raises if asked to."""

    name: ClassVar[str] = "gcprobe"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()
    seen: ClassVar[list[bool]] = []
    fail: ClassVar[bool] = False

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        import gc

        GcProbe.seen.append(gc.isenabled())
        if GcProbe.fail:
            raise RuntimeError("probe failed")
        return []


@pytest.mark.parametrize("fail", [False, True])
def test_collector_is_paused_only_for_long_texts_and_restored(fail: bool) -> None:
    import gc

    from newsfacts.gcpause import LONG_TEXT

    GcProbe.seen.clear()
    GcProbe.fail = fail
    pipe = Pipeline(extractors=["gcprobe"], registry=_registry(GcProbe()))
    try:
        short = pipe.run("3 troops.")
        long = pipe.run("3 troops. " * (LONG_TEXT // 10 + 1))
    finally:
        GcProbe.fail = False
    assert GcProbe.seen == [True, False]
    assert gc.isenabled()
    assert bool(short.errors) is fail and bool(long.errors) is fail


def test_collector_left_off_when_the_caller_disabled_it() -> None:
    import gc

    from newsfacts.gcpause import LONG_TEXT, paused_for

    gc.disable()
    try:
        with paused_for("x" * LONG_TEXT):
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), paused_for("x" * LONG_TEXT):
        assert not gc.isenabled()
        raise ValueError("inside")
    assert gc.isenabled()
