"""A copy of the built-in catalog with findings in several files, for the --jobs and findings-cache tests.

Its findings: an invalid profile (JD001), an alias two profiles claim (JD104), a suppression
without a reason and one that silences nothing (JD002, JD003), and a company whose 105
benefits each say something gender-coded (JD501 in every posting of every profile, past
the limit of 100 findings per rule and file, so the run must stop the rule where a single
process would).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jdgen.resources import builtin_catalog

AS_OF = ("--as-of", "2026-11-23")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def scale_catalog(root: Path) -> Path:
    shutil.copytree(builtin_catalog(), root)
    roles, companies = root / "roles", root / "companies"
    _edit(roles / "AIMLAM.APP.P1.yaml", "level: P1", "level: P9")
    for code in ("AIMLAM.GEN.P1", "AIMLAM.GEN.P2"):
        _edit(roles / f"{code}.yaml", "title_aliases:\n", "title_aliases:\n  - title: Northwind Engineer\n    type: common\n")
    _edit(roles / "AIMLAM.GEN.P3.yaml", "title: AI/ML Engineer III",
          "title: AI/ML Engineer III  # jdgen: ignore[JD604]\n# jdgen: ignore[JD501] quoted from the brief")
    perks = "".join(f"  - \"Perk {n}: a competitive, aggressive and dominant team\"\n" for n in range(105))
    _edit(companies / "northwind.yaml", "benefits:\n", "benefits:\n" + perks)
    return root
