"""The shipped word lists and law table, loaded once and compiled for matching.

The files live in ``jdgen/data/``; each names its sources and review date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"


def _load(name: str) -> Any:
    # Shipped, trusted data: the fast C loader is fine; dates in these files are quoted strings.
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True)
class Phrase:
    id: str
    pattern: re.Pattern[str]
    message: str
    alternative: str
    severity: str


@cache
def phrases(name: str) -> tuple[Phrase, ...]:
    rows = _load(name)["phrases"]
    return tuple(Phrase(r["id"], re.compile(r["pattern"], re.IGNORECASE), " ".join(r["message"].split()),
                        r.get("alternative", ""), r.get("severity", "warning")) for r in rows)


@dataclass(frozen=True)
class GenderWords:
    stems: tuple[tuple[str, bool, str], ...]   # (stem, whole word only, alternative)
    exceptions: frozenset[str]
    exception_phrases: re.Pattern[str] | None


@cache
def masculine_words() -> GenderWords:
    data = _load("gender_coded.yaml")
    stems = tuple((row["stem"], row.get("match") == "word", row.get("alternative", "")) for row in data["masculine"])
    phrases_ = [re.escape(p).replace(r"\ ", r"[\s-]+") for p in data.get("exception_phrases", [])]
    joined = re.compile(r"\b(?:" + "|".join(phrases_) + r")\b", re.IGNORECASE) if phrases_ else None
    return GenderWords(stems, frozenset(w.lower() for w in data.get("exceptions", [])), joined)


@cache
def jurisdictions() -> tuple[dict[str, Any], ...]:
    return tuple(_load("pay_transparency.yaml")["jurisdictions"])


@cache
def readability_limits() -> dict[str, int]:
    """Each readability limit by name (``max_words`` …), the defaults of JD601–JD605's options;
    readability.yaml says where each number comes from."""
    return {name: row["value"] for name, row in _load("readability.yaml")["thresholds"].items()}
