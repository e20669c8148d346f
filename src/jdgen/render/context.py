"""What templates see: a :class:`~jdgen.compose.posting.Posting` turned into display-ready values.

Templates stay about wording and order; formatting decisions (money, location names,
labels, which items are "nice to have") are made here once, in Python, and tested.
"""

from __future__ import annotations

from typing import Any

from ..compose.posting import Posting
from ..catalog.models import PayBand, Place

EMPLOYMENT_LABELS = {
    "full_time": "Full-time", "part_time": "Part-time", "contractor": "Contract", "temporary": "Temporary",
    "intern": "Internship", "volunteer": "Volunteer", "per_diem": "Per diem", "other": "Other",
}
WORK_MODEL_LABELS = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
PERIOD_LABELS = {"year": "per year", "month": "per month", "week": "per week", "day": "per day", "hour": "per hour"}
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "JPY": "¥", "INR": "₹", "CHF": "CHF "}
COUNTRY_NAMES = {"US": "United States", "DE": "Germany", "CA": "Canada", "GB": "United Kingdom", "AT": "Austria",
                 "FR": "France", "NL": "Netherlands", "IE": "Ireland", "ES": "Spain", "IT": "Italy", "PL": "Poland"}


def money(amount: float, currency: str, language: str = "en") -> str:
    whole = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    if language == "de":  # German groups thousands with '.', writes decimals with ',' and the unit after: 68.000 €
        whole = whole.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return f"{whole} {(symbol or currency).strip()}"
    return f"{symbol}{whole}" if symbol else f"{whole} {currency}"


def pay_range(band: PayBand, language: str = "en") -> str:
    low, high = money(band.min, band.currency, language), money(band.max, band.currency, language)
    span = low if band.min == band.max else f"{low}–{high}"
    return f"{span} {PERIOD_LABELS[band.period]}"


def place_name(place: Place) -> str:
    if place.work_model == "remote" and not place.city:
        areas = ", ".join(
            f"{a.region}, {COUNTRY_NAMES.get(a.country, a.country)}" if a.region else COUNTRY_NAMES.get(a.country, a.country)
            for a in place.remote_eligibility or ())
        return f"Remote ({areas})" if areas else "Remote"
    parts = [place.city, place.region if place.country == "US" else None,
             None if place.country == "US" else COUNTRY_NAMES.get(place.country, place.country)]
    return ", ".join(p for p in parts if p)


def build_context(posting: Posting) -> dict[str, Any]:
    p = posting.profile
    level = posting.level
    company = posting.company
    language = (company.company.locale.language if company and company.company.locale else "en")
    required_quals = [q.text for q in p.qualifications if q.priority == "required"]
    has_years = any(q.kind == "experience" for q in p.qualifications)
    years_line = None if has_years else f"{level.years.min}–{level.years.max} years of relevant experience"
    nice = [i.text for group in (p.qualifications, p.skills, p.knowledge, p.tools) for i in group if i.priority == "preferred"]
    context: dict[str, Any] = {
        "code": p.code,
        "title": p.title,
        "summary": p.summary,
        "level": {"code": level.code, "name": level.name, "years": f"{level.years.min}–{level.years.max} years",
                  "years_min": level.years.min, "years_max": level.years.max},
        "responsibilities": [i.text for i in p.responsibilities],
        "qualifications": ([years_line] if years_line else []) + required_quals,
        "skills": [i.text for i in p.skills if i.priority == "required"],
        "knowledge": [i.text for i in p.knowledge if i.priority == "required"],
        "tools": [i.text for i in p.tools if i.priority == "required"],
        "nice_to_have": nice,
        "sections": [{"heading": s.text, "body": s.body, "points": list(s.items)} for s in posting.sections],
        "is_draft": posting.is_draft,
        "company": None,
    }
    if company is None:
        return context
    info = company.company
    places = [place_name(place) for place in posting.places]
    models = sorted({place.work_model for place in posting.places}, key=list(WORK_MODEL_LABELS).index)
    apply = company.apply
    context["company"] = {
        "name": info.name,
        "about": info.about,
        "website": info.website,
        "locations": places,
        "work_model": " / ".join(WORK_MODEL_LABELS[m] for m in models),
        "employment_type": EMPLOYMENT_LABELS[posting.employment_type],
        "pay": pay_range(posting.pay, language) if posting.pay else None,
        "other_compensation": list(company.other_compensation),
        "benefits": list(company.benefits),
        "apply": None if apply is None else {"url": apply.url, "email": apply.email, "deadline": apply.deadline,
                                             "instructions": apply.instructions},
        "eeo": None if company.eeo is None else {"statement": company.eeo.statement,
                                                 "accommodation": company.eeo.accommodation,
                                                 "additional": list(company.eeo.additional)},
        "requisition_id": posting.requisition_id,
    }
    return context
