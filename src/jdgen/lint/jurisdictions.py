"""Which pay-transparency laws a posting falls under, from its locations and the employer's size,
and how the findings name them.

Directive (EU) 2023/970 binds employers only through each member state's law, so the
Directive's own row (id ``eu``) is not a duty: it marks the deadline, after which a member
state with no law carrying its Art. 5 in force is reported as overdue (see ``overdue``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from ..compose.posting import Posting
from .data import eu_member_states, jurisdictions

EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


@dataclass(frozen=True)
class Applicable:
    law: dict[str, Any]
    place_index: int          # index into the company's `locations`
    in_force: bool
    via: str | None = None    # why the law reaches a place that does not name its region, for messages
    country: str | None = None  # the country of the place (or remote area) the law covers

    @property
    def requires(self) -> dict[str, Any]:
        return self.law["requires"]

    def in_force_for(self, duty: str, as_of: date) -> bool:
        """Whether one duty applies on ``as_of``: some duties came with a later amendment
        (Colorado's deadline, 2024), recorded in the row's ``requires_since``."""
        since = (self.law.get("requires_since") or {}).get(duty)
        return self.in_force and (since is None or date.fromisoformat(since) <= as_of)

    @property
    def name(self) -> str:
        return self.law["name"]


def _city(value: str | None) -> str:
    text = (value or "").casefold().strip()
    return text.removesuffix(" city").strip()


def applicable_laws(posting: Posting, as_of: date) -> Iterator[Applicable]:
    """Every law row that covers one of the posting's locations, in force on ``as_of`` or not yet.

    A remote location open to a whole country (an eligibility area without a region) is open to
    every region of it, so each regional law of that country that reaches remote work covers it;
    ``via`` says so, since the company file names none of those regions.
    """
    company = posting.company
    if company is None:
        return
    size = company.company.size
    indexes = {id(place): i for i, place in enumerate(company.locations)}
    seen: set[tuple[str, int]] = set()
    for place in posting.places:
        index = indexes[id(place)]
        remote = place.work_model == "remote"
        if remote:
            # Named regions first: a law they name needs no "country-wide" explanation.
            areas = sorted(((a.country, a.region, None, None) for a in (place.remote_eligibility or ())),
                           key=lambda area: area[1] is None)
        else:
            areas = [(place.country, place.region, place.city, place.county)]
        for country, region, city, county in areas:
            for law in jurisdictions():
                if (law["id"], index) in seen or _ended(law, as_of):
                    continue
                nationwide = remote and region is None and bool(law.get("region")) and law["country"] == country
                if not (nationwide or _covers(law, country, region, city, county, remote)):
                    continue
                if nationwide and (law.get("city") or law.get("county") or law.get("remote_covered") is False):
                    continue  # a local rule needs the job in that place; remote eligibility names states at most
                threshold = law.get("employer_threshold")
                if size is not None and threshold is not None and size < threshold:
                    continue
                seen.add((law["id"], index))
                yield Applicable(law, index, date.fromisoformat(law["effective"]) <= as_of,
                                 _nationwide_reason(place.id, country, law) if nationwide else None, country)


def _nationwide_reason(place_id: str, country: str, law: dict[str, Any]) -> str:
    if law.get("remote_covered"):
        why = "its law covers remote jobs that can be done there"
    else:
        # The table has no word either way (remote_covered: null); a posting open to people who
        # live there is treated as covered rather than silently passed.
        why = "the sources do not say whether its law covers remote jobs, so jdgen assumes it does"
    return f"location '{place_id}' is remote across {country}, which includes {law['name']} ({why})"


def _covers(law: dict[str, Any], country: str, region: str | None, city: str | None, county: str | None,
            remote: bool) -> bool:
    if law["country"] == "EU":
        if country not in EU_MEMBERS:
            return False
    elif law["country"] != country:
        return False
    if law.get("region") and law["region"] != region:
        return False
    if law.get("county"):
        # A county rule needs the location's county (`county:` in the company file); jdgen does not
        # map cities to counties, so a location without one is not assumed to be inside.
        if remote or _city(law["county"]).removesuffix(" county") != _city(county).removesuffix(" county"):
            return False
    if law.get("city"):
        if remote:
            return False  # a city rule needs the job in the city; remote eligibility names states at most
        if _city(law["city"]) != _city(city):
            return False
    if remote and law.get("remote_covered") is False:
        return False
    return True


def laws_at(country: str, region: str | None, city: str | None, remote: bool,
            as_of: date) -> Iterator[tuple[dict[str, Any], bool]]:
    """(law, in force on ``as_of``) for every law row that covers one place, for a posting that
    is not a catalog posting (a file someone wrote) and so has no company file or size."""
    for law in jurisdictions():
        if not _ended(law, as_of) and _covers(law, country, region, city, None, remote):
            yield law, date.fromisoformat(law["effective"]) <= as_of


def _ended(law: dict[str, Any], as_of: date) -> bool:
    """Whether ``law`` had stopped applying by ``as_of`` (its row's ``ended`` date: Westchester's
    rule voided itself when New York State's took effect). An ended law is no law at all on
    that date, neither in force nor upcoming, so no rule ever names it."""
    return "ended" in law and date.fromisoformat(law["ended"]) <= as_of


def is_directive(law: dict[str, Any]) -> bool:
    return law["id"] == "eu"


def _directive() -> dict[str, Any]:
    return next(law for law in jurisdictions() if is_directive(law))


def transposed(country: str, as_of: date) -> bool:
    """Whether a law of ``country`` carrying the Directive's Art. 5 is in force on ``as_of``."""
    state = eu_member_states().get(country)
    rows = {law["id"]: law for law in jurisdictions()}
    return state is not None and any(date.fromisoformat(rows[i]["effective"]) <= as_of for i in state["laws"])


def overdue(country: str, as_of: date) -> dict[str, Any] | None:
    """The member state's ``eu_member_states`` entry when the Directive's deadline has passed on
    ``as_of`` and no law of that state carrying its Art. 5 is in force yet; else None."""
    state = eu_member_states().get(country)
    if state is None or as_of < date.fromisoformat(_directive()["effective"]) or transposed(country, as_of):
        return None
    return state


def overdue_message(state: dict[str, Any], as_of: date, what: str) -> str:
    """The warning for a posting without pay in a member state that has not transposed the
    Directive (``what``: "the P4 posting for X", "this posting for Munich, DE")."""
    name = state["name"]
    done = ("has transposed only part of it, not its pay-before-interview rule (Art. 5)," if state["status"] == "partial"
            else "has not transposed it")
    return (f"Directive (EU) 2023/970 (pay transparency) was due to be transposed in {name} by "
            f"{_directive()['effective']}; {name} {done} as of {as_of.isoformat()} (last checked "
            f"{state['last_checked']}), and {what} states no pay")


OVERDUE_HINT = "or give candidates the pay or its range before the first interview"


def range_duty(law: dict[str, Any]) -> str:
    """What a range-requiring law asks, as JD401 words it: a member state's law by its name and
    citation, and where the pay must be (the notice, or before the interview as well)."""
    if law["country"] not in EU_MEMBERS:
        return f"{law['name']} requires a pay range in postings (since {law['effective']})"
    named = f"{law['name']}'s {law['law']}" + (f" ({law['citation']})" if law.get("citation") else "")
    requires = law["requires"]
    if requires.get("minimum_only"):
        what = "the collective-agreement or statutory minimum pay, and whether more may be paid, in job ads"
    elif requires.get("before_interview_ok"):
        what = "the initial pay or its range in the job notice or before the first interview"
    else:
        what = "the initial pay or its range in the job notice itself"
    return f"{named} requires {what} (since {law['effective']})"


def before_interview_note(law: dict[str, Any]) -> str:
    """The clause JD401 adds where pay may reach candidates before the interview instead."""
    if law["country"] in EU_MEMBERS and law["requires"].get("before_interview_ok"):
        return "; jdgen cannot see pay given to candidates before the interview"
    return ""
