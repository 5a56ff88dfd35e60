"""Reading inputs: .txt, .jsonl (fields, bad lines), directories, and the CLI over them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfacts import Article
from newsfacts.cli import main
from newsfacts.sources import SourceError, discover, read_articles, read_jsonl


def _collect(paths: list[Path], **kw: bool) -> tuple[list[Article], list[SourceError]]:
    errors: list[SourceError] = []
    items = list(read_articles(paths, on_error=errors.append, **kw))
    assert all(isinstance(a, Article) for a in items)
    return [a for a in items if isinstance(a, Article)], errors


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_become_article_metadata(tmp_path: Path) -> None:
    rec = {
        "id": 17,
        "text": "The bridge reopened after 3 weeks.",
        "title": "Bridge reopens",
        "author": "A. Writer",
        "url": "https://example.org/bridge",
        "published": "2024-05-06T08:00:00Z",
        "source": "Example Gazette",
        "section": "local",  # not an article field: ignored
    }
    path = _write_jsonl(tmp_path / "d.jsonl", [json.dumps(rec), json.dumps({"text": "Second."})])
    arts, errors = _collect([path])
    assert errors == []
    first, second = arts
    assert first.id == "17"  # ids are strings whatever the dump used
    assert first.text == rec["text"] and first.title == "Bridge reopens"
    assert first.author == "A. Writer" and first.source == "Example Gazette"
    assert first.url == "https://example.org/bridge"
    assert first.published is not None and first.published.isoformat() == "2024-05-06"
    assert second.id == "d.jsonl:2"  # no id: file name and line number


def test_bad_jsonl_lines_are_named_and_the_others_go_through(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        b'{"text": "Line one."}\n'
        b"{not json\n"
        b"\n"  # blank lines are skipped silently
        b'["a", "list"]\n'
        b'{"title": "no text"}\n'
        b'{"text": "Bad date.", "published": "last week"}\n'
        b'{"text": "caf\xe9"}\n'
        b'{"text": 5}\n'
        b'{"text": "Line nine."}\n'
    )
    arts, errors = _collect([path])
    assert [a.text for a in arts] == ["Line one.", "Line nine."]
    where = [(Path(e.path).name, e.line) for e in errors]
    assert where == [("dump.jsonl", n) for n in (2, 4, 5, 6, 7, 8)]
    text = [str(e) for e in errors]
    assert text[0].startswith(f"{path}:2: invalid JSON")
    assert "expected a JSON object, got list" in text[1]
    assert "no 'text' field" in text[2]
    assert "ISO 8601" in text[3]
    assert "not valid UTF-8" in text[4]
    assert "'text' must be a string" in text[5]


def test_without_on_error_the_first_problem_raises(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "x.jsonl", ['{"text": "ok"}', "oops"])
    it = read_jsonl(path)
    assert next(it).text == "ok"
    with pytest.raises(SourceError, match=r"x\.jsonl:2: invalid JSON"):
        next(it)


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Zipped text.", "id": "z"}) + "\n")
    arts, errors = _collect([path])
    assert errors == [] and [(a.id, a.text) for a in arts] == [("z", "Zipped text.")]


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "b" / "deep").mkdir()
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Top level text.", encoding="utf-8")
    (root / "notes.md").write_text("Not an article.", encoding="utf-8")
    (root / ".secret.txt").write_text("Hidden.", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Nested text.", encoding="utf-8")
    (root / "b" / "deep" / "d.jsonl").write_text('{"text": "Deep line."}\n', encoding="utf-8")
    (root / ".hidden" / "e.txt").write_text("In a hidden dir.", encoding="utf-8")


def test_directories_expand_sorted_and_recursive_descends(tmp_path: Path) -> None:
    _tree(tmp_path)
    flat = [Path(p).relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert flat == ["a.txt"]
    deep = [Path(p).relative_to(tmp_path).as_posix() for p in discover([tmp_path], recursive=True)]
    assert deep == ["a.txt", "b/c.txt", "b/deep/d.jsonl"]
    arts, errors = _collect([tmp_path], recursive=True)
    assert errors == []
    assert [a.text for a in arts] == ["Top level text.", "Nested text.", "Deep line."]


def test_missing_paths_and_empty_directories_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "sub").mkdir()
    (tmp_path / "empty" / "sub" / "x.txt").write_text("Below.", encoding="utf-8")
    explicit = tmp_path / "article.md"  # named explicitly: read as text whatever its suffix
    explicit.write_text("Markdown text.", encoding="utf-8")
    arts, errors = _collect([tmp_path / "gone.txt", tmp_path / "empty", explicit])
    assert [a.text for a in arts] == ["Markdown text."]
    assert str(errors[0]) == f"{tmp_path / 'gone.txt'}: no such file"
    assert "use --recursive" in str(errors[1])


def test_cli_directory_with_jobs_matches_serial(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "more").mkdir(parents=True)
    for p in seed_paths[:3]:
        (corpus / p.name).write_bytes(p.read_bytes())
    for p in seed_paths[3:]:
        (corpus / "more" / p.name).write_bytes(p.read_bytes())
    _write_jsonl(corpus / "more" / "z.jsonl", [json.dumps({"text": "A line.", "id": "j1"}), "]"])
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    light = ["--extractors", "quotes"]  # the point here is reading and ordering, not extraction
    assert main(["extract", str(corpus), "-r", *light, "-o", str(serial)]) == 2  # the bad line
    err = capsys.readouterr().err
    assert f"{corpus / 'more' / 'z.jsonl'}:2: invalid JSON" in err
    assert "it/s" not in err and "articles" not in err  # no progress bar off a terminal
    code = main(
        [
            "extract",
            str(corpus),
            "--recursive",
            "--jobs",
            "2",
            "--chunksize",
            "1",
            "--format",
            "jsonl",
            "-o",
            str(parallel),
            *light,
        ]
    )
    assert code == 2
    lines = parallel.read_text(encoding="utf-8").splitlines()
    assert lines == serial.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["article"]["id"] for line in lines]
    assert ids == [p.name for p in seed_paths] + ["j1"]
