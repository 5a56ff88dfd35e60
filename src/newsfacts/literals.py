"""Required literals of a regex: strings one of which every match must contain.

A cheap ``str.find`` for such strings tells that a pattern *cannot* match a text, so a costly
search can be skipped (see :mod:`newsfacts.boilerplate`). The reader knows a small, safe subset
of the syntax: literal characters, escapes, ``[...]`` classes, ``.``, ``^``, ``$``, plain and
``(?:...)`` groups, alternation and quantifiers. Anything else (inline flags, lookarounds, named
groups) raises :class:`OpaquePattern`, and the caller then searches as before.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["OpaquePattern", "required_literals", "required_prefixes"]

_LITERAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
_QUANTIFIERS = frozenset("?*+{")


class OpaquePattern(ValueError):
    """A pattern construct the literal reader does not handle."""


def _class_end(pattern: str, i: int) -> int:
    """Index just past the ``]`` closing the character class opened at ``pattern[i]``."""
    i += 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            raise OpaquePattern  # nested sets or POSIX classes
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    raise OpaquePattern


def _syntax(pattern: str, i: int = 0) -> Iterator[tuple[int, str]]:
    """``(index, character)`` of the characters from ``pattern[i]`` on that are syntax: not
    escaped and not inside a ``[...]`` class (both are skipped whole)."""
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(pattern, i)
        else:
            yield i, c
            i += 1


def _group_end(pattern: str, i: int) -> int:
    """Index just past the ``)`` closing the group opened at ``pattern[i]``."""
    depth = 0
    for j, c in _syntax(pattern, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    raise OpaquePattern


def _split_alternatives(pattern: str) -> list[str]:
    """Top-level ``|`` branches of ``pattern``."""
    out: list[str] = []
    depth = start = 0
    for j, c in _syntax(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:j])
            start = j + 1
    out.append(pattern[start:])
    return out


def _skip_quantifier(pattern: str, i: int) -> tuple[int, bool]:
    """``(index past the quantifier at pattern[i], True)``, or ``(i, False)`` when none is there."""
    if i >= len(pattern) or pattern[i] not in _QUANTIFIERS:
        return i, False
    if pattern[i] == "{":
        close = pattern.find("}", i)
        if close < 0:
            raise OpaquePattern
        i = close + 1
    else:
        i += 1
    if i < len(pattern) and pattern[i] in "?+":  # lazy or possessive
        i += 1
    return i, True


def _item_end(pattern: str, i: int) -> int:
    """Index past the single non-literal item (escape, class or dot) at ``pattern[i]``."""
    c = pattern[i]
    if c == "\\":
        if pattern.startswith("{", i + 2):
            close = pattern.find("}", i)
            if close < 0:
                raise OpaquePattern
            return close + 1
        return i + 2
    if c == "[":
        return _class_end(pattern, i)
    return i + 1


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains, or None if unknown.

    Reads literal characters, escapes, ``[...]`` classes, ``.``, ``^``, ``$``, plain and ``(?:``
    groups, alternation and quantifiers; any other syntax (inline flags, lookarounds) raises
    :class:`OpaquePattern`. Only literal runs that no quantifier touches count as required.
    """
    branches = _split_alternatives(pattern)
    if len(branches) > 1:
        union: set[str] = set()
        for branch in branches:
            got = required_literals(branch)
            if not got:
                return None
            union |= got
        return frozenset(union)
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    def flush() -> None:
        if run:
            consider(frozenset(["".join(run).lower()]))
            run.clear()

    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "(":
            end = _group_end(pattern, i)
            if pattern.startswith("(?:", i):
                inner = pattern[i + 3 : end - 1]
            elif pattern.startswith("(?", i):
                raise OpaquePattern  # inline flags, lookarounds, named groups
            else:
                inner = pattern[i + 1 : end - 1]
            flush()
            i, quantified = _skip_quantifier(pattern, end)
            if not quantified:  # a repeated or optional group requires nothing
                consider(required_literals(inner))
        elif c in _LITERAL_CHARS:
            i, quantified = _skip_quantifier(pattern, i + 1)
            if quantified:
                flush()
            else:
                run.append(c)
        elif c in "\\[.^$":
            flush()
            i, _ = _skip_quantifier(pattern, _item_end(pattern, i))
        else:
            raise OpaquePattern
    flush()
    return best


def required_prefixes(pattern: str, size: int) -> frozenset[str] | None:
    """Lower-cased strings of ``size`` characters one of which every match of ``pattern`` starts
    with, or None when the reader cannot tell (the pattern may match a shorter string, or starts
    with anything but literal characters, ``^`` and unquantified ``(?:`` groups)."""
    got: set[str] = set()
    for branch in _split_alternatives(pattern):
        heads = _branch_prefixes(branch, size)
        if heads is None:
            return None
        got |= heads
    return frozenset(got)


def _branch_prefixes(branch: str, size: int) -> set[str] | None:
    """:func:`required_prefixes` of a pattern without a top-level ``|``."""
    if size == 0:
        return {""}
    if not branch:
        return None  # the match may end here
    c = branch[0]
    if c == "^":
        return _branch_prefixes(branch[1:], size)
    if c in _LITERAL_CHARS:
        if _skip_quantifier(branch, 1)[1]:
            return None
        rest = _branch_prefixes(branch[1:], size - 1)
        return None if rest is None else {c.lower() + tail for tail in rest}
    if branch.startswith("(?:"):
        end = _group_end(branch, 0)
        if _skip_quantifier(branch, end)[1]:
            return None
        got: set[str] = set()
        for inner in _split_alternatives(branch[3 : end - 1]):
            heads = _branch_prefixes(inner + branch[end:], size)
            if heads is None:
                return None
            got |= heads
        return got
    return None
