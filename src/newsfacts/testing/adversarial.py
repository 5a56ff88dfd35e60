"""Adversarial input shapes: texts that break naive regexes and sentence splitters.

Each shape is a function of the wanted size in characters and returns exactly that many
characters, so runs at two sizes show how time grows with input. Used by
:func:`newsfacts.testing.check_extractor`, ``tests/test_robustness.py`` and
``benchmarks/adversarial.py``. This module needs nothing beyond the standard library.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle, islice

__all__ = ["BASELINE", "SHAPES", "adversarial_text"]

#: Ordinary news-like prose (with paragraphs): what every other shape is compared against.
BASELINE = "news"

_NEWS = (
    "KYIV: Ukraine on Wednesday said 1,500 more troops had arrived, taking the total to 3,000. "
    "“We will not stop,” Maria Kovalenko, a spokeswoman, told reporters in Kyiv. "
    "Officials said the number could reach 10,000 by December, up 12% from June.\n"
    "The ministry said about $3.2 billion in aid had been sent since August, according to "
    "the central bank. Mr. Novak said the U.S. plan was “not enough.”\n\n"
)


def _repeat(unit: str, size: int) -> str:
    if size <= 0:
        return ""
    return (unit * (size // len(unit) + 1))[:size]


def _capitalized(size: int) -> str:
    words = ("Kim", "Jong", "North", "Korean", "Army", "Seoul", "Ministry", "Defense", "Of")
    return "".join(islice(cycle(w + " " for w in words), size))[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    BASELINE: lambda n: _repeat(_NEWS, n),
    "quotes_balanced": lambda n: _repeat('“a” "b" ‘c’ ', n),
    "quotes_unbalanced": lambda n: _repeat('“"“‘« ', n),
    "quotes_only": lambda n: _repeat('"', n),
    "digit_separators": lambda n: _repeat("1,", n),
    "digit_run": lambda n: _repeat("1234567890", n),
    "digits_mixed_separators": lambda n: _repeat("1.000,5 2'000 3 000 4-5 6/7 ", n),
    "no_punctuation": lambda n: _repeat("the troops said that officials moved more people ", n),
    "capitalized_words": _capitalized,
    "rtl_combining_zero_width": lambda n: _repeat(
        "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd e\u0301\u0302\u0303 "
        "\u200b\u200c\u200d\u2060\ufeff\u202e1,500\u202c ",
        n,
    ),
    "nul_bytes": lambda n: _repeat("\x00\x00 said 3\x00,000 \x00", n),
    "cr_crlf": lambda n: _repeat("He said 5 people.\rThey left.\r\n“Yes,” she said.\r\n\r", n),
    "single_line": lambda n: _repeat(_NEWS.replace("\n", " "), n),
    "abbreviations": lambda n: _repeat("Mr. Gen. U.S. Oct. No. St. e.g. i.e. ", n),
    "dots_and_ellipses": lambda n: _repeat("... . .. …", n),
    "whitespace": lambda n: _repeat(" \t\u00a0\u2003\n \n", n),
}


def adversarial_text(shape: str, size: int) -> str:
    """``size`` characters of the named shape (see :data:`SHAPES`)."""
    try:
        make = SHAPES[shape]
    except KeyError:
        raise ValueError(f"unknown shape {shape!r}; known: {', '.join(SHAPES)}") from None
    return make(size)
