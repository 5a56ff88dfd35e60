"""Extract facts from many articles: in order, in chunks, optionally over worker processes.

:func:`extract_many` is a generator: it reads its input lazily and keeps only a bounded number
of chunks in flight, so memory stays flat however long the input is. With ``workers > 1`` the
chunks go to a pool of worker processes; each worker builds its
:class:`~newsfacts.pipeline.Pipeline` once and reuses it for every chunk. Results come back in
input order.

Start method (``mp_context=None``, the default): where the platform has ``forkserver`` (Linux and
other Unixes) workers are forked from a fork server that has imported newsfacts and loaded every
lazy resource once (:mod:`newsfacts._warmup`), so each worker starts warm instead of re-importing
and re-reading the gazetteer and word lists; elsewhere (Windows) they are spawned. Both methods
start workers from a clean single-threaded process, never by forking the caller, so the caller's
threads and state cannot leak into workers, and both behave like ``spawn``: a script that calls
``extract_many(..., workers=2)`` at top level must guard its entry point with
``if __name__ == "__main__":``. Plugins reach the workers through their entry points; a plugin
registered by hand with ``Registry.register_plugin`` in the parent process is not seen by the
workers. The fork server lives as long as the calling process, so later pools start at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.context import BaseContext
from typing import NamedTuple, Protocol, TypeVar, runtime_checkable

from .model import Article, ArticleFacts, ExtractorError
from .pipeline import Pipeline
from .serialize import dumps

__all__ = ["ArticleSource", "JsonResult", "extract_many", "extract_many_json"]

T = TypeVar("T")

#: Chunks kept in flight per worker: enough to keep every worker busy while the parent
#: collects results, few enough that memory does not grow with the input.
_PREFETCH = 2

# The pipeline of this worker process, built once by the pool initializer.
_worker_pipeline: Pipeline | None = None


def _init_worker(extractors: tuple[str, ...] | None, keep_boilerplate: bool) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(extractors=extractors, keep_boilerplate=keep_boilerplate)


def _run_chunk(chunk: list[Item]) -> list[ArticleFacts]:
    assert _worker_pipeline is not None, "worker pipeline not initialised"
    return [_run_item(_worker_pipeline, a) for a in chunk]


class JsonResult(NamedTuple):
    """One article's result as a JSON line, with what a caller needs to report on it."""

    line: str
    id: str | None
    errors: tuple[ExtractorError, ...]


def _to_json(facts: ArticleFacts) -> JsonResult:
    return JsonResult(dumps(facts), facts.article.id, tuple(facts.errors))


def _run_chunk_jsonl(chunk: list[Item]) -> list[JsonResult]:
    """Serialise in the worker too: only the JSON text travels back to the parent."""
    assert _worker_pipeline is not None, "worker pipeline not initialised"
    return [_to_json(_run_item(_worker_pipeline, a)) for a in chunk]


@runtime_checkable
class ArticleSource(Protocol):
    """An input turned into an article where it is extracted (e.g. an HTML page in a worker)."""

    def to_article(self) -> Article: ...


Item = Article | ArticleSource


def _as_item(item: object) -> Item:
    if isinstance(item, (Article, ArticleSource)):
        return item
    if isinstance(item, str):
        return Article(text=item)
    raise TypeError(
        f"extract_many() expected Article, str or ArticleSource items, got {type(item).__name__}"
    )


def _chunks(items: Iterable[object], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while True:
        chunk = [_as_item(x) for x in islice(it, size)]
        if not chunk:
            return
        yield chunk


def _run_item(pipe: Pipeline, item: Item) -> ArticleFacts:
    """Extract one item; an input that cannot become an article yields an ``input`` error."""
    if isinstance(item, Article):
        return pipe.run(item)
    try:
        article = item.to_article()
    except Exception as exc:
        ident = getattr(item, "id", None)
        return ArticleFacts(
            article=Article(text="", id=ident if isinstance(ident, str) else None),
            errors=(
                ExtractorError(
                    extractor="input", error=type(exc).__name__, message=str(exc) or repr(exc)
                ),
            ),
        )
    return pipe.run(article)


def resolve_workers(workers: int | None) -> int:
    """``None`` or 1 means in-process; 0 or a negative number means one per CPU core."""
    if workers is None:
        return 1
    if workers <= 0:
        return max(1, os.cpu_count() or 1)
    return workers


#: Modules the fork server imports before forking workers: the caller's main module (as the
#: ``multiprocessing`` default does, so objects defined there unpickle) and the warm-up.
_FORKSERVER_PRELOAD = ["__main__", "newsfacts._warmup"]


def _context(mp_context: str | None) -> BaseContext:
    """The context for ``mp_context``; None: a warm fork server if available, else spawn."""
    if mp_context is not None:
        return multiprocessing.get_context(mp_context)
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_FORKSERVER_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _ordered_map(
    func: Callable[[list[Item]], list[T]],
    articles: Iterable[Article | str | ArticleSource],
    *,
    workers: int,
    chunksize: int,
    extractors: tuple[str, ...] | None,
    keep_boilerplate: bool,
    mp_context: str | None,
) -> Iterator[T]:
    """Apply ``func`` to chunks of ``articles`` in a process pool, yielding results in order."""
    ctx = _context(mp_context)
    window = max(1, workers * _PREFETCH)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(extractors, keep_boilerplate),
    ) as pool:
        pending: deque[Future[list[T]]] = deque()
        try:
            for chunk in _chunks(articles, chunksize):
                pending.append(pool.submit(func, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()


def _check_args(workers: int | None, chunksize: int) -> int:
    if isinstance(workers, bool) or not isinstance(workers, (int, type(None))):
        raise TypeError(f"workers must be an int, got {type(workers).__name__}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int, got {chunksize!r}")
    return resolve_workers(workers)


def _prepare(
    workers: int | None,
    chunksize: int,
    extractors: Sequence[str] | None,
    keep_boilerplate: bool,
) -> tuple[int, tuple[str, ...] | None, Pipeline]:
    """Check the arguments before any work starts: worker count, names, and a pipeline built
    here (so an unknown extractor name raises in the caller, not in a worker)."""
    n = _check_args(workers, chunksize)
    if isinstance(extractors, str):
        raise TypeError("extractors= takes a list of names, not a single string")
    names = None if extractors is None else tuple(extractors)
    return n, names, Pipeline(extractors=names, keep_boilerplate=keep_boilerplate)


def extract_many(
    articles: Iterable[Article | str | ArticleSource],
    *,
    workers: int | None = 1,
    chunksize: int = 16,
    extractors: Sequence[str] | None = None,
    keep_boilerplate: bool = False,
    mp_context: str | None = None,
) -> Iterator[ArticleFacts]:
    """Extract facts from every article, yielding one result per article in input order.

    ``articles`` may be any iterable (a generator reading a dump is fine): it is consumed lazily.
    Items are :class:`~newsfacts.model.Article`, bare text, or :class:`ArticleSource` objects
    such as :class:`newsfacts.sources.HtmlSource` (turned into articles where they are
    extracted; one that fails gives a result with empty text and an ``input`` error).
    ``workers`` is the number of processes (1: run here, no pool; 0: one per core).
    ``chunksize`` is how many articles travel to a worker at once. ``extractors`` and
    ``keep_boilerplate`` are as in :func:`newsfacts.extract`. ``mp_context`` names the
    ``multiprocessing`` start method; the default (None) is a warm fork server where available,
    else ``spawn`` (see the module docstring). An unknown extractor name raises
    :class:`ValueError` before any work starts.

    >>> from newsfacts import extract_many
    >>> [len(r.article.text) for r in extract_many(["One.", "Two words."])]
    [4, 10]
    """
    n, names, pipe = _prepare(workers, chunksize, extractors, keep_boilerplate)
    return _generate(pipe, articles, n, chunksize, names, keep_boilerplate, mp_context)


def _generate(
    pipe: Pipeline,
    articles: Iterable[Article | str | ArticleSource],
    workers: int,
    chunksize: int,
    names: tuple[str, ...] | None,
    keep_boilerplate: bool,
    mp_context: str | None,
) -> Iterator[ArticleFacts]:
    if workers == 1:
        for chunk in _chunks(articles, chunksize):
            for item in chunk:
                yield _run_item(pipe, item)
        return
    yield from _ordered_map(
        _run_chunk,
        articles,
        workers=workers,
        chunksize=chunksize,
        extractors=names,
        keep_boilerplate=keep_boilerplate,
        mp_context=mp_context,
    )


def extract_many_json(
    articles: Iterable[Article | str | ArticleSource],
    *,
    workers: int | None = 1,
    chunksize: int = 16,
    extractors: Sequence[str] | None = None,
    keep_boilerplate: bool = False,
    mp_context: str | None = None,
) -> Iterator[JsonResult]:
    """Like :func:`extract_many`, but each item is a :class:`JsonResult` (one JSON line).

    The JSON is made in the worker, so the parent process only writes lines; used by the CLI's
    ``--format jsonl``.
    """
    n, names, pipe = _prepare(workers, chunksize, extractors, keep_boilerplate)
    if n == 1:
        serial = _generate(pipe, articles, 1, chunksize, names, keep_boilerplate, mp_context)
        return (_to_json(f) for f in serial)
    return _ordered_map(
        _run_chunk_jsonl,
        articles,
        workers=n,
        chunksize=chunksize,
        extractors=names,
        keep_boilerplate=keep_boilerplate,
        mp_context=mp_context,
    )
