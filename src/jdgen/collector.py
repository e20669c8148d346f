"""When Python's cyclic garbage collector runs in a ``jdgen`` command: not while it starts.

A cold ``jdgen render CODE`` imports typer, pydantic, Jinja and jdgen's modules and builds
the catalog's models: some hundreds of thousands of containers, nearly all alive until the
process ends. Even with the young generation's threshold at 50,000 the collector ran 8 times
in it, about 13 ms of a 220 ms command, rescanning objects no collection could free (measured
2026-12-04: -X importtime put most of it inside the imports where the collections happened).
A command that renders or checks a few files ends before cycles matter, so the command line
starts with the collector off (:func:`pause_for_start_up`).

Work that runs long enough for cyclic garbage to add up turns it back on at its start
(:func:`batch_begins`), at the threshold below: a whole-catalog lint or validation, a render of
many postings, a site, an import of many files, and every run with worker processes. Used as a
library, jdgen never turns the collector off: :func:`batch_begins` then does nothing.
"""

from __future__ import annotations

import gc

# Objects a batch may allocate, net, between two young-generation collections: large enough that
# a batch's long-lived objects (models, parsed files) are not rescanned every few hundred
# allocations, small enough that cycles are still freed every few MB.
BATCH_THRESHOLD = 50_000

_paused = False


def pause_for_start_up() -> None:
    """Turn the collector off while a command starts, if it is on (a caller who turned it off keeps it off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def batch_begins() -> None:
    """Turn the collector back on, with :data:`BATCH_THRESHOLD`, if :func:`pause_for_start_up` turned it off."""
    global _paused
    if not _paused:
        return
    _paused = False
    first, *older = gc.get_threshold()
    if 0 < first < BATCH_THRESHOLD:  # 0: the collector is off; a larger one was someone's choice
        gc.set_threshold(BATCH_THRESHOLD, *older)
    gc.enable()
