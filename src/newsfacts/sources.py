"""Read articles from files and directories: ``.txt``, ``.jsonl`` and ``.html``.

* ``.txt`` (and any file named explicitly whose suffix is not listed below): the whole file is
  one article's text (UTF-8); its file name is the id.
* ``.jsonl`` / ``.ndjson`` (optionally ``.gz``-compressed): one JSON object per line with a
  ``text`` field and optionally ``id``, ``title``, ``author``, ``url``, ``published``,
  ``source``, ``language``; other fields are ignored. A line without an ``id`` gets
  ``"<file name>:<line number>"``. A bad line is reported with its file and line number and the
  other lines still go through.
* ``.html`` / ``.htm``: the page's main text and metadata through :meth:`Article.from_html`
  (the ``newsfacts[html]`` extra). The page is parsed where the article is extracted (in the
  worker process with ``workers > 1``), see :class:`HtmlSource`.

Directories are expanded to the files with these suffixes (hidden files skipped, sorted by
path): only the files directly inside without ``recursive``, the whole tree with it.
Everything is read lazily, one file (one line) at a time.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import attrs

from .model import Article

__all__ = [
    "SUFFIXES",
    "HtmlSource",
    "SourceError",
    "discover",
    "read_articles",
    "read_jsonl",
    "read_path",
]

#: Suffix (after stripping ``.gz``) -> reader kind. Directory walks pick only these.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
}

#: Fields read from a JSONL record; anything else on the line is ignored.
JSONL_FIELDS = ("id", "title", "author", "url", "published", "source", "language")


class SourceError(Exception):
    """An input that could not be read, with the file (and line) it came from."""

    def __init__(self, path: str | os.PathLike[str], message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


OnError = Callable[[SourceError], None]


def _raise(err: SourceError) -> None:
    raise err


@attrs.frozen
class HtmlSource:
    """An HTML page not parsed yet: :meth:`to_article` runs trafilatura.

    :func:`newsfacts.extract_many` calls :meth:`to_article` in the worker that extracts the
    article, so page parsing is spread over the workers too. A page that cannot be parsed gives
    a result with empty text and an error from the ``input`` step.
    """

    data: bytes = attrs.field(repr=lambda d: f"<{len(d)} bytes>")
    id: str | None = None
    url: str | None = None

    def to_article(self) -> Article:
        return Article.from_html(self.data, url=self.url, id=self.id)


def kind_of(path: Path) -> str | None:
    """The reader kind for ``path`` by suffix (``.gz`` looked through), or None."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIXES.get(suffixes[-1]) if suffixes else None


def _walk(root: Path, recursive: bool) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        raise SourceError(root, exc.strerror or str(exc)) from None
    subdirs = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            subdirs.append(Path(entry.path))
        elif entry.is_file() and kind_of(Path(entry.name)) is not None:
            yield Path(entry.path)
    if recursive:
        for sub in subdirs:
            yield from _walk(sub, True)


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = False,
    on_error: OnError | None = None,
) -> Iterator[str | Path]:
    """The files to read, in order: files as given, directories expanded. ``-`` passes through."""
    report = on_error or _raise
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw)
        if p.is_dir():
            found = False
            try:
                for f in _walk(p, recursive):
                    found = True
                    yield f
            except SourceError as err:
                report(err)
                continue
            if not found:
                hint = "" if recursive else " (use --recursive for subdirectories)"
                exts = ", ".join(sorted(SUFFIXES))
                report(SourceError(p, f"directory has no {exts} files{hint}"))
        elif p.exists():
            yield p
        else:
            report(SourceError(p, "no such file"))


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _record_to_article(record: Any, default_id: str) -> Article:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError(
            "no 'text' field"
            if text is None
            else f"'text' must be a string, got {type(text).__name__}"
        )
    fields: dict[str, Any] = {k: record[k] for k in JSONL_FIELDS if record.get(k) is not None}
    fields["id"] = str(fields["id"]) if "id" in fields else default_id
    try:
        return Article(text=text, **fields)
    except (TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from None


def read_jsonl(
    path: str | os.PathLike[str], *, on_error: OnError | None = None
) -> Iterator[Article]:
    """Articles from a JSON Lines file, one per non-blank line."""
    report = on_error or _raise
    p = Path(path)
    try:
        fh = _open_binary(p)
    except OSError as exc:
        report(SourceError(p, exc.strerror or str(exc)))
        return
    with fh:
        lineno = 0
        try:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                    record = json.loads(line)
                except UnicodeDecodeError as exc:
                    report(SourceError(p, f"not valid UTF-8 at byte {exc.start}", lineno))
                    continue
                except json.JSONDecodeError as exc:
                    report(SourceError(p, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno))
                    continue
                try:
                    article = _record_to_article(record, f"{p.name}:{lineno}")
                except ValueError as exc:
                    report(SourceError(p, str(exc), lineno))
                    continue
                yield article
        except (OSError, EOFError) as exc:  # e.g. a truncated .gz
            report(SourceError(p, f"read failed after line {lineno}: {exc}"))


def _read_text(p: Path, report: OnError) -> Iterator[Article]:
    if p.suffix.lower() == ".gz":
        try:
            with gzip.open(p, "rb") as fh:
                data = fh.read()
            text = data.decode("utf-8-sig")
        except (OSError, EOFError) as exc:
            report(SourceError(p, str(exc)))
            return
        except UnicodeDecodeError as exc:
            report(SourceError(p, f"not valid UTF-8 at byte {exc.start}"))
            return
        yield Article(text=text, id=p.name)
        return
    try:
        article = Article.from_file(p)
    except UnicodeDecodeError as exc:
        report(SourceError(p, f"not valid UTF-8 at byte {exc.start}"))
        return
    except IsADirectoryError:
        report(SourceError(p, "is a directory"))
        return
    except OSError as exc:
        report(SourceError(p, exc.strerror or str(exc)))
        return
    yield article


def _read_html(p: Path, report: OnError) -> Iterator[HtmlSource]:
    from .html import HTML_EXTRA_MESSAGE, available

    if not available():
        report(SourceError(p, HTML_EXTRA_MESSAGE))
        return
    try:
        with _open_binary(p) as fh:
            data = fh.read()
    except (OSError, EOFError) as exc:
        report(SourceError(p, str(exc)))
        return
    yield HtmlSource(data=data, id=p.name)


def read_path(
    path: str | os.PathLike[str], *, on_error: OnError | None = None
) -> Iterator[Article | HtmlSource]:
    """The articles in one file, read by its suffix (unknown suffixes are read as text)."""
    report = on_error or _raise
    if path == "-":
        yield Article(text=sys.stdin.read(), id="<stdin>")
        return
    p = Path(path)
    kind = kind_of(p) or "text"
    if kind == "jsonl":
        yield from read_jsonl(p, on_error=report)
    elif kind == "html":
        yield from _read_html(p, report)
    else:
        yield from _read_text(p, report)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = False,
    on_error: OnError | None = None,
) -> Iterator[Article | HtmlSource]:
    """Every article in ``paths`` (files, directories, ``-`` for stdin), lazily and in order.

    Problems are passed to ``on_error`` (default: raised) and reading goes on with the next line
    or file. HTML pages come as :class:`HtmlSource` items, which :func:`newsfacts.extract_many`
    accepts; call ``.to_article()`` to parse one yourself.
    """
    for p in discover(paths, recursive=recursive, on_error=on_error):
        yield from read_path(p, on_error=on_error)
