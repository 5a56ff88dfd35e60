"""Extraction beyond one machine: Dask bags and dataframes, and a partition function for Spark.

This is the optional ``dask`` extra (``pip install 'newsfacts[dask]'``); Dask is imported only by
:func:`extract_bag` and :func:`extract_dataframe`. :func:`extract_partition` needs nothing but
newsfacts, so it also serves Spark's ``mapPartitions`` or any other engine that hands a function
an iterable of records.

Each worker process builds the pipeline once (a per-process cache keyed by the options) and
reuses it for every partition it is given. Results are plain data (the documented JSON object
as a ``dict``, or a JSON string), which every engine can ship and store.

>>> import dask.bag as db  # doctest: +SKIP
>>> from newsfacts.distributed import extract_bag  # doctest: +SKIP
>>> facts = extract_bag(db.read_text("dump-*.jsonl").map(json.loads))  # doctest: +SKIP
>>> facts.map(json.dumps).to_textfiles("facts-*.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import import_module
from typing import Any, Literal

from .model import Article, ArticleFacts
from .pipeline import Pipeline
from .serialize import dumps, facts_to_dict

__all__ = [
    "ARTICLE_COLUMNS",
    "DASK_EXTRA_MESSAGE",
    "extract_bag",
    "extract_dataframe",
    "extract_partition",
    "loads",
    "to_article",
]

DASK_EXTRA_MESSAGE = (
    "running on Dask needs the optional dependency dask: "
    "install it with  pip install 'newsfacts[dask]'"
)

#: Record keys / dataframe columns read as article metadata besides the text.
ARTICLE_COLUMNS = ("id", "title", "author", "url", "published", "source", "language")

Output = Literal["dict", "json", "facts"]

_pipelines: dict[tuple[tuple[str, ...] | None, bool], Pipeline] = {}


def _pipeline(extractors: Sequence[str] | None, keep_boilerplate: bool) -> Pipeline:
    key = (None if extractors is None else tuple(extractors), keep_boilerplate)
    pipe = _pipelines.get(key)
    if pipe is None:
        pipe = _pipelines[key] = Pipeline(extractors=key[0], keep_boilerplate=keep_boilerplate)
    return pipe


def _missing(value: Any) -> bool:
    """None, or a pandas/numpy missing value (NaN, NaT, pd.NA)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pd.NA refuses bool()
        return True


def to_article(record: Article | str | Mapping[str, Any], text_key: str = "text") -> Article:
    """An article from an :class:`Article`, bare text, or a record with a text field.

    Record keys in :data:`ARTICLE_COLUMNS` become metadata (missing values skipped; ids made
    strings); other keys are ignored.
    """
    if isinstance(record, Article):
        return record
    if isinstance(record, str):
        return Article(text=record)
    if not isinstance(record, Mapping):
        raise TypeError(f"expected Article, str or a mapping, got {type(record).__name__}")
    text = record.get(text_key)
    if not isinstance(text, str):
        raise ValueError(f"record has no string {text_key!r} field")
    fields: dict[str, Any] = {}
    for key in ARTICLE_COLUMNS:
        value = record.get(key)
        if not _missing(value):
            fields[key] = value
    if "id" in fields:
        fields["id"] = str(fields["id"])
    if "published" in fields and hasattr(fields["published"], "date"):  # pandas Timestamp
        fields["published"] = fields["published"].date()
    return Article(text=text, **fields)


def _render(facts: ArticleFacts, output: Output) -> Any:
    if output == "dict":
        return facts_to_dict(facts)
    if output == "json":
        return dumps(facts)
    return facts


def extract_partition(
    records: Iterable[Article | str | Mapping[str, Any]],
    *,
    extractors: Sequence[str] | None = None,
    keep_boilerplate: bool = False,
    output: Output = "dict",
    text_key: str = "text",
) -> Iterator[Any]:
    """Extract every record of one partition, lazily; one result per record, in order.

    ``output`` is ``"dict"`` (the JSON object as a dict), ``"json"`` (a JSON string) or
    ``"facts"`` (:class:`ArticleFacts`).
    """
    if output not in ("dict", "json", "facts"):
        raise ValueError(f"output must be 'dict', 'json' or 'facts', got {output!r}")
    pipe = _pipeline(extractors, keep_boilerplate)
    for record in records:
        yield _render(pipe.run(to_article(record, text_key)), output)


def _dask(module: str) -> Any:
    try:
        return import_module(module)
    except ImportError as exc:
        raise ImportError(DASK_EXTRA_MESSAGE) from exc


def _bag_partition(
    records: Iterable[Any],
    extractors: Sequence[str] | None,
    keep_boilerplate: bool,
    output: Output,
    text_key: str,
) -> list[Any]:
    return list(
        extract_partition(
            records,
            extractors=extractors,
            keep_boilerplate=keep_boilerplate,
            output=output,
            text_key=text_key,
        )
    )


def extract_bag(
    bag: Any,
    *,
    extractors: Sequence[str] | None = None,
    keep_boilerplate: bool = False,
    output: Output = "dict",
    text_key: str = "text",
) -> Any:
    """A ``dask.bag.Bag`` of results, one per article of ``bag`` (same order and partitions).

    Items of ``bag`` are :class:`Article` objects, bare strings, or dicts with a ``text`` key
    (e.g. ``db.read_text("*.jsonl").map(json.loads)``). Nothing runs until you compute.
    """
    _dask("dask.bag")
    Pipeline(extractors=extractors, keep_boilerplate=keep_boilerplate)  # fail early on bad names
    # Passed positionally: dask's own map_partitions takes some keyword names (``output``).
    return bag.map_partitions(
        _bag_partition,
        None if extractors is None else tuple(extractors),
        keep_boilerplate,
        output,
        text_key,
    )


def _frame_partition(
    frame: Any,
    text_column: str,
    column: str,
    extractors: tuple[str, ...] | None,
    keep_boilerplate: bool,
) -> Any:
    meta_cols = [c for c in ARTICLE_COLUMNS if c in frame.columns]
    records = (
        {text_column: text, **dict(zip(meta_cols, meta))}
        for text, *meta in zip(frame[text_column], *(frame[c] for c in meta_cols))
    )
    lines = list(
        extract_partition(
            records,
            extractors=extractors,
            keep_boilerplate=keep_boilerplate,
            output="json",
            text_key=text_column,
        )
    )
    out = frame.copy()
    out[column] = lines
    return out


def extract_dataframe(
    df: Any,
    *,
    text_column: str = "text",
    column: str = "facts",
    extractors: Sequence[str] | None = None,
    keep_boilerplate: bool = False,
) -> Any:
    """``df`` (a ``dask.dataframe.DataFrame``) with a new ``column`` of JSON result strings.

    The text comes from ``text_column``; columns named like article fields (``id``, ``title``,
    ``url``, ``published``...) become the article's metadata. Parse a cell with ``json.loads``
    or :meth:`ArticleFacts.from_dict`.
    """
    _dask("dask.dataframe")
    pd = import_module("pandas")
    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r} in the dataframe")
    Pipeline(extractors=extractors, keep_boilerplate=keep_boilerplate)  # fail early on bad names
    meta = df._meta.copy()
    meta[column] = pd.Series([], dtype=object)
    return df.map_partitions(
        _frame_partition,
        text_column,
        column,
        None if extractors is None else tuple(extractors),
        keep_boilerplate,
        meta=meta,
    )


def loads(line: str) -> ArticleFacts:
    """A result back from one JSON string of :func:`extract_dataframe`'s column."""
    return ArticleFacts.from_dict(json.loads(line))
