"""Seconds per MB of the full pipeline on adversarial inputs, at two sizes, and their ratio.

    python benchmarks/adversarial.py                    # every shape at 1 MB and 2 MB
    python benchmarks/adversarial.py --shapes quotes_only,nul_bytes --breakdown

The inputs are generated (``newsfacts.testing.adversarial``), so there is no data path. "MB"
means 10^6 characters. Goals (issue 7): every shape <= 2 s/MB and time(2 MB)/time(1 MB) <= 2.5.
Each shape is also compared with the ``news`` baseline (ordinary prose) from the same run:
``vs news`` is the shape's s/MB divided by the baseline's. A case over ``--timeout`` seconds is
stopped (Unix) and reported as TIMEOUT. ``--clock cpu`` times with ``time.process_time`` (CPU
seconds of this process) instead of wall time: steadier on a machine shared with other jobs.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from newsfacts import Article, Document, Pipeline
from newsfacts.plugins import get_registry
from newsfacts.testing.adversarial import BASELINE, SHAPES, adversarial_text

GOAL_S_PER_MB = 2.0
GOAL_RATIO = 2.5


#: The clock every case is timed with (``--clock``).
_CLOCK: Callable[[], float] = time.perf_counter


class Timeout(BaseException):  # not Exception: the pipeline must not catch it
    """Raised by the alarm when a case runs over --timeout."""


def _timed(fn: Callable[[], Any], timeout: float) -> float:
    use_alarm = hasattr(signal, "SIGALRM")
    if use_alarm:

        def _raise(signum: int, frame: object) -> None:
            raise Timeout

        signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        began = _CLOCK()
        fn()
        return _CLOCK() - began
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)


def breakdown(article: Article, timeout: float) -> str:
    """Time the document build and each extractor on its own (with its requirements run)."""
    parts = [f"document {_timed(lambda: Document.from_article(article), timeout):.2f}s"]
    for name in get_registry().extractors:
        pipe = Pipeline(extractors=[name])
        try:
            parts.append(
                f"{name}(+doc,+reqs) {_timed(lambda p=pipe: p.run(article), timeout):.2f}s"
            )
        except Timeout:
            parts.append(f"{name} TIMEOUT")
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shapes", help="comma-separated shapes (default: all)")
    ap.add_argument("--sizes", default="1000000,2000000", help="two sizes in characters")
    ap.add_argument("--extractors", help="comma-separated extractor names (default: all)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    ap.add_argument("--breakdown", action="store_true", help="per-extractor times at size 1")
    ap.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall: time.perf_counter (default); cpu: time.process_time, steadier under load",
    )
    args = ap.parse_args(argv)
    global _CLOCK
    _CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter

    shapes = args.shapes.split(",") if args.shapes else list(SHAPES)
    if BASELINE not in shapes:
        shapes.insert(0, BASELINE)
    small, large = (int(s) for s in args.sizes.split(","))
    pipe = Pipeline(extractors=args.extractors.split(",") if args.extractors else None)
    print(f"extractors: {', '.join(pipe.names)}")
    print(
        f"sizes: {small:,} and {large:,} characters; goal <= {GOAL_S_PER_MB} s/MB, "
        f"ratio <= {GOAL_RATIO}; clock: {args.clock}"
    )
    print(f"{'shape':<26}{'s/MB@1':>9}{'s/MB@2':>9}{'ratio':>8}{'vs news':>9}  verdict")
    pipe.run(Article(text=adversarial_text(BASELINE, 10_000)))  # warm caches and lazy loads
    base: float | None = None
    failed = 0
    for shape in shapes:
        per_mb: list[float] = []
        try:
            for size in (small, large):
                article = Article(text=adversarial_text(shape, size))
                per_mb.append(_timed(lambda a=article: pipe.run(a), args.timeout) / (size / 1e6))
        except Timeout:
            print(f"{shape:<26}{'TIMEOUT':>9}  > {args.timeout:.0f}s  FAIL")
            failed += 1
            continue
        t1, t2 = per_mb
        ratio = (t2 * large) / (t1 * small)
        if shape == BASELINE:
            base = t1
        vs = f"{t1 / base:9.2f}" if base else f"{'-':>9}"
        ok = max(t1, t2) <= GOAL_S_PER_MB and ratio <= GOAL_RATIO
        failed += not ok
        print(f"{shape:<26}{t1:9.3f}{t2:9.3f}{ratio:8.2f}{vs}  {'ok' if ok else 'FAIL'}")
        if args.breakdown:
            print(f"    {breakdown(Article(text=adversarial_text(shape, small)), args.timeout)}")
        sys.stdout.flush()
    print(f"{len(shapes) - failed}/{len(shapes)} shapes within goals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
