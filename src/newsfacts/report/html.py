"""One self-contained HTML page for a comparison: the comparison tables, then every article with
its facts highlighted by kind. Hovering a highlight shows a summary; clicking it shows every
field of the facts under the cursor. Inline CSS and JS only; every text is escaped."""

from __future__ import annotations

import json
from html import escape
from itertools import pairwise
from typing import Any

from ..compare import Story
from ..model import ArticleFacts, Fact
from .text import fmt_value

__all__ = ["render_html"]

#: fact list -> CSS kind, in painting order (later kinds are drawn on top).
KINDS = (
    ("claims", "claim"),
    ("quotes", "quote"),
    ("people", "person"),
    ("locations", "location"),
    ("quantities", "quantity"),
)

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;
background:#fafafa}
header{background:#263238;color:#fff;padding:12px 24px}
header h1{margin:0;font-size:20px}
main{padding:12px 24px}
.cols{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:20px;align-items:start}
td.a{word-break:break-all;max-width:8em;color:#546e7a}td.v{white-space:nowrap}
.legend span{margin-right:12px;padding:1px 6px;border-radius:3px}
table{border-collapse:collapse;margin:6px 0 18px;width:100%;background:#fff}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;font-size:13px}
th{background:#eceff1}
tr.conflict td{background:#ffebee}
.badge{display:inline-block;background:#c62828;color:#fff;border-radius:3px;padding:0 6px;
font-size:12px;margin-left:8px}
.m-asserted{color:#1b5e20}.m-reported{color:#0d47a1}.m-projected{color:#6a1b9a}
.m-denied{color:#b71c1c;font-weight:bold}.m-hedged{color:#e65100}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 16px;margin:12px 0}
article h3{margin:4px 0;font-size:15px;color:#37474f}
.text{white-space:pre-wrap}
mark{background:none;color:inherit;cursor:pointer;border-radius:2px}
mark.k-quote{background:#e8f5e9;font-style:italic}
mark.k-claim{border-bottom:2px solid #e53935}
mark.k-person{background:#f3e5f5}
mark.k-location{background:#bbdefb}
mark.k-quantity{background:#ffe082;font-weight:600}
mark.sel{outline:2px solid #263238}
#panel{position:fixed;right:12px;bottom:12px;width:380px;max-height:60vh;overflow:auto;
background:#fff;border:1px solid #90a4ae;border-radius:6px;padding:8px;font-size:12px;
box-shadow:0 2px 8px rgba(0,0,0,.2);display:none}
#panel pre{white-space:pre-wrap;margin:4px 0}
"""

_JS = """
(function(){
var data=JSON.parse(document.getElementById('nf-data').textContent);
var panel=document.getElementById('panel');var last=null;
document.addEventListener('click',function(e){
  var m=e.target.closest('mark[data-f]');
  if(!m){return;}
  if(last){last.classList.remove('sel');}
  m.classList.add('sel');last=m;
  panel.textContent='';
  m.getAttribute('data-f').split(' ').forEach(function(id){
    var f=data[id];if(!f){return;}
    var h=document.createElement('b');h.textContent=f.kind+' '+id;panel.appendChild(h);
    var p=document.createElement('pre');p.textContent=JSON.stringify(f.fields,null,1);
    panel.appendChild(p);
  });
  panel.style.display='block';
});
})();
"""


def _summary(kind: str, fact: Fact) -> str:
    d = fact.to_dict()
    if kind == "quantity":
        parts = [
            str(d.get("value") or d.get("low") or ""),
            d.get("bound") or "",
            d.get("unit") or "",
            d.get("entity") or "",
        ]
    elif kind == "quote":
        parts = [d.get("kind") or "", "by", d.get("speaker") or "?"]
    elif kind == "location":
        parts = [d.get("name") or "", d.get("feature") or "", d.get("country_code") or ""]
    elif kind == "claim":
        parts = [
            d.get("modality") or "",
            "by",
            d.get("source") or "",
            d.get("time") or "",
            d.get("subject") or "",
        ]
    else:
        parts = [d.get("name") or ""]
    return f"{kind}: " + " ".join(str(p) for p in parts if p)


def _article_html(n: int, aid: str, facts: ArticleFacts, data: dict[str, Any]) -> str:
    text = facts.article.text
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, id
    for key, kind in KINDS:
        for j, f in enumerate(facts[key]):
            fid = f"a{n}-{kind[0]}{j}"
            spans.append((f.start, f.end, kind, fid))
            data[fid] = {"kind": kind, "fields": f.to_dict(), "summary": _summary(kind, f)}
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    first_seen: set[str] = set()
    out: list[str] = []
    for a, b in pairwise(cuts):
        if a == b:
            continue
        cover = [s for s in spans if s[0] <= a and b <= s[1] and s[0] < s[1]]
        chunk = escape(text[a:b])
        if not cover:
            out.append(chunk)
            continue
        kinds = sorted({k for _, _, k, _ in cover}, key=[k for _, k in KINDS].index)
        ids = [i for _, _, _, i in cover]
        anchors = "".join(f'<a id="{i}"></a>' for i in ids if i not in first_seen)
        first_seen.update(ids)
        title = "\n".join(data[i]["summary"] for i in ids)
        out.append(
            f'{anchors}<mark class="{" ".join("k-" + k for k in kinds)}" '
            f'data-f="{" ".join(ids)}" title="{escape(title)}">{chunk}</mark>'
        )
    counts = ", ".join(f"{len(facts[key])} {key}" for key, _ in KINDS)
    return (
        f'<article id="article-{n}"><h3>{escape(aid)}</h3>'
        f'<div class="counts">{escape(counts)}</div>'
        f'<div class="text">{"".join(out)}</div></article>'
    )


def _claim_anchor(story: Story, aid: str, start: int, end: int) -> str:
    n = story.ids.index(aid)
    for j, c in enumerate(story.articles[n].claims):
        if c.start == start and c.end == end:
            return f"#a{n}-c{j}"
    return f"#article-{n}"


def render_html(story: Story) -> str:
    """The whole report as one HTML document (UTF-8, no external assets)."""
    data: dict[str, Any] = {}
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        "<title>newsfacts comparison</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>newsfacts: {len(story.ids)} articles compared</h1></header><main>",
        '<p class="legend">Highlights: <span class="k-quantity" style="background:#ffe082">'
        'quantity</span><span style="background:#bbdefb">location</span>'
        '<span style="background:#e8f5e9;font-style:italic">quote</span>'
        '<span style="border-bottom:2px solid #e53935">claim</span>'
        '<span style="background:#f3e5f5">person</span> — hover for a summary, click for '
        "every field.</p>",
        '<div class="cols"><section class="articles"><h2>Articles</h2>',
    ]
    for n, (aid, facts) in enumerate(zip(story.ids, story.articles)):
        parts.append(_article_html(n, aid, facts, data))
    parts.append(
        f'</section><section class="comparison"><h2>Claim groups ({len(story.claim_groups)})</h2>'
    )
    for g in story.claim_groups:
        badge = '<span class="badge">conflict</span>' if g.conflict else ""
        parts.append(
            f'<h3 class="group">{escape(g.subject)} <small>({escape(g.entity)}, '
            f"{len(g.articles)} articles)</small>{badge}</h3>"
        )
        parts.append(
            "<table><tr><th>article</th><th>value</th><th>modality</th><th>time</th>"
            "<th>source</th><th>claim</th></tr>"
        )
        for r in g.claims:
            cls = ' class="conflict"' if r.conflict else ""
            href = _claim_anchor(story, r.article, r.start, r.end)
            parts.append(
                f'<tr{cls}><td class="a">{escape(r.article)}</td>'
                f'<td class="v">{escape(fmt_value(r))}</td>'
                f'<td class="m-{escape(r.modality)}">{escape(r.modality)}</td>'
                f"<td>{escape(r.time or '')}</td><td>{escape(r.source)}</td>"
                f'<td><a href="{escape(href)}">{escape(r.text)}</a></td></tr>'
            )
        parts.append("</table>")
    parts.append(f"<h2>Quote groups ({len(story.quote_groups)})</h2>")
    for qg in story.quote_groups:
        parts.append(
            f"<h3>{escape(qg.speaker or 'unknown speaker')} "
            f"<small>({len(qg.articles)} articles)</small></h3>"
        )
        parts.append("<table><tr><th>article</th><th>speaker</th><th>quote</th></tr>")
        for q in qg.quotes:
            parts.append(
                f'<tr><td class="a">{escape(q.article)}</td><td>{escape(q.speaker or "")}</td>'
                f"<td>{escape(q.content or q.text)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</section></div>")
    blob = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    parts.append('</main><div id="panel"></div>')
    parts.append(f'<script type="application/json" id="nf-data">{blob}</script>')
    parts.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(parts)
