"""Checking a catalog: ``jdgen validate``, and ``jdgen lint``, rules over the catalog and every posting.

:mod:`~jdgen.lint.validate` checks every file against its schema and the checks a schema
cannot express, merges each company onto the roles it changes, and reads the ``[lint]``
table of jdgen.toml, which only the rules can judge. :mod:`~jdgen.lint.engine` runs
validate first (its problems become JD001 findings), then the rules of
:mod:`jdgen.lint.rules`. Each needs the other, so they share this folder.

Public API: :func:`lint` returns a :class:`LintResult` of findings (``Diagnostic``
objects with a code and severity); :func:`all_rules` lists the rules. Like :mod:`jdgen`,
this package imports them on first use, so that ``jdgen validate`` does not load the engine.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LintConfig", "LintResult", "all_rules", "lint", "load_config"]


def __getattr__(name: str) -> Any:
    if name in ("LintConfig", "load_config"):
        from . import config as module
    elif name in ("LintResult", "lint"):
        from . import engine as module
    elif name == "all_rules":
        from . import ruleset as module
    else:
        raise AttributeError(f"module 'jdgen.lint' has no attribute {name!r}")
    return getattr(module, name)
