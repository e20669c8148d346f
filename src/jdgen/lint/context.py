"""What a rule is given besides its target, and the limit of findings per rule and file.

Its own module so that the engine and the per-profile units (:mod:`.per_profile`), which
the engine runs, can both use them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .config import LintConfig

if TYPE_CHECKING:
    from ..catalog.root import Catalog

# Findings one rule reports in one file before it is stopped (see engine.Findings).
MAX_PER_FILE = 100


@dataclass
class LintContext:
    catalog: "Catalog"
    as_of: date
    config: LintConfig
