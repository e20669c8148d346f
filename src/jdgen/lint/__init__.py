"""``jdgen lint``: a rule engine over the catalog and every posting it renders.

Public API: :func:`lint` returns a :class:`LintResult` of findings (``Diagnostic``
objects with a code and severity); :func:`all_rules` lists the rules.
"""

from .config import LintConfig, load_config
from .engine import LintResult, lint
from .rules import all_rules

__all__ = ["LintConfig", "LintResult", "all_rules", "lint", "load_config"]
