"""Renderers for a :class:`~newsfacts.compare.Story`: plain table, Markdown, JSON and one
self-contained HTML file."""

from __future__ import annotations

from collections.abc import Callable

from ..compare import Story
from .html import render_html
from .text import render_json, render_markdown, render_table

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown", "render_table"]

FORMATS: dict[str, Callable[[Story], str]] = {
    "table": render_table,
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(story: Story, fmt: str = "table") -> str:
    """``story`` in one of :data:`FORMATS`."""
    try:
        return FORMATS[fmt](story)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
