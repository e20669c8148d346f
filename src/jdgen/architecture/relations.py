"""Job-architecture views: adjacent roles, side-by-side comparison, a family's career ladder.

Distance between two roles, in [0, 1]::

    distance = 0.5 * taxonomy + 0.5 * level

* ``taxonomy``: 0 for the same family (function and focus), 0.25 for another focus of the
  same function, 0.5 for another function of the same super-function, 1 for a function of
  another super-function. A function that no super-function lists (or a catalog without a
  taxonomy) shares a super-function with no other function.
* ``level``: within one track (P, M, S, E), 0.2 per rank apart, at most 1. Across tracks, a
  fixed step for changing track (P↔M 0.25, M↔E 0.25, P↔E 0.5, S↔P 0.4, S↔M 0.5, S↔E 0.75)
  plus the gap between the levels' typical years (midpoints) divided by 20, at most 1.

Bands: close (≤ 0.15), near (≤ 0.375), far (above).

Level and taxonomy weigh the same because a job architect treats a four-level jump inside
a family as a bigger move than a sideways step into a sibling function: P1 and P5 share a
family but not the work, its scope or its pay. Under the earlier 0.6/0.4 split with 0.2
per rank, P1 and P7 of one family came out "near" (0.4), which understates the move.
The thresholds sit between the values these steps produce, so no common pair lands on a
boundary:

* same family, one level apart: 0.1, close
* same function, another focus, same level: 0.125, close
* same family, two or three levels apart: 0.2 or 0.3, near
* sibling function (same super-function), same level: 0.25, near
* sibling function, one level apart: 0.35, near
* same family, four or more levels apart (P1 and P7): 0.4 to 0.5, far
* another super-function, same level: 0.5, far

A role is at distance 0 from itself, and the distance is symmetric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..catalog.models import COMPONENT_LISTS, Level, Profile, Taxonomy
from ..terminal_text import one_line, table
from .pay import PayView, company_band, market_pay

if TYPE_CHECKING:
    from ..catalog.root import Catalog

TAXONOMY_WEIGHT, LEVEL_WEIGHT = 0.5, 0.5
OTHER_FOCUS, SIBLING_FUNCTION, OTHER_SUPER_FUNCTION = 0.25, 0.5, 1.0
RANK_STEP = 0.2
TRACK_STEP = {frozenset("PM"): 0.25, frozenset("ME"): 0.25, frozenset("PE"): 0.5,
              frozenset("SP"): 0.4, frozenset("SM"): 0.5, frozenset("SE"): 0.75}
BANDS = ((0.15, "close"), (0.375, "near"), (1.0, "far"))


def taxonomy_distance(a: Profile, b: Profile, taxonomy: Taxonomy | None = None) -> float:
    if a.function.code == b.function.code:
        return 0.0 if a.focus.code == b.focus.code else OTHER_FOCUS
    group = taxonomy.super_function_of(a.function.code) if taxonomy is not None else None
    if group is not None and group == taxonomy.super_function_of(b.function.code):
        return SIBLING_FUNCTION
    return OTHER_SUPER_FUNCTION


def level_distance(a: Level, b: Level) -> float:
    if a.track == b.track:
        return min(1.0, RANK_STEP * abs(a.rank - b.rank))
    middle = lambda level: (level.years.min + level.years.max) / 2  # noqa: E731
    step = TRACK_STEP.get(frozenset(a.track + b.track), 0.5)
    return min(1.0, step + abs(middle(a) - middle(b)) / 20)


def distance(a: Profile, b: Profile, level_a: Level, level_b: Level, taxonomy: Taxonomy | None = None) -> float:
    return round(TAXONOMY_WEIGHT * taxonomy_distance(a, b, taxonomy) + LEVEL_WEIGHT * level_distance(level_a, level_b), 3)


def band(value: float) -> str:
    return next(name for limit, name in BANDS if value <= limit)


@dataclass(frozen=True)
class Neighbour:
    code: str
    title: str
    level: str
    distance: float
    band: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "level": self.level, "distance": self.distance, "band": self.band}


def adjacent(catalog: "Catalog", code: str, limit: int = 5) -> list[Neighbour]:
    if limit < 1:
        raise UsageError(f"--limit {limit} must be at least 1")
    me = catalog.profile(code).model
    my_level = catalog.level_of(me)
    taxonomy = catalog.taxonomy
    found = []
    for loaded in catalog.profiles():
        other = loaded.model
        if other.code == me.code:
            continue
        d = distance(me, other, my_level, catalog.level_of(other), taxonomy)
        found.append(Neighbour(other.code, other.title, other.level, d, band(d)))
    return sorted(found, key=lambda n: (n.distance, n.code))[:limit]


_WORDS = re.compile(r"[^\W_]+")


def _key(text: str) -> str:
    return " ".join(w.casefold() for w in _WORDS.findall(text))


def compare(catalog: "Catalog", codes: list[str]) -> dict[str, Any]:
    """Two to four roles side by side: level facts, pay, and shared and unique items per component list."""
    if not 2 <= len(codes) <= 4:
        raise UsageError(f"compare takes 2 to 4 role codes, not {len(codes)}")
    profiles = [catalog.profile(code).model for code in codes]
    if len({p.code for p in profiles}) != len(profiles):
        raise UsageError("give different role codes to compare", hint="each code may appear once")
    roles = []
    for p in profiles:
        level = catalog.level_of(p)
        d = level.descriptors
        roles.append({"code": p.code, "title": p.title, "level": f"{level.code} {level.name}",
                      "years": level.years_text, "scope": d.scope, "autonomy": d.autonomy, "impact": d.impact,
                      "decision_rights": d.decision_rights, "pay": market_pay(p).as_dict()})
    lists = {}
    for name in COMPONENT_LISTS:
        per_role = [{_key(i.text): i.text for i in getattr(p, name)} for p in profiles]
        if not any(per_role):
            continue
        shared_keys = set(per_role[0]).intersection(*per_role[1:])
        lists[name] = {
            "shared": [per_role[0][k] for k in per_role[0] if k in shared_keys],
            "unique": {p.code: [text for k, text in items.items() if k not in shared_keys]
                       for p, items in zip(profiles, per_role)},
        }
    return {"version": 1, "roles": roles, "lists": lists}


FACTS = (("title", "Title"), ("level", "Level"), ("years", "Typical years"), ("scope", "Scope"),
         ("autonomy", "Autonomy"), ("impact", "Impact"), ("decision_rights", "Decision rights"), ("pay", "Market pay"),
         ("pay_details", "Pay details"))


def _fact(role: dict[str, Any], key: str) -> str:
    """One cell of the facts table: pay is kept as numbers in the data and worded here."""
    if key in ("pay", "pay_details"):
        view = PayView.from_dict(role["pay"])
        return view.figures() if key == "pay" else view.details()
    # None is a level descriptor the ladder marks unknown (JSON keeps it null)
    return "unknown" if role[key] is None else str(role[key])


def _facts(roles: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    rows = [(label, [_fact(r, key) for r in roles]) for key, label in FACTS]
    return [(label, cells) for label, cells in rows if label != "Pay details" or any(cells)]


def compare_markdown(data: dict[str, Any]) -> str:
    roles = data["roles"]
    out = ["| | " + " | ".join(r["code"] for r in roles) + " |", "|---|" + "---|" * len(roles)]
    for label, cells in _facts(roles):
        out.append(f"| {label} | " + " | ".join(one_line(cell).replace("|", "\\|") for cell in cells) + " |")
    for name, parts in data["lists"].items():
        out += ["", f"## {name.capitalize()}", ""]
        out.append("Shared: " + ("; ".join(map(one_line, parts["shared"])) if parts["shared"] else "none"))
        for code, items in parts["unique"].items():
            out += (["", f"Only {code}:", ""] + [f"- {one_line(item)}" for item in items] if items
                    else ["", f"Only {code}: none"])
    return "\n".join(out) + "\n"


def compare_text(data: dict[str, Any]) -> str:
    roles = data["roles"]
    facts = table(["", *(r["code"] for r in roles)], [[label, *cells] for label, cells in _facts(roles)])
    out = [facts]
    for name, parts in data["lists"].items():
        out.append(f"\n{name.capitalize()}\n")
        out.append(f"  shared ({len(parts['shared'])}): " + (one_line("; ".join(parts["shared"])) or "none") + "\n")
        for code, items in parts["unique"].items():
            out.append(f"  only {code} ({len(items)}): " + (one_line("; ".join(items)) or "none") + "\n")
    return "".join(out)


def ladder_rows(catalog: "Catalog", family: str, company: str | None = None) -> list[dict[str, Any]]:
    """The family's roles by track and rank, with market pay, and the company's pay band per level when given.

    Pay is kept as numbers (see :mod:`jdgen.architecture.pay`); :func:`ladder_table` words it.
    """
    parts = family.strip().upper().split(".")
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"{family!r} is not a family", hint="write FUNCTION.FOCUS, e.g. AIMLAM.GEN")
    bands = {}
    if company:
        from ..catalog.companies import find_company

        employer = find_company(catalog, company).model
        bands = {level: company_band(band, employer.company.name).as_dict() for level, band in (employer.pay_bands or {}).items()}
    rows = []
    for loaded in catalog.profiles():
        p = loaded.model
        if (p.function.code, p.focus.code) != tuple(parts):
            continue
        level = catalog.level_of(p)
        rows.append({"code": p.code, "title": p.title, "level": level.code, "level_name": level.name,
                     "years": level.years_text, "track": level.track, "rank": level.rank,
                     "market_pay": market_pay(p).as_dict(), "pay": bands.get(level.code) if company else None})
    if not rows:
        from ..diagnostics import suggestion_hint

        families = sorted({f"{l.model.function.code}.{l.model.focus.code}" for l in catalog.profiles()})
        raise UsageError(f"no roles in family {family.upper()}",
                         hint=suggestion_hint(family.upper(), families) or f"families: {', '.join(families)}")
    return sorted(rows, key=lambda r: (r["track"], r["rank"]))


def ladder_table(rows: list[dict[str, Any]], company: str | None = None) -> str:
    """The ladder as text: market pay's figures per role, and the company's band with ``company``."""
    headers = ["LEVEL", "CODE", "TITLE", "YEARS", "MARKET PAY"] + (["COMPANY PAY"] if company else [])
    # The level cell names the level too ("P7 Staff / Distinguished Professional"), as the canon does.
    return table(headers, [[f"{r['level']} {r['level_name']}", r["code"], r["title"], r["years"],
                            PayView.from_dict(r["market_pay"]).figures()]
                           + ([PayView.from_dict(r["pay"]).figures() if r["pay"] else "none"] if company else [])
                           for r in rows])
