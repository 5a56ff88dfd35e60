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
import json
import math
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from itertools import compress, repeat
from operator import add, eq
from typing import Any, NamedTuple

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
#: Index keys of a city name that add more keys (an opening mark, "saint ...").
_SPECIAL_STARTS = (*sorted(_OPENING_MARKS), "saint ")
_FALSE = repeat(False)
#: Columns of ``cities.tsv.gz``. ``key`` is the name's index key (:func:`fold`) when that is
#: not ``name.casefold()``, else empty; ``alternatenames`` are index keys joined by ``|``.
_CITY_COLUMNS = (
    "geonameid",
    "name",
    "key",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "population",
    "alternatenames",
)


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


def read_columns(name: str = "cities.tsv.gz") -> dict[str, list[str]]:
    """The columns of a gzipped column-major table (``cities.tsv.gz``), each a list of fields.

    Such a table has a header line of tab-separated column names, then one line per column
    holding that column's fields for every row, tab-separated.
    """
    head, *lines = _read_gz(name).split("\n")
    if lines and not lines[-1]:
        lines.pop()
    header = head.split("\t")
    if len(lines) != len(header):
        raise ValueError(f"gazetteer table {name}: {len(header)} columns, {len(lines)} lines")
    cols = {column: line.split("\t") for column, line in zip(header, lines)}
    if len({len(c) for c in cols.values()}) > 1:
        raise ValueError(f"gazetteer table {name}: columns of different lengths")
    return cols


def _column_lines(name: str, header: tuple[str, ...]) -> list[str]:
    """The column lines of a column-major table (see :func:`read_columns`), in ``header`` order."""
    head, *lines = _read_gz(name).split("\n")
    if lines and not lines[-1]:
        lines.pop()
    if tuple(head.split("\t")) != header or len(lines) != len(header):
        raise ValueError(f"gazetteer table {name}: not the columns {header!r}")
    return lines


def _numbers(line: str) -> list[Any]:
    """The numbers of a tab-separated column line, as ``int()``/``float()`` would read them.

    JSON reads a number as ``int`` or ``float`` by its form, exactly as those do (the table
    writes coordinates with a decimal point and ids and counts without), and needs no string
    per field.
    """
    numbers: list[Any] = json.loads(f"[{line.replace(chr(9), ',')}]")
    return numbers


def _words(name: str) -> int:
    """How many tokens a name spans for the recogniser (words joined by spaces or hyphens)."""
    return name.count(" ") + name.count("-") + 1


def _suffix_stem(base: str) -> str:
    """What ``fold(f"{base} {suffix}")`` is before ``suffix``, for any lower-case ASCII word.

    Folding works character by character up to the space before such a suffix (which the
    suffix cannot change), so one fold gives the keys of all :data:`REGION_SUFFIXES`.
    """
    probe = REGION_SUFFIXES[0]
    return _fold(f"{base} {probe}")[: -len(probe)]


def _is_exact(alias: str) -> bool:
    """Aliases written in capitals or with dots match case-sensitively (``US``, ``Calif.``)."""
    letters = [c for c in alias if c.isalpha()]
    return "." in alias or (len(letters) >= 2 and all(c.isupper() for c in letters))


#: Columns of ``admin1.tsv``: GeoNames' fields, then the index keys :func:`admin1_keys` makes.
_ADMIN1_COLUMNS = (
    "code",
    "name",
    "asciiname",
    "geonameid",
    "latitude",
    "longitude",
    "population",
    "keys",
    "suffixed",
    "stems",
    "tokens",
)


def admin1_keys(name: str, asciiname: str) -> tuple[list[str], list[str], list[str], int]:
    """The index keys of a first-level region, as ``admin1.tsv`` stores them.

    The region is indexed under its name, its ASCII name and their base names (without an
    admin word, :data:`_ADMIN_SUFFIX`: "Kursk Oblast" -> "Kursk"), each folded, and under each
    base name followed by every one of :data:`REGION_SUFFIXES` ("kursk region"). Returns

    * the keys of names with no admin word (not ``suffixed``),
    * the keys of names with one (``suffixed``) that no stem gives,
    * the stems: each base name's key, which the loader follows with " " and each suffix
      (``""`` when the base name folds to nothing, for the bare suffixes),
    * the most tokens (:func:`_words`) any of the names spans.

    A key two names give with different ``suffixed`` flags is an error: which one would win
    would depend on the order the names are visited in.
    """
    names = {name, asciiname}
    for n in sorted(names):
        base = _ADMIN_SUFFIX.sub("", n).strip()
        if base and base != n:
            names.add(base)
    flags: dict[str, bool] = {}
    stems: list[str] = []
    tokens = 0

    def put(key: str, suffixed: bool) -> None:
        if flags.setdefault(key, suffixed) != suffixed:
            raise ValueError(f"region {name!r}: key {key!r} is both suffixed and not")

    for n in sorted(names):
        base = _ADMIN_SUFFIX.sub("", n).strip()
        key = _fold(n)
        if key:
            put(key, n != base)
            tokens = max(tokens, _words(n))
        prefix = _suffix_stem(base)
        if prefix and not prefix.endswith(" "):
            raise ValueError(f"region {name!r}: stem {prefix!r} does not end with a space")
        for suf in REGION_SUFFIXES:
            form = _fold(f"{base} {suf}")
            if form != prefix + suf:
                raise ValueError(f"region {name!r}: {form!r} is not {prefix!r} + {suf!r}")
            put(form, True)
        tokens = max(tokens, _words(base) + 1)
        stem = prefix[:-1]
        if stem not in stems:
            stems.append(stem)
    by_stems = {f"{stem} {suf}" if stem else suf for stem in stems for suf in REGION_SUFFIXES}
    plain = [k for k, suffixed in flags.items() if not suffixed]
    suffixed_keys = [k for k, suffixed in flags.items() if suffixed and k not in by_stems]
    return plain, suffixed_keys, stems, tokens


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
        #: Per-word memo for :meth:`.recognize.TokenIndex.sentences`: whether a capitalised
        #: word opens a name on its own (a gazetteer word, alone or with a dot after it).
        self.opens_memo: dict[str, bool] = {}
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

        self._load_admin1()
        self._load_cities(capitals)

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

    def _load_admin1(self) -> None:
        """First-level regions under their names, base names and "<base> <suffix>" forms.

        ``admin1.tsv`` stores each region's index keys as :func:`admin1_keys` derives them
        from its names (``tools/build_gazetteer.py`` writes them; a test checks them), all
        distinct, so they are appended with no merging and nothing is folded here.
        """
        new = tuple.__new__
        keys: list[str] = []
        cands: list[Candidate] = []
        max_tokens = self.max_tokens
        lines = _res.data_text(f"{DATA}/admin1.tsv").split("\n")
        if tuple(lines[0].split("\t")) != _ADMIN1_COLUMNS:
            raise ValueError(f"gazetteer table admin1.tsv: not the columns {_ADMIN1_COLUMNS!r}")
        for line in lines[1:]:
            if not line:
                continue
            code, name, _, gid, lat, lon, people, plain, suffixed, stems, tokens = line.split("\t")
            p = new(
                Place,
                (
                    name,
                    "admin1",
                    code.split(".", 1)[0],
                    code,
                    int(gid),
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                    int(people or 0),
                    False,
                ),
            )
            self.admin1[code] = p
            if plain:
                own = plain.split("|")
                keys += own
                cands += repeat(new(Candidate, (p, True, False, False)), len(own))
            forms = suffixed.split("|") if suffixed else []
            for stem in stems.split("|"):
                forms += map(add, repeat(f"{stem} " if stem else ""), REGION_SUFFIXES)
            keys += forms
            cands += repeat(new(Candidate, (p, True, False, True)), len(forms))
            if int(tokens) > max_tokens:
                max_tokens = int(tokens)
        self._append_all(keys, cands)
        self.max_tokens = max_tokens

    def _append_all(self, keys: Iterable[str], cands: Iterable[Candidate]) -> None:
        """Append each candidate to the index list of its key, in order (no merging)."""
        entry = self.index.setdefault
        for key, cand in zip(keys, cands):
            entry(key, []).append(cand)

    def _load_cities(self, capitals: dict[str, str]) -> None:
        """Cities (~70,000 rows) and their alternate names, column by column.

        The table stores what would otherwise be computed per row: the name's index key when it
        is not simply ``name.casefold()``, the full admin1 code and the alternate names already
        folded. Places and candidates are made a column at a time; a new place cannot already
        be in the index, so its entries are appended with no merging.
        """
        gid_l, name_l, key_l, cc_l, admin_l, lat_l, lon_l, pop_l, alt_l = _column_lines(
            "cities.tsv.gz", _CITY_COLUMNS
        )
        names = name_l.split("\t")
        key_s = key_l.split("\t")
        ccs = cc_l.split("\t")
        admin_s = admin_l.split("\t")
        alt_s = alt_l.split("\t")
        gids, lats, lons, pops = map(_numbers, (gid_l, lat_l, lon_l, pop_l))
        n = len(names)
        if any(len(c) != n for c in (gids, key_s, ccs, admin_s, lats, lons, pops, alt_s)):
            raise ValueError("gazetteer table cities.tsv.gz: columns of different lengths")
        new = tuple.__new__
        places = list(
            map(
                new,
                repeat(Place),
                zip(
                    names,
                    repeat("city"),
                    ccs,
                    admin_s,
                    gids,
                    lats,
                    lons,
                    pops,
                    map(eq, map(capitals.get, ccs), names),
                ),
            )
        )
        self.cities.update(zip(gids, places))
        owns = map(new, repeat(Candidate), zip(places, repeat(True), _FALSE, _FALSE))
        # The index key: the stored one, else the case-folded name.
        keys = list(map(str.casefold, names))
        for i in compress(range(n), key_s):
            keys[i] = key_s[i]
        entry = self.index.setdefault
        special = _SPECIAL_STARTS
        for key, own, alts in zip(keys, owns, alt_s):
            if not key or key.startswith(special):
                self._add_odd_city(key, own, alts)
                continue
            entry(key, []).append(own)
            if alts:
                # Alternate names are stored already folded and distinct from the name.
                alt_cand = new(Candidate, (own[0], False, False, False))
                for alt in alts.split("|"):
                    entry(alt, []).append(alt_cand)
        # Tokens a name spans (``_words``), over all names at once.
        if names:
            spaces = map(str.count, names, repeat(" "))
            words = max(map(add, spaces, map(str.count, names, repeat("-"))))
            self.max_tokens = max(self.max_tokens, words + 1)

    def _add_odd_city(self, key: str, own: Candidate, alts: str) -> None:
        """One city row whose key is empty, opens with a mark or starts with "saint "."""
        index = self.index
        if key:
            index.setdefault(key, []).append(own)
            if key[:1] in _OPENING_MARKS and len(key) > 3:
                # "‘Afrīn": a transliterated ayn opening the name is not written in news.
                index.setdefault(key[1:], []).append(own)
            if key[:6] == "saint ":
                # "St. Petersburg" is as much the name as "Saint Petersburg".
                for short in ("st. ", "st "):
                    index.setdefault(short + key[6:], []).insert(0, own)
        if alts:
            # Alternate names are stored already folded and distinct from the name.
            alt_cand = Candidate(own.place, False)
            for k in alts.split("|"):
                index.setdefault(k, []).append(alt_cand)

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
