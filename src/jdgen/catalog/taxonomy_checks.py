"""What the taxonomy's schema cannot say: each code once, and super-functions that group real functions.

Profiles are checked against the taxonomy by code. With a code written twice, only one
of the two entries is ever consulted, so a focus added under the other copy of a
function would be reported missing from a taxonomy that plainly lists it.

Super-functions list their functions by code (rather than each function naming its
super-function) so that the grouping reads as one tree and is reviewed in one place. That
makes two mistakes possible which the schema cannot see: a listed code the taxonomy does
not define (a typo that would silently leave the real function ungrouped), and one
function in two super-functions (distance would depend on which entry was read first).
A function in no super-function is allowed: it shares a super-function with no other.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, suggestion_hint
from .yaml_source import JsonPath, SourceDoc


def taxonomy_checks(doc: SourceDoc) -> list[Diagnostic]:
    functions = doc.data["functions"]
    problems = _repeats(doc, ("functions",), functions, "function")
    for i, function in enumerate(functions):
        problems += _repeats(doc, ("functions", i, "focuses"), function.get("focuses", ()),
                             "focus", f" under {function['code']}")
    groups = doc.data.get("super_functions", ())
    problems += _repeats(doc, ("super_functions",), groups, "super-function")
    return problems + _memberships(doc, groups, [f["code"] for f in functions])


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


def _memberships(doc: SourceDoc, groups: Any, defined: list[str]) -> list[Diagnostic]:
    """Every listed function exists and sits in one super-function, once."""
    first: dict[str, tuple[int, int]] = {}
    problems = []
    for i, group in enumerate(groups):
        for j, code in enumerate(group["functions"]):
            here = doc.where(("super_functions", i, "functions", j))
            if code not in defined:
                problems.append(Diagnostic(
                    here, f"super-function {group['code']} lists function {code!r}, which the taxonomy does not define",
                    suggestion_hint(code, defined) or "add the function under `functions:`, or remove it here"))
                continue
            if code not in first:
                first[code] = (i, j)
                continue
            i0, j0 = first[code]
            line = doc.where(("super_functions", i0, "functions", j0)).line
            if i0 == i:
                problems.append(Diagnostic(here, f"function {code!r} is listed twice in super-function "
                                                 f"{group['code']}, first at line {line}", "remove one of them"))
            else:
                problems.append(Diagnostic(
                    here, f"function {code!r} is in two super-functions: {groups[i0]['code']} (line {line}) "
                          f"and {group['code']}", "a function belongs to one super-function; remove it from one list"))
    return problems
