"""Terminal views of catalog data: plain text tables and summaries, no colour codes.

Kept apart from the commands (:mod:`jdgen.cli.app`) so the same views serve tests, the API
and other front ends. Every value is set into its line with
:func:`jdgen.terminal_text.one_line`, so a title holding a line break stays in its row.
"""

from __future__ import annotations

import textwrap
from typing import Any, Iterable

from ..architecture.pay import market_pay
from ..catalog.root import Catalog
from ..catalog.loading import Loaded
from ..catalog.models import COMPONENT_LISTS, Level, Profile
from ..terminal_text import Safe, json_document, one_line, table


def list_rows(catalog: Catalog, profiles: Iterable[Loaded[Profile]]) -> list[dict[str, Any]]:
    rows = []
    for loaded in profiles:
        p = loaded.model
        level = catalog.level_of(p)
        rows.append({"code": p.code, "title": p.title, "level": p.level, "level_name": level.name,
                     "years_min": level.years.min, "years_max": level.years.max,
                     "function": p.function.code, "focus": p.focus.code, "status": p.status})
    return rows


def list_text(rows: list[dict[str, Any]]) -> str:
    return table(["CODE", "TITLE", "LEVEL", "YEARS", "STATUS"],
                 [[r["code"], r["title"], r["level"], f"{r['years_min']}\u2013{r['years_max']}", r["status"]] for r in rows])


def list_json(rows: list[dict[str, Any]]) -> Safe:
    return json_document({"version": 1, "profiles": rows})


def show_text(profile: Profile, level: Level, source: str) -> str:
    """A readable summary of one profile with its level's descriptors.

    Every line is escaped as it is added, so a value holding a line break cannot start a
    line of its own.
    """
    out: list[str] = []

    def add(text: str) -> None:
        out.append(one_line(text))

    add(f"{profile.code}  {profile.title}")
    add("=" * len(out[0]))
    confidence = "" if profile.confidence is None else f" · confidence {profile.confidence:.2f}" + (
        f" ({profile.confidence_band})" if profile.confidence_band else "")
    add(f"Level     {level.code} · {level.name} · {level.years_text}")
    add(f"Function  {profile.function.name} ({profile.function.code}) · Focus {profile.focus.name} ({profile.focus.code})")
    add(f"Status    {profile.status} · version {profile.version}{confidence}"
        + (f" · region {profile.region}" if profile.region else ""))
    add(f"File      {source}")
    add("")
    out.extend(_wrap(profile.summary))
    if profile.opening:
        add("")
        add("Opening (postings start with this)")
        out.extend(_wrap(profile.opening, indent="  "))
    out.extend(_story_lines(profile.story))
    add("")
    add(f"Level {level.code} — {level.name}: {level.summary}")
    d = level.descriptors
    for label, value in (("Scope", d.scope), ("Autonomy", d.autonomy), ("Complexity", d.complexity),
                         ("Impact", d.impact), ("Decision rights", d.decision_rights),
                         ("Leadership", d.leadership), ("Typical experience", level.typical_experience or level.years_text)):
        add(f"  {label:<19}{'unknown' if value is None else value}")  # None: the ladder's source leaves it open
    for name in COMPONENT_LISTS:
        items = getattr(profile, name)
        if not items:
            continue
        add("")
        add(f"{name.replace('_', ' ').capitalize()} ({len(items)})")
        for item in items:
            marker = " (preferred)" if item.priority == "preferred" else ""
            marker += "" if item.in_posting else " (not in postings)"
            out.extend(_wrap(f"- {item.text}{marker}", indent="  ", subsequent="    "))
            if item.posting:
                out.extend(_wrap(f"posting: {item.posting}", indent="      ", subsequent="        "))
    if profile.title_aliases:
        add("")
        add(f"Title aliases ({len(profile.title_aliases)})")
        for alias in profile.title_aliases:
            facts = [alias.type]
            if alias.confidence is not None:
                facts.append(f"confidence {alias.confidence:.2f}")
            if alias.approved:
                facts.append("approved")
            add(f"  - {alias.title} ({', '.join(facts)})")
    if profile.classifications:
        add("")
        add("Classifications")
        for c in profile.classifications:
            extra = ", ".join(x for x in (c.source, c.review_status) if x)
            add(f"  - {c.system} {c.code} {c.title or ''}".rstrip() + (f" [{extra}]" if extra else ""))
    if profile.adjacent_roles:
        add("")
        add(f"Adjacent roles ({len(profile.adjacent_roles)})")
        for role in profile.adjacent_roles:
            name = " ".join(x for x in (role.code, role.title) if x)
            facts = ([f"distance {role.distance:.2f}"] if role.distance is not None else []) + ([role.band] if role.band else [])
            add(f"  - {name}" + (f" ({', '.join(facts)})" if facts else ""))
    add("")
    # One wording of pay for show, compare and ladder (architecture/pay.py).
    out.extend(_wrap(f"Market pay  {market_pay(profile).text()}", subsequent=" " * 12))
    if profile.demand is not None:
        out.extend(_facts_line("Demand", _demand_facts(profile.demand)))
    if profile.sources:
        add("")
        add(f"Sources ({len(profile.sources)})")
        for source in profile.sources:
            out.extend(_wrap(f"- {source.title}" + (f" <{source.url}>" if source.url else ""), indent="  ", subsequent="    "))
            if source.note:
                out.extend(_wrap(source.note, indent="    "))
    if profile.canon is not None:
        out.extend(_canon_lines(profile.canon))
    return "\n".join(out) + "\n"


def _demand_facts(demand) -> list[str]:
    growth = None if demand.growth_percent is None else f"growth {demand.growth_percent:g}%"
    return [x for x in (demand.signal, growth, demand.region, demand.as_of, demand.source) if x]


def _facts_line(label: str, facts: list[str]) -> list[str]:
    return _wrap(f"{label:<12}" + " \u00b7 ".join(facts), subsequent=" " * 12)


def _canon_lines(canon) -> list[str]:
    """The canon block, labelled as such: it is kept for review and never reaches a posting."""
    lines = ["", one_line("Canon record (kept for review, not in postings)")]
    for label, value in (("Code", canon.code), ("Address", canon.url), ("Retrieved", canon.retrieved),
                         ("Level", canon.level_name),
                         ("Years", canon.years and f"{canon.years.min}\u2013{canon.years.max} yrs")):
        if value:
            lines.extend(_wrap(f"{label:<19}{value}", indent="  ", subsequent=" " * 21))
    if canon.descriptors is not None:
        for name, value in canon.descriptors:
            if value:
                lines.extend(_wrap(f"{name.replace('_', ' ').capitalize():<19}{value}", indent="  ", subsequent=" " * 21))
    if canon.unknown_descriptors:
        lines.extend(_wrap("Unknown            " + ", ".join(d.replace("_", " ") for d in canon.unknown_descriptors),
                           indent="  ", subsequent=" " * 21))
    for note in canon.notes:
        lines.extend(_wrap(f"- {note}", indent="  ", subsequent="    "))
    return lines


def show_json(profile: Profile, level: Level, source: str) -> Safe:
    """The profile as its file gives it (defaults left out), with its level, its file and its market
    pay as the one pay object `compare` and `ladder` print (status, median, min, max, ...).

    ``exclude_unset`` keeps the document to what the file says, so loading a profile and
    reading this back gives the same values; whole-number amounts print without ``.0``.
    """
    return json_document({"version": 1, "file": source,
                          "level": {"code": level.code, "name": level.name,
                                    "years_min": level.years.min, "years_max": level.years.max},
                          # the same pay object compare and ladder give, beside the file's own record
                          "market_pay": market_pay(profile).as_dict(),
                          "profile": _plain(profile.model_dump(mode="json", exclude_unset=True))})


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def _story_lines(story) -> list[str]:
    """The story, one labelled paragraph per part, the plan as numbered steps."""
    if story is None:
        return []
    problem = story.problem
    parts = [("Who", story.who), ("Problem (external)", problem and problem.external),
             ("Problem (internal)", problem and problem.internal), ("Why it matters", problem and problem.why_it_matters)]
    lines: list[str] = []
    for label, text in parts:
        if text:
            lines.extend(["", one_line(label)] + _wrap(text, indent="  "))
    if story.plan:
        lines.extend(["", one_line("Plan")])
        for number, step in enumerate(story.plan, 1):
            lines.extend(_wrap(f"{number}. {step}", indent="  ", subsequent="     "))
    for label, text in (("Stakes", story.stakes), ("Success", story.success)):
        if text:
            lines.extend(["", one_line(label)] + _wrap(text, indent="  "))
    return [""] + lines[1:] if lines else []


def _wrap(text: str, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` wrapped to 88 columns, each line escaped (textwrap turns line breaks into spaces first)."""
    return [one_line(part) for part in textwrap.wrap(text, width=88, initial_indent=indent,
                                                      subsequent_indent=indent if subsequent is None else subsequent,
                                                      break_long_words=False, break_on_hyphens=False)] or [""]
