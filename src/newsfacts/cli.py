"""The ``newsfacts`` command: thin argument handling over the library, no logic of its own.

Exit codes: 0 success; 1 extractor errors with ``--strict``; 2 bad usage or unreadable input
(the other inputs are still processed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import __version__
from .model import Article, ArticleFacts, ExtractorError
from .pipeline import Pipeline
from .serialize import facts_to_dict

__all__ = ["main"]


def _err(msg: str) -> None:
    print(f"newsfacts: error: {msg}", file=sys.stderr)


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """Write to stdout, or atomically to ``path`` (a temp file renamed at the end)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def read_articles(paths: Sequence[str], problems: list[str]) -> Iterator[Article]:
    """Articles from paths (``-`` is stdin); unreadable inputs are reported in ``problems``."""
    for p in paths:
        if p == "-":
            yield Article(text=sys.stdin.read(), id="<stdin>")
            continue
        try:
            yield Article.from_file(p)
        except FileNotFoundError:
            problems.append(f"{p}: no such file")
        except IsADirectoryError:
            problems.append(f"{p}: is a directory")
        except UnicodeDecodeError as exc:
            problems.append(exc.reason)
        except OSError as exc:
            problems.append(f"{p}: {exc.strerror or exc}")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(facts: ArticleFacts) -> str:
    """A human-readable summary of one article's facts."""
    lines = [f"== {facts.article.id or '(article)'}"]
    for key in ("quantities", "quotes", "locations", "claims", *facts.extra):
        items = facts[key]
        lines.append(f"-- {key} ({len(items)})")
        for f in items:
            d = f.to_dict()
            fields = ", ".join(
                f"{k}={v}"
                for k, v in d.items()
                if k not in ("start", "end", "text", "parts") and v not in (None, False, [], "")
            )
            lines.append(f"  {f.start:>6}-{f.end:<6} {_short(f.text, 60)!s:<60}  {fields}")
    lines.append(f"-- boilerplate ({len(facts.boilerplate)})")
    for b in facts.boilerplate:
        lines.append(f"  {b.start:>6}-{b.end:<6} [{b.reason}] {_short(b.text, 60)}")
    for e in facts.errors:
        lines.append(f"!! {e.extractor}: {e.error}: {e.message}")
    return "\n".join(lines)


def cmd_extract(args: argparse.Namespace) -> int:
    problems: list[str] = []
    names = args.extractors.split(",") if args.extractors else None
    try:
        pipe = Pipeline(extractors=names, keep_boilerplate=args.keep_boilerplate)
    except ValueError as exc:
        _err(str(exc))
        return 2
    from .batch import extract_many, extract_many_json
    from .sources import SourceError
    from .sources import read_articles as read_sources

    del pipe  # built above only to report an unknown extractor name early
    had_errors = False
    bar = _progress_bar(args)

    def say(line: str) -> None:
        if bar is None:
            print(line, file=sys.stderr)
        else:
            bar.write(line, file=sys.stderr)

    def on_error(err: SourceError) -> None:
        problems.append(str(err))
        say(f"newsfacts: error: {err}")

    def report(ident: str | None, errors: Sequence[ExtractorError]) -> None:
        for e in errors:
            say(f"newsfacts: {ident}: {e.extractor}: {e.error}: {e.message}")
        if bar is not None:
            bar.update(1)

    items = read_sources(args.paths, recursive=args.recursive, on_error=on_error)
    options: dict[str, Any] = dict(
        workers=args.jobs,
        chunksize=args.chunksize,
        extractors=names,
        keep_boilerplate=args.keep_boilerplate,
    )
    try:
        with _output(args.output) as out:
            first = True
            if args.format == "jsonl":
                for res in extract_many_json(items, **options):
                    had_errors = had_errors or bool(res.errors)
                    report(res.id, res.errors)
                    out.write(res.line + "\n")
            else:
                if args.format == "json":
                    out.write("[")
                for facts in extract_many(items, **options):
                    had_errors = had_errors or bool(facts.errors)
                    report(facts.article.id, facts.errors)
                    if args.format == "json":
                        body = json.dumps(facts_to_dict(facts), ensure_ascii=False, indent=2)
                        out.write(("\n" if first else ",\n") + body)
                    else:
                        out.write(("" if first else "\n") + format_table(facts) + "\n")
                    first = False
                if args.format == "json":
                    out.write("\n]\n" if not first else "]\n")
    finally:
        if bar is not None:
            bar.close()
    if problems:
        return 2
    return 1 if (args.strict and had_errors) else 0


def _progress_bar(args: argparse.Namespace) -> Any:
    """A tqdm bar on stderr when it is a terminal (and tqdm is installed), else None."""
    if args.no_progress or not sys.stderr.isatty():
        return None
    from importlib import import_module

    try:
        tqdm: Any = import_module("tqdm").tqdm
    except ImportError:
        return None
    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)


def cmd_plugins(args: argparse.Namespace) -> int:
    from .plugins import get_registry

    reg = get_registry()
    infos = [p.to_dict() for p in reg.plugins]
    if args.format == "json":
        print(json.dumps(infos, indent=2))
        return 0
    for p in infos:
        status = "disabled" if p["disabled"] else ("FAILED: " + p["error"] if p["error"] else "ok")
        kind = "built-in" if p["builtin"] else "plugin"
        print(f"{p['name']} ({kind}; {p['distribution'] or '-'} {p['version'] or ''}) {status}")
        if p["hooks"]:
            print(f"  hooks: {', '.join(p['hooks'])}")
        if p["extractors"]:
            print(f"  extractors: {', '.join(p['extractors'])}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """``newsfacts compare``: group claims and quotes across articles (see docs/claims.md)."""
    from .compare import compare
    from .pipeline import extract
    from .report import render

    problems: list[str] = []
    results: list[ArticleFacts] = []
    for p in args.paths:
        try:
            article = (
                Article(text=sys.stdin.read(), id="<stdin>") if p == "-" else Article.from_file(p)
            )
        except FileNotFoundError:
            problems.append(f"{p}: no such file")
            continue
        except IsADirectoryError:
            problems.append(f"{p}: is a directory")
            continue
        except UnicodeDecodeError as exc:
            problems.append(exc.reason)
            continue
        except OSError as exc:
            problems.append(f"{p}: {exc.strerror or exc}")
            continue
        facts = extract(article)
        for e in facts.errors:
            print(
                f"newsfacts: {article.id}: {e.extractor}: {e.error}: {e.message}", file=sys.stderr
            )
        results.append(facts)
    with _output(args.output) as out:
        out.write(render(compare(results), args.format))
    for msg in problems:
        _err(msg)
    return 2 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts", description="Turn news articles into structured, checkable facts."
    )
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract facts from articles")
    ex.add_argument(
        "paths",
        nargs="+",
        help="files (.txt, .jsonl, .html) or directories of them; '-' reads stdin as text",
    )
    ex.add_argument(
        "-r", "--recursive", action="store_true", help="also read files in subdirectories"
    )
    ex.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="worker processes (default 1: no pool; 0: one per CPU core)",
    )
    ex.add_argument("--chunksize", type=int, default=16, help="articles sent to a worker at a time")
    ex.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is shown only when stderr is a terminal)",
    )
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="jsonl")
    ex.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    ex.add_argument("--extractors", help="comma-separated extractor names to run")
    ex.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="keep facts found in boilerplate, marked boilerplate=true",
    )
    ex.add_argument(
        "--strict", action="store_true", help="exit 1 when any extractor reported an error"
    )
    ex.set_defaults(func=cmd_extract)

    pl = sub.add_parser("plugins", help="list loaded plugins and their extractors")
    pl.add_argument("--format", choices=("table", "json"), default="table")
    pl.set_defaults(func=cmd_plugins)

    cmp = sub.add_parser("compare", help="compare articles: who claims which figure, same quotes")
    cmp.add_argument("paths", nargs="+", help="UTF-8 text files; '-' reads stdin")
    cmp.add_argument("--format", choices=("table", "markdown", "json", "html"), default="table")
    cmp.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    cmp.set_defaults(func=cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: Any = args.func(args)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    return int(result)
