"""The hooks a newsfacts plugin can implement.

A plugin is a module (or object) with functions marked ``@newsfacts.hookimpl`` whose names match
the specs below. Third-party plugins are found through the ``newsfacts`` entry-point group::

    [project.entry-points.newsfacts]
    dates = "newsfacts_dates"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .extractor import Extractor
    from .model import Fact

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("newsfacts")
hookimpl = pluggy.HookimplMarker("newsfacts")


@hookspec
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors by calling ``register(extractor)`` once for each."""


@hookspec
def register_fact_types(register: Callable[[type[Fact]], None]) -> None:
    """Register the plugin's own fact classes so results containing them read back from JSON."""
