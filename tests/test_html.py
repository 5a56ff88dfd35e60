"""HTML input through trafilatura (the ``html`` extra): main text, title, author, date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsfacts import Article, extract_many
from newsfacts import html as nf_html
from newsfacts.cli import main

PAGE = """<!doctype html>
<html><head>
<title>River floods 40 homes in Springfield | The Example Post</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>River floods 40 homes in Springfield</h1>
<p>The mayor of Springfield said on Tuesday that 40 homes were flooded after the river rose
by two metres overnight, the highest level since records began.</p>
<p>"We have never seen water this high," she told reporters at the town hall, adding that
120 residents had spent the night in a school gymnasium.</p>
<p>Emergency crews worked through the night to pump water out of basements across the eastern
districts, and the main bridge stayed closed to traffic on Wednesday morning.</p>
</article>
<footer>Copyright 2024 The Example Post. Subscribe to our newsletter for daily updates.</footer>
</body></html>
"""


def test_missing_extra_gives_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    nf_html._trafilatura.cache_clear()
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    try:
        with pytest.raises(ImportError, match=r"pip install 'newsfacts\[html\]'"):
            Article.from_html(PAGE)
        assert nf_html.available() is False
    finally:
        nf_html._trafilatura.cache_clear()


def test_wrong_input_type_is_refused() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        Article.from_html(123)  # type: ignore[arg-type]


trafilatura = pytest.importorskip("trafilatura", reason="the html extra is not installed")


def test_main_text_and_metadata_are_taken() -> None:
    art = Article.from_html(PAGE, url="https://example.org/news/flood")
    assert art.title == "River floods 40 homes in Springfield"
    assert art.author == "Jane Roe"
    assert art.published is not None and art.published.isoformat() == "2024-03-05"
    assert art.url == "https://example.org/news/flood"
    assert "40 homes were flooded" in art.text and "120 residents" in art.text
    # Navigation and footer junk are not part of the main text.
    assert "Sport" not in art.text and "Subscribe" not in art.text


def test_bytes_and_overrides() -> None:
    art = Article.from_html(PAGE.encode("utf-8"), id="p1", title="My own title")
    assert art.id == "p1" and art.title == "My own title" and art.author == "Jane Roe"


def test_a_page_without_main_text_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no main text"):
        Article.from_html("<html><head><title>T</title></head><body></body></html>")


def test_cli_reads_html_files_and_reports_empty_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "flood.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.htm").write_text("<html><body></body></html>", encoding="utf-8")
    code = main(["extract", str(tmp_path), "--format", "jsonl", "--strict"])
    captured = capsys.readouterr()
    objs = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["article"]["id"] for o in objs] == ["empty.htm", "flood.html"]
    assert objs[1]["article"]["author"] == "Jane Roe"
    assert objs[0]["errors"][0]["extractor"] == "input"
    assert "empty.htm: input: ValueError: no main text" in captured.err
    assert code == 1  # --strict: an input error is an error


def test_html_pages_are_parsed_in_workers(tmp_path: Path) -> None:
    from newsfacts.sources import HtmlSource

    pages = [HtmlSource(data=PAGE.encode(), id=f"p{i}") for i in range(2)]
    out = list(extract_many(pages, workers=2, chunksize=1, extractors=["quotes"]))
    assert [r.article.id for r in out] == ["p0", "p1"]
    assert all(r.article.author == "Jane Roe" for r in out)
    assert not [e for r in out for e in r.errors if e.extractor == "input"]
