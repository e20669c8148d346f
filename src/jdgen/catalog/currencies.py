"""ISO 4217 currency codes, checked wherever pay appears (company bands, profile market pay)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..diagnostics import Diagnostic, suggestion_hint
from .yaml_source import JsonPath, SourceDoc

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@cache
def iso_4217() -> frozenset[str]:
    text = (DATA_DIR / "iso4217.txt").read_text(encoding="utf-8")
    return frozenset(code for line in text.splitlines() if not line.startswith("#") for code in line.split())


def currency_problem(doc: SourceDoc, path: JsonPath, code: str) -> Diagnostic | None:
    if code in iso_4217():
        return None
    return Diagnostic(doc.where(path), f"currency {code!r} is not an ISO 4217 code",
                      suggestion_hint(code, iso_4217()) or "use a code such as USD, EUR or GBP")
