"""The HTML report: one self-contained, escaped file that headless Chromium renders."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from claimhelpers import facts, qty

import newsfacts
from newsfacts.compare import compare
from newsfacts.report import render, render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def png_pixels(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and a sample of distinct pixels of an 8-bit RGB/RGBA PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    colours: set[bytes] = set()
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 7 == 0:
            colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp * 5))
        prev = line
    return width, height, colours


def test_everything_is_escaped() -> None:
    text = 'The <script>alert("x")</script> army sent 3,000 troops & more.'
    f = facts(text, [qty(text, "3,000 troops", 3000.0, "troop")], id="<b>evil</b>.txt")
    page = render_html(compare([f]))
    assert "<script>alert" not in page and "<b>evil" not in page
    assert "&lt;script&gt;alert" in page
    assert 'class="k-claim k-quantity"' in page
    assert "http://" not in page and "https://" not in page  # no external assets


def test_other_formats() -> None:
    text = "Freedonia sent 3,000 troops."
    story = compare([facts(text, [qty(text, "3,000 troops", 3000.0, "troop")], id="a.txt")])
    assert "3,000" in render(story, "table")
    assert render(story, "markdown").startswith("# Comparison")
    with pytest.raises(ValueError):
        render(story, "pdf")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_renders_the_seed_report(
    seed_facts: dict[str, newsfacts.ArticleFacts], tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    page.write_text(render_html(compare(list(seed_facts.values()))), encoding="utf-8")
    shot = tmp_path / "shot.png"
    common = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    width, height, colours = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2400)
    assert len(colours) > 20  # text, tables and highlights, not a blank page
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    for kind in ("quantity", "quote", "location", "claim"):
        assert f"k-{kind}" in dom
    assert dom.count("<article") == 5
    assert "conflict" in dom
