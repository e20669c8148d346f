"""The rules, one module per topic; importing this package registers every rule.

Each rule module registers its rules with :func:`jdgen.lint.registry.rule` as it is
imported, so :func:`all_rules` lives here, where all of them have been imported, rather
than in the registry: the registry is what rule modules import, and importing the rules
from it made the two import each other.
"""

from . import language, level, pay, readability, sections, structure, templates  # noqa: F401
from ..registry import RULES, Rule


def all_rules() -> dict[str, Rule]:
    """Every rule, by code."""
    return RULES
