"""The Dask path (``newsfacts[dask]``): a bag and a dataframe on a local 2-worker cluster."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfacts import Article, extract
from newsfacts.distributed import extract_partition, loads, to_article
from newsfacts.serialize import dumps

TEXTS = [
    "The council said 40 homes were flooded on Tuesday.",
    '"We will rebuild," the mayor told reporters in Leeds.',
    "About 1,200 people left the town before the storm arrived.",
]


def test_partition_function_needs_no_dask_and_keeps_order(seed_paths: list[Path]) -> None:
    records = [{"text": t, "id": i, "title": None, "extra": 1} for i, t in enumerate(TEXTS)]
    records.append({"text": seed_paths[0].read_text(encoding="utf-8"), "id": "seed"})
    out = list(extract_partition(iter(records)))
    assert [o["article"]["id"] for o in out] == ["0", "1", "2", "seed"]
    assert out[0] == extract(Article(text=TEXTS[0], id="0")).to_dict()
    (line,) = extract_partition([TEXTS[2]], output="json")
    assert loads(line).to_dict() == extract(TEXTS[2]).to_dict()
    with pytest.raises(ValueError, match="output must be"):
        list(extract_partition([], output="xml"))  # type: ignore[arg-type]


def test_records_with_missing_values_become_articles() -> None:
    art = to_article({"text": "Body.", "id": 7, "url": math.nan, "published": "2024-02-03"})
    assert art.id == "7" and art.url is None and art.published is not None
    with pytest.raises(ValueError, match="no string 'text'"):
        to_article({"body": "x"})


dask = pytest.importorskip("dask", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=":0",
        silence_logs=40,  # logging.ERROR
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _articles(seed_paths: list[Path]) -> list[Article]:
    arts = [Article.from_file(p) for p in seed_paths]
    arts += [Article(text=t, id=f"mine-{i}") for i, t in enumerate(TEXTS)]
    return arts


def test_bag_on_two_workers_matches_serial(client: object, seed_paths: list[Path]) -> None:
    import dask.bag as db

    from newsfacts.distributed import extract_bag

    arts = _articles(seed_paths)
    bag = db.from_sequence(arts, npartitions=4)
    got = extract_bag(bag).compute()
    assert [g["article"]["id"] for g in got] == [a.id for a in arts]
    assert got == [extract(a).to_dict() for a in arts]
    # dict records (as from db.read_text(...).map(json.loads)) work too
    recs = db.from_sequence([{"text": a.text, "id": a.id} for a in arts[:3]], npartitions=2)
    lines = extract_bag(recs, output="json").compute()
    assert lines == [dumps(extract(a)) for a in arts[:3]]
    # both workers took part
    assert len(client.scheduler_info()["workers"]) == 2  # type: ignore[attr-defined]


def test_dataframe_gets_a_facts_column(client: object, seed_paths: list[Path]) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from newsfacts.distributed import extract_dataframe

    arts = _articles(seed_paths)
    pdf = pd.DataFrame(
        {
            "id": [a.id for a in arts],
            "text": [a.text for a in arts],
            "published": ["2024-10-23"] * len(arts),
            "votes": range(len(arts)),
        }
    )
    ddf = dd.from_pandas(pdf, npartitions=3)
    result = extract_dataframe(ddf).compute()
    assert list(result["votes"]) == list(range(len(arts)))  # other columns kept, rows in order
    for art, cell in zip(arts, result["facts"]):
        obj = json.loads(cell)
        assert obj["article"]["id"] == art.id
        assert obj["article"]["published"] == "2024-10-23"
        expected = extract(Article(text=art.text, id=art.id, published="2024-10-23"))
        assert obj == expected.to_dict()
    with pytest.raises(KeyError, match="no column 'body'"):
        extract_dataframe(ddf, text_column="body")
