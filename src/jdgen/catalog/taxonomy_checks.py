"""What the taxonomy's schema cannot say: each function code once, each focus code once per function.

Profiles are checked against the taxonomy by code. With a code written twice, only one
of the two entries is ever consulted, so a focus added under the other copy of a
function would be reported missing from a taxonomy that plainly lists it.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from .yaml_source import JsonPath, SourceDoc


def taxonomy_checks(doc: SourceDoc) -> list[Diagnostic]:
    functions = doc.data["functions"]
    problems = _repeats(doc, ("functions",), functions, "function")
    for i, function in enumerate(functions):
        problems += _repeats(doc, ("functions", i, "focuses"), function.get("focuses", ()),
                             "focus", f" under {function['code']}")
    return problems


def _repeats(doc: SourceDoc, where: JsonPath, entries: Any, what: str, inside: str = "") -> list[Diagnostic]:
    first: dict[str, int] = {}
    problems = []
    for i, entry in enumerate(entries):
        code = entry["code"]
        if code not in first:
            first[code] = i
            continue
        line = doc.where(where + (first[code], "code")).line
        problems.append(Diagnostic(doc.where(where + (i, "code")),
                                   f"{what} {code!r} is defined twice{inside}, first at line {line}",
                                   "remove one of them, or give this one its own code"))
    return problems
