"""What the ladder's schema cannot say: each level fits its own code, once.

A level code is its track letter and its rank (P4: track P, rank 4), and the schema
describes ``track`` and ``rank`` that way, but it cannot compare one field with another.
The rank is not decoration: ``jdgen adjacent`` measures distance in ranks and JD304
compares an alias's numeral ("Machine Learning IV") with it, so a P4 that says rank 3
would be as far from P2 as P3 is, and would want "III" in aliases while its code says 4.

Ranks are not checked for repeats within a track on their own: once every level's
track and rank agree with its code, two levels of one track with one rank would share
a code, and a repeated code is already reported.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .yaml_source import SourceDoc


def ladder_checks(doc: SourceDoc) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    tracks = {t["code"] for t in doc.data["tracks"]}
    seen: dict[str, int] = {}
    for i, level in enumerate(doc.data["levels"]):
        code = level["code"]
        if code in seen:
            line = doc.where(("levels", seen[code], "code")).line
            problems.append(Diagnostic(doc.where(("levels", i, "code")),
                                       f"level {code!r} is defined twice, first at line {line}", "remove one of them"))
        seen.setdefault(code, i)
        if level["track"] != code[0]:
            # The code's letter is the fix here, whether or not the written track exists.
            problems.append(Diagnostic(doc.where(("levels", i, "track")),
                                       f"level {code} is on track {level['track']!r}, but its code starts with {code[0]}",
                                       f"set track: {code[0]}, or give the level a code that starts with {level['track']}"))
        elif level["track"] not in tracks:
            problems.append(Diagnostic(doc.where(("levels", i, "track")), f"track {level['track']!r} is not defined",
                                       f"use one of {', '.join(sorted(tracks))}"))
        if level["rank"] != int(code[1]):
            problems.append(Diagnostic(doc.where(("levels", i, "rank")),
                                       f"level {code} has rank {level['rank']}, but its code says rank {code[1]}",
                                       f"set rank: {code[1]}; a level's rank is the digit of its code"))
        if level["years"]["min"] > level["years"]["max"]:
            problems.append(Diagnostic(doc.where(("levels", i, "years")),
                                       f"level {code}: years.min is above years.max", "swap them"))
    return problems
