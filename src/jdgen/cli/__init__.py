"""The ``jdgen`` command: a thin shell over the Python API.

:mod:`~jdgen.cli.app` holds the commands (each parses its options, calls the API,
prints and returns an exit code), :mod:`~jdgen.cli.options` checks option values as they
were typed, and :mod:`~jdgen.cli.views` lays out catalog data for the terminal. Nothing
outside this folder imports it. :func:`main` is imported on first use, so that the
``jdgen`` console script (``jdgen.cli:main``) can name it here.
"""

from __future__ import annotations

import gc
from typing import Any

# Objects a command may allocate, net, between two young-generation collections. Starting
# up allocates a few hundred thousand objects (typer, pydantic and jdgen's modules, the
# models, the catalog files) and frees few of them; at Python's 700 the collector ran about
# 150 times in a cold ``jdgen render``, about 6 ms of it, rescanning objects that live to
# the end. At this size it still runs, and still frees cycles, every few MB in a long batch.
START_UP_GC_THRESHOLD = 50_000


def __getattr__(name: str) -> Any:
    if name == "main":
        first, *older = gc.get_threshold()
        if 0 < first < START_UP_GC_THRESHOLD:  # 0: the collector is off; a larger one was someone's choice
            gc.set_threshold(START_UP_GC_THRESHOLD, *older)
        from .app import main

        return main
    raise AttributeError(f"module 'jdgen.cli' has no attribute {name!r}")
