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

from collections.abc import Iterable
from typing import ClassVar

from ...document import Document
from ...extractor import FactsSoFar
from ...model import Fact, Location
from . import filters, recognize
from .gazetteer import Candidate, Gazetteer, Place, fold, gazetteer
from .metonymy import is_metonymic
from .resolve import Context, best

__all__ = ["LocationExtractor", "gazetteer"]

_GENERIC_REGION = frozenset({"County", "Parish", "Township", "Borough"})
_COUNTY = frozenset({"County", "Parish", "Borough"})


def _location(
    m: recognize.Mention,
    name: str,
    feature: str,
    place: Place | None = None,
    **fields: object,
) -> Location:
    """The Location for mention ``m``; ``place`` gives its country and coordinates if known."""
    where = (
        {}
        if place is None
        else {
            "country_code": place.country_code,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
    )
    return Location(
        start=m.start,
        end=m.end,
        text=m.text,
        name=name,
        feature=feature,  # type: ignore[arg-type]  # checked by Location's validator
        **where,  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def _county(m: recognize.Mention, gaz: Gazetteer, ctx: Context) -> Place | None:
    """A US county named by a generic "X County" mention: the one in a state the article
    names, else the one with the largest namesake town."""
    text = m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text
    places = gaz.counties.get(fold(text))
    if not places:
        return None
    return max(places, key=lambda p: (ctx.bonus(p), p.population))


class LocationExtractor:
    """Place names with offsets, resolved to GeoNames ids and coordinates."""

    name: ClassVar[str] = "locations"
    requires: ClassVar[tuple[str, ...]] = ("quotes",)
    produces: ClassVar[tuple[str, ...]] = ("locations",)

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        gaz = gazetteer()
        text = doc.text
        names = filters.DocNames(text, facts.get("people", ()))
        sentences = doc.sentences or ()
        spans = [(s.start, s.end) for s in sentences] or [(0, len(text))]

        # Pass 1: candidates per sentence, and what they reveal about person names.
        per_sentence = []
        for a, b in spans:
            toks = recognize.tokens(text, a, b)
            if not toks:
                continue
            found = list(recognize.mentions(text, toks, gaz))
            if not found:
                continue
            covered = filters.covered_tokens(found)
            filters.person_clues(text, toks, found, gaz, names, covered)
            per_sentence.append((a, b, toks, found, covered))

        # Pass 2: filter, and learn the article's countries from unambiguous mentions.
        ctx = Context()
        kept: list[tuple[recognize.Mention, bool]] = []
        for a, b, toks, found, covered in per_sentence:
            junk = doc.in_boilerplate(a, b)
            for m in found:
                if not filters.keep(m, toks, text, covered, gaz, names, a):
                    continue
                kept.append((m, junk))
                if not junk:
                    ctx.add(m.candidates)

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

        # Pass 4: resolve, the same name the same way throughout.
        chosen: dict[str, Candidate] = {}
        out: list[Fact] = []
        for m, _junk in kept:
            county = _county(m, gaz, ctx) if m.generic in _COUNTY else None
            if county is not None:
                out.append(_location(m, county.name, "region", county))
                continue
            if m.generic is not None:
                generic = "region" if m.generic in _GENERIC_REGION else "feature"
                out.append(_location(m, m.text, generic))
                continue
            core = m.inner or m
            key = core.text.casefold()
            c = chosen.get(key)
            if c is None:
                c = chosen[key] = best(m.candidates, ctx)
            p = c.place
            if m.facility:
                # "Manila Cathedral": a building or institution, located at its place.
                out.append(_location(m, m.text, "feature", p))
                continue
            out.append(
                _location(
                    m,
                    p.name,
                    p.feature,
                    p,
                    geonameid=p.geonameid,
                    demonym=c.demonym,
                    metonymic=is_metonymic(text, m.end, p, c.demonym),
                )
            )
        return out
