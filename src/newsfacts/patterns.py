"""Regex building blocks shared by extractors (built-in and plugins).

:func:`trie` turns a word list into a pattern that matches exactly those words. The ``regex``
module tries the branches of a flat alternation one by one at every position; factoring out the
common prefixes (``J(?:an(?:uary)?|u(?:ly|ne))``) makes a failed attempt cost one character test
instead of one per word. Every nesting level is a fixed string, so the pattern stays linear.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

__all__ = ["trie"]


def trie(words: Iterable[str], *, space: str | None = None) -> str:
    """A regex (source, not compiled) matching exactly ``words``, as a character trie.

    ``space``, if given, is the pattern a space in a word stands for (e.g. ``[ \\t]{1,3}``);
    otherwise a space matches itself. Where one word is a prefix of another, both match: put a
    lookahead after the trie (``(?!\\w)``) when only whole words should.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [
            (space if space is not None and ch == " " else regex.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
