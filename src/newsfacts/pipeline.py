"""Run extractors over one article: order them, isolate their failures, check what they return.

Extractors run in dependency order (``requires``). Whatever one does wrong (raises, returns a
non-fact, returns a fact whose span does not match the text) becomes an entry in
``ArticleFacts.errors``; the other extractors' facts are kept. Facts inside boilerplate are left
out unless ``keep_boilerplate`` is set, in which case they are kept with ``boilerplate=True``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

import attrs

from .document import Document
from .extractor import Extractor
from .gcpause import paused_for
from .model import Article, ArticleFacts, ExtractorError, Fact, Quote
from .plugins import Registry, get_registry
from .serialize import CORE_TYPES

__all__ = ["Pipeline", "extract", "order_extractors"]


def order_extractors(
    extractors: Sequence[Extractor], available: dict[str, Extractor] | None = None
) -> tuple[list[Extractor], list[ExtractorError]]:
    """Topologically order ``extractors``, pulling in what they require from ``available``.

    Returns the run order and one error for each extractor whose requirement is missing or
    cyclic (those extractors are left out).
    """
    available = available or {}
    wanted: dict[str, Extractor] = {e.name: e for e in extractors}
    errors: list[ExtractorError] = []
    order: list[Extractor] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done, 3 = failed

    def visit(name: str, chain: tuple[str, ...]) -> bool:
        if state.get(name) == 2:
            return True
        if state.get(name) == 3:
            return False
        if state.get(name) == 1:
            cycle = " -> ".join((*chain, name))
            errors.append(
                ExtractorError(
                    extractor=chain[-1],
                    error="CyclicRequirement",
                    message=f"requirements form a cycle: {cycle}",
                )
            )
            return False
        ext = wanted.get(name) or available.get(name)
        if ext is None:
            errors.append(
                ExtractorError(
                    extractor=chain[-1] if chain else name,
                    error="MissingRequirement",
                    message=f"requires extractor {name!r}, which is not registered or is disabled",
                )
            )
            return False
        state[name] = 1
        ok = all(visit(req, (*chain, name)) for req in getattr(ext, "requires", ()))
        state[name] = 2 if ok else 3
        if ok:
            order.append(ext)
        return ok

    for e in extractors:
        visit(e.name, ())
    return order, errors


#: the order of an extractor's facts in the result: by span
_SPAN = attrgetter("start", "end")


def _check(fact: object, text: str) -> str | None:
    """Why ``fact`` cannot enter a result for the article ``text``, or None when it can."""
    if not isinstance(fact, Fact):
        return f"returned {type(fact).__name__}, expected a newsfacts Fact"
    if fact.key in ("article", "errors", "boilerplate") or not isinstance(
        fact, CORE_TYPES.get(fact.key, Fact)
    ):
        return f"{type(fact).__name__} uses the reserved fact key {fact.key!r}"
    n = len(text)
    if not 0 <= fact.start <= fact.end <= n:
        return f"span {fact.start}:{fact.end} is outside the text (length {n})"
    if text[fact.start : fact.end] != fact.text:
        return f"text {fact.text[:40]!r} does not match the article at {fact.start}:{fact.end}"
    if (
        isinstance(fact, Quote)
        and fact.speaker_start is not None
        and (fact.speaker_end is None or not 0 <= fact.speaker_start <= fact.speaker_end <= n)
    ):
        return f"speaker span {fact.speaker_start}:{fact.speaker_end} is invalid"
    return None


@attrs.define
class Pipeline:
    """A configured set of extractors; call :meth:`run` per article.

    ``extractors`` names what runs (default: every registered extractor); what they require is
    added. ``keep_boilerplate`` keeps facts found in boilerplate, marked ``boilerplate=True``.
    ``time_budget`` (seconds per extractor per article): an extractor that takes longer keeps
    its facts but gets a ``TimeBudgetExceeded`` error entry. Nothing is interrupted (no threads,
    no signals, so it works everywhere); it makes slow plugins visible, e.g. to ``--strict``.
    """

    extractors: Sequence[str] | None = None
    keep_boilerplate: bool = False
    registry: Registry | None = None
    time_budget: float | None = None
    _order: list[Extractor] = attrs.field(init=False, factory=list)
    _setup_errors: list[ExtractorError] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        reg = self.registry or get_registry()
        chosen: list[Extractor] = []
        if self.extractors is None:
            chosen = list(reg.extractors.values())
        else:
            if isinstance(self.extractors, str):
                raise TypeError("extractors= takes a list of names, not a single string")
            for name in self.extractors:
                if name not in reg.extractors:
                    known = ", ".join(sorted(reg.extractors)) or "none"
                    raise ValueError(f"no extractor named {name!r} (registered: {known})")
                chosen.append(reg.extractors[name])
        self._order, self._setup_errors = order_extractors(chosen, reg.extractors)
        for info in reg.plugins:
            if info.error and not info.disabled:
                self._setup_errors.append(
                    ExtractorError(extractor=info.name, error="PluginLoadError", message=info.error)
                )

    @property
    def names(self) -> list[str]:
        """Names of the extractors that run, in run order."""
        return [e.name for e in self._order]

    def run(self, article: Article | str) -> ArticleFacts:
        """Extract every fact from one article."""
        if isinstance(article, str):
            article = Article(text=article)
        elif not isinstance(article, Article):
            raise TypeError(
                f"extract() expected a newsfacts.Article or str, got {type(article).__name__}"
            )
        with paused_for(article.text):
            return self._run(article)

    def _run(self, article: Article) -> ArticleFacts:
        doc = Document.from_article(article)
        facts: dict[str, list[Fact]] = {}
        errors = list(self._setup_errors)
        for ext in self._order:
            began = time.perf_counter()
            produced, errs = self._run_one(ext, doc, facts)
            errors.extend(errs)
            took = time.perf_counter() - began
            if self.time_budget is not None and took > self.time_budget:
                errors.append(
                    ExtractorError(
                        extractor=ext.name,
                        error="TimeBudgetExceeded",
                        message=f"took {took:.2f} s, budget {self.time_budget:.2f} s",
                    )
                )
            for key, items in produced.items():
                facts.setdefault(key, []).extend(items)
        return _assemble(article, doc, facts, errors)

    def _run_one(
        self, ext: Extractor, doc: Document, facts: dict[str, list[Fact]]
    ) -> tuple[dict[str, list[Fact]], list[ExtractorError]]:
        view = {k: tuple(v) for k, v in facts.items()}
        try:
            raw = list(ext.extract(doc, view))
        except Exception as exc:
            return {}, [
                ExtractorError(
                    extractor=ext.name, error=type(exc).__name__, message=str(exc) or repr(exc)
                )
            ]
        out: dict[str, list[Fact]] = {}
        bad: list[str] = []
        text = doc.text
        junk = bool(doc.boilerplate)
        for fact in raw:
            problem = _check(fact, text)
            if problem is not None:
                bad.append(problem)
                continue
            assert isinstance(fact, Fact)
            if junk and doc.in_boilerplate(fact.start, fact.end):
                if not self.keep_boilerplate:
                    continue
                fact = attrs.evolve(fact, boilerplate=True)
            out.setdefault(fact.key, []).append(fact)
        for items in out.values():
            items.sort(key=_SPAN)
        errors = []
        if bad:
            errors.append(
                ExtractorError(
                    extractor=ext.name,
                    error="InvalidFact",
                    message=f"rejected {len(bad)} invalid fact(s); first: {bad[0]}",
                )
            )
        return out, errors


def _assemble(
    article: Article, doc: Document, facts: dict[str, list[Fact]], errors: list[ExtractorError]
) -> ArticleFacts:
    core: dict[str, Any] = {
        k: tuple(facts.pop(k, ())) for k in ArticleFacts.CORE_KEYS if k != "boilerplate"
    }
    return ArticleFacts(
        article=article, boilerplate=doc.boilerplate, extra=facts, errors=errors, **core
    )


_default: dict[tuple[Any, ...], Pipeline] = {}


def extract(
    article: Article | str,
    *,
    extractors: Iterable[str] | None = None,
    keep_boilerplate: bool = False,
) -> ArticleFacts:
    """Extract all facts from one article (or bare text) with the registered extractors."""
    if not isinstance(article, (Article, str)):
        raise TypeError(
            f"extract() expected a newsfacts.Article or str, got {type(article).__name__}"
        )
    names = None if extractors is None else tuple(extractors)
    key = (names, keep_boilerplate, id(get_registry()))
    pipe = _default.get(key)
    if pipe is None:
        pipe = _default[key] = Pipeline(extractors=names, keep_boilerplate=keep_boilerplate)
    return pipe.run(article)
