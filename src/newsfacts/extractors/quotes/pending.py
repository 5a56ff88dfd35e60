"""A quote found but not yet resolved: its spans, kind, cue and speaker phrase."""

from __future__ import annotations

import attrs

from .tokens import NounPhrase

__all__ = ["Pending"]


@attrs.define
class Pending:
    """What the scanners hand to the resolver."""

    start: int
    end: int
    kind: str
    np: NounPhrase | None = None
    cue: str | None = None
    parts: tuple[tuple[int, int], ...] = ()
    #: index of an earlier pending quote whose speaker this one continues
    inherit: int | None = None
