"""pytest plugin (entry point ``pytest11``): the ``newsfacts_conformance`` fixture.

Loaded automatically wherever newsfacts is installed, so it must not import Hypothesis at
module level: the fixture imports :mod:`newsfacts.testing` only when a test asks for it.

Usage in a plugin's tests::

    def test_my_extractor_conforms(newsfacts_conformance):
        newsfacts_conformance(MyExtractor())

``--newsfacts-max-examples N`` sets the Hypothesis budget (default 100).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsfacts")
    group.addoption(
        "--newsfacts-max-examples",
        type=int,
        default=100,
        help="Hypothesis examples per extractor in the newsfacts conformance check",
    )


@pytest.fixture
def newsfacts_conformance(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``check(extractor, **options)``: run :func:`newsfacts.testing.check_extractor`.

    Raises ``ConformanceError`` (an ``AssertionError``) listing every failure, so the test
    fails with a readable report; returns the report otherwise.
    """
    from newsfacts.testing import check_extractor

    budget = int(request.config.getoption("--newsfacts-max-examples"))

    def check(extractor: Any, **options: Any) -> Any:
        options.setdefault("max_examples", budget)
        return check_extractor(extractor, **options)

    return check
