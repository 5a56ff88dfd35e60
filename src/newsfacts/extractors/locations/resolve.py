"""Resolution: choose the place a recognised name refers to.

Each candidate gets a score: log10 of its population, plus a bonus for its kind (a country
outranks a town of the same name; a region named with its region word, "Kursk region", is the
only reading), minus a penalty for GeoNames alternate names (which carry odd historic names) and
for a bare first-level region name that is also a city of its country ("Donetsk", "Kursk": the
city). The article's context then adds a bonus to places in the countries and first-level
regions it names unambiguously ("Donetsk" in a Ukraine story, "Paris" in a Texas story if
Paris, Texas is big enough to compete), and to towns that lie next to a reading of another
name in the article ("Enfield and Edmonton": the London boroughs). A country that is also a
first-level region elsewhere ("Georgia") loses to the region in a story about that region's
country. The same name resolves the same way throughout an article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from .gazetteer import Candidate, Place, log_population

__all__ = ["Context", "best", "km_between", "score"]

KIND_BONUS = {
    "country": 4.0,
    "continent": 10.0,
    "region": 8.0,
    "feature": 8.0,
    "admin1": 1.0,
    "city": 0.0,
}
ALTERNATE_PENALTY = 1.5
SHADOWED_REGION_PENALTY = 3.0
COUNTRY_BONUS = 1.5
ADMIN1_BONUS = 1.5
#: A national capital outranks its namesakes abroad (Washington, D.C. vs Washington, England).
CAPITAL_BONUS = 0.5
#: A country the article names nowhere else loses to a first-level region of the same name in a
#: country the article is about ("Georgia" in an American story: the state).
FOREIGN_COUNTRY_PENALTY = 3.0
#: A town reading next to a reading of another name in the article ("Enfield", "Edmonton").
NEAR_KM = 50.0
NEAR_BONUS = 2.0
#: ... unless it is this many times smaller than the name's largest reading.
NEAR_MAX_RATIO = 25


def _foreign_namesake(cands: Iterable[Candidate]) -> bool:
    """Whether a country name is also a first-level region of another country ("Georgia")."""
    cands = list(cands)
    if len(cands) < 2:
        return False
    countries = {c.place.country_code for c in cands if c.place.feature == "country"}
    return bool(countries) and any(
        c.place.feature == "admin1" and c.place.country_code not in countries for c in cands
    )


#: :func:`_agreement` by the id of a candidates tuple, with the tuple (which pins the id): most
#: tuples are the gazetteer's own, shared by every mention of a name in every article.
_AGREED: dict[int, tuple[tuple[Candidate, ...], tuple[bool, str | None, str | None]]] = {}


#: Towns smaller than this are shipped only when a larger place shares their name
#: (``tools/build_gazetteer.py --min-population``).
NAMESAKE_POPULATION = 5000


def _small_namesake(c: Candidate) -> bool:
    return c.place.feature == "city" and c.place.population < NAMESAKE_POPULATION


def _agreement(cands: tuple[Candidate, ...]) -> tuple[bool, str | None, str | None]:
    """Whether the readings disagree on the country (:meth:`Context.ambiguous`), and what
    :meth:`Context.add` counts for them: the country and the first-level region they all
    agree on (None where they do not, or for no readings), memoised."""
    hit = _AGREED.get(id(cands))
    if hit is not None and hit[0] is cands:
        return hit[1]
    if len(_AGREED) >= 100_000:
        _AGREED.clear()
    out: tuple[bool, str | None, str | None] = (False, None, None)
    # Towns under NAMESAKE_POPULATION are in the gazetteer only as namesakes of larger places
    # ("Brampton", England, 4,862 people): they never make a name ambiguous.
    readings = tuple(c for c in cands if not _small_namesake(c)) or cands
    if readings:
        top = readings[0].place
        if _foreign_namesake(readings) or not (
            top.feature == "country"
            or all(c.place.country_code == top.country_code for c in readings)
        ):
            out = (True, None, None)
        else:
            # A region, or a town that names only places in one region ("Ussuriysk").
            region = top.admin1 and (
                top.feature == "admin1" or all(c.place.admin1 == top.admin1 for c in readings)
            )
            out = (False, top.country_code or None, top.admin1 if region else None)
    _AGREED[id(cands)] = (cands, out)
    return out


def km_between(a: Place, b: tuple[float, float]) -> float:
    """Approximate distance in km (equirectangular; fine below a few hundred km)."""
    assert a.latitude is not None and a.longitude is not None
    lat = math.radians((a.latitude + b[0]) / 2)
    dx = (a.longitude - b[1]) * math.cos(lat)
    dy = a.latitude - b[0]
    return 111.2 * math.hypot(dx, dy)


class Context:
    """Countries and first-level regions an article names without ambiguity, and the towns
    that lie next to a reading of another name in the article."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1: Counter[str] = Counter()
        self.near: set[Place] = set()
        #: :func:`best` by the id of a candidates tuple, with the tuple (which pins the id);
        #: emptied whenever the context changes. The later passes ask for the same names'
        #: readings several times over a context that no longer changes.
        self.best_memo: dict[int, tuple[tuple[Candidate, ...], Candidate]] = {}

    def add_neighbours(self, names: dict[str, tuple[Candidate, ...]]) -> None:
        """Mark the town readings of names whose readings disagree on the country that lie
        within :data:`NEAR_KM` of a town or region reading of another name of the article
        ("Enfield" and "Edmonton": the London boroughs, not the Connecticut and Alberta
        towns)."""
        ambiguous = [key for key, cands in names.items() if self.ambiguous(cands)]
        if not ambiguous:
            return
        self.best_memo.clear()
        grid: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for key, cands in names.items():
            for c in cands:
                p = c.place
                if c.demonym or p.latitude is None or p.longitude is None:
                    continue
                if p.feature not in ("city", "admin1", "region"):
                    continue
                cell = (math.floor(p.latitude), math.floor(p.longitude))
                grid.setdefault(cell, []).append((key, p.latitude, p.longitude))
        dlat = NEAR_KM / 111.2
        for key in ambiguous:
            cands = names[key]
            # A village next to a town the article names is weak evidence against a big
            # namesake ("Washington" and "Pittsburgh": the capital, not Washington, PA).
            floor = max(c.place.population for c in cands) / NEAR_MAX_RATIO
            for c in cands:
                p = c.place
                if p.feature != "city" or p.latitude is None or p.population < floor:
                    continue
                assert p.longitude is not None
                if self._has_neighbour(p, key, grid, dlat):
                    self.near.add(p)

    @staticmethod
    def _has_neighbour(
        p: Place, key: str, grid: dict[tuple[int, int], list[tuple[str, float, float]]], dlat: float
    ) -> bool:
        assert p.latitude is not None and p.longitude is not None
        la, lo = math.floor(p.latitude), math.floor(p.longitude)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for other, olat, olon in grid.get((la + dy, lo + dx), ()):
                    if (
                        other != key
                        and abs(olat - p.latitude) <= dlat
                        and km_between(p, (olat, olon)) <= NEAR_KM
                    ):
                        return True
        return False

    def add(self, cands: Iterable[Candidate]) -> None:
        """Count a mention whose readings all agree on a country (and maybe a region)."""
        _, country, admin1 = _agreement(tuple(cands))
        if country is None and admin1 is None:
            return
        self.best_memo.clear()
        if country is not None:
            self.countries[country] += 1
        if admin1 is not None:
            self.admin1[admin1] += 1

    @staticmethod
    def ambiguous(cands: Iterable[Candidate]) -> bool:
        """Whether :meth:`add` would skip these readings (they disagree on the country)."""
        return _agreement(tuple(cands))[0]

    def add_resolved(self, place: Place) -> None:
        """Count a country or first-level region an earlier resolution pass chose for a mention
        whose readings disagree ("Ontario": the province, or the Californian city)."""
        if place.feature in ("country", "admin1") and place.country_code:
            self.best_memo.clear()
            self.countries[place.country_code] += 1
            if place.feature == "admin1" and place.admin1:
                self.admin1[place.admin1] += 1

    def bonus(self, place: Place) -> float:
        b = 0.0
        if place.country_code and place.country_code in self.countries:
            b += COUNTRY_BONUS if self.countries[place.country_code] > 1 else COUNTRY_BONUS / 2
        if place.feature in ("city", "region") and place.admin1 and place.admin1 in self.admin1:
            b += ADMIN1_BONUS
        if place in self.near:
            b += NEAR_BONUS
        return b


#: :func:`_short_name` by the id of a candidates tuple, with the tuple (which pins the id).
_SHORT: dict[int, tuple[tuple[Candidate, ...], str | None]] = {}


def _short_name(cands: tuple[Candidate, ...]) -> str | None:
    """The name as written, taken from a reading that bears it as its own name, followed by a
    space: an alternate name that a reading's own name opens with ("Newcastle" of "Newcastle
    upon Tyne") is a short form, not an odd historic name. None without such a reading."""
    hit = _SHORT.get(id(cands))
    if hit is not None and hit[0] is cands:
        return hit[1]
    if len(_SHORT) >= 100_000:
        _SHORT.clear()
    name = next((c.place.name for c in cands if c.primary and not c.demonym), None)
    out = None if name is None else name.casefold() + " "
    _SHORT[id(cands)] = (cands, out)
    return out


def score(c: Candidate, cands: tuple[Candidate, ...], ctx: Context) -> float:
    p = c.place
    kind = p.feature
    if kind == "region" and p.admin1 is not None:
        kind = "admin1"  # a county ranks like a first-level region, by its population
    s = log_population(p) + KIND_BONUS.get(kind, 0.0) + ctx.bonus(p)
    if p.capital and c.primary:
        s += CAPITAL_BONUS
    if not c.primary:
        short = _short_name(cands) if p.feature == "city" else None
        if short is None or not p.name.casefold().startswith(short):
            s -= ALTERNATE_PENALTY
    if (
        p.feature == "country"
        and not ctx.countries[p.country_code or ""]
        and any(
            o.place.feature == "admin1"
            and o.place.country_code != p.country_code
            and ctx.countries[o.place.country_code or ""] > 1
            for o in cands
        )
    ):
        s -= FOREIGN_COUNTRY_PENALTY
    if p.feature == "admin1" and not c.suffixed:
        for o in cands:
            # A region named like a big town inside it ("Kursk", "Donetsk": the city) or like
            # the capital ("Washington"); another town does not shadow it ("Wyoming": the
            # state, not the Michigan city).
            if (
                o.place.feature == "city"
                and o.place.country_code == p.country_code
                and (o.place.admin1 == p.admin1 or o.place.capital)
                and o.place.population >= 50_000
            ):
                s -= SHADOWED_REGION_PENALTY
                break
    return s


def best(cands: tuple[Candidate, ...], ctx: Context) -> Candidate:
    """The most likely reading; a name that says it is a region only reads as one."""
    hit = ctx.best_memo.get(id(cands))
    if hit is not None and hit[0] is cands:
        return hit[1]
    pool = tuple(c for c in cands if c.suffixed) or cands
    pick = max(pool, key=lambda c: score(c, cands, ctx))
    ctx.best_memo[id(cands)] = (cands, pick)
    return pick
