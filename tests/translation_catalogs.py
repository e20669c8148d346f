"""Catalogs for the translation tests: copies of the built-in catalog, with the test companies
that publish in German (Isarwerk, Munich) and French (Rive Droite, Lyon) when asked for."""

from __future__ import annotations

import shutil
from pathlib import Path

from jdgen.resources import builtin_catalog

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "translations"
DE_P4 = "translations/de/AIMLAM.GEN.P4.yaml"
FR_P4 = "translations/fr/AIMLAM.GEN.P4.yaml"
P4 = "roles/AIMLAM.GEN.P4.yaml"


def catalog_with(tmp_path: Path, *slugs: str) -> Path:
    """A copy of the built-in catalog with the named test companies (isarwerk, rivedroite) added.
    Lindenhof, which publishes in German, is turned to English here, so that only the companies a
    test names publish in another language (and a translation no one publishes is a warning)."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    replace_in(root / "companies" / "lindenhof.yaml", "    language: de\n", "    language: en\n")
    for slug in slugs:
        shutil.copy(FIXTURES / f"{slug}.yaml", root / "companies" / f"{slug}.yaml")
    return root


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_col(path: Path, needle: str) -> tuple[int, int]:
    """The line and column (1-based) where ``needle`` first appears in ``path``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} is not in {path}")
