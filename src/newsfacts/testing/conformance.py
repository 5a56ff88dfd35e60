"""The conformance check: is an extractor safe to run on whatever text users meet?

:func:`check_extractor` runs an extractor over fixed edge cases, the adversarial shapes and
Hypothesis-generated articles and checks, for every input:

1. no exception escapes ``extract``;
2. everything returned is a :class:`~newsfacts.Fact` with ``0 <= start <= end <= len(text)`` and
   ``text == article.text[start:end]``, not claiming a core key with a foreign class;
3. the output is deterministic (a second run on a fresh document gives equal facts);
4. every fact serializes to JSON and reads back equal through :mod:`newsfacts.serialize`;
5. the article, the document and the upstream facts are not mutated;

and, once per adversarial shape, that time grows linearly with input size (the ratio of the
times at two sizes stays under a generous bound).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings

from ..document import Document
from ..extractor import Extractor, FactsSoFar
from ..model import Article, ArticleFacts, Fact, Quote
from ..pipeline import Pipeline
from ..plugins import Registry
from ..serialize import CORE_TYPES, fact_from_dict, fact_to_dict
from .adversarial import SHAPES, adversarial_text
from .strategies import articles as article_strategy

__all__ = ["EDGE_CASES", "ConformanceError", "ConformanceReport", "check_extractor", "check_facts"]

#: Small texts every extractor must survive.
EDGE_CASES: tuple[str, ...] = (
    "",
    " ",
    "\n",
    "\x00",
    "\r\n\r\n",
    "“",
    '"',
    "”“",
    ".",
    "1",
    "1,",
    ",1",
    "A",
    "Mr.",
    "U.S.",
    "\u202e\u0645",
    "e\u0301",
    "\u200b",
    "\ufeff",
    "😀 1,500 😀",
    "KYIV:",
    "“Yes,” he said.",
    "He said: “",
    "About 3,000 troops arrived in Kyiv on Wednesday, officials said.",
)

_RESERVED = ("article", "errors", "boilerplate")


class ConformanceError(AssertionError):
    """Raised by :func:`check_extractor` when the extractor fails a check; lists every failure."""


@attrs.define
class ConformanceReport:
    """What :func:`check_extractor` checked and found."""

    extractor: str
    inputs: int = 0
    failures: list[str] = attrs.field(factory=list)
    #: shape -> (seconds at the small size, seconds at the large size, ratio)
    scaling: dict[str, tuple[float, float, float]] = attrs.field(factory=dict)

    @property
    def ok(self) -> bool:
        """True when no check failed."""
        return not self.failures

    def summary(self) -> str:
        """A readable multi-line summary."""
        lines = [f"{self.extractor}: {self.inputs} inputs, {len(self.failures)} failure(s)"]
        lines += [f"  FAIL {f}" for f in self.failures]
        for shape, (small, large, ratio) in self.scaling.items():
            lines.append(f"  scaling {shape}: {small:.4f}s -> {large:.4f}s (x{ratio:.2f})")
        return "\n".join(lines)


def _show(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[:width] + "…") + f" (len {len(text)})"


def _upstream(extractor: Extractor, article: Article, registry: Registry | None) -> FactsSoFar:
    """The facts the extractor's ``requires`` produce for ``article``."""
    requires = tuple(getattr(extractor, "requires", ()))
    if not requires:
        return {}
    result: ArticleFacts = Pipeline(extractors=list(requires), registry=registry).run(article)
    view: dict[str, tuple[Fact, ...]] = {
        k: tuple(getattr(result, k)) for k in ArticleFacts.CORE_KEYS if k != "boilerplate"
    }
    view.update(result.extra)
    return view


def _fact_problem(fact: object, text: str) -> str | None:
    if not isinstance(fact, Fact):
        return f"returned {type(fact).__name__}, expected a newsfacts Fact"
    if fact.key in _RESERVED or not isinstance(fact, CORE_TYPES.get(fact.key, Fact)):
        return f"{type(fact).__name__} uses the reserved fact key {fact.key!r}"
    if not 0 <= fact.start <= fact.end <= len(text):
        return f"span {fact.start}:{fact.end} outside the text"
    if text[fact.start : fact.end] != fact.text:
        return f"text {fact.text[:30]!r} != article text at {fact.start}:{fact.end}"
    if (
        isinstance(fact, Quote)
        and fact.speaker_start is not None
        and (
            fact.speaker_end is None or not 0 <= fact.speaker_start <= fact.speaker_end <= len(text)
        )
    ):
        return f"speaker span {fact.speaker_start}:{fact.speaker_end} invalid"
    try:
        data = json.loads(json.dumps(fact_to_dict(fact), allow_nan=False))
        back = fact_from_dict(fact.key, data, {fact.key: type(fact)})
    except Exception as exc:
        return f"{type(fact).__name__} does not serialize: {type(exc).__name__}: {exc}"
    if back != fact:
        return f"{type(fact).__name__} does not round-trip: {fact!r} -> {back!r}"
    return None


def _fingerprint(facts: Sequence[object]) -> list[Any]:
    out: list[Any] = []
    for f in facts:
        try:
            out.append((type(f).__name__, fact_to_dict(f) if isinstance(f, Fact) else repr(f)))
        except Exception:
            out.append((type(f).__name__, repr(f)))
    return out


def _doc_state(doc: Document) -> tuple[Any, ...]:
    return (doc.text, doc.paragraphs, doc.sentences, doc.boilerplate)


def check_facts(
    extractor: Extractor,
    article: Article | str,
    *,
    registry: Registry | None = None,
    upstream: FactsSoFar | None = None,
) -> list[str]:
    """Run ``extractor`` on one article and return every problem found (empty: conformant)."""
    if isinstance(article, str):
        article = Article(text=article)
    name = getattr(extractor, "name", type(extractor).__name__)
    where = f"{name} on {_show(article.text)}"
    try:
        view = upstream if upstream is not None else _upstream(extractor, article, registry)
    except Exception as exc:
        return [f"{where}: could not compute required facts: {type(exc).__name__}: {exc}"]
    before = (
        attrs.astuple(article, recurse=False),
        _fingerprint([f for v in view.values() for f in v]),
    )
    doc = Document.from_article(article)
    doc_before = _doc_state(doc)
    try:
        first = list(extractor.extract(doc, view))
    except Exception as exc:
        return [f"{where}: raised {type(exc).__name__}: {exc}"]
    problems = [f"{where}: {p}" for p in map(lambda f: _fact_problem(f, article.text), first) if p]
    try:
        second = list(extractor.extract(Document.from_article(article), view))
    except Exception as exc:
        return [*problems, f"{where}: raised on the second run {type(exc).__name__}: {exc}"]
    if _fingerprint(first) != _fingerprint(second):
        problems.append(f"{where}: not deterministic ({len(first)} vs {len(second)} facts)")
    after = (
        attrs.astuple(article, recurse=False),
        _fingerprint([f for v in view.values() for f in v]),
    )
    if after != before:
        problems.append(f"{where}: mutated the article or the upstream facts")
    if _doc_state(doc) != doc_before:
        problems.append(f"{where}: mutated the document")
    return problems


def _best_time(extractor: Extractor, doc: Document, view: FactsSoFar, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        list(extractor.extract(doc, view))
        best = min(best, time.perf_counter() - began)
    return best


def check_scaling(
    extractor: Extractor,
    report: ConformanceReport,
    *,
    shapes: Iterable[str] | None = None,
    sizes: tuple[int, int] = (10_000, 40_000),
    max_ratio: float = 10.0,
    min_time: float = 0.05,
    repeat: int = 3,
    registry: Registry | None = None,
    max_seconds: float | None = None,
) -> None:
    """Time ``extractor`` on each shape at two sizes; a ratio over ``max_ratio`` is a failure.

    Each size is timed ``repeat`` times and the best kept; a ratio over the bound is measured
    once more before it counts. Timings under ``min_time`` seconds at the large size are
    recorded but never fail (too short to measure on a busy machine). The default sizes
    differ 4x, so linear growth gives a ratio near 4 and quadratic growth near 16. With
    ``max_seconds``, a run at the small size slower than that is a failure and the large size
    is skipped (keeps test suites bounded).
    """
    name = getattr(extractor, "name", type(extractor).__name__)
    small, large = sizes
    for shape in shapes if shapes is not None else SHAPES:
        times: list[float] = []
        docs: list[tuple[Document, FactsSoFar]] = []
        for size in (small, large):
            article = Article(text=adversarial_text(shape, size))
            try:
                view = _upstream(extractor, article, registry)
                doc = Document.from_article(article)
                times.append(_best_time(extractor, doc, view, repeat))
                docs.append((doc, view))
                if max_seconds is not None and size == small and times[0] > max_seconds:
                    report.failures.append(
                        f"{name} on shape {shape!r}: {times[0]:.2f}s for {size} chars, "
                        f"over max_seconds={max_seconds:g}"
                    )
                    break
            except Exception as exc:
                report.failures.append(
                    f"{name} on shape {shape!r} ({size} chars): raised {type(exc).__name__}: {exc}"
                )
                break
        else:
            ratio = times[1] / max(times[0], 1e-6)
            if times[1] >= min_time and ratio > max_ratio:
                # Confirm before failing: one pause of a busy machine must not fail a check.
                again = [_best_time(extractor, d, v, repeat) for d, v in docs]
                times = [min(a, b) for a, b in zip(times, again)]
                ratio = min(ratio, again[1] / max(again[0], 1e-6))
            report.scaling[shape] = (times[0], times[1], ratio)
            if times[1] >= min_time and ratio > max_ratio:
                report.failures.append(
                    f"{name} on shape {shape!r}: time grew x{ratio:.1f} for x{large / small:.0f} "
                    f"input ({times[0]:.3f}s -> {times[1]:.3f}s), bound x{max_ratio:g}"
                )


def check_extractor(
    extractor: Extractor,
    *,
    examples: Iterable[Article | str] = (),
    max_examples: int = 100,
    scaling: bool = True,
    sizes: tuple[int, int] = (10_000, 40_000),
    max_ratio: float = 10.0,
    shapes: Iterable[str] | None = None,
    registry: Registry | None = None,
    derandomize: bool = True,
    raise_on_failure: bool = True,
    max_seconds: float | None = None,
) -> ConformanceReport:
    """Run every conformance check on ``extractor``; raise :class:`ConformanceError` on failure.

    ``examples`` adds your own texts or articles to the built-in edge cases and adversarial
    shapes; ``max_examples`` is the Hypothesis budget (0 skips generated inputs);
    ``scaling=False`` skips the timing check. ``registry`` supplies the extractors named in
    ``requires`` (default: the process-wide registry). With ``derandomize`` (the default) the
    generated inputs are the same on every run, as CI wants. ``max_seconds`` bounds the
    timing check (see :func:`check_scaling`).
    """
    name = getattr(extractor, "name", type(extractor).__name__)
    report = ConformanceReport(extractor=name)
    fixed: list[Article | str] = [*EDGE_CASES, *(adversarial_text(s, 3000) for s in SHAPES)]
    fixed.extend(examples)
    for item in fixed:
        report.inputs += 1
        report.failures.extend(check_facts(extractor, item, registry=registry))

    if max_examples > 0:
        last: list[list[str]] = []

        @settings(
            max_examples=max_examples,
            deadline=None,
            database=None,
            derandomize=derandomize,
            suppress_health_check=list(HealthCheck),
        )
        @given(article_strategy())
        def generated(article: Article) -> None:
            report.inputs += 1
            problems = check_facts(extractor, article, registry=registry)
            if problems:
                last.append(problems)
                raise ConformanceError(problems[0])

        try:
            generated()
        except ConformanceError:
            report.failures.extend(last[-1])  # the shrunk (smallest) failing input

    if scaling:
        check_scaling(
            extractor,
            report,
            shapes=shapes,
            sizes=sizes,
            max_ratio=max_ratio,
            registry=registry,
            max_seconds=max_seconds,
        )
    if raise_on_failure and report.failures:
        raise ConformanceError(report.summary())
    return report
