"""Years-of-experience claims in free text: the reader lives in :mod:`jdgen.compose.experience`.

Composing a posting uses the same reader as JD301 to decide whether the level's years line
is printed, so one reading of "5-8 years" serves both; lint keeps importing it from here.
"""

from ..compose.experience import MAX_CANDIDATES, YearsClaim, find_years_claims, is_age_label, total_experience_claims

__all__ = ["MAX_CANDIDATES", "YearsClaim", "find_years_claims", "is_age_label", "total_experience_claims"]
