"""Imported by the fork server of :func:`newsfacts.extract_many`: load every lazy resource once.

Importing this module runs the default pipeline on one short article, which reads the word
lists, gazetteer and compiled patterns into memory. Workers forked from the server then start
with all of that already loaded instead of reading it again each. Nothing else imports it.
"""

from __future__ import annotations

import gc


def warm() -> None:
    """Run the default pipeline once; a failure here only means workers load lazily."""
    try:
        from .pipeline import Pipeline

        Pipeline().run(
            "WASHINGTON: The U.S. said on Monday that 1,500 troops, up 12% from June, were in "
            '"Paris and Kyiv," Maria Kovalenko, a spokeswoman, told reporters in London.'
        )
    except Exception:  # pragma: no cover - warming is an optimisation only
        pass


# The collector stays off while loading: its first passes would walk the gazetteer's ~350,000
# new entries (a fifth of the warm-up's time) only to keep them all.
_enabled = gc.isenabled()
gc.disable()
try:
    warm()
finally:
    # Move everything loaded so far out of the cyclic collector's reach, as the ``gc.freeze``
    # docs advise before forking: the workers' collections then neither walk those objects nor
    # write to their pages, which would copy them into each worker. This process only forks
    # workers.
    gc.freeze()
    if _enabled:
        gc.enable()
