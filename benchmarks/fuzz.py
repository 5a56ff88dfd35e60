"""Fuzz every registered extractor and the full pipeline for a fixed budget (run outside CI).

    python benchmarks/fuzz.py                               # 100,000 inputs per target
    python benchmarks/fuzz.py --examples 2000 --extractors dates,pipeline --seed 7

How inputs are made: Hypothesis draws a pool of articles (``--pool``, default 2,000: news-like
prose with numbers, quotes and places, arbitrary Unicode, adversarial shapes; see
``newsfacts.testing.strategies``); the seed articles, the conformance edge cases and every
adversarial shape at small sizes join the pool. Each fuzz input is then a pool entry with 1-4
random mutations (splice with another entry, insert a hostile token such as an unpaired quote
mark, a NUL, CR, a bidi control, a combining mark or a digit run with separators; delete, repeat
or case-flip a range; overwrite characters with random code points). Drawing from Hypothesis costs
about 7 ms per article here, five times an extractor call, so mutation is what makes a 100,000-input
budget affordable. The run is reproducible from ``--seed``.

Each input goes through ``newsfacts.testing.check_facts`` (the extractor runs twice on fresh
documents): an exception, an invalid offset or speaker span, a fact that does not round-trip
through JSON, a non-deterministic result or a mutated input counts as a crash. The ``pipeline``
target runs ``Pipeline().run`` and counts a raised exception, any error entry other than a plugin
load error, and any fact whose text is not the article text at its offsets. Prints inputs tried,
crashes and inputs/s per target; shows the first crashing inputs. Exit code 1 if any crash.
There is no data path: inputs are generated.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import attrs
from hypothesis import HealthCheck, Phase, given, settings

from newsfacts import Article, Pipeline
from newsfacts.plugins import get_registry
from newsfacts.testing import articles, check_facts
from newsfacts.testing.adversarial import SHAPES, adversarial_text
from newsfacts.testing.conformance import EDGE_CASES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MAX_CHARS = 20_000

#: Things that break naive text code, inserted at random offsets.
HOSTILE = (
    "“", "”", '"', "‘", "’", "'", "«", "»", "„", "''", "``",
    "\x00", "\r", "\r\n", "\n\n", "\t", "\u2028", "\u2029", "\x0b", "\x0c",
    "\u202e", "\u202c", "\u200f", "\u200b", "\ufeff", "\u0301", "\u0302\u0303",
    "1,", "1,000,", ",000", "1.5.", "3,000", "$", "€", "%", "–", "—", "-", "/",
    "10 000", "1'000", "½", "٣", "①", "1e9", "0x1F", "12:30", "2024-10-",
    "Mr.", "U.S.", "Dr", "St.", "...", "…", ".", ":", ";", "(", ")", "[", "]",
    " said ", " told ", " according to ", ", he said", "“We", "the statement read: ",
    "Kyiv", "Kursk region", "North Korean", "Lloyd Austin", "Paris Hilton", "Austin said",
    "READ ALSO: ", "Advertisement", "troops", "billion", "per cent", "km", "°C",
    "😀", "\U0001f1fa\U0001f1e6", "\ud7ff", "\U0010fffd", "ǅ", "İ", "ß", "ﬁ",
)  # fmt: skip


def build_pool(size: int, seed: int) -> list[Article]:
    """Hypothesis-drawn articles plus the seeds, edge cases and small adversarial shapes."""
    pool: list[Article] = [Article(text=t) for t in EDGE_CASES]
    pool += [Article.from_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    pool += [Article(text=adversarial_text(s, n)) for s in SHAPES for n in (40, 400, 4000)]

    @settings(
        max_examples=size,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(articles())
    def draw(article: Article) -> None:
        pool.append(article)

    random.seed(seed)  # Hypothesis derives its own randomness; keep ours reproducible too
    draw()
    return pool


def mutate(rng: random.Random, pool: list[Article]) -> Article:
    """One pool entry with 1-4 random mutations of its text."""
    base = rng.choice(pool)
    text = base.text
    for _ in range(rng.randint(1, 4)):
        n = len(text)
        i = rng.randint(0, n)
        j = min(n, i + rng.randint(0, 200))
        op = rng.randrange(7)
        if op == 0:  # splice with another entry
            other = rng.choice(pool).text
            k = rng.randint(0, len(other))
            text = text[:i] + other[k:]
        elif op == 1 or op == 2:  # insert a hostile token (twice as likely)
            text = text[:i] + rng.choice(HOSTILE) + text[i:]
        elif op == 3:  # delete a range
            text = text[:i] + text[j:]
        elif op == 4:  # repeat a range
            text = text[:j] + text[i:j] * rng.randint(2, 50) + text[j:]
        elif op == 5:  # flip the case of a range
            text = text[:i] + text[i:j].swapcase() + text[j:]
        else:  # overwrite with random code points (no surrogates: not valid str from files)
            chars = []
            for _ in range(rng.randint(1, 8)):
                c = rng.randint(0, 0x10FFFF)
                chars.append(chr(c) if not 0xD800 <= c <= 0xDFFF else "\ufffd")
            text = text[:i] + "".join(chars) + text[i + len(chars) :]
    return attrs.evolve(base, text=text[:MAX_CHARS])


def pipeline_problems(pipe: Pipeline, article: Article) -> list[str]:
    """What is wrong with the full pipeline's result on ``article`` (empty: nothing)."""
    try:
        facts = pipe.run(article)
    except Exception as exc:
        return [f"pipeline raised {type(exc).__name__}: {exc}"]
    problems = [
        f"pipeline error {e.extractor}: {e.error}: {e.message}"
        for e in facts.errors
        if e.error != "PluginLoadError"
    ]
    problems += [
        f"pipeline: bad span {f.start}:{f.end}"
        for f in facts.all_facts()
        if article.text[f.start : f.end] != f.text
    ]
    return problems


def fuzz_one(
    name: str, pool: list[Article], examples: int, seed: int, save: Path | None = None
) -> tuple[int, list[str], float]:
    """Run ``examples`` mutated inputs; return (inputs tried, crash descriptions, CPU seconds).
    With ``save``, each crashing input is written there whole (``<target>-<n>.txt``)."""
    reg = get_registry()
    rng = random.Random(f"{seed}:{name}")
    pipe = Pipeline() if name == "pipeline" else None
    crashes: list[str] = []
    began = time.process_time()
    for tried in range(1, examples + 1):
        article = mutate(rng, pool)
        if pipe is not None:
            problems = pipeline_problems(pipe, article)
        else:
            problems = check_facts(reg.extractors[name], article)
        if problems and len(crashes) < 10_000:
            where = ""
            if save is not None:
                path = save / f"{name}-{len(crashes) + 1}.txt"
                path.write_text(article.text, encoding="utf-8", errors="surrogatepass")
                where = f" (whole input: {path})"
            crashes.append(f"{problems[0][:300]}  <- {article.text[:80]!r}{where}")
        if tried % 10_000 == 0:
            print(f"  {name}: {tried:,} inputs, {len(crashes)} crashes so far", flush=True)
    return examples, crashes, time.process_time() - began


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000, help="inputs per target")
    ap.add_argument("--pool", type=int, default=2_000, help="Hypothesis-drawn articles to mutate")
    ap.add_argument("--seed", type=int, default=0, help="random seed for the mutations")
    ap.add_argument("--extractors", help="comma-separated names (default: all + pipeline)")
    ap.add_argument("--show", type=int, default=5, help="crashing inputs to print per target")
    ap.add_argument("--save", type=Path, help="directory to write each crashing input to, whole")
    args = ap.parse_args(argv)
    names = (
        args.extractors.split(",") if args.extractors else [*get_registry().extractors, "pipeline"]
    )
    unknown = [n for n in names if n != "pipeline" and n not in get_registry().extractors]
    if unknown:
        print(f"unknown extractor(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    pool = build_pool(args.pool, args.seed)
    print(f"pool: {len(pool):,} articles ({time.perf_counter() - began:.0f}s)", flush=True)
    total = 0
    for name in names:
        tried, crashes, cpu = fuzz_one(name, pool, args.examples, args.seed, args.save)
        total += len(crashes)
        rate = tried / cpu if cpu else float("inf")
        print(
            f"{name:<14} inputs tried {tried:>8,}  crashes {len(crashes):>5}  "
            f"({cpu:.0f} s CPU, {rate:,.0f} inputs/s)",
            flush=True,
        )
        for c in crashes[: args.show]:
            print(f"    {c}")
    print(f"total crashes: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
