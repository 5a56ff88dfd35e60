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
from .gazetteer import Candidate, gazetteer
from .metonymy import is_metonymic
from .resolve import Context, best

__all__ = ["LocationExtractor", "gazetteer"]

_GENERIC_REGION = frozenset({"County", "Parish", "Township", "Borough"})


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

        # Pass 3: resolve, the same name the same way throughout.
        chosen: dict[str, Candidate] = {}
        out: list[Fact] = []
        for m, _junk in kept:
            if m.generic is not None:
                out.append(
                    Location(
                        start=m.start,
                        end=m.end,
                        text=m.text,
                        name=m.text,
                        feature="region" if m.generic in _GENERIC_REGION else "feature",
                    )
                )
                continue
            key = m.text.casefold()
            c = chosen.get(key)
            if c is None:
                c = chosen[key] = best(m.candidates, ctx)
            p = c.place
            out.append(
                Location(
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    name=p.name,
                    feature=p.feature,  # type: ignore[arg-type]
                    country_code=p.country_code,
                    geonameid=p.geonameid,
                    latitude=p.latitude,
                    longitude=p.longitude,
                    demonym=c.demonym,
                    metonymic=is_metonymic(text, m.end, p, c.demonym),
                )
            )
        return out
