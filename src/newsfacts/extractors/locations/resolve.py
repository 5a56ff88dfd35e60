"""Resolution: choose the place a recognised name refers to.

Each candidate gets a score: log10 of its population, plus a bonus for its kind (a country
outranks a town of the same name; a region named with its region word, "Kursk region", is the
only reading), minus a penalty for GeoNames alternate names (which carry odd historic names) and
for a bare first-level region name that is also a city of its country ("Donetsk", "Kursk": the
city). The article's context then adds a bonus to places in the countries and first-level
regions it names unambiguously ("Donetsk" in a Ukraine story, "Paris" in a Texas story if
Paris, Texas is big enough to compete). The same name resolves the same way throughout an
article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .gazetteer import Candidate, Place, log_population

__all__ = ["Context", "best", "score"]

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


class Context:
    """Countries and first-level regions an article names without ambiguity."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1: Counter[str] = Counter()

    def add(self, cands: Iterable[Candidate]) -> None:
        """Count a mention whose readings all agree on a country (and maybe a region)."""
        cands = list(cands)
        if not cands:
            return
        top = cands[0].place
        if top.feature == "country" or all(c.place.country_code == top.country_code for c in cands):
            if top.country_code:
                self.countries[top.country_code] += 1
            if top.admin1 and (
                top.feature == "admin1" or all(c.place.admin1 == top.admin1 for c in cands)
            ):
                # A region, or a town that names only places in one region ("Ussuriysk").
                self.admin1[top.admin1] += 1

    @staticmethod
    def ambiguous(cands: Iterable[Candidate]) -> bool:
        """Whether :meth:`add` would skip these readings (they disagree on the country)."""
        cands = list(cands)
        if not cands:
            return False
        top = cands[0].place
        return not (
            top.feature == "country" or all(c.place.country_code == top.country_code for c in cands)
        )

    def add_resolved(self, place: Place) -> None:
        """Count a country or first-level region an earlier resolution pass chose for a mention
        whose readings disagree ("Ontario": the province, or the Californian city)."""
        if place.feature in ("country", "admin1") and place.country_code:
            self.countries[place.country_code] += 1
            if place.feature == "admin1" and place.admin1:
                self.admin1[place.admin1] += 1

    def bonus(self, place: Place) -> float:
        b = 0.0
        if place.country_code and place.country_code in self.countries:
            b += COUNTRY_BONUS if self.countries[place.country_code] > 1 else COUNTRY_BONUS / 2
        if place.feature in ("city", "region") and place.admin1 and place.admin1 in self.admin1:
            b += ADMIN1_BONUS
        return b


def score(c: Candidate, cands: tuple[Candidate, ...], ctx: Context) -> float:
    p = c.place
    kind = p.feature
    if kind == "region" and p.admin1 is not None:
        kind = "admin1"  # a county ranks like a first-level region, by its population
    s = log_population(p) + KIND_BONUS.get(kind, 0.0) + ctx.bonus(p)
    if p.capital and c.primary:
        s += CAPITAL_BONUS
    if not c.primary:
        s -= ALTERNATE_PENALTY
    if p.feature == "admin1" and not c.suffixed:
        for o in cands:
            if (
                o.place.feature == "city"
                and o.place.country_code == p.country_code
                and o.place.population >= 50_000
            ):
                s -= SHADOWED_REGION_PENALTY
                break
    return s


def best(cands: tuple[Candidate, ...], ctx: Context) -> Candidate:
    """The most likely reading; a name that says it is a region only reads as one."""
    pool = tuple(c for c in cands if c.suffixed) or cands
    return max(pool, key=lambda c: score(c, cands, ctx))
