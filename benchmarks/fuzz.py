"""Fuzz every registered extractor with Hypothesis for a fixed budget (run outside CI).

    python benchmarks/fuzz.py                               # 100,000 inputs per extractor
    python benchmarks/fuzz.py --examples 2000 --extractors dates

Each extractor is run directly on Hypothesis-generated articles (news-like prose, arbitrary
Unicode, adversarial shapes and mixtures; see ``newsfacts.testing.strategies``) through
``newsfacts.testing.check_facts``: an exception, an invalid offset, a non-deterministic result,
a fact that does not round-trip or a mutated input counts as a crash. The full pipeline is
fuzzed the same way under the name ``pipeline``. Prints the inputs tried and crashes found;
the first few crashing inputs are shown (shrunk by Hypothesis). Exit code 1 if any crash.
There is no data path: inputs are generated.
"""

from __future__ import annotations

import argparse
import time

from hypothesis import HealthCheck, Phase, given, settings

from newsfacts import Article, Pipeline
from newsfacts.plugins import get_registry
from newsfacts.testing import articles, check_facts


def fuzz_one(name: str, examples: int) -> tuple[int, list[str]]:
    """Run ``examples`` generated inputs; return (inputs tried, crash descriptions)."""
    reg = get_registry()
    tried = 0
    crashes: list[str] = []
    pipe = Pipeline() if name == "pipeline" else None

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # keep going after a failure: count them, do not shrink
        suppress_health_check=list(HealthCheck),
    )
    @given(articles())
    def run(article: Article) -> None:
        nonlocal tried
        tried += 1
        if tried % 10_000 == 0:
            print(f"  {name}: {tried:,} inputs, {len(crashes)} crashes so far", flush=True)
        if pipe is not None:
            try:
                facts = pipe.run(article)
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
            except Exception as exc:
                problems = [f"pipeline raised {type(exc).__name__}: {exc}"]
        else:
            problems = check_facts(reg.extractors[name], article)
        if problems and len(crashes) < 10_000:
            crashes.append(f"{problems[0][:300]}  <- {article.text[:80]!r}")

    run()
    return tried, crashes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000, help="inputs per extractor")
    ap.add_argument("--extractors", help="comma-separated names (default: all + pipeline)")
    ap.add_argument("--show", type=int, default=5, help="crashing inputs to print per target")
    args = ap.parse_args(argv)
    names = (
        args.extractors.split(",") if args.extractors else [*get_registry().extractors, "pipeline"]
    )
    total = 0
    for name in names:
        began = time.perf_counter()
        tried, crashes = fuzz_one(name, args.examples)
        total += len(crashes)
        took = time.perf_counter() - began
        print(f"{name:<14} inputs tried {tried:>8,}  crashes {len(crashes):>5}  ({took:.0f}s)")
        for c in crashes[: args.show]:
            print(f"    {c}")
    print(f"total crashes: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
