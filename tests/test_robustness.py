"""Nothing crashes, nothing hangs, nothing is lost: the full pipeline on hostile input.

Scaling is asserted as a ratio of times at two sizes (never an absolute time); absolute figures
per MB live in benchmarks/adversarial.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from wordplugin import Word, WordExtractor

import newsfacts
from newsfacts import Article, Document, Fact, FactsSoFar, Pipeline, hookimpl
from newsfacts.plugins import Registry
from newsfacts.testing import SHAPES, adversarial_text, any_texts, articles

SMALL, LARGE = 5_000, 20_000  # 4x apart: linear ~x4, quadratic ~x16


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pipeline_scales_linearly(shape: str) -> None:
    pipe = Pipeline()
    small, large = (Article(text=adversarial_text(shape, n)) for n in (SMALL, LARGE))
    facts = pipe.run(large)
    assert not [e for e in facts.errors if e.error != "PluginLoadError"], facts.errors
    t_small = _best(lambda: pipe.run(small))
    assert t_small < 0.5, f"{shape}: {t_small:.2f}s for {SMALL} characters (hang guard)"
    t_large = _best(lambda: pipe.run(large))
    if t_large < 0.05:
        return  # too fast to measure reliably; nothing can be badly superlinear here
    if t_large / t_small >= 10:  # confirm once: a pause of a busy machine is not a regression
        t_small = min(t_small, _best(lambda: pipe.run(small)))
        t_large = min(t_large, _best(lambda: pipe.run(large)))
    assert t_large / t_small < 10, f"{shape}: {t_small:.3f}s -> {t_large:.3f}s"


def test_every_fact_points_into_the_text_on_adversarial_shapes() -> None:
    for shape in SHAPES:
        article = Article(text=adversarial_text(shape, 5_000))
        facts = newsfacts.extract(article, keep_boilerplate=True)
        for f in facts.all_facts():
            assert article.text[f.start : f.end] == f.text, (shape, f)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(any_texts(max_size=1500)))
def test_extract_never_raises_and_keeps_offsets(article: Article) -> None:
    facts = newsfacts.extract(article)
    assert facts.article is article
    assert not [e for e in facts.errors if e.error != "PluginLoadError"], facts.errors
    for f in facts.all_facts():
        assert article.text[f.start : f.end] == f.text
    assert newsfacts.ArticleFacts.from_dict(facts.to_dict()).to_dict() == facts.to_dict()


# --- clear errors at the public boundary ---------------------------------------------------


@pytest.mark.parametrize("bad", [123, None, b"bytes", ["text"]])
def test_extract_rejects_non_articles(bad: object) -> None:
    with pytest.raises(TypeError, match=r"expected a newsfacts\.Article or str, got"):
        newsfacts.extract(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        Pipeline().run(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 123, b"bytes"])
def test_article_text_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"Article\.text must be str, got {type(bad).__name__}"):
        Article(text=bad)  # type: ignore[arg-type]


def test_undecodable_file_names_file_and_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Kyiv said" + b" caf\xe9 ok")
    with pytest.raises(UnicodeDecodeError) as info:
        Article.from_file(path)
    assert str(path) in str(info.value)
    assert "byte 13" in str(info.value)  # 0-based: len(b"Kyiv said caf") == 13


def test_nul_cr_and_bom_are_kept_verbatim(tmp_path: Path) -> None:
    text = "A\x00B\r\nC\rD"
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    article = Article.from_file(path)
    assert article.text == text  # BOM dropped, nothing else touched
    assert newsfacts.extract(article).article.text == text


# --- fault isolation -------------------------------------------------------------------------

TEXT = "Kyiv said on Wednesday that Seoul and Warsaw agreed."


class Slow:
    name: ClassVar[str] = "slow"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("slow",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        time.sleep(0.25)
        return [Word(start=0, end=4, text=doc.text[:4])]


class Raises:
    name: ClassVar[str] = "raises"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        raise KeyError("oops")


class Invalid:
    name: ClassVar[str] = "invalid"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[object]:
        return [Word(start=0, end=3, text="abc"), 42]


class Plugin:
    def __init__(self, *extractors: object) -> None:
        self.extractors = extractors

    @hookimpl
    def register_extractors(self, register: Callable[[object], None]) -> None:
        for e in self.extractors:
            register(e)


class BrokenPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[object], None]) -> None:
        raise ImportError("No module named 'missing_dependency'")


def _registry() -> Registry:
    reg = Registry(load_entry_points=False, environ={})
    reg.register_plugin(Plugin(WordExtractor()), name="good")
    reg.register_plugin(Plugin(Slow(), Raises(), Invalid()), name="bad")
    reg.register_plugin(BrokenPlugin(), name="broken")
    return reg


def test_all_faults_at_once_leave_good_facts_intact() -> None:
    reg = _registry()
    pipe = Pipeline(
        extractors=["words", "slow", "raises", "invalid"], registry=reg, time_budget=0.1
    )
    facts = pipe.run(Article(text=TEXT))
    assert [f.text for f in facts["words"] if f.start > 0 or f.text != "Kyiv"] == [
        "Wednesday",
        "Seoul",
        "Warsaw",
    ]
    by_name = {(e.extractor, e.error) for e in facts.errors}
    assert ("raises", "KeyError") in by_name
    assert ("invalid", "InvalidFact") in by_name
    assert ("slow", "TimeBudgetExceeded") in by_name
    assert ("broken", "PluginLoadError") in by_name
    assert ("words", "TimeBudgetExceeded") not in by_name
    msg = next(e.message for e in facts.errors if e.error == "TimeBudgetExceeded")
    assert msg.startswith("took 0.") and msg.endswith("budget 0.10 s")


def test_slow_extractor_keeps_its_facts_and_no_budget_means_no_error() -> None:
    reg = _registry()
    facts = Pipeline(extractors=["words", "slow"], registry=reg).run(Article(text=TEXT))
    assert not [e for e in facts.errors if e.error == "TimeBudgetExceeded"]
    # Slow's one fact ("Kyiv" at 0:4) is there next to WordExtractor's own "Kyiv"
    assert [f.text for f in facts["words"]].count("Kyiv") == 2
