"""Plugin machinery end to end: the installed dates plugin and in-test misbehaving plugins.

The dates plugin (plugins/newsfacts-dates) must be installed (``pip install -e
plugins/newsfacts-dates``); it is found only through its ``newsfacts`` entry point.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from wordplugin import Word, WordExtractor

import newsfacts
from newsfacts import Document, Extractor, Fact, FactsSoFar, hookimpl
from newsfacts.cli import main
from newsfacts.plugins import DISABLE_ENV, ENTRY_POINT_GROUP, Registry, get_registry
from newsfacts.serialize import facts_from_dict

TEXT = (
    "Kyiv on Wednesday urged the soldiers to surrender. "
    "Officials said 1,500 more troops had arrived since August."
)


def _dates_installed() -> bool:
    return any(ep.name == "dates" for ep in metadata.entry_points(group=ENTRY_POINT_GROUP))


needs_dates = pytest.mark.skipif(
    not _dates_installed(), reason="pip install -e plugins/newsfacts-dates first"
)


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Registry]]:
    """Reload the process-wide registry after the test changed the environment."""
    yield lambda: get_registry(reload=True)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    get_registry(reload=True)


# --- the installed dates plugin -------------------------------------------------------------


@needs_dates
def test_dates_plugin_is_discovered_through_its_entry_point() -> None:
    reg = Registry(environ={})
    info = next(p for p in reg.plugins if p.name == "dates")
    assert not info.builtin and info.error is None and not info.disabled
    assert info.distribution == "newsfacts-dates"
    assert info.extractors == ("dates",)
    assert set(info.hooks) == {"register_extractors", "register_fact_types"}
    assert "dates" in reg.extractors and "dates" in reg.fact_types


def test_core_never_imports_the_plugin() -> None:
    src = Path(newsfacts.__file__).parent
    offenders = [p for p in src.rglob("*.py") if "import newsfacts_dates" in p.read_text("utf-8")]
    assert offenders == []


@needs_dates
def test_plugins_command_lists_it(
    capsys: pytest.CaptureFixture[str], fresh_registry: Callable[[], Registry]
) -> None:
    fresh_registry()
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("dates "))
    assert "newsfacts-dates" in line and line.endswith("ok")
    assert main(["plugins", "--format", "json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["dates"]["extractors"] == ["dates"]
    assert listed["dates"]["builtin"] is False
    assert listed["newsfacts"]["builtin"] is True


@needs_dates
@pytest.mark.parametrize("value", ["dates", "*", "something-else, dates", "newsfacts-dates"])
def test_disabled_by_env_var(
    value: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fresh_registry: Callable[[], Registry],
) -> None:
    monkeypatch.setenv(DISABLE_ENV, value)
    reg = fresh_registry()
    assert "dates" not in reg.extractors
    assert next(p for p in reg.plugins if p.name == "dates").disabled
    assert main(["plugins", "--format", "json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["dates"]["disabled"] is True
    # the built-in extractors are untouched by "*"
    assert set(reg.extractors) == set(Registry(environ={}).extractors) - {"dates"}
    facts = newsfacts.extract(newsfacts.Article(text=TEXT))
    assert "dates" not in facts.extra


@needs_dates
def test_env_var_can_disable_builtin_extractor_by_name() -> None:
    reg = Registry(environ={DISABLE_ENV: "quotes"})
    assert "quotes" not in reg.extractors and "dates" in reg.extractors


@needs_dates
def test_dates_in_extract_output_and_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_registry: Callable[[], Registry]
) -> None:
    fresh_registry()
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    data = json.loads(capsys.readouterr().out)
    spans = [(d["text"], d["start"], d["end"]) for d in data["dates"]]
    assert ("on Wednesday", 5, 17) in spans
    assert any(d["text"] == "since August" for d in data["dates"])
    for d in data["dates"]:
        assert TEXT[d["start"] : d["end"]] == d["text"]
        assert {"value", "expression_type", "modifier"} <= set(d)

    back = newsfacts.ArticleFacts.from_dict(data)
    dates = back["dates"]
    assert dates and all(type(f).__name__ == "DateFact" for f in dates)
    assert back.to_dict() == data


@needs_dates
def test_dates_normalized_with_published() -> None:
    article = newsfacts.Article(text=TEXT, published="2024-10-24")  # a Thursday
    facts = newsfacts.extract(article)
    values = {f.text: f.to_dict()["value"] for f in facts["dates"]}
    assert values["on Wednesday"] == "2024-10-23"
    assert values["since August"] == "2024-08-01/2024-10-24"


def test_unknown_kind_reads_back_as_record_fact() -> None:
    data = newsfacts.extract(newsfacts.Article(text=TEXT), extractors=[]).to_dict()
    data["whatever"] = [{"start": 0, "end": 4, "text": "Kyiv", "score": 1}]
    back = newsfacts.ArticleFacts.from_dict(data)
    (rec,) = back["whatever"]
    assert isinstance(rec, newsfacts.RecordFact) and rec.fields == {"score": 1}
    assert back.to_dict() == data


# --- misbehaving in-test plugins on a fresh Registry ---------------------------------------


def _plugin(*extractors: object, fact_types: tuple[type[Fact], ...] = ()) -> object:
    class Plugin:
        @hookimpl
        def register_extractors(self, register: Callable[[Extractor], None]) -> None:
            for e in extractors:
                register(e)  # type: ignore[arg-type]

        @hookimpl
        def register_fact_types(self, register: Callable[[type[Fact]], None]) -> None:
            for t in fact_types:
                register(t)

    return Plugin()


def _words_registry(**environ: str) -> Registry:
    reg = Registry(load_entry_points=False, environ=environ)
    reg.register_plugin(_plugin(WordExtractor(), fact_types=(Word,)), name="words")
    return reg


def _expected_words() -> list[str]:
    return [t for t in TEXT.split(" ") if t[:1].isupper()]


def _assert_words_intact(facts: newsfacts.ArticleFacts) -> None:
    assert [f.text for f in facts["words"]] == _expected_words()


class Raising:
    name: ClassVar[str] = "raising"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        raise RuntimeError("deliberate failure")


class RaisingMidway:
    """Yields one good fact, then raises: nothing it produced may be kept half-way."""

    name: ClassVar[str] = "midway"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("words2",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterator[Fact]:
        yield Word(start=0, end=4, text=doc.text[:4])
        raise ValueError("broke after one fact")


def test_raising_extractor_is_isolated() -> None:
    reg = _words_registry()
    reg.register_plugin(_plugin(Raising(), RaisingMidway()), name="bad")
    facts = newsfacts.Pipeline(registry=reg).run(newsfacts.Article(text=TEXT))
    _assert_words_intact(facts)
    errors = {e.extractor: e for e in facts.errors}
    assert errors["raising"].error == "RuntimeError"
    assert errors["raising"].message == "deliberate failure"
    assert errors["midway"].error == "ValueError"
    # the words from "midway" before it raised are not in the result either
    assert len(facts["words"]) == len(_expected_words())
    # the result is still a valid, serializable object
    assert facts_from_dict(facts.to_dict(), {"words": Word}) == facts


def test_plugin_raising_in_registration_is_reported() -> None:
    class Broken:
        @hookimpl
        def register_extractors(self, register: Callable[[Extractor], None]) -> None:
            raise ImportError("missing optional dependency")

    reg = _words_registry()
    info = reg.register_plugin(Broken(), name="broken")
    assert info.error == "ImportError: missing optional dependency"
    facts = newsfacts.Pipeline(registry=reg).run(newsfacts.Article(text=TEXT))
    _assert_words_intact(facts)
    assert any(e.extractor == "broken" and e.error == "PluginLoadError" for e in facts.errors)


def test_plugin_failing_at_import_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "nf_boom_plugin.py").write_text(
        "raise RuntimeError('boom at import time')\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [
        metadata.EntryPoint("boom", "nf_boom_plugin", ENTRY_POINT_GROUP),
        metadata.EntryPoint("ghost", "nf_no_such_module_anywhere", ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(
        "newsfacts.plugins.metadata.entry_points", lambda group: eps if group else []
    )
    reg = Registry(environ={})
    reg.register_plugin(_plugin(WordExtractor(), fact_types=(Word,)), name="words")
    failed = {p.name: p.error for p in reg.plugins if p.error}
    assert failed["boom"] == "RuntimeError: boom at import time"
    assert failed["ghost"] is not None and failed["ghost"].startswith("ModuleNotFoundError")
    assert "words" in reg.extractors
    facts = newsfacts.Pipeline(registry=reg).run(newsfacts.Article(text=TEXT))
    _assert_words_intact(facts)
    load_errors = {e.extractor for e in facts.errors if e.error == "PluginLoadError"}
    assert {"boom", "ghost"} <= load_errors
    sys.modules.pop("nf_boom_plugin", None)


def test_failing_entry_point_listed_by_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fresh_registry: Callable[[], Registry],
) -> None:
    eps = [metadata.EntryPoint("ghost", "nf_no_such_module_anywhere", ENTRY_POINT_GROUP)]
    monkeypatch.setattr("newsfacts.plugins.metadata.entry_points", lambda group: eps)
    fresh_registry()
    assert main(["plugins"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("ghost"))
    assert "FAILED: ModuleNotFoundError" in line
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path), "--strict"]) == 1  # the load error is reported
    assert main(["extract", str(path)]) == 0
    monkeypatch.undo()


@attrs.frozen(kw_only=True)
class FakeQuantity(Fact):
    """A plugin fact that claims a core key without being a Quantity."""

    key: ClassVar[str] = "quantities"


@attrs.frozen(kw_only=True)
class FakeArticle(Fact):
    key: ClassVar[str] = "article"


class Invalid:
    """Returns facts that must all be rejected at the boundary, and one good one."""

    name: ClassVar[str] = "invalid"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("inv",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Any]:
        n = len(doc.text)
        return [
            Word(start=0, end=4, text="Lviv"),  # text does not match the article
            Word(start=n, end=n + 4, text="tail"),  # past the end of the text
            {"start": 0, "end": 4, "text": doc.text[:4]},  # not a Fact
            "Kyiv",  # not a Fact
            None,
            FakeQuantity(start=0, end=4, text=doc.text[:4]),  # wrong type for a core key
            FakeArticle(start=0, end=4, text=doc.text[:4]),  # would clobber the article key
            Word(start=5, end=17, text=doc.text[5:17]),  # the one valid fact
        ]


class NotIterable:
    name: ClassVar[str] = "notiter"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()

    def extract(self, doc: Document, facts: FactsSoFar) -> Any:
        return 42


def test_invalid_facts_are_rejected_with_an_error() -> None:
    reg = _words_registry()
    reg.register_plugin(_plugin(Invalid(), NotIterable()), name="invalid")
    article = newsfacts.Article(text=TEXT)
    facts = newsfacts.Pipeline(registry=reg).run(article)
    words = [f.text for f in facts["words"]]
    assert words == [*_expected_words(), "on Wednesday"] or sorted(words) == sorted(
        [*_expected_words(), "on Wednesday"]
    )
    errors = {e.extractor: e for e in facts.errors}
    assert errors["invalid"].error == "InvalidFact"
    assert "rejected 7 invalid fact(s)" in errors["invalid"].message
    assert errors["notiter"].error == "TypeError"
    assert all(isinstance(q, newsfacts.Quantity) for q in facts.quantities)
    assert facts.article is article
    data = facts.to_dict()
    assert data["article"]["text"] == TEXT
    for f in facts.all_facts():
        assert article.text[f.start : f.end] == f.text
    assert facts_from_dict(data, {"words": Word}).to_dict() == data


def test_registering_non_extractor_and_duplicate_names() -> None:
    reg = _words_registry()
    info = reg.register_plugin(_plugin(object()), name="junk")
    assert info.error is not None and info.error.startswith("TypeError")
    dup = reg.register_plugin(_plugin(WordExtractor()), name="dup")
    assert dup.error is not None and "already registered" in dup.error
    facts = newsfacts.Pipeline(registry=reg).run(newsfacts.Article(text=TEXT))
    _assert_words_intact(facts)
