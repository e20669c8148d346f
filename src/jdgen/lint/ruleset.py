"""Every lint rule: the rules package, imported the first time the rules are asked for.

Rule modules import :mod:`jdgen.lint.registry` to register themselves, so the registry
cannot import them in turn (the two would import each other). This module does, on the
first call of :func:`all_rules`, so that importing the configuration, the suppressions or
the engine loads no rule until one is needed.
"""

from __future__ import annotations

from .registry import RULES, Rule


def all_rules() -> dict[str, Rule]:
    """Every rule, by code."""
    from . import rules  # noqa: F401  (importing the package registers every rule)

    return RULES
