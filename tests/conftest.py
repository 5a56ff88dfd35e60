from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import newsfacts

# CI runs the same examples every time (a red build must be reproducible); locally, Hypothesis
# explores new examples on each run.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed articles must be in seeds/"
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles(seed_paths: list[Path]) -> dict[str, newsfacts.Article]:
    return {p.name[:3]: newsfacts.Article.from_file(p) for p in seed_paths}


@pytest.fixture(scope="session")
def seed_facts(seed_articles: dict[str, newsfacts.Article]) -> dict[str, newsfacts.ArticleFacts]:
    return {k: newsfacts.extract(a) for k, a in seed_articles.items()}
