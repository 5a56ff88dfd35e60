"""The gazetteer: places from the shipped GeoNames-derived tables and the name index over them.

Everything here is loaded once per process, on first use (:func:`gazetteer`), never per article.
Tables live in ``newsfacts/data/gazetteer/`` (see ``tools/build_gazetteer.py`` for how the
derived ones are made and ``docs/extractors/locations.md`` for the licence).

The index maps a *folded* name (diacritics stripped, case-folded, apostrophes unified, spaces
collapsed) to the places it can name. Names that must match exactly as written (``US``, ``U.K.``,
``Calif.``) live in a separate case-sensitive index so "us" or "la" never match.
"""

from __future__ import annotations

import gc
import gzip
import math
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from ... import resources as _res

__all__ = [
    "Candidate",
    "Gazetteer",
    "Place",
    "fold",
    "gazetteer",
]

DATA = "gazetteer"

#: Admin-region words stripped from a first-level region's name to get its base name.
_ADMIN_SUFFIX = regex.compile(
    r"(?:^(?:Province|Region|Republic|State|Governorate|Prefecture|County|District) of\s++)"
    r"|(?:\s++(?:Oblast|Province|Region|Governorate|Prefecture|Krai|Kray|Republic|State|District"
    r"|County|Voivodeship|Autonomous Region|Autonomous Okrug|Okrug|City|Municipality"
    r"|Department|Division|Territory|Emirate|Canton)$)",
    regex.IGNORECASE,
)
#: Suffixes a region's base name takes in news text ("Kursk region", "Donetsk Oblast").
REGION_SUFFIXES = ("region", "oblast", "province", "governorate", "prefecture", "krai", "state")

_WS = regex.compile(r"\s++")
#: Marks for a transliterated ayn or hamza that can open a GeoNames name ("‘Afrīn").
_OPENING_MARKS = frozenset("'`\u02bb\u02bc\u02be\u02bf")


class Place(NamedTuple):
    """One gazetteer entry."""

    name: str
    feature: str  # country | admin1 | city | region | continent | feature
    country_code: str | None
    admin1: str | None  # "CC.code" for cities and regions
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    population: int
    capital: bool = False


class Candidate(NamedTuple):
    """A place a name can refer to, and how the name relates to it."""

    place: Place
    primary: bool  # the place's own name (or curated alias), not a GeoNames alternate name
    demonym: bool = False
    suffixed: bool = False  # "Kursk region": the name says it is a region


#: Memo of :func:`fold` (names recur across sentences and articles); cleared when full.
_FOLDED: dict[str, str] = {}
_FOLD_MEMO_SIZE = 100_000


def fold(text: str) -> str:
    """The index key of a name: no diacritics, case-folded, one space, straight apostrophes."""
    key = _FOLDED.get(text)
    if key is None:
        if len(_FOLDED) >= _FOLD_MEMO_SIZE:
            _FOLDED.clear()
        key = _FOLDED[text] = _fold(text)
    return key


def _fold(text: str) -> str:
    if text.isascii():
        s = text.casefold()
        if "  " not in s and not s.startswith(" ") and not s.endswith(" "):
            return s
    else:
        s = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        ).casefold()
        s = s.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    return _WS.sub(" ", s).strip()


def _float(s: str) -> float | None:
    return float(s) if s else None


def _read_gz(name: str) -> str:
    data = resources.files("newsfacts").joinpath("data", DATA, name).read_bytes()
    return gzip.decompress(data).decode("utf-8")


def _is_exact(alias: str) -> bool:
    """Aliases written in capitals or with dots match case-sensitively (``US``, ``Calif.``)."""
    letters = [c for c in alias if c.isalpha()]
    return "." in alias or (len(letters) >= 2 and all(c.isupper() for c in letters))


class Gazetteer:
    """Places and the name index over them. Build with :func:`gazetteer` (cached)."""

    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = {}
        self.exact: dict[str, list[Candidate]] = {}
        self.countries: dict[str, Place] = {}
        self.admin1: dict[str, Place] = {}
        self.cities: dict[int, Place] = {}
        self.regions: dict[str, Place] = {}
        #: US counties by folded name ("orange county"): one place per state that has one.
        self.counties: dict[str, list[Place]] = {}
        self.stop: frozenset[str] = _res.word_set(f"{DATA}/stoplist.txt")
        self.max_tokens = 1
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        #: Per-word memo of the person-name test in :mod:`.filters` (the gazetteer is fixed).
        self.name_word_memo: dict[str, bool] = {}
        #: Memo of :func:`.recognize._lone_entry`: a lone word's name and candidates, or None.
        self.lone_memo: dict[str, tuple[str, tuple[Candidate, ...]] | None] = {}
        #: Memo of :func:`.recognize._longest` over runs of several words (see there).
        self.run_memo: dict[
            tuple[str, str, int], tuple[()] | tuple[int, int, tuple[Candidate, ...]]
        ] = {}
        self._load()

    # -- building -------------------------------------------------------------------------
    def _add(self, name: str, cand: Candidate, exact: bool = False) -> None:
        if exact:
            key = _WS.sub(" ", name.strip())
            self.exact.setdefault(key, []).append(cand)
        else:
            key = _fold(name)
            if not key:
                return
            lst = self.index.setdefault(key, [])
            for i, old in enumerate(lst):
                if old.place is cand.place:
                    if cand.primary and not old.primary:
                        lst[i] = cand
                    return
            lst.append(cand)
        n = name.count(" ") + name.count("-") + 1
        if n > self.max_tokens:
            self.max_tokens = n

    def _target(self, target: str) -> Place | None:
        kind, _, ref = target.partition(":")
        if kind == "country":
            return self.countries.get(ref)
        if kind == "admin1":
            return self.admin1.get(ref)
        if kind == "city":
            return self.cities.get(int(ref))
        if kind == "region":
            return self.regions.get(ref)
        return None

    def _load(self) -> None:
        capitals: dict[str, str] = {}
        for row in _res.read_table(f"{DATA}/countries.tsv"):
            p = Place(
                name=row["name"],
                feature="country",
                country_code=row["iso"],
                admin1=None,
                geonameid=int(row["geonameid"]),
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                population=int(row["population"] or 0),
            )
            self.countries[row["iso"]] = p
            capitals[row["iso"]] = row["capital"]
            self._add(p.name, Candidate(p, True))

        for row in _res.read_table(f"{DATA}/admin1.tsv"):
            cc = row["code"].split(".", 1)[0]
            p = Place(
                name=row["name"],
                feature="admin1",
                country_code=cc,
                admin1=row["code"],
                geonameid=int(row["geonameid"]),
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                population=int(row["population"] or 0),
            )
            self.admin1[row["code"]] = p
            names = {row["name"], row["asciiname"]}
            for n in list(names):
                base = _ADMIN_SUFFIX.sub("", n).strip()
                if base and base != n:
                    names.add(base)
            for n in names:
                self._add(n, Candidate(p, True, suffixed=n != _ADMIN_SUFFIX.sub("", n).strip()))
                base = _ADMIN_SUFFIX.sub("", n).strip()
                for suf in REGION_SUFFIXES:
                    self._add(f"{base} {suf}", Candidate(p, True, suffixed=True))

        # Cities: ~70,000 rows, so the loop does what ``_add`` would with no per-row calls
        # (a new place cannot already be in the index, so there is nothing to merge).
        index = self.index
        cities = self.cities
        new = tuple.__new__
        max_tokens = self.max_tokens
        lines = _read_gz("cities.tsv.gz").splitlines()
        for line in lines[1:]:
            f = line.split("\t")
            gid = int(f[0])
            name, cc = f[1], f[2]
            p = new(
                Place,
                (
                    name,
                    "city",
                    cc,
                    f"{cc}.{f[3]}",
                    gid,
                    float(f[4]),
                    float(f[5]),
                    int(f[6]),
                    capitals.get(cc) == name,
                ),
            )
            cities[gid] = p
            if name.isascii():  # _fold's fast path, inline
                key = name.casefold()
                if "  " in key or key[:1] == " " or key[-1:] == " ":
                    key = _fold(name)
            else:
                key = _fold(name)
            if key:
                own = new(Candidate, (p, True, False, False))
                index.setdefault(key, []).append(own)
                if key[:1] in _OPENING_MARKS and len(key) > 3:
                    # "‘Afrīn": a transliterated ayn opening the name is not written in news.
                    index.setdefault(key[1:], []).append(own)
                if key[:6] == "saint ":
                    # "St. Petersburg" is as much the name as "Saint Petersburg".
                    for short in ("st. ", "st "):
                        index.setdefault(short + key[6:], []).insert(0, own)
                words = name.count(" ") + name.count("-") + 1
                if words > max_tokens:
                    max_tokens = words
            if f[7]:
                # Alternate names are stored already folded and distinct from the name.
                alt_cand = new(Candidate, (p, False, False, False))
                for key in f[7].split("|"):
                    index.setdefault(key, []).append(alt_cand)
        self.max_tokens = max_tokens

        for row in _res.read_table(f"{DATA}/regions.tsv"):
            p = Place(
                name=row["name"],
                feature=row["feature"],
                country_code=row["country"] or None,
                admin1=None,
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                population=0,
            )
            self.regions[p.name] = p
            for n in [p.name, *filter(None, row["aliases"].split("|"))]:
                self._add(n, Candidate(p, True), exact=_is_exact(n))

        for row in _res.read_table(f"{DATA}/counties.tsv"):
            p = Place(
                name=row["name"],
                feature="region",
                country_code=row["admin1"].split(".", 1)[0],
                admin1=row["admin1"],
                geonameid=None,
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                population=int(row["population"] or 0),
            )
            self.regions[p.name] = p
            for n in [p.name, *filter(None, row["aliases"].split("|"))]:
                self._add(n, Candidate(p, True), exact=_is_exact(n))

        for row in _res.read_table(f"{DATA}/us_counties.tsv"):
            p = Place(
                name=row["name"],
                feature="region",
                country_code="US",
                admin1=row["admin1"],
                geonameid=None,
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                population=int(row["population"] or 0),
            )
            self.counties.setdefault(_fold(p.name), []).append(p)

        for row in _res.read_table(f"{DATA}/aliases.tsv"):
            place = self._target(row["target"])
            if place is None:
                raise ValueError(f"gazetteer alias {row['alias']!r}: unknown {row['target']!r}")
            cand = Candidate(place, True)
            if _is_exact(row["alias"]):
                self._add(row["alias"], cand, exact=True)
            else:
                key = _fold(row["alias"])
                # A curated alias outranks whatever GeoNames lists under the same name.
                self.index[key] = [cand, *(c for c in self.index.get(key, ()) if c.place != place)]

        for row in _res.read_table(f"{DATA}/demonyms.tsv"):
            place = self._target(row["target"])
            if place is None:
                raise ValueError(f"demonym {row['demonym']!r}: unknown {row['target']!r}")
            for form in _demonym_forms(row["demonym"]):
                key = _fold(form)
                self.index[key] = [
                    Candidate(place, True, demonym=True),
                    *(c for c in self.index.get(key, ()) if not c.demonym),
                ]

    # -- lookups --------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[Candidate]:
        """Candidates for a name as written: exact-case aliases first, then the folded index."""
        hit = self.exact.get(surface)
        if hit:
            return hit
        return self.index.get(fold(surface), [])

    def candidates(self, surface: str) -> tuple[Candidate, ...]:
        """:meth:`lookup` as a tuple, memoised per surface form (the hot path of recognition)."""
        memo = self._memo
        hit = memo.get(surface)
        if hit is None:
            if len(memo) >= _FOLD_MEMO_SIZE:
                memo.clear()
            hit = memo[surface] = tuple(self.lookup(surface))
        return hit

    def has_exact(self, surface: str) -> bool:
        return surface in self.exact

    def iter_places(self) -> Iterator[Place]:
        yield from self.countries.values()
        yield from self.admin1.values()
        yield from self.cities.values()
        yield from self.regions.values()


def _demonym_forms(word: str) -> tuple[str, ...]:
    """A demonym and its plural ("Israeli" -> "Israelis"); mass forms stay as they are."""
    if word.endswith(("an", "i", "er", "ite", "ot", "ard", "on", "ino", "eno")) or word in {
        "Turk",
        "Pole",
        "Dane",
        "Swede",
        "Finn",
        "Serb",
        "Croat",
        "Scot",
        "Afghan",
        "Czech",
        "Kurd",
    }:
        return (word, word + "s")
    return (word,)


def log_population(p: Place) -> float:
    """log10 of the population, 0 for unknown."""
    return math.log10(p.population) if p.population > 0 else 0.0


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call."""
    # The build allocates some 300,000 long-lived tuples and no cycles: the cyclic garbage
    # collector would only rescan the growing index again and again meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Gazetteer()
    finally:
        if enabled:
            gc.enable()
