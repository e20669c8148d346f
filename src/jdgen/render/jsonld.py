"""schema.org ``JobPosting`` as JSON-LD, built from the posting itself, for Google's job search.

Checked against Google's JobPosting guide,
https://developers.google.com/search/docs/appearance/structured-data/job-posting
(summarised with its sources in standards.md §1.2):

* **Required**: title, description (HTML), datePosted, hiringOrganization, and
  jobLocation with addressCountry, or for a 100% remote job jobLocationType
  ``TELECOMMUTE`` with applicantLocationRequirements.
* **Recommended**: baseSalary, employmentType, identifier, validThrough, directApply;
  hiringOrganization with sameAs and logo.

What jdgen decides on top of the guide:

* **Only company postings, and only approved ones.** A generic posting has no employer
  and no place, so it cannot be a valid JobPosting; rather than emit one Google rejects
  (or invent an employer), ``-f jsonld`` without a company is a usage error and the HTML
  page has no script (:func:`refusal`). A profile that is not ``approved`` gets no
  JSON-LD either unless ``--jsonld-drafts`` asks for it: JSON-LD is what puts a page into
  job search, and an unreviewed posting must not get there by being rendered.
* **Nothing empty, nothing invented.** A property is written only when the catalog states
  its value: employmentType only when the company (or the role's block) sets it, not from
  a default; identifier only with a requisition id; url only from the company's
  ``apply.posting_url`` template (the careers list page is not this posting's page);
  directApply only when the company says ``apply.direct_apply``; lists and texts are
  left out when empty.
* **TELECOMMUTE only when every location is remote.** A hybrid or onsite role with a
  remote option keeps its jobLocation and is not marked remote as a whole; the
  description says the remote option in words.
* **inLanguage** is the posting's language tag (:mod:`jdgen.render.language`), the same as
  the page's ``lang``. schema.org defines it on CreativeWork, not on JobPosting, so the
  Schema Markup Validator notes it as an extra property; Google's guide ignores properties
  it does not list, and job boards that read it learn the language without guessing.
* validThrough is :mod:`jdgen.render.valid_through`; education and experience are
  :mod:`jdgen.render.jsonld_requirements`.

``responsibilities`` and ``skills`` are the items the posting prints, in its printed wording
(``posting:``, en dashes; no ``in_posting: false`` item, no dropped repeat); ``skills`` lists
the required skills only, the preferred ones being the posting's "Nice to have".
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..compose.posting import Posting
from .context import printed_items
from .html import description_html
from .language import posting_language, web_tag

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
DRAFTS_FLAG = "--jsonld-drafts"


def refusal(posting: Posting, *, drafts: bool = False, example: str | None = None) -> tuple[str, str] | None:
    """Why this posting gets no JSON-LD (message, hint), or None when it does.

    ``example`` is a company slug of the catalog, shown in the hint for a generic posting.
    """
    if posting.company is None:
        return generic_refusal(example)
    if posting.is_draft and not drafts:
        return unapproved_refusal(posting.code, posting.profile.status)
    return None


def generic_refusal(example: str | None = None) -> tuple[str, str]:
    return ("JSON-LD needs a company: a generic posting has no employer or location, which Google's "
            "job search requires of a JobPosting", f"pass -c COMPANY{f', e.g. -c {example}' if example else ''}")


def unapproved_refusal(code: str, status: str) -> tuple[str, str]:
    return (f"{code} is not approved (status: {status}), and JSON-LD would put it into job search",
            f"approve it, or pass {DRAFTS_FLAG} to emit JSON-LD anyway, e.g. for a staging site")


def build_jsonld(posting: Posting, markdown: str) -> dict[str, Any]:
    """The JobPosting of a company posting (see :func:`refusal` for which postings get one)."""
    from .jsonld_requirements import education_requirements, experience_requirements
    from .valid_through import valid_through

    p = posting.profile
    company = posting.company
    info = company.company
    organization: dict[str, Any] = {"@type": "Organization", "name": info.name}
    if info.website:
        organization["sameAs"] = info.website
    if info.logo_url:
        organization["logo"] = info.logo_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": description_html(markdown),
        "inLanguage": web_tag(posting_language(posting)),
        "datePosted": posting.date_posted.isoformat(),
        "hiringOrganization": organization,
    }
    onsite = [place for place in posting.places if place.work_model != "remote"]
    if onsite:
        data["jobLocation"] = [_place(place) for place in onsite]
    else:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [_area(area) for place in posting.places
                                                 for area in (place.remote_eligibility or ())]
    stated = _stated_employment_type(posting)
    if stated:
        data["employmentType"] = EMPLOYMENT_TYPES[stated]
    if posting.requisition_id:
        data["identifier"] = {"@type": "PropertyValue", "name": info.name, "value": posting.requisition_id}
    url = _posting_url(posting)
    if url:
        data["url"] = url
    if company.apply and company.apply.direct_apply is not None:
        data["directApply"] = company.apply.direct_apply
    deadline = valid_through(posting)
    if deadline:
        data["validThrough"] = deadline
    if posting.pay:
        band = posting.pay
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": band.currency,
                              "value": {"@type": "QuantitativeValue", "minValue": _number(band.min),
                                        "maxValue": _number(band.max), "unitText": UNIT_TEXT[band.period]}}
    education = education_requirements(posting)
    if education:
        data["educationRequirements"] = education[0] if len(education) == 1 else education
    experience = experience_requirements(posting)
    if experience:
        data["experienceRequirements"] = experience
    # What the posting prints, as it prints it: the page and its structured data must agree.
    printed = printed_items(p)
    _add_text(data, "responsibilities", [text for name, _, _, text in printed if name == "responsibilities"])
    _add_text(data, "skills", [text for name, _, item, text in printed
                               if name == "skills" and item.priority == "required"])
    if p.classifications:
        data["occupationalCategory"] = _category(p.classifications[0])
    _add_text(data, "jobBenefits", list(company.benefits))
    _add_text(data, "incentiveCompensation", list(company.other_compensation))
    if info.about and info.about.strip():
        data["employerOverview"] = info.about
    return data


def _stated_employment_type(posting: Posting) -> str | None:
    """The employment type the company file states for this role, or None (the posting's own is a default)."""
    company = posting.company
    role = (company.roles or {}).get(posting.code)
    for block in (role, company.defaults):
        if block is not None and block.employment_type:
            return block.employment_type
    return company.employment_type


def _posting_url(posting: Posting) -> str | None:
    from ..catalog.posting_urls import fill

    apply = posting.company.apply
    if apply is None or not apply.posting_url:
        return None
    return fill(apply.posting_url, {"requisition_id": posting.requisition_id, "code": posting.code,
                                    "slug": posting.slug})


def _add_text(data: dict[str, Any], key: str, texts: list[str]) -> None:
    texts = [t for t in texts if t.strip()]
    if texts:
        data[key] = "; ".join(texts)


def _category(c) -> dict[str, Any]:
    # An O*NET "code" without its .NN suffix (15-0000) is a SOC group, not an O*NET occupation.
    system = "soc" if c.system == "onet_soc" and not _ONET_OCCUPATION.match(c.code) else c.system
    code_set, url = CODE_SETS[system]
    category: dict[str, Any] = {"@type": "CategoryCode", "codeValue": c.code,
                                "inCodeSet": {"@type": "CategoryCodeSet", "name": code_set, "url": url}}
    if c.title:
        category["name"] = c.title
    return category


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _area(area) -> dict[str, Any]:
    if area.region:
        return {"@type": "State", "name": area.region, "containedInPlace": {"@type": "Country", "name": area.country}}
    return {"@type": "Country", "name": area.country}


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
