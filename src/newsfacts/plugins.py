"""The plugin manager: built-in extractors, entry-point plugins, enabling and disabling.

Built-in extractors register through the same hook as third-party ones (the module
:mod:`newsfacts.extractors` is an internal plugin). Third-party plugins come from the
``newsfacts`` entry-point group. ``NEWSFACTS_DISABLE_PLUGINS`` is a comma-separated list of
plugin (entry-point or distribution) names or extractor names to skip; ``*`` skips every
third-party plugin. A plugin that fails to import is recorded and skipped, never fatal.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from importlib import metadata
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .extractor import Extractor
from .model import Fact

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "Registry",
    "get_registry",
]

ENTRY_POINT_GROUP = "newsfacts"
DISABLE_ENV = "NEWSFACTS_DISABLE_PLUGINS"


@attrs.frozen
class PluginInfo:
    """One loaded (or failed) plugin, as ``newsfacts plugins`` lists it."""

    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    hooks: tuple[str, ...] = ()
    extractors: tuple[str, ...] = ()
    disabled: bool = False
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for ``newsfacts plugins --format json``."""
        return attrs.asdict(self, recurse=False) | {
            "hooks": list(self.hooks),
            "extractors": list(self.extractors),
        }


def disabled_names(environ: dict[str, str] | None = None) -> frozenset[str]:
    """The names listed in ``NEWSFACTS_DISABLE_PLUGINS``."""
    raw = (environ if environ is not None else os.environ).get(DISABLE_ENV, "")
    return frozenset(n.strip() for n in raw.split(",") if n.strip())


class Registry:
    """Loaded plugins and the extractors and fact types they registered."""

    def __init__(
        self,
        *,
        load_builtins: bool = True,
        load_entry_points: bool = True,
        environ: dict[str, str] | None = None,
    ):
        self.pm = pluggy.PluginManager("newsfacts")
        self.pm.add_hookspecs(hookspecs)
        self.disabled = disabled_names(environ)
        self.plugins: list[PluginInfo] = []
        self.extractors: dict[str, Extractor] = {}
        self.fact_types: dict[str, type[Fact]] = {}
        self._owner: dict[str, str] = {}

        if load_builtins:
            from . import extractors as builtin

            self._add(builtin, name="newsfacts", distribution="newsfacts", builtin=True)
        if load_entry_points:
            self._load_entry_points()

    def _load_entry_points(self) -> None:
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            if "*" in self.disabled or ep.name in self.disabled or dist in self.disabled:
                self.plugins.append(PluginInfo(ep.name, dist, version, False, disabled=True))
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not break the library
                self.plugins.append(
                    PluginInfo(ep.name, dist, version, False, error=f"{type(exc).__name__}: {exc}")
                )
                continue
            self._add(plugin, name=ep.name, distribution=dist, builtin=False, version=version)

    def register_plugin(self, plugin: object, name: str | None = None) -> PluginInfo:
        """Register a plugin object directly (handy in tests and notebooks)."""
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        return self._add(plugin, name=name, distribution=None, builtin=False)

    def _add(
        self,
        plugin: object,
        *,
        name: str,
        distribution: str | None,
        builtin: bool,
        version: str | None = None,
    ) -> PluginInfo:
        if version is None and distribution == "newsfacts":
            from . import __version__

            version = __version__
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            info = PluginInfo(
                name, distribution, version, builtin, error=f"{type(exc).__name__}: {exc}"
            )
            self.plugins.append(info)
            return info
        hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
        names: list[str] = []
        error: str | None = None
        try:
            for extractor in _collect(plugin, "register_extractors", self.pm):
                if not isinstance(extractor, Extractor):
                    raise TypeError(f"registered {extractor!r}, which is not an Extractor")
                if extractor.name in self.extractors:
                    raise ValueError(
                        f"extractor name {extractor.name!r} is already registered by "
                        f"{self._owner[extractor.name]!r}"
                    )
                if extractor.name in self.disabled:
                    continue
                self.extractors[extractor.name] = extractor
                self._owner[extractor.name] = name
                names.append(extractor.name)
            for fact_type in _collect(plugin, "register_fact_types", self.pm):
                if not (isinstance(fact_type, type) and issubclass(fact_type, Fact)):
                    raise TypeError(f"registered {fact_type!r}, which is not a Fact subclass")
                self.fact_types[fact_type.key] = fact_type
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
        info = PluginInfo(name, distribution, version, builtin, hooks, tuple(names), error=error)
        self.plugins.append(info)
        return info


def _collect(plugin: object, hook: str, pm: pluggy.PluginManager) -> list[Any]:
    """Call one plugin's implementation of ``hook`` and gather what it registers."""
    impl = getattr(plugin, hook, None)
    if impl is None or pm.parse_hookimpl_opts(plugin, hook) is None:
        return []
    items: list[Any] = []
    impl(items.append)
    return items


_registry: Registry | None = None
_lock = threading.Lock()


def get_registry(*, reload: bool = False) -> Registry:
    """The process-wide registry, loaded on first use (and again with ``reload=True``)."""
    global _registry
    with _lock:
        if _registry is None or reload:
            _registry = Registry()
        return _registry


def iter_extractors(names: Iterable[str] | None = None) -> list[Extractor]:
    """Registered extractors, all or the named ones (unknown names raise ``KeyError``)."""
    reg = get_registry()
    if names is None:
        return list(reg.extractors.values())
    out = []
    for n in names:
        if n not in reg.extractors:
            raise KeyError(f"no extractor named {n!r}; known: {', '.join(sorted(reg.extractors))}")
        out.append(reg.extractors[n])
    return out
