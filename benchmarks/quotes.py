"""Quotes benchmark on PolNeAR (political news attribution relations).

    python benchmarks/quotes.py [--data ../shared/benchmarks/polnear] [--split dev]

Tune on ``train``, report on ``dev`` (the default). Gold attributions come from
``derived/polnear_<split>.jsonl`` (see the data folder's PROVENANCE.md). Predictions and gold
are matched one to one, greedily by character overlap. Printed:

(a) direct quotes (gold content holding a double quote mark ``" “ ”``; predictions of kind
    direct or mixed whose marks are among those, so that quotes in ``''`` or « » count on
    neither side): P/R/F1 by overlap and by exact span,
(b) quote + speaker end to end on the same subset: a true positive is a matched pair whose
    predicted speaker mention overlaps the gold source span,
(c) all attributions, including indirect ones: content exact-span P/R/F1,
(d) articles per second of CPU time (quotes extractor alone, text layer included).

"Exact span" compares spans after trimming, at both ends, white space, quote marks and the
punctuation ``, . ; :`` (gold contents include their quote marks and sometimes the final
period; ours exclude the marks). A content made of several pieces counts from its first to
its last piece. The same run scores a simple regex baseline (paired double quotes, a cue verb
next to the quote, the nearest capitalised name or pronoun as speaker; direct quotes only) and
prints our/baseline ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import regex

from newsfacts.document import Document
from newsfacts.extractors.quotes import extract_quotes

Span = tuple[int, int]
# (content span, speaker span or None, is direct/mixed)
Pred = tuple[Span, Span | None, bool]

_TRIM = " \t\n\r\u00a0\"“”«»‘’',.;:"
#: what makes a gold content "direct/mixed" (PROVENANCE.md: ``content_has_double_quote``)
_DQ_MARKS = ('"', "“", "”")


def _trim(text: str, a: int, b: int) -> Span:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _overlap(x: Span, y: Span) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _match(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one matching by overlap, largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            o = _overlap(g, p)
            if o > 0:
                pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


class PRF:
    def __init__(self) -> None:
        self.tp_p = self.tp_r = self.n_pred = self.n_gold = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp_p += tp
        self.tp_r += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def scores(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self, label: str) -> str:
        p, r, f = self.scores()
        return f"{label:<44} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"


def ours(text: str) -> list[Pred]:
    doc = Document.from_text(text)
    quotes, _ = extract_quotes(doc)
    out: list[Pred] = []
    for q in quotes:
        sp = None
        if q.speaker_start is not None and q.speaker_end is not None:
            sp = (q.speaker_start, q.speaker_end)
        out.append(
            ((q.start, q.end), sp, q.kind in ("direct", "mixed") and _dq(text, q.start, q.end))
        )
    return out


def _dq(text: str, start: int, end: int) -> bool:
    """The quote's marks are double quote marks, as in the gold subset's definition."""
    return any(m in text[max(0, start - 1) : end + 1] for m in _DQ_MARKS)


# -- the regex baseline ---------------------------------------------------------------------
_BASE_QUOTE = regex.compile(r"[\"“]([^\"“”\n]{1,2000}+)[\"”]")
_BASE_CUE = r"(?:said|says|say|told|added|stated|asked|wrote|explained|noted|argued|declared)"
_BASE_NAME = (
    r"(?:[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s)?\p{Lu}[\p{L}.'’-]*+(?:\s\p{Lu}[\p{L}.'’-]*+){0,3})"
)
_BASE_AFTER = regex.compile(
    rf"\A,?\s(?:{_BASE_CUE}\s(?P<s1>{_BASE_NAME})|(?P<s2>{_BASE_NAME})\s{_BASE_CUE})"
)
_BASE_BEFORE = regex.compile(rf"(?P<s>{_BASE_NAME})\s{_BASE_CUE}[,:]?\s\Z")


def baseline(text: str) -> list[Pred]:
    out: list[Pred] = []
    for m in _BASE_QUOTE.finditer(text):
        content = m.span(1)
        if len(m.group(1).split()) < 2:
            continue
        after = _BASE_AFTER.match(text[m.end() : m.end() + 80])
        speaker: Span | None = None
        if after:
            g = "s1" if after.group("s1") else "s2"
            a, b = after.span(g)
            speaker = (m.end() + a, m.end() + b)
        else:
            lo = max(0, m.start() - 80)
            before = _BASE_BEFORE.search(text[lo : m.start()])
            if before:
                a, b = before.span("s")
                speaker = (lo + a, lo + b)
        if speaker is None:
            continue
        out.append((content, speaker, True))
    return out


# -- scoring --------------------------------------------------------------------------------
def score(
    docs: list[dict[str, Any]], system: Callable[[str], list[Pred]]
) -> dict[str, PRF | float]:
    dq_overlap, dq_exact, dq_speaker, all_exact, all_overlap = PRF(), PRF(), PRF(), PRF(), PRF()
    t0 = time.process_time()  # CPU time: per-core rate, robust to a busy machine
    preds = [system(d["text"]) for d in docs]
    elapsed = time.process_time() - t0
    for d, pred in zip(docs, preds):
        text = d["text"]
        gold_all = []
        for a in d["attributions"]:
            if not a["content"]:
                continue
            s = min(x for x, _ in a["content"])
            e = max(y for _, y in a["content"])
            src = [(x, y) for x, y in a["source"]]
            gold_all.append((_trim(text, s, e), src, a["content_has_double_quote"]))
        p_all = [(_trim(text, *c), sp, dq) for c, sp, dq in pred]
        # (a)/(b) direct subset
        g_dq = [g for g in gold_all if g[2]]
        p_dq = [p for p in p_all if p[2]]
        m = _match([g[0] for g in g_dq], [p[0] for p in p_dq])
        dq_overlap.add(len(m), len(p_dq), len(g_dq))
        dq_exact.add(sum(1 for gi, pi in m if g_dq[gi][0] == p_dq[pi][0]), len(p_dq), len(g_dq))
        ok_sp = 0
        for gi, pi in m:
            sp = p_dq[pi][1]
            if sp is not None and any(_overlap(sp, s) > 0 for s in g_dq[gi][1]):
                ok_sp += 1
        dq_speaker.add(ok_sp, len(p_dq), len(g_dq))
        # (c) all attributions
        m_all = _match([g[0] for g in gold_all], [p[0] for p in p_all])
        all_overlap.add(len(m_all), len(p_all), len(gold_all))
        exact = sum(1 for gi, pi in m_all if gold_all[gi][0] == p_all[pi][0])
        all_exact.add(exact, len(p_all), len(gold_all))
    return {
        "dq_overlap": dq_overlap,
        "dq_exact": dq_exact,
        "dq_speaker": dq_speaker,
        "all_overlap": all_overlap,
        "all_exact": all_exact,
        "rate": len(docs) / elapsed if elapsed else float("inf"),
    }


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(root / ".." / "shared" / "benchmarks" / "polnear"))
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)
    path = Path(args.data) / "derived" / f"polnear_{args.split}.jsonl"
    if not path.exists():
        print(f"PolNeAR not found at {path}; skipping the quotes benchmark.")
        return 0
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        docs = docs[: args.limit]
    ours(docs[0]["text"])  # load the word lists outside the timing
    mine = score(docs, ours)
    base = score(docs, baseline)
    print(f"PolNeAR {args.split}: {len(docs)} articles")
    rows = [
        ("dq_overlap", "(a) direct quotes, overlap"),
        ("dq_exact", "(a) direct quotes, exact span"),
        ("dq_speaker", "(b) direct quote + speaker (overlap)"),
        ("all_overlap", "(c) all attributions, overlap"),
        ("all_exact", "(c) all attributions, content exact span"),
    ]
    for key, label in rows:
        m, b = mine[key], base[key]
        assert isinstance(m, PRF) and isinstance(b, PRF)
        fm, fb = m.scores()[2], b.scores()[2]
        ratio = f"{fm / fb:5.2f}x" if fb else "  n/a"
        print(m.line(label) + f"   | baseline F1 {100 * fb:5.1f}  ratio {ratio}")
    rm, rb = mine["rate"], base["rate"]
    assert isinstance(rm, float) and isinstance(rb, float)
    print(
        f"{'(d) articles/s (CPU time, one core)':<44} newsfacts {rm:7.1f}   baseline {rb:7.1f}   "
        f"ratio {rm / rb:5.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
