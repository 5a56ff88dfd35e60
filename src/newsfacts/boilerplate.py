"""Find web junk in article text: ads, "READ ALSO" blocks, share widgets, bylines, bios.

Decisions are per paragraph line. Patterns live in ``data/boilerplate.tsv``; a few rules need
context and stay here: bullet items that follow a "READ ALSO" line belong to it, a short bullet
line is a menu entry, a bare name line just above a "By <name>" byline belongs to the byline, and
a paragraph about the author (the byline name followed by "has been a reporter ...") is a bio.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .resources import read_table

_BULLET = regex.compile(r"^[•·▪●◦*\-–]\s*+")
_WORDS = regex.compile(r"\S++")
_NAME_LINE = regex.compile(r"^\p{Lu}[\p{L}'’\-]*+(?: \p{Lu}[\p{L}'’\-]*+){1,3}$")
_BIO = regex.compile(
    r"\b(?:has been|is|was) (?:a|an|the) (?:\p{L}++ ){0,3}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], regex.Pattern[str], regex.Pattern[str]]:
    """The rules compiled as two alternations: whole-line rules (``^...``) and keyword rules.

    Group ``r<i>`` is rule ``i``. Whole-line rules are tried first, in file order; a line that
    none of them fits is searched once for any keyword rule.
    """
    rows = read_table("boilerplate.tsv")
    reasons = tuple(row["reason"] for row in rows)

    def alternation(anchored: bool) -> regex.Pattern[str]:
        parts = [
            f"(?P<r{i}>{row['pattern']})"
            for i, row in enumerate(rows)
            if row["pattern"].startswith("^") == anchored
        ]
        return regex.compile("|".join(parts) or "(?!)", regex.IGNORECASE)

    return reasons, alternation(True), alternation(False)


def classify_line(line: str) -> str | None:
    """The boilerplate reason for one stripped paragraph line, judged on its own, or None."""
    if len(line) > 2000:
        return None
    reasons, whole_line, keyword = _rules()
    m = whole_line.match(line) or keyword.search(line)
    if m is None or m.lastgroup is None:
        return None
    return reasons[int(m.lastgroup[1:])]


def find(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Boilerplate spans ``(start, end, reason)`` among the paragraph spans, in order."""
    lines = [text[a:b] for a, b in paras]
    reasons: list[str | None] = [classify_line(line) for line in lines]

    byline_names = {line[3:].strip() for line, r in zip(lines, reasons) if r == "byline"}
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            continue
        # the context rules, cheapest tests first; each reads only earlier decisions
        bullet = _BULLET.match(line)
        if bullet and i > 0 and reasons[i - 1] in ("read-also", "related-item"):
            reasons[i] = "related-item"
        elif bullet and len(_WORDS.findall(line)) <= 4 and not regex.search(r"[.!?]$", line):
            reasons[i] = "menu"
        elif byline_names and line in byline_names:
            reasons[i] = "byline"
        elif (
            byline_names
            and any(line.startswith(name) for name in byline_names)
            and _BIO.search(line[:300])
        ):
            reasons[i] = "author-bio"
        elif i < last and reasons[i + 1] == "byline" and _NAME_LINE.match(line):
            reasons[i] = "byline"
    return [(a, b, r) for (a, b), r in zip(paras, reasons) if r is not None]
