"""Which pay-transparency laws a posting falls under, from its locations and the employer's size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from ..compose import Posting
from .data import jurisdictions

EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


@dataclass(frozen=True)
class Applicable:
    law: dict[str, Any]
    place_index: int          # index into the company's `locations`
    in_force: bool

    @property
    def requires(self) -> dict[str, Any]:
        return self.law["requires"]

    @property
    def name(self) -> str:
        return self.law["name"]


def _city(value: str | None) -> str:
    text = (value or "").casefold().strip()
    return text.removesuffix(" city").strip()


def applicable_laws(posting: Posting, as_of: date) -> Iterator[Applicable]:
    """Every law row that covers one of the posting's locations, in force on ``as_of`` or not yet."""
    company = posting.company
    if company is None:
        return
    size = company.company.size
    indexes = {id(place): i for i, place in enumerate(company.locations)}
    seen: set[tuple[str, int]] = set()
    for place in posting.places:
        index = indexes[id(place)]
        if place.work_model == "remote":
            areas = [(a.country, a.region, None) for a in (place.remote_eligibility or ())]
        else:
            areas = [(place.country, place.region, place.city)]
        for country, region, city in areas:
            for law in jurisdictions():
                if (law["id"], index) in seen or not _covers(law, country, region, city, place.work_model == "remote"):
                    continue
                threshold = law.get("employer_threshold")
                if size is not None and threshold is not None and size < threshold:
                    continue
                seen.add((law["id"], index))
                yield Applicable(law, index, date.fromisoformat(law["effective"]) <= as_of)


def _covers(law: dict[str, Any], country: str, region: str | None, city: str | None, remote: bool) -> bool:
    if law["country"] == "EU":
        if country not in EU_MEMBERS:
            return False
    elif law["country"] != country:
        return False
    if law.get("region") and law["region"] != region:
        return False
    if law.get("city"):
        if remote:
            return False  # a city rule needs the job in the city; remote eligibility names states at most
        if _city(law["city"]) != _city(city):
            return False
    if remote and law.get("remote_covered") is False:
        return False
    return True
