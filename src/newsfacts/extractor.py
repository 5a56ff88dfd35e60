"""What an extractor is: a named object that turns the shared document into facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from .document import Document
from .model import Fact

__all__ = ["Extractor", "FactsSoFar"]

#: The facts already extracted for this article, by fact key ("quantities", "people", ...).
FactsSoFar = Mapping[str, Sequence[Fact]]


@runtime_checkable
class Extractor(Protocol):
    """The shape every extractor has; built-in and plugin extractors alike.

    ``name`` identifies it in ``extractors=``, ``NEWSFACTS_DISABLE_PLUGINS`` and ``errors``.
    ``requires`` names extractors whose facts it reads: the pipeline runs those first and passes
    their facts in ``facts``. ``produces`` lists the fact keys it returns (for listings).
    ``extract`` must not mutate its inputs and should be deterministic.
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    produces: ClassVar[tuple[str, ...]]

    def extract(self, doc: Document, facts: FactsSoFar) -> Iterable[Fact]:
        """Return the facts found in ``doc``; offsets point into ``doc.text``."""
        ...
