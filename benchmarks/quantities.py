"""Quantities benchmark: newsfacts vs plain quantulum3 on NewsQuant (dev) and Recognizers-Text.

Run from the repository root::

    /work/venv/bin/python benchmarks/quantities.py [--data ../shared/benchmarks/newsquant]

The data folder must hold ``formatted_test_set/`` (see its PROVENANCE.md); if it is missing the
script says so and exits 0. Each sentence is scored on its own, like CQE's evaluation: gold and
predicted quantities are matched one-to-one (greedily, in gold order) and micro P/R/F1 are
summed over sentences. Three match levels:

* value: equal within relative 1e-5. A gold range ``"lo-hi"`` (also NewsQuant's from-to
  changes) matches a prediction with ``low``/``high`` (or ``previous``/``value``) equal to
  ``lo``/``hi`` in that order; a single gold value matches a single predicted ``value``.
* value+unit: value, and the unit name matches after this mapping of ours onto NewsQuant's
  ``normalized_unit`` (lower case):

  - ISO currency code -> quantulum3's currency unit name for that code, with "dollar" for USD
    (``USD`` -> "dollar", ``GBP`` -> "pound sterling", ``JPY`` -> "japanese yen");
  - ``percent`` -> "percentage"; other units: the quantulum3 unit name as is ("mile per
    hour"). Pence are scored as "penny" even where NewsQuant labels "118.5p" as "point": a
    mapping that depends on how a figure is written would fit the scorer to the gold labels;
  - unit names that quantulum3 spells differently from NewsQuant, for both systems
    (``UNIT_ALIASES``): "degree Celsius" -> "celsius", "degree fahrenheit" -> "fahrenheit",
    "degree angle" -> "degree", "short ton" -> "ton", "cubic centimetre" -> "millilitre";
    a currency code inside a rate is mapped too ("USD per gram" -> "dollar per gram");
  - no unit: the entity lemma. Gold noun units are the counted noun with its modifiers
    ("first-team player", "people responsible creation ..."), so an entity also matches when it
    is the first or the last word of the gold label (the head noun sits at one end). Only
    entities get this word-level match: a measurement or currency unit must equal the gold name
    ("mile" does not match "mile per gallon"). ``--lenient-units`` restores the earlier, looser
    rule (any prediction matching any word of the gold label) for comparison;
  - no unit and no entity -> "-" (gold "-" means no unit).

  quantulum3's output is mapped the same way: its unit name, "dimensionless" -> "-".
* value+change: value, and ours mapped onto NewsQuant's ``change``: an open bound first
  (more_than / at_least -> ">", less_than / at_most -> "<": NewsQuant writes "climbed more than
  3%" as ">", in 3 of the 4 dev figures with both), then change increase -> "up",
  decrease -> "down"; else bound approximate -> "~", exact / range -> "=". Vague amounts
  ("thousands of") -> "=": gold writes them as ranges ("1000-10000") with "=", and our value
  for them is that same range.
  A change from one level to another ("fell from 240 to 212", ``previous`` set) -> "=": NewsQuant
  writes these as plain "lo-hi" ranges and marks them "=" (35 of the 41 ranges with lo < hi in
  dev, plus 4 of 5 with lo > hi). quantulum3 has no bounds: always "=".
  Also ``times`` (a multiplier unit: "3 times", "sixfold") -> "count", NewsQuant's name for it.

Speed: sentences per second of ``Document.from_text`` + the extractor, and of
``quantulum3.parser.parse``, each after one warm-up call, in the same run; the ratio is printed.
The four Recognizers-Text sets have no change column: value and value+unit only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "newsquant"
SETS = (
    "NewsQuant.dev.json",
    "age-model.json",
    "currency-model.json",
    "dimension-model.json",
    "temperature-model.json",
)
_RANGE = regex.compile(
    r"^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*-\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$"
)

# (value, unit name, change) per quantity; value is a float or a (lo, hi) pair
Pred = tuple[Any, str, str]


def parse_value(s: str) -> Any:
    m = _RANGE.match(s)
    if m:
        return (float(m.group(1)), float(m.group(2)))
    try:
        return float(s)
    except ValueError:
        return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-5 * max(abs(a), abs(b)) or a == b


def same_value(g: Any, p: Any) -> bool:
    if g is None or p is None:
        return False
    if isinstance(g, tuple) != isinstance(p, tuple):
        return False
    if isinstance(g, tuple):
        return _close(g[0], p[0]) and _close(g[1], p[1])
    return bool(_close(g, p))


def _singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


#: set by ``--lenient-units``: the earlier scoring (any prediction vs any word of the gold label)
LENIENT_UNITS = False
#: marks a unit string that is an entity lemma (a counted noun), not a unit name
ENTITY = "entity:"


def same_unit(g: str, p: str) -> bool:
    g = g.strip().lower()
    is_entity = p.startswith(ENTITY)
    p = p.removeprefix(ENTITY).strip().lower()
    if g == p:
        return True
    if p == "-" or g == "-":
        return False
    words = [_singular(w) for w in regex.split(r"[\s,]+", g) if w]
    if LENIENT_UNITS:
        return _singular(p) in words
    return is_entity and _singular(p) in (words[0], words[-1])


def score(
    gold: Sequence[list[Pred]], pred: Sequence[list[Pred]], level: str
) -> tuple[float, float, float]:
    tp = n_gold = n_pred = 0
    for gs, ps in zip(gold, pred):
        n_gold += len(gs)
        n_pred += len(ps)
        used = [False] * len(ps)
        for g in gs:
            for k, p in enumerate(ps):
                if used[k] or not same_value(g[0], p[0]):
                    continue
                if level == "unit" and not same_unit(g[1], p[1]):
                    continue
                if level == "change" and g[2] != p[2]:
                    continue
                used[k] = True
                tp += 1
                break
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


UNIT_ALIASES = {
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
    "short ton": "ton",
    "cubic centimetre": "millilitre",
    "times": "count",
}
#: ISO codes quantulum3's tables lack, named as NewsQuant names them
EXTRA_CURRENCIES = {
    "HKD": "hong kong dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "HRK": "croatian kuna",
    "SGD": "singapore dollar",
    "FIM": "finnish markka",
}


def unit_alias(name: str, currencies: dict[str, str]) -> str:
    parts = [currencies.get(p, p) for p in name.split(" per ")]
    low = " per ".join(parts).lower()
    return UNIT_ALIASES.get(low, low)


def _currency_names() -> dict[str, str]:
    import quantulum3

    data = json.loads((Path(quantulum3.__file__).parent / "units.json").read_text("utf-8"))
    names: dict[str, str] = {}
    for name, unit in data.items():
        code = unit.get("currency_code")
        if code:
            names.setdefault(code, name)
    names["USD"] = "dollar"
    for code, cname in EXTRA_CURRENCIES.items():
        names.setdefault(code, cname)
    return names


#: bounds that NewsQuant writes in place of a change ("climbed more than 3%" -> ">")
_OPEN_BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most"})


def newsfacts_system() -> Callable[[str], list[Pred]]:
    from newsfacts.document import Document
    from newsfacts.extractors.quantities import QuantityExtractor
    from newsfacts.model import Quantity

    ext = QuantityExtractor()
    cur = _currency_names()
    bound_map = {
        "approximate": "~",
        "more_than": ">",
        "at_least": ">",
        "less_than": "<",
        "at_most": "<",
        "exact": "=",
        "range": "=",
    }

    def run(text: str) -> list[Pred]:
        out: list[Pred] = []
        for q in ext.extract(Document.from_text(text), {}):
            assert isinstance(q, Quantity)
            if q.previous is not None:
                value: Any = (q.previous, q.value)
            elif q.low is not None and q.high is not None:
                value = (q.low, q.high)
            else:
                value = q.value
            if q.unit is None:
                unit = ENTITY + q.entity if q.entity else "-"
            elif q.unit == "percent":
                unit = "percentage"
            else:
                unit = unit_alias(q.unit, cur)
            if q.previous is not None:
                ch = "="
            elif q.bound in _OPEN_BOUNDS:
                ch = bound_map[q.bound]
            elif q.change == "increase":
                ch = "up"
            elif q.change == "decrease":
                ch = "down"
            else:
                ch = "=" if q.vague else bound_map[q.bound]
            out.append((value, unit, ch))
        return out

    return run


def quantulum_system() -> Callable[[str], list[Pred]]:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    def run(text: str) -> list[Pred]:
        out: list[Pred] = []
        for q in parser.parse(text):
            name = q.unit.name
            unit = "-" if name in ("dimensionless", "unk") else UNIT_ALIASES.get(name.lower(), name)
            if unit != "-" and q.unit.entity.name == "unknown":
                unit = ENTITY + unit  # a noun quantulum3 took as the unit: scored like an entity
            out.append((float(q.value), unit, "="))
        return out

    return run


def gold_of(item: dict[str, Any]) -> list[Pred]:
    return [
        (parse_value(q["value"]), q.get("normalized_unit", "-"), q.get("change", "="))
        for q in item["quantities"]
    ]


def timed(system: Callable[[str], list[Pred]], texts: list[str]) -> tuple[list[list[Pred]], float]:
    system(texts[0])  # warm-up: loads tables
    t0 = time.perf_counter()
    out = [system(t) for t in texts]
    return out, time.perf_counter() - t0


def extractor_only_rate(texts: list[str], repeat: int) -> float:
    from newsfacts.document import Document
    from newsfacts.extractors.quantities import QuantityExtractor

    ext = QuantityExtractor()
    docs = [Document.from_text(t) for t in texts]
    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        for d in docs:
            ext.extract(d, {})
        best = min(best, time.perf_counter() - t0)
    return len(docs) / best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help="the newsquant folder")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (best is kept)")
    ap.add_argument(
        "--lenient-units", action="store_true", help="the earlier, looser value+unit matching"
    )
    args = ap.parse_args(argv)
    global LENIENT_UNITS
    LENIENT_UNITS = args.lenient_units
    folder = args.data / "formatted_test_set"
    if not folder.is_dir():
        print(f"benchmark data not found at {folder}; skipping")
        return 0
    systems = {"newsfacts": newsfacts_system(), "quantulum3": quantulum_system()}
    for name in SETS:
        path = folder / name
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        items = json.loads(path.read_text("utf-8"))
        texts = [it["text"] for it in items]
        gold = [gold_of(it) for it in items]
        levels = ["value", "unit"] + (["change"] if "NewsQuant" in name else [])
        print(f"\n== {name}: {len(items)} sentences, {sum(map(len, gold))} quantities")
        speed: dict[str, float] = {}
        for sname, system in systems.items():
            best = float("inf")
            preds: list[list[Pred]] = []
            for _ in range(max(1, args.repeat)):
                preds, secs = timed(system, texts)
                best = min(best, secs)
            speed[sname] = len(texts) / best
            figs = []
            for lv in levels:
                p, r, f = score(gold, preds, lv)
                label = {"value": "value", "unit": "value+unit", "change": "value+change"}[lv]
                figs.append(f"{label} P {p:.4f} R {r:.4f} F1 {f:.4f}")
            print(f"{sname:11} " + " | ".join(figs) + f" | {speed[sname]:.0f} sentences/s")
        print(f"speed ratio newsfacts/quantulum3: {speed['newsfacts'] / speed['quantulum3']:.1f}x")
        if "NewsQuant" in name:
            rate = extractor_only_rate(texts, args.repeat)
            print(
                f"extractor alone (Document built beforehand): {rate:.0f} sentences/s, "
                f"{rate / speed['quantulum3']:.1f}x quantulum3"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
