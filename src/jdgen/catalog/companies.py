"""Company override files: loading and the checks a schema cannot express.

A company file lives at ``companies/<slug>.yaml`` in a catalog. Beyond its schema it
must name itself by its file name, keep every pay band's min at or below its max, use
real ISO 4217 currencies, and only override roles and locations that exist.

Which files are company files: the YAML files directly in ``companies/``, and no others.
Subfolders hold what companies refer to (``companies/assets/`` keeps logos and reference
documents), and what sits there is never read as a company, whatever its type, and never
complained about either, with one exception: a YAML file below a subfolder that has a
company file's shape (top-level ``company:`` and ``locations:``) is reported, once, with
the move that makes it count. Someone who writes ``companies/eu/acme.yaml`` expects Acme
to be rendered and linted; skipping it in silence would let that expectation fail
unseen, while a brand-colours YAML next to a logo is nobody's company. Hidden folders
(``companies/.archive/``) are skipped entirely, which is the way to keep an old copy.
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .listing import YAML_SUFFIXES, check_listing
from ..diagnostics import Diagnostic, Location, quoted, suggestion_hint
from .loading import Loaded, load_checked, peek, shape_of
from ..errors import InvalidInputError, NotFoundError
from .currencies import currency_problem
from .yaml_source import JsonPath, SourceDoc, display_path

if TYPE_CHECKING:
    from .company_models import Company
    from .root import Catalog

def load_company(path: Path, catalog: "Catalog") -> Loaded[Company]:
    from .company_models import Company

    depends_on = catalog.context_digest + catalog.codes_digest
    return load_checked(path, "company", Company, lambda doc: company_checks(doc, path, catalog), depends_on)


def company_checks(doc: SourceDoc, path: Path, catalog: "Catalog") -> list[Diagnostic]:
    data = doc.data
    problems: list[Diagnostic] = []
    slug = data["company"]["slug"]
    if path.stem != slug:
        problems.append(Diagnostic(doc.where(("company", "slug")),
                                   f"slug {slug!r} does not match the file name {path.name!r}",
                                   f"rename the file to {slug}.yaml, or correct the slug"))
    location_ids = [place["id"] for place in data["locations"]]
    first_index: dict[str, int] = {}  # by id, not list.index per location: thousands of locations stay linear
    for i, place in enumerate(data["locations"]):
        if first_index.setdefault(place["id"], i) != i:
            problems.append(Diagnostic(doc.where(("locations", i, "id")), f"location id {place['id']!r} is used twice",
                                       "give each location its own id"))
        if place["work_model"] == "remote" and not place.get("remote_eligibility"):
            problems.append(Diagnostic(doc.where(("locations", i, "work_model")),
                                       "a remote location must say where applicants may live",
                                       "add remote_eligibility: [{country: US}]"))
        if place.get("timezone") is not None:
            problems.extend(_zone_problems(doc, ("locations", i, "timezone"), place["timezone"]))
    deadline = (data.get("apply") or {}).get("deadline")
    if deadline is not None:
        problem = date_problem(doc, ("apply", "deadline"), deadline)
        if problem:
            problems.append(problem)
    posting_url = (data.get("apply") or {}).get("posting_url")
    if posting_url is not None:
        from .posting_urls import template_problem

        wrong = template_problem(posting_url)
        if wrong:
            problems.append(Diagnostic(doc.where(("apply", "posting_url")), f"apply.posting_url {wrong[0]}", wrong[1]))
    levels = {level.code for level in catalog.ladder.levels}
    for level, band in (data.get("pay_bands") or {}).items():
        if level not in levels:
            problems.append(Diagnostic(doc.where_key(("pay_bands", level)), f"pay band for unknown level {level!r}",
                                       suggestion_hint(level, levels) or "use a level code from the ladder"))
        problems.extend(_band_problems(doc, ("pay_bands", level), band))
    blocks: list[tuple[JsonPath, dict[str, Any]]] = []
    if data.get("defaults"):
        blocks.append((("defaults",), data["defaults"]))
    for code, block in (data.get("roles") or {}).items():
        blocks.append((("roles", code), block))
        if code.upper() not in catalog.profile_files:
            close = suggestion_hint(code, catalog.profile_files)
            problems.append(Diagnostic(doc.where_key(("roles", code)), f"role {code} is not in the catalog",
                                       close or "run `jdgen list` to see the codes"))
    unknown = 0
    for where, block in blocks:
        if "pay" in block:
            problems.extend(_band_problems(doc, where + ("pay",), block["pay"]))
        for i, location in enumerate(block.get("locations", ())):
            if location not in first_index:
                # "Did you mean" reads every id: offered for the first 100 unknown ids of a file.
                unknown += 1
                close = suggestion_hint(location, location_ids) if unknown <= SUGGESTED_IDS else None
                problems.append(Diagnostic(doc.where(where + ("locations", i)), f"no location with id {location!r}",
                                           close or f"use one of {_listed(location_ids)}"))
    return problems


SUGGESTED_IDS = 100
LISTED_IDS = 20


def _listed(ids: list[str]) -> str:
    """The ids a hint offers: the first LISTED_IDS, so a message stays one short line however many there are."""
    shown = ", ".join(ids[:LISTED_IDS])
    return shown if len(ids) <= LISTED_IDS else f"{shown} and {len(ids) - LISTED_IDS:,} more"


def _band_problems(doc: SourceDoc, where: JsonPath, band: dict[str, Any]) -> list[Diagnostic]:
    problems = []
    if band["min"] > band["max"]:
        problems.append(Diagnostic(doc.where(where + ("min",)),
                                   f"pay band min {band['min']:,} is above its max {band['max']:,}",
                                   "swap min and max"))
    currency = currency_problem(doc, where + ("currency",), band["currency"])
    if currency:
        problems.append(currency)
    return problems


def _zone_problems(doc: SourceDoc, where: JsonPath, name: str) -> list[Diagnostic]:
    from .time_zones import known_zones

    if name in known_zones():
        return []
    zones = known_zones()
    close = suggestion_hint(name, zones) or suggestion_hint(name.title(), zones)
    return [Diagnostic(doc.where(where), f"timezone {name!r} is not an IANA time zone",
                       close or "use a name from the IANA time zone database, e.g. America/Chicago or Europe/Berlin")]


def date_problem(doc: SourceDoc, where: JsonPath, text: str) -> Diagnostic | None:
    """A YYYY-MM-DD text that names no day of the calendar, such as 2026-02-30.

    The schema's pattern checks only the shape; a date that does not exist would reach
    JSON-LD's validThrough, where job boards drop the posting or misread the date.
    """
    try:
        if text.isascii():  # \d also matches other scripts' digits, which no reader of the date expects
            date.fromisoformat(text)
            return None
    except ValueError:
        pass
    shown = ".".join(str(part) for part in where)
    year, month, day = (int(part) if part.isascii() else None for part in text.split("-"))
    if year is None or month is None or day is None:
        hint = 'write the date with the digits 0-9, as "YYYY-MM-DD"'
    elif not 1 <= month <= 12:
        hint = f"the month is {month:02d}; months run from 01 to 12"
    elif year < 1:
        hint = "years start at 0001"
    else:
        days = calendar.monthrange(year, month)[1]
        hint = f"{calendar.month_name[month]} {year} has {days} days"
    return Diagnostic(doc.where(where), f"{shown} {text!r} is not a calendar date", hint)


def company_files(catalog: "Catalog") -> dict[str, Path]:
    """Company files by lower-case slug; raises when an entry named like one cannot be read as one."""
    folder = catalog.companies_dir
    catalog.refuse_leaving(folder)
    if not folder.is_dir():
        return {}
    problems = check_listing(folder, recursive=False, root=catalog.root)
    problems += [filed_away_problem(path, folder) for path in filed_away_companies(folder, catalog.root)]
    if problems:
        raise InvalidInputError(problems)
    return {path.stem.lower(): path for path in sorted(folder.iterdir())
            if path.suffix in YAML_SUFFIXES and not path.name.startswith(".") and path.is_file()}


def find_company(catalog: "Catalog", slug: str) -> Loaded[Company]:
    files = company_files(catalog)
    path = files.get(slug.strip().lower())
    if path is None:
        hint = suggestion_hint(slug, files) or (
            f"companies: {', '.join(sorted(files))}" if files else f"add {display_path(catalog.companies_dir)}/{slug}.yaml")
        raise NotFoundError(f"no company {quoted(slug)} in {catalog.described}", hint=hint)
    return load_company(path, catalog)


def filed_away_companies(folder: Path, root: Path) -> list[Path]:
    """Company-shaped YAML files in subfolders of ``folder`` (a catalog's companies/), which are never read.

    Only files inside the catalog ``root`` are looked into: a link from an asset folder
    to a file elsewhere is nobody's company, and peeking into it would tell its shape.
    """
    import os

    from ..filesystem.containment import leaving_link

    found = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if Path(top) == folder:
            continue  # the company files themselves
        for name in sorted(names):
            path = Path(top) / name
            if path.suffix.lower() in YAML_SUFFIXES and not name.startswith(".") \
                    and leaving_link(root, path) is None and path.is_file() and shape_of(peek(path)) == "company":
                found.append(path)
    return found


def is_filed_away(path: Path, folder: Path) -> bool:
    """True for a path below a subfolder of ``folder``, the catalog's companies/."""
    try:
        relative = path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return len(relative.parts) > 1


def filed_away_problem(path: Path, folder: Path) -> Diagnostic:
    target = folder / path.name
    shown_target = display_path(target)
    hint = (f"{shown_target} exists already: merge the two, or move this one out of companies/"
            if target.exists() else f"move it to {shown_target}")
    return Diagnostic(Location(display_path(path), 1, 1),
                      "this company file is never read: company files sit directly in companies/", hint)
