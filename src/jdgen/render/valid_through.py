"""JSON-LD ``validThrough``: the company's deadline as an instant with a UTC offset.

A deadline in a company file is a day ("2026-12-31"), and applicants read it as the end of
that day where the job is. A bare date or a time without an offset leaves job search to
guess the zone (Google's JobPosting guide asks for ISO 8601 and shows the offset in its
example), so jdgen writes the end of the day, 23:59:59, in the location's own zone.

With several locations the posting closes at the end of the stated day in every one of
them, and one ``validThrough`` can only be one instant: jdgen takes the EARLIEST, which is
the easternmost zone (New York's 23:59:59-05:00 comes two hours before Denver's). A job
board then never shows the posting as open in one place after it closed in another; the
price is that western applicants lose a few hours at the very end, which the visible
deadline (a date) does not promise them anyway.

Where a location's zone comes from is :mod:`jdgen.catalog.time_zones`; a location whose
zone cannot be derived is reported at its line in the company file, asking for
``timezone``.
"""

from __future__ import annotations

from datetime import date, datetime

from ..catalog.company_models import Place
from ..catalog.time_zones import derived_zone, zone
from ..compose.posting import Posting
from ..diagnostics import Diagnostic
from ..errors import InvalidInputError


def valid_through(posting: Posting) -> str | None:
    """``YYYY-MM-DDT23:59:59±HH:MM`` for the posting's deadline, or None without one."""
    if not posting.valid_through or not posting.places:
        return None
    day = date.fromisoformat(posting.valid_through)
    names = sorted({name for place in posting.places for name in _zones_of(posting, place)})
    ends = [datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=zone(name)) for name in names]
    return min(ends, key=lambda end: (end.timestamp(), end.tzinfo.key)).isoformat()


def _zones_of(posting: Posting, place: Place) -> list[str]:
    if place.timezone:
        return [place.timezone]
    if place.work_model != "remote":
        found = derived_zone(place.country, place.region)
        if found is None:
            where = f"{place.region}, {place.country}" if place.region and place.country == "US" else place.country
            _missing(posting, place, f"location {place.id!r} is in {where}, which has more than one time zone "
                                     "(or none jdgen knows); validThrough needs the one the deadline is meant in")
        return [found]
    zones = []
    for area in place.remote_eligibility or ():
        found = derived_zone(area.country, area.region)
        if found is None:
            shown = f"{area.region}, {area.country}" if area.region else area.country
            _missing(posting, place, f"remote location {place.id!r} is open to {shown}, which has more than one "
                                     "time zone (or none jdgen knows); validThrough needs the one the deadline is meant in")
        zones.append(found)
    return zones


def _missing(posting: Posting, place: Place, message: str) -> None:
    index = next(i for i, candidate in enumerate(posting.company.locations) if candidate.id == place.id)
    where = posting.company_doc.where(("locations", index)) if posting.company_doc else None
    raise InvalidInputError([Diagnostic(where, message,
                                        "add the location's IANA zone, e.g. timezone: America/Chicago")])
