"""JSON-LD ``educationRequirements`` and ``experienceRequirements`` from the posting's own words.

Google's JobPosting guide reads ``educationRequirements`` as an
``EducationalOccupationalCredential`` whose ``credentialCategory`` is one of ``high
school``, ``associate degree``, ``bachelor degree``, ``professional certificate`` or
``postgraduate degree``, and ``experienceRequirements`` as
``OccupationalExperienceRequirements`` whose ``monthsOfExperience`` is the MINIMUM
(https://developers.google.com/search/docs/appearance/structured-data/job-posting;
standards.md §1.2).

Design choices:

* **Education** comes only from required qualifications the posting prints, in their printed
  wording (``Nice to have`` ones are not requirements), of kind ``education`` or
  ``certification``, or without a kind. A text that names several levels ("at bachelor's or master's level") requires the lowest of them; a
  text that names no level ("a degree in computer science") gives nothing, because a level
  jdgen chose would be invented. Master's and doctorates are both ``postgraduate degree``.
* **Experience** is what the posting itself asks for: the smallest total years stated by
  a required qualification the posting prints (read by :mod:`jdgen.compose.experience`,
  the reader that decides whether the posting prints its level's years and that JD301
  checks the texts with), so the JSON-LD and the page a candidate reads agree. A
  sub-requirement ("5+ years, 2 of them leading a team") is not a total, and the smallest
  of several totals is the minimum a candidate must bring. When no printed required
  qualification states years, the posting prints its level's range and the level's
  minimum is used. A minimum of 0 ("0-2 years", "up to 2 years") is left out rather than
  written as ``monthsOfExperience: 0``: Google's guide offers the minimum, and an
  entry-level posting whose minimum is nothing has no experience requirement to state; 0
  would read to a job board as a requirement that happens to be zero months. Months are
  rounded to whole months ("18 months" is 18, "1.5 years" is 18).
"""

from __future__ import annotations

import re
from typing import Any

from ..compose.posting import Posting
from .context import printed_items, printed_qualifications

# Lowest first: a text naming several levels requires the first that matches in this order.
_CREDENTIALS = (
    ("high school", re.compile(r"\bhigh[- ]school\b|\bGED\b|\bsecondary school\b", re.I)),
    ("associate degree", re.compile(r"\bassociate(?:['’]?s)?\s+degree\b", re.I)),
    ("bachelor degree", re.compile(r"\bbachelor(?:['’]?s)?\b|\bundergraduate degree\b|\bB\.?Sc\b|\bB\.S\.|\bB\.A\.", re.I)),
    ("postgraduate degree", re.compile(r"\bmaster(?:['’]?s\b|\s+(?:degree|of)\b)|\bdoctora(?:te|l)\b|\bph\.?\s?d\b|\b(?:post)?graduate degree\b"
                                       r"|\bM\.?Sc\b|\bM\.S\.", re.I)),
)


def education_requirements(posting: Posting) -> list[dict[str, Any]]:
    """One credential per distinct category the required qualifications name, in their order."""
    categories: list[str] = []
    # The printed wording of the printed items: an item left out with `in_posting: false` asks nothing
    # of a candidate, and its `posting:` wording is what the page says the credential is.
    for name, _, item, wording in printed_items(posting.profile):
        if name != "qualifications" or item.priority != "required" or \
                item.kind not in (None, "education", "certification"):
            continue
        category = "professional certificate" if item.kind == "certification" else _lowest_credential(wording)
        if category and category not in categories:
            categories.append(category)
    return [{"@type": "EducationalOccupationalCredential", "credentialCategory": c} for c in categories]


def _lowest_credential(text: str) -> str | None:
    return next((category for category, pattern in _CREDENTIALS if pattern.search(text)), None)


def experience_requirements(posting: Posting) -> dict[str, Any] | None:
    months = round(minimum_years(posting) * 12)
    if months <= 0:
        return None
    return {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}


def minimum_years(posting: Posting) -> float:
    """The fewest years the posting asks for (see the module docstring): stated, else the level's."""
    from ..compose.experience import total_experience_claims  # its patterns compile on first use

    stated = [claim.min_years for _, claim in total_experience_claims(printed_qualifications(posting))]
    return min(stated) if stated else posting.level.years.min
