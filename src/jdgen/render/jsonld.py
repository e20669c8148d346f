"""schema.org ``JobPosting`` as JSON-LD, built from the posting itself.

Google's required properties (standards.md §1.2): title, description (HTML),
datePosted, hiringOrganization, and jobLocation with addressCountry, or for fully remote
jobs jobLocationType TELECOMMUTE plus applicantLocationRequirements. Also emitted when
known: baseSalary, employmentType, validThrough, identifier, experienceRequirements
(the level's minimum years × 12 months) and occupationalCategory.

A generic posting (no company) names no employer: it is for reviewers, not job boards,
so ``hiringOrganization`` is left out rather than invented. ``skills`` lists the required
skills only; the preferred ones are the posting's "Nice to have".
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..compose.posting import Posting
from .html import description_html

EMPLOYMENT_TYPES = {
    "full_time": "FULL_TIME", "part_time": "PART_TIME", "contractor": "CONTRACTOR", "temporary": "TEMPORARY",
    "intern": "INTERN", "volunteer": "VOLUNTEER", "per_diem": "PER_DIEM", "other": "OTHER",
}
_ONET_OCCUPATION = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
UNIT_TEXT = {"year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}
CODE_SETS = {
    "onet_soc": ("O*NET-SOC 2019", "https://www.onetcenter.org/taxonomy.html"),
    "soc": ("SOC 2018", "https://www.bls.gov/soc/2018/"),
    "isco": ("ISCO-08", "https://www.ilo.org/public/english/bureau/stat/isco/isco08/"),
    "esco": ("ESCO", "https://esco.ec.europa.eu/"),
}


def build_jsonld(posting: Posting, markdown: str) -> dict[str, Any]:
    p = posting.profile
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": description_html(markdown),
        "datePosted": posting.date_posted.isoformat(),
        "employmentType": EMPLOYMENT_TYPES[posting.employment_type],
        "identifier": {"@type": "PropertyValue", "name": posting.company.company.name if posting.company else "role code",
                       "value": posting.requisition_id or p.code},
        "experienceRequirements": {"@type": "OccupationalExperienceRequirements",
                                   "monthsOfExperience": posting.level.years.min * 12},
        "responsibilities": "; ".join(i.text for i in p.responsibilities),
        "skills": "; ".join(i.text for i in p.skills if i.priority == "required"),
    }
    if p.classifications:
        c = p.classifications[0]
        # An O*NET "code" without its .NN suffix (15-0000) is a SOC group, not an O*NET occupation.
        system = "soc" if c.system == "onet_soc" and not _ONET_OCCUPATION.match(c.code) else c.system
        code_set, url = CODE_SETS[system]
        category: dict[str, Any] = {"@type": "CategoryCode", "codeValue": c.code,
                                    "inCodeSet": {"@type": "CategoryCodeSet", "name": code_set, "url": url}}
        if c.title:
            category["name"] = c.title
        data["occupationalCategory"] = category
    company = posting.company
    if company is None:
        return data
    info = company.company
    organization: dict[str, Any] = {"@type": "Organization", "name": info.name}
    if info.website:
        organization["sameAs"] = info.website
    data["hiringOrganization"] = organization
    onsite = [place for place in posting.places if place.work_model != "remote"]
    remote = [place for place in posting.places if place.work_model == "remote"]
    if onsite:
        data["jobLocation"] = [_place(place) for place in onsite]
    if remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {"@type": "State", "name": f"{area.region}, {area.country}"} if area.region else {"@type": "Country", "name": area.country}
            for place in remote for area in (place.remote_eligibility or ())
        ]
    if posting.pay:
        band = posting.pay
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": band.currency,
                              "value": {"@type": "QuantitativeValue", "minValue": _number(band.min), "maxValue": _number(band.max),
                                        "unitText": UNIT_TEXT[band.period]}}
    if posting.valid_through:
        data["validThrough"] = f"{posting.valid_through}T23:59:59"
    if company.benefits:
        data["jobBenefits"] = "; ".join(company.benefits)
    if company.other_compensation:
        data["incentiveCompensation"] = "; ".join(company.other_compensation)
    if info.about:
        data["employerOverview"] = info.about
    if company.apply and company.apply.url:
        data["url"] = company.apply.url
        data["directApply"] = False
    return data


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _place(place) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": place.country}
    if place.city:
        address["addressLocality"] = place.city
    if place.region:
        address["addressRegion"] = place.region
    if place.postal_code:
        address["postalCode"] = place.postal_code
    if place.street:
        address["streetAddress"] = place.street
    return {"@type": "Place", "address": address}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
