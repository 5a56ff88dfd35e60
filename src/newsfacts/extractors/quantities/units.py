"""Units after a figure: percent marks, currencies, and measurement units.

Measurement units come from quantulum3's own unit tables (``units.json``, general and en_US),
read directly as JSON once on first use: every surface ("square kilometre") with its plural and
every symbol ("km²", "mph") maps to quantulum3's unit name. Currencies and percent marks have
their own small tables (``currencies.tsv``, ``percent.tsv``) because news writes them in more
ways than quantulum3 knows ("US$", "HK $", "Y=", "per cent", "pc"). ``extra_units.tsv`` adds or
overrides a few readings; ``unit_symbol_stop.txt`` drops symbols too ambiguous in running text
("in", "a", "C").
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _res
from typing import Any

import attrs
import regex

from ._data import table, words

__all__ = ["Currency", "UnitTables", "may_match_after", "tables"]

_PREFIXES = {
    "Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega",
    "k": "kilo", "h": "hecto", "da": "deca", "d": "deci", "c": "centi", "m": "milli",
    "µ": "micro", "n": "nano", "p": "pico", "f": "femto", "a": "atto", "z": "zepto",
    "y": "yocto",
}  # fmt: skip

_IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries"}


def _plural(word: str) -> str:
    last = word.rsplit(" ", 1)[-1]
    if last in _IRREGULAR_PLURALS:
        return word[: len(word) - len(last)] + _IRREGULAR_PLURALS[last]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    return word + "s"


@attrs.frozen
class Currency:
    """One way of writing a currency."""

    mark: str
    code: str
    position: str
    word: bool


@attrs.frozen
class UnitTables:
    """Everything needed to read the unit of a figure."""

    surfaces: dict[str, str]  # lower-case surface (1-3 words) -> unit name
    symbols: dict[str, str]  # case-sensitive symbol -> unit name
    symbols_lower: dict[str, str]  # lower-cased symbols of 3+ characters -> unit name
    max_words: int
    prefix_currency: Any  # compiled regex, anchored at the end of the text before a figure
    suffix_currency: Any  # compiled regex, anchored at the start of the text after a figure
    percent: Any  # compiled regex, anchored at the start of the text after a figure
    #: the prefix marks of one character, and the last two characters of the longer ones: a
    #: prefix mark ends with one of these
    prefix_ends: frozenset[str]
    #: percent, suffix currency or pence (groups "percent", "suffix", "pence"): what the three
    #: patterns tried in turn at the start of the text after a figure find, in one match
    after: Any
    percent_units: dict[str, str]
    currency_by_mark: dict[str, str]
    #: the first (up to) three characters of every mark ``after`` can find, as written for the
    #: case-sensitive marks and case-folded for the word marks: see :func:`may_match_after`
    #: (None if a word mark is not ASCII: then ``after`` is always tried)
    after_heads: tuple[frozenset[str], frozenset[str]] | None = None
    #: every prefix of every surface: a phrase that starts with an ASCII word whose lower case
    #: is not one of these is no surface (see ``_unit_after``)
    surface_prefixes: frozenset[str] = frozenset()


def _load_json(path: Any) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _quantulum_units() -> dict[str, dict[str, Any]]:
    root = _res.files("quantulum3")
    merged: dict[str, dict[str, Any]] = {}
    for path in (root.joinpath("units.json"), root.joinpath("_lang", "en_US", "units.json")):
        for name, unit in _load_json(path).items():
            merged.setdefault(name, {}).update(unit)
    out: dict[str, dict[str, Any]] = {}
    for name, unit in merged.items():
        if "entity" not in unit:
            continue
        out[name] = unit
        for prefix in unit.get("prefixes", []):
            full = _PREFIXES.get(prefix)
            if full is None:
                continue
            out[full + name] = {
                "entity": unit["entity"],
                "surfaces": [full + s for s in unit.get("surfaces", [])],
                "symbols": [prefix + s for s in unit.get("symbols", [])],
            }
    return out


#: pence written "p" after a figure: "118.5p", "68 p" (not "2 p.m.", not "1080p")
PENCE = r"[ \u00a0]?+(?P<pence>p)(?![^\W_]|\.[^\W\d_])"


def _alternation(marks: list[str]) -> str:
    return "|".join(regex.escape(m) for m in sorted(marks, key=len, reverse=True))


@lru_cache(maxsize=1)
def tables() -> UnitTables:
    """Build the unit tables once (about 20 ms)."""
    stop = words("unit_symbol_stop.txt", lower=False)
    surfaces: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for name, unit in _quantulum_units().items():
        if unit["entity"] in ("dimensionless", "currency", "unknown"):
            continue
        for surface in unit.get("surfaces", []):
            s = surface.lower()
            forms = [s, _plural(s)]
            first, _, rest = s.partition(" ")
            if rest:
                forms.append(f"{_plural(first)} {rest}")
            for form in forms:
                surfaces.setdefault(form, name)
        for symbol in unit.get("symbols", []):
            if symbol not in stop:
                symbols.setdefault(symbol, name)
                # the micro sign and the Greek mu look alike and are both written: "352 μm"
                if "\u00b5" in symbol:
                    symbols.setdefault(symbol.replace("\u00b5", "\u03bc"), name)
    for row in table("extra_units.tsv"):
        surfaces[row["surface"]] = row["unit"]
    max_words = max(len(s.split()) for s in surfaces)

    currencies = [
        Currency(r["mark"], r["code"], r["position"], r["word"] == "yes")
        for r in table("currencies.tsv")
    ]
    pre_sym = [c.mark for c in currencies if c.position in ("prefix", "both") and not c.word]
    suf_sym = [c.mark for c in currencies if c.position in ("suffix", "both") and not c.word]
    suf_word = [c.mark for c in currencies if c.position in ("suffix", "both") and c.word]
    # Prefix marks: "$5", "US$ 5", "EUR50m"; a letter mark must not continue a longer word.
    prefix = regex.compile(rf"(?<![^\W\d_])(?P<cur>{_alternation(pre_sym)})[ \u00a0]?+$", regex.V1)
    suffix_body = (
        rf"[ \u00a0]?+(?P<cur>{_alternation(suf_sym)})(?![^\W\d_])"
        rf"|[ \u00a0](?i:(?P<cur>{_alternation(suf_word)}))\b"
    )
    suffix = regex.compile(rf"^(?:{suffix_body})", regex.V1)
    by_mark: dict[str, str] = {}
    for c in currencies:
        by_mark.setdefault(c.mark.lower() if c.word else c.mark, c.code)

    prows = table("percent.tsv")
    psym = [r["mark"] for r in prows if r["word"] != "yes"]
    pword = [r["mark"] for r in prows if r["word"] == "yes"]
    percent_body = (
        rf"[ \u00a0]?+(?P<p>{_alternation(psym)})"
        rf"|[ \u00a0]?+(?i:(?P<p>{_alternation(pword)}))(?![^\W\d_])"
    )
    percent = regex.compile(rf"^(?:{percent_body})", regex.V1)
    # each branch is anchored where the match starts and nothing follows the alternation: the
    # first branch that matches gives the match its own pattern would
    after = regex.compile(
        rf"(?P<percent>{percent_body})|(?P<suffix>{suffix_body})|{PENCE}", regex.V1
    )
    percent_units = {r["mark"].lower(): r["unit"] for r in prows}
    after_words = pword + suf_word
    heads = (
        (
            frozenset(m[:3] for m in [*psym, *suf_sym]),
            frozenset(m.casefold()[:3] for m in after_words),
        )
        if all(m.isascii() for m in after_words)
        else None
    )
    return UnitTables(
        surfaces=surfaces,
        symbols=symbols,
        symbols_lower={k.lower(): v for k, v in symbols.items() if len(k) >= 3},
        max_words=max_words,
        prefix_currency=prefix,
        suffix_currency=suffix,
        percent=percent,
        prefix_ends=frozenset(m[-2:] for m in pre_sym),
        after=after,
        percent_units=percent_units,
        currency_by_mark=by_mark,
        after_heads=heads,
        surface_prefixes=frozenset(s[:k] for s in surfaces for k in range(1, len(s) + 1)),
    )


_SPACE = (" ", "\u00a0")


def may_match_after(t: UnitTables, rest: str) -> bool:
    """A necessary condition for ``t.after.match(rest)``, checked with set look-ups.

    Every branch of ``after`` is a mark right at the start of ``rest`` or after its one
    leading space (the optional space is possessive). Text of ASCII characters only matches
    a case-sensitive mark as written and a word mark (all ASCII) as its lower case, so the
    first up to three characters there must be the head of a mark, or a "p" not followed by
    a letter or digit (:data:`PENCE`). Most figures have no percent, currency or pence mark
    after them: the match is left out for them.
    """
    heads = t.after_heads
    p = 1 if rest[:1] in _SPACE else 0
    head = rest[p : p + 3]
    if heads is None or not head.isascii():
        return True
    exact, folded = heads
    low = head.lower()
    return (
        (head[:1] == "p" and not head[1:2].isalnum())
        or head in exact
        or low in folded
        or head[:2] in exact
        or low[:2] in folded
        or head[:1] in exact
        or low[:1] in folded
    )


def currency_code(t: UnitTables, mark: str) -> str:
    """The ISO code for a currency mark as written."""
    return t.currency_by_mark.get(mark) or t.currency_by_mark.get(mark.lower(), mark)
