"""Text renderers of a comparison: an aligned table for terminals, Markdown, JSON."""

from __future__ import annotations

import json

from ..compare import ClaimRow, Story

__all__ = ["fmt_value", "render_json", "render_markdown", "render_table"]


def _num(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,g}"


def fmt_value(r: ClaimRow) -> str:
    """A figure as a reader would say it: "up to 6,000", "1,500-2,000", "~3,000"."""
    if r.bound == "range" and r.low is not None and r.high is not None:
        return f"{_num(r.low)}–{_num(r.high)}"
    v = r.value if r.value is not None else (r.high if r.high is not None else r.low)
    if v is None:
        return "—"
    prefix = {
        "approximate": "~",
        "at_least": "≥",
        "more_than": ">",
        "at_most": "≤",
        "less_than": "<",
    }.get(r.bound or "", "")
    sign = "+" if r.change == "increase" else "−" if r.change == "decrease" else ""
    return f"{sign}{prefix}{_num(v)}"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_json(story: Story) -> str:
    """The documented JSON object, indented."""
    return json.dumps(story.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_table(story: Story) -> str:
    """Claim groups then quote groups, one aligned line per row."""
    out = [f"articles: {', '.join(story.ids)}", ""]
    out.append(f"== claim groups ({len(story.claim_groups)})")
    for g in story.claim_groups:
        flag = "  !! CONFLICT" if g.conflict else ""
        out.append(f"-- {g.subject} [{g.entity}] ({len(g.articles)} articles){flag}")
        for r in g.claims:
            mark = "!" if r.conflict else " "
            out.append(
                f" {mark}{_short(r.article, 24):<24} {fmt_value(r):>10}  {r.modality:<9} "
                f"{_short(r.time or '', 14):<14} {_short(r.source, 30):<30} {_short(r.text, 70)}"
            )
    out.append("")
    out.append(f"== quote groups ({len(story.quote_groups)})")
    for qg in story.quote_groups:
        out.append(f"-- {qg.speaker or '(unknown speaker)'} ({len(qg.articles)} articles)")
        # each row's own speaker: the same statement is not always attributed to the same
        # source, and the group's name is only the most common one
        for q in qg.quotes:
            out.append(
                f"  {_short(q.article, 24):<24} {_short(q.speaker or '-', 32):<32} "
                f"{_short(q.content or q.text, 90)}"
            )
    return "\n".join(out) + "\n"


def _md(text: str | None) -> str:
    s = " ".join((text or "").split())
    for ch in "\\|*_`[]<>":
        s = s.replace(ch, "\\" + ch)
    return s


def render_markdown(story: Story) -> str:
    """Markdown: one table per claim group and per quote group."""
    out = ["# Comparison", "", "Articles: " + ", ".join(f"`{i}`" for i in story.ids), ""]
    out.append("## Claim groups")
    for g in story.claim_groups:
        out += [
            "",
            f"### {_md(g.subject)} ({_md(g.entity)})" + (" — **conflict**" if g.conflict else ""),
            "",
        ]
        out.append("| article | value | modality | time | source | claim |")
        out.append("|---|---|---|---|---|---|")
        for r in g.claims:
            v = fmt_value(r) + (" ⚠" if r.conflict else "")
            out.append(
                f"| {_md(r.article)} | {_md(v)} | {r.modality} | {_md(r.time)} | "
                f"{_md(r.source)} | {_md(r.text)} |"
            )
    out += ["", "## Quote groups"]
    for qg in story.quote_groups:
        out += [
            "",
            f"### {_md(qg.speaker or 'unknown speaker')}",
            "",
            "| article | speaker | quote |",
            "|---|---|---|",
        ]
        out += [
            f"| {_md(q.article)} | {_md(q.speaker)} | {_md(q.content or q.text)} |"
            for q in qg.quotes
        ]
    return "\n".join(out) + "\n"
