"""The built-in locations extractor: offline geoparsing to GeoNames.

Pipeline per article, all over one shared gazetteer index built once per process:

1. :mod:`.recognize` finds capitalised names in the gazetteer (countries, first-level regions,
   cities, curated regions and features, aliases, abbreviations, demonyms), plus generic
   "X County" / "X Street" names;
2. :mod:`.filters` drops common words, person names and weak matches;
3. :mod:`.resolve` picks a GeoNames entry using population and the article's context;
4. :mod:`.metonymy` marks countries and capitals that stand for their governments.

Data: ``newsfacts/data/gazetteer/`` (contains data from GeoNames, geonames.org, CC BY 4.0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from typing import ClassVar

import attrs

from ...document import Document
from ...extractor import FactsSoFar
from ...gcpause import paused_for
from ...model import Fact, Location
from . import cues, filters, recognize, resolve
from .gazetteer import Candidate, Gazetteer, Place, fold, gazetteer
from .metonymy import is_metonymic
from .resolve import Context, best, score

__all__ = ["LocationExtractor", "gazetteer"]

_GENERIC_REGION = frozenset({"County", "Parish", "Township", "Borough"})
_COUNTY = frozenset({"County", "Parish", "Borough"})


def _span(m: recognize.Mention) -> tuple[int, int, str]:
    """The span a location reports for ``m``: the name without a lower-case region word after
    it ("Kursk" of "Kursk region", "Washington" of "Washington state"), as the geoparsing gold
    standards mark it; the region word still chose the reading (the oblast, the state)."""
    if m.inner is None and m.generic is None:
        head, sep, word = m.text.rpartition(" ")
        if sep and word in recognize.trimmed_suffixes():
            return m.start, m.start + len(head), head
    return m.start, m.end, m.text


def _location(
    m: recognize.Mention,
    name: str,
    feature: str,
    place: Place | None = None,
    **fields: object,
) -> Location:
    """The Location for mention ``m``; ``place`` gives its country and coordinates if known."""
    start, end, text = _span(m)
    if place is not None:
        fields = {
            **fields,
            "country_code": place.country_code,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
    return Location(
        start=start,
        end=end,
        text=text,
        name=name,
        feature=feature,  # type: ignore[arg-type]  # checked by Location's validator
        **fields,  # type: ignore[arg-type]
    )


def _county(m: recognize.Mention, gaz: Gazetteer, ctx: Context) -> Place | None:
    """A US county named by a generic "X County" mention: the one in a state the article
    names, else the most populous (see ``source`` in ``us_counties.tsv``)."""
    text = m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text
    places = gaz.counties.get(fold(text))
    if not places:
        return None
    county = max(places, key=lambda p: (ctx.bonus(p), p.population))
    if county.population == 0:
        # Placed at its state for want of towns or a namesake: a town the name opens with, in
        # that state, is closer.
        towns = [
            c.place
            for c in m.candidates
            if c.place.feature == "city" and c.primary and c.place.admin1 == county.admin1
        ]
        if towns:
            town = max(towns, key=lambda p: p.population)
            county = county._replace(latitude=town.latitude, longitude=town.longitude)
    return county


def _near(a: Place, b: Place, km: float) -> bool:
    """Whether ``a`` lies within ``km`` of ``b`` (both with points)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return resolve.km_between(a, (b.latitude, b.longitude)) <= km


def _peers(m: recognize.Mention, n: recognize.Mention) -> bool:
    """Whether ``m`` and ``n`` both name first-level regions of one country, so that "m, n" is
    a list ("New York, Ohio"), not a town and its region."""
    mine = {c.place.country_code for c in cues.admin1_reading((m.inner or m).candidates)}
    return any(c.place.country_code in mine for c in cues.admin1_reading(n.candidates))


#: A town qualified by a county ("Rockingham, Northamptonshire") lies within this of its point.
COUNTY_KM = 80.0


def _county_like(p: Place) -> bool:
    """A curated second-level region inside one first-level region: a British or Irish county."""
    return p.feature == "region" and p.admin1 is not None and p.latitude is not None


def _qualifier(m: recognize.Mention, n: recognize.Mention, ctx: Context) -> Candidate | None:
    """The reading of ``n`` as the first-level region or country qualifying the city ``m``
    before it: its best reading if that is one ("Paris, Texas"), else the region or country
    reading that has a town of ``m``'s name in it ("Tacoma, Washington": the state, though
    "Washington" alone is the capital)."""
    q = best(n.candidates, ctx)
    if not q.demonym and (q.place.feature in ("admin1", "country") or _county_like(q.place)):
        return q
    pool = [
        c
        for c in n.candidates
        if not c.demonym
        and c.place.feature in ("admin1", "country")
        and any(
            o.place.feature == "city"
            and o.place.country_code == c.place.country_code
            and (c.place.feature == "country" or o.place.admin1 == c.place.admin1)
            for o in (m.inner or m).candidates
        )
    ]
    return max(pool, key=lambda c: score(c, n.candidates, ctx)) if pool else None


def _qualified(
    text: str,
    kept: list[tuple[recognize.Mention, bool]],
    ctx: Context,
    own: dict[int, Candidate],
) -> dict[str, Candidate]:
    """Readings fixed by a qualifier: a name followed by a comma and a first-level region or
    country ("Melbourne, Ky.", "Paris, Texas", "Newcastle, Australia") reads as the
    place of that name inside it, when there is one, wherever the article repeats the name.
    A qualifier read as a region only there ("Tacoma, Washington") goes into ``own``, by
    mention id."""
    fixed: dict[str, Candidate] = {}
    for (m, _), (n, _) in pairwise(kept):
        if m.generic is not None or n.generic is not None or m.facility or n.inner is not None:
            continue
        if not m.candidates or not n.candidates or text[m.end : n.start].strip() != ",":
            continue
        if "\n" in text[m.end : n.start]:
            continue
        if best(m.candidates, ctx).place.feature != "city" or _peers(m, n):
            continue  # a list of regions or countries ("Alabama, Alaska", "New York, Ohio")
        q = _qualifier(m, n, ctx)
        if q is None:
            continue
        if q is not best(n.candidates, ctx):
            own[id(n)] = q
        qp = q.place
        inside = tuple(
            c
            for c in (m.inner or m).candidates
            if not c.demonym
            and c.place is not qp
            and c.place.feature in ("city", "admin1", "region")
            and c.place.country_code == qp.country_code
            and (qp.feature == "country" or c.place.admin1 == qp.admin1)
            and (not _county_like(qp) or _near(c.place, qp, COUNTY_KM))
        )
        key = (m.inner or m).text.casefold()
        if key in fixed:
            continue
        if inside:
            fixed[key] = best(inside, ctx)
        elif (
            (qp.feature == "admin1" or _county_like(qp))
            and qp.latitude is not None
            and m.inner is None
        ):
            # A town too small for the gazetteer ("Melbourne, Ky."): placed at its region,
            # not at a namesake elsewhere that the text rules out.
            town = Place(
                m.text, "city", qp.country_code, qp.admin1, None, qp.latitude, qp.longitude, 0
            )
            fixed[key] = Candidate(town, True)
    return fixed


def _region_readings(
    text: str,
    kept: list[tuple[recognize.Mention, bool]],
    ctx: Context,
    chosen: dict[str, Candidate],
    own: dict[int, Candidate],
) -> None:
    """Names that are both a city and a first-level region read as the region where the words
    around them say so ("Quebec government", "province of Quebec": :mod:`.cues`) or where they
    are listed with regions ("California or Washington"); each such mention only ("New York
    Attorney General" does not make the article's "New York" the state)."""
    plain = [
        (m, regions)
        for m, _ in kept
        if m.generic is None and not m.facility
        for regions in (cues.admin1_reading(m.candidates),)
    ]
    for m, regions in plain:
        if not regions or best(m.candidates, ctx).place.feature != "city" or id(m) in own:
            continue
        if cues.region_cue(text, m.start, m.end):
            own[id(m)] = max(regions, key=lambda c: score(c, m.candidates, ctx))
    qualified = {
        id(m)
        for (m, _), (n, _) in pairwise(plain)
        if text[m.end : n.start].strip() == ","
        and n.candidates
        and m.candidates
        and not _peers(m, n)
        and (
            best(n.candidates, ctx).place in {c.place for c in m.candidates}
            or _qualifier(m, n, ctx) is not None
        )
    }
    for (m, mr), (n, nr) in pairwise(plain):
        if not cues.list_connector(text[m.end : n.start]):
            continue
        if id(m) in qualified or id(n) in qualified:
            continue  # "Florida and Washington, D.C.": a town with its qualifier
        bm, bn = best(m.candidates, ctx), best(n.candidates, ctx)
        for this, regions, other, b in ((m, mr, bn, bm), (n, nr, bm, bn)):
            if (
                regions
                and id(this) not in own
                and b.place.feature == "city"
                and not other.demonym
                and other.place.feature == "admin1"
                and other.place.country_code in {c.place.country_code for c in regions}
                and (this.inner or this).text.casefold() not in chosen
            ):
                own[id(this)] = max(regions, key=lambda c: score(c, this.candidates, ctx))


def _spread_regions(
    text: str,
    kept: list[tuple[recognize.Mention, bool]],
    gaz: Gazetteer,
    ctx: Context,
    chosen: dict[str, Candidate],
    own: dict[int, Candidate],
) -> None:
    """A name the article itself places as a first-level region, with a region word after it
    ("Washington state") or a place cue before it ("central Washington", "the state of
    Washington"), is that region in its other mentions too ("at home in Washington"), unless a
    qualifier fixed the name ("Washington, D.C."). A government word after the name ("New York
    Attorney General") does not spread: a city's story uses those too; nor does a region named
    after a town inside it ("Kursk region" ... "Kursk": the city). A mention written with its
    own town ("Washington, D.C.") keeps that town."""
    for (m, _), (n, _) in pairwise(kept):
        if n.candidates and m.inner is None and text[m.end : n.start].strip() == ",":
            there = best(n.candidates, ctx).place
            for c in m.candidates:
                if c.place is there and not c.demonym:
                    own.setdefault(id(m), c)
    for m, junk in kept:
        if junk or m.generic is not None or m.facility or m.inner is not None:
            continue
        regions = cues.admin1_reading(m.candidates)
        if not regions:
            continue
        _, end, surface = _span(m)
        if end < m.end and best(m.candidates, ctx).place.feature == "admin1":
            pick = best(m.candidates, ctx)
        elif id(m) in own and own[id(m)] in regions and cues.place_cue(text, m.start):
            pick = own[id(m)]
        else:
            continue
        bare = gaz.candidates(surface)
        if any(
            c.place.feature == "city" and c.place.admin1 == pick.place.admin1 and c.primary
            for c in bare
        ):
            continue  # a region named after its own town ("Kursk region" ... "Kursk": the city)
        chosen.setdefault(surface.casefold(), pick)


def _county_names(
    kept: list[tuple[recognize.Mention, bool]],
    gaz: Gazetteer,
    ctx: Context,
    chosen: dict[str, Candidate],
) -> None:
    """A bare name the article also gives as a US county ("Suffolk County" ... "the Suffolk
    Times") is that county where its own best reading lies in another country (Suffolk,
    England): the article has said which Suffolk it means."""
    counties: dict[str, Place] = {}
    for m, junk in kept:
        if junk or m.generic not in _COUNTY:
            continue
        county = _county(m, gaz, ctx)
        head, _, _ = m.text.rpartition(" ")
        if county is not None and county.latitude is not None and head:
            counties.setdefault(head.casefold(), county)
    if not counties:
        return
    for m, _junk in kept:
        if m.generic is not None or m.facility or m.inner is not None or not m.candidates:
            continue
        key = m.text.casefold()
        county = counties.get(key)
        if county is None or key in chosen:
            continue
        if best(m.candidates, ctx).place.country_code != county.country_code:
            chosen[key] = Candidate(county, True)


def _locate_generics(
    resolved: list[tuple[recognize.Mention, Location]], junk: set[int]
) -> list[Fact]:
    """Streets, squares, parks and other local names the gazetteer lacks ("Frenchmen Street";
    the ``local`` words of ``name_context.tsv``) are placed at the town the article names most
    often (its first named, on a tie), if it names any: a local feature in a local story is
    most likely in that town. Rivers, valleys and seas can be far from it and stay unplaced."""
    local = recognize.context_words().get("local", frozenset())
    counts: dict[tuple[float | None, float | None], int] = {}
    towns: dict[tuple[float | None, float | None], Location] = {}
    nations: Counter[str | None] = Counter()
    for m, loc in resolved:
        if id(m) in junk or loc.latitude is None:
            continue
        nations[loc.country_code] += 1
        if loc.feature != "city" or loc.demonym:
            continue
        k = (loc.latitude, loc.longitude)
        counts[k] = counts.get(k, 0) + 1
        towns.setdefault(k, loc)
    if not counts:
        return [loc for _, loc in resolved]
    # The article's own country first ("Oulton Park" in a British story is not at the American
    # town a stray name resolved to), then the most named town, then the first named.
    top = max(counts, key=lambda k: (nations[towns[k].country_code], counts[k]))
    town = towns[top]
    out: list[Fact] = []
    for m, loc in resolved:
        if m.generic in local and loc.latitude is None:
            loc = attrs.evolve(
                loc,
                country_code=town.country_code,
                latitude=town.latitude,
                longitude=town.longitude,
            )
        out.append(loc)
    return out


class LocationExtractor:
    """Place names with offsets, resolved to GeoNames ids and coordinates."""

    name: ClassVar[str] = "locations"
    requires: ClassVar[tuple[str, ...]] = ("quotes",)
    produces: ClassVar[tuple[str, ...]] = ("locations",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        gaz = gazetteer()
        with paused_for(doc.text):  # see newsfacts.gcpause: also when run outside a pipeline
            return self._extract(doc, facts, gaz)

    def _extract(self, doc: Document, facts: FactsSoFar, gaz: Gazetteer) -> list[Fact]:
        text = doc.text
        names = filters.DocNames(text, facts.get("people", ()))
        sentences = doc.sentences or ()
        spans = [(s.start, s.end) for s in sentences] or [(0, len(text))]

        # Pass 1: candidates per sentence, and what they reveal about person names.
        per_sentence = []
        index = recognize.TokenIndex(text)
        for a, b, toks, joinable in index.sentences(spans, gaz):
            if not toks:
                continue
            found = list(recognize.mentions(text, toks, gaz, joinable))
            if not found:
                continue
            covered = filters.covered_tokens(found)
            filters.person_clues(text, toks, found, gaz, names, covered)
            per_sentence.append((a, b, toks, found, covered))

        # Pass 2: filter, and learn the article's countries from unambiguous mentions.
        ctx = Context()
        kept: list[tuple[recognize.Mention, bool]] = []
        counted: set[str] = set()
        boilerplate = bool(doc.boilerplate)  # most articles have none: nothing to test
        for a, b, toks, found, covered in per_sentence:
            junk = boilerplate and doc.in_boilerplate(a, b)
            for m in found:
                if not filters.keep(m, toks, text, covered, gaz, names, a, found):
                    continue
                kept.append((m, junk))
                if not junk and m.text not in counted:
                    counted.add(m.text)
                    ctx.add(m.candidates)

        ctx.add_neighbours(
            {
                (m.inner or m).text.casefold(): (m.inner or m).candidates
                for m, junk in kept
                if not junk and m.generic is None
            }
        )

        # Pass 3: resolve the names whose readings disagree once, and let the countries and
        # first-level regions they settle on join the context ("Ontario" is the province
        # unless the article says otherwise, so "London" is the Ontario one).
        first_pick: dict[str, Place] = {}
        for m, junk in kept:
            if not junk and m.generic is None and ctx.ambiguous(m.candidates):
                key = (m.inner or m).text.casefold()
                pick = first_pick.get(key)
                if pick is None:
                    pick = first_pick[key] = best(m.candidates, ctx).place
                ctx.add_resolved(pick)

        # Pass 4: resolve, the same name the same way throughout; a name qualified by the
        # region or country after it ("Melbourne, Ky.", "Paris, Texas") is that one's.
        own: dict[int, Candidate] = {}
        chosen: dict[str, Candidate] = _qualified(text, kept, ctx, own)
        _region_readings(text, kept, ctx, chosen, own)
        _spread_regions(text, kept, gaz, ctx, chosen, own)
        _county_names(kept, gaz, ctx, chosen)
        resolved: list[tuple[recognize.Mention, Location]] = []
        for m, _junk in kept:
            county = _county(m, gaz, ctx) if m.generic in _COUNTY else None
            if county is not None:
                resolved.append((m, _location(m, county.name, "region", county)))
                continue
            if m.generic is not None:
                generic = "region" if m.generic in _GENERIC_REGION else "feature"
                resolved.append((m, _location(m, m.text, generic)))
                continue
            core = m.inner or m
            key = core.text.casefold()
            c = own.get(id(m)) or chosen.get(key)
            if c is None:
                c = chosen[key] = best(m.candidates, ctx)
            p = c.place
            if m.facility:
                # "Manila Cathedral": a building or institution, located at its place.
                resolved.append((m, _location(m, m.text, "feature", p)))
                continue
            resolved.append(
                (
                    m,
                    _location(
                        m,
                        p.name,
                        p.feature,
                        p,
                        geonameid=p.geonameid,
                        demonym=c.demonym,
                        metonymic=is_metonymic(text, m.end, p, c.demonym),
                    ),
                )
            )
        located = _locate_generics(resolved, {id(m) for m, junk in kept if junk})
        return _merge_restated(text, located)


def _merge_restated(text: str, locs: list[Fact]) -> list[Fact]:
    """A town followed by a comma and another name of the same town ("Washington, D.C.":
    "D.C." is Washington too) is one toponym, as GeoWebNews marks it, not two."""
    out: list[Fact] = []
    for loc in locs:
        prev = out[-1] if out else None
        if (
            isinstance(loc, Location)
            and isinstance(prev, Location)
            and loc.geonameid
            and loc.geonameid == prev.geonameid
            and loc.feature == "city"
            and not (loc.demonym or prev.demonym)
            and text[prev.end : loc.start] == ", "
        ):
            out[-1] = attrs.evolve(prev, end=loc.end, text=text[prev.start : loc.end])
            continue
        out.append(loc)
    return out
