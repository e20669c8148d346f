"""The ``jdgen`` command: a thin shell over the Python API.

:mod:`~jdgen.cli.app` holds the commands (each parses its options, calls the API,
prints and returns an exit code), :mod:`~jdgen.cli.options` checks option values as they
were typed, and :mod:`~jdgen.cli.views` lays out catalog data for the terminal. Nothing
outside this folder imports it. :func:`main` is imported on first use, so that the
``jdgen`` console script (``jdgen.cli:main``) can name it here.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "main":
        from ..collector import pause_for_start_up

        pause_for_start_up()  # see jdgen/collector.py: back on where a batch begins
        from .app import main

        return main
    raise AttributeError(f"module 'jdgen.cli' has no attribute {name!r}")
