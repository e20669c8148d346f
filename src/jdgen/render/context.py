"""What templates see: a :class:`~jdgen.compose.posting.Posting` turned into display-ready values.

Templates stay about wording and order; formatting decisions (money, location names,
labels, which items are "nice to have") are made here once, in Python, and tested.

The posting's voice is decided here too, so every format (Markdown, and the HTML, JSON-LD
and DOCX made from it) says the same:

* **Opening.** ``opening`` (the company's, else the profile's), else the story's external
  problem and why it matters, else the summary. The summary is catalog commentary ("P4
  represents ..."), so it is the last resort, and ``summary`` in the context is the opening
  too: the HTML page's meta description, which prints ``summary``, is then the opening.
* **One truth per fact.** An item prints its ``posting`` wording if it has one, else its
  ``text``; an item with ``in_posting: false`` is left out, and so is one whose printed
  wording repeats an item printed before it (compared without case and spaces), so nothing
  is both required and "nice to have" or under two headings. The level's years line is
  printed only when no required qualification states years, read by the reader JD301 uses
  (:mod:`jdgen.compose.experience`), whatever the qualification's ``kind``.
* **Empty sections are None or empty lists**, never a heading over nothing.
* **Ranges** in printed catalog text use an en dash ("5–8 years"), and codes stay out of a
  company posting's words: ``reference`` is the requisition id there.

**The posting's language.** Labels and fixed phrases ("Full-time", "per year", "You can work
...") are English message ids marked with ``N_`` (found by ``pybabel extract``) and translated
with the posting language's gettext (:mod:`jdgen.render.translations`) where they are used;
money, dates, lists of places and country names come from CLDR (:mod:`jdgen.render.cldr`) for
the posting's locale (:mod:`jdgen.render.language`). The catalog's own text (responsibilities,
the company's benefits) is printed as written: it is in whatever language its author wrote.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..catalog.models import Component
from ..compose.posting import Posting
from .cldr import join, long_date, money_range, territory
from .language import ENGLISH, PostingLocale, posting_locale
from .translations import N_

if TYPE_CHECKING:
    from ..catalog.company_models import PayBand, Place


def _english(message: str) -> str:
    return message


EMPLOYMENT_LABELS = {
    "full_time": N_("Full-time"), "part_time": N_("Part-time"), "contractor": N_("Contract"),
    "temporary": N_("Temporary"), "intern": N_("Internship"), "volunteer": N_("Volunteer"),
    "per_diem": N_("Per diem"), "other": N_("Other"),
}
WORK_MODEL_LABELS = {"onsite": N_("On-site"), "hybrid": N_("Hybrid"), "remote": N_("Remote")}
# The amount goes into the phrase, so that a language can put words before or after it.
# Translators: a pay band, e.g. "$157,000–$196,000 per year"; the amounts are gross pay.
PERIOD_LABELS = {"year": N_("%(amount)s per year"), "month": N_("%(amount)s per month"),
                 "week": N_("%(amount)s per week"), "day": N_("%(amount)s per day"),
                 "hour": N_("%(amount)s per hour")}
BRING_HEADINGS = (("qualifications", N_("Qualifications")), ("skills", N_("Skills")),
                  ("knowledge", N_("Knowledge")), ("tools", N_("Tools")))


def pay_range(band: PayBand, locale: PostingLocale = ENGLISH, _=_english) -> str:
    """The band as the posting prints it: "$157,000–$196,000 per year", "68.000 € – 84.000 € brutto pro Jahr"."""
    amount = money_range(band.min, band.max, band.currency, locale.cldr)
    return _(PERIOD_LABELS[band.period]) % {"amount": amount}


def _area_name(area, locale: PostingLocale) -> str:
    country = territory(area.country, locale.cldr)
    return f"{area.region}, {country}" if area.region else country


def place_name(place: Place, locale: PostingLocale = ENGLISH, _=_english) -> str:
    if place.work_model == "remote" and not place.city:
        areas = [_area_name(a, locale) for a in place.remote_eligibility or ()]
        return _("Remote (%(areas)s)") % {"areas": join(areas, locale.cldr)} if areas else _("Remote")
    parts = [place.city, place.region if place.country == "US" else None,
             None if place.country == "US" else territory(place.country, locale.cldr)]
    return ", ".join(p for p in parts if p)


# A hyphen between two numbers, as in "5-8 years"; not inside codes or dates ("NW-2026-118",
# "2026-12-31"), which have a letter, digit or hyphen on the outside.
_HYPHEN_RANGE = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)?)\s?-\s?(\d+(?:[.,]\d+)?\+?)(?![\w-]|[.,]\d)")
_SPACES = re.compile(r"\s+")


def en_dash(text: str | None) -> str | None:
    """``text`` with every numeric range written with an en dash: "5-8" → "5–8"."""
    return None if text is None else _HYPHEN_RANGE.sub("\\1\u2013\\2", text)


def printed(item: Component) -> str:
    """What a posting says for ``item``: its candidate-facing wording, else its catalog text."""
    return en_dash(item.posting or item.text)


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().rstrip(".").casefold()


@lru_cache(maxsize=65536)
def _wording(text: str) -> tuple[str, str]:
    """(printed wording, repeat key) of an item's text. Cached: every posting of a profile, and
    lint beside render, prints the same items again, and the two regexes dominate for long lists."""
    wording = en_dash(text)
    return wording, _key(wording)


# The lists in the order a posting prints them: what is required, then "nice to have". Which of
# two repeats is printed depends on this order, so lint reads it from here too.
PRINT_ORDER = (("responsibilities", "required"), ("qualifications", "required"), ("skills", "required"),
               ("knowledge", "required"), ("tools", "required"), ("qualifications", "preferred"),
               ("skills", "preferred"), ("knowledge", "preferred"), ("tools", "preferred"))


def printed_items(profile) -> list[tuple[str, int, Component, str]]:
    """Every list item a posting prints, in print order, as (list, index, item, wording).

    Each wording is handed out once: an item that repeats one already printed is dropped, and so
    is an item with ``in_posting: false``. Lint's posting rules read this list, so they judge the
    items a candidate reads and nothing else.
    """
    seen: set[str] = set()
    out = []
    for name, priority in PRINT_ORDER:
        for index, item in enumerate(getattr(profile, name)):
            if not item.in_posting or item.priority != priority:
                continue
            text, key = _wording(item.posting or item.text)
            if key not in seen:
                seen.add(key)
                out.append((name, index, item, text))
    return out


def opening(profile) -> str:
    """The paragraph a posting opens with; see the module docstring for the order of choice."""
    if profile.opening:
        return en_dash(profile.opening)
    problem = profile.story.problem if profile.story and profile.story.problem else None
    parts = [problem.external, problem.why_it_matters] if problem else []
    told = " ".join(_SPACES.sub(" ", part).strip() for part in parts if part)
    return en_dash(told or profile.summary)


def printed_qualifications(posting: Posting) -> list[str]:
    """The required qualifications as the posting prints them: without the level's years
    line, and without those that repeat an item printed before them (see :func:`printed_items`)."""
    return [text for name, _, item, text in printed_items(posting.profile)
            if name == "qualifications" and item.priority == "required"]


def states_years(qualifications: list[str]) -> bool:
    """Whether any of these qualifications asks for years, as JD301 reads them."""
    from ..compose.experience import asks_for_years  # imported here: only a posting with qualifications reads them

    return any(asks_for_years(text) for text in qualifications)


def where_you_work(places, locale: PostingLocale = ENGLISH, _=_english) -> str | None:
    """One sentence on where the work can be done, from the locations' work models.

    "You can work from anywhere in Germany or hybrid from München." Remote first: it is
    the widest offer. On-site only reads "You work on site in Denver, CO." Each way of
    working is one translated phrase, and the phrases are joined as the language joins
    alternatives ("A, B or C", "A, B oder C").
    """
    def names(model: str) -> list[str]:
        # The city is enough here: the line above already names each location's country.
        return list(dict.fromkeys(
            f"{p.city}, {p.region}" if p.country == "US" and p.region else p.city
            for p in places if p.work_model == model and p.city))

    def either(items: list[str]) -> str:
        return join(items, locale.cldr, "or")

    # Translators: the phrases below are alternatives of one sentence, joined with "or":
    # "You can work from anywhere in Germany or hybrid from München."
    remote_areas = list(dict.fromkeys(_area_name(a, locale) for p in places if p.work_model == "remote"
                                      for a in p.remote_eligibility or ()))
    remote_any = any(p.work_model == "remote" for p in places)
    parts = []
    if remote_areas:
        # Translators: areas are countries or "CO, United States", as CLDR names them
        parts.append(_("from anywhere in %(areas)s") % {"areas": either(remote_areas)})
    elif remote_any:
        parts.append(_("remotely"))
    if names("hybrid"):
        parts.append(_("hybrid from %(places)s") % {"places": either(names("hybrid"))})
    if names("onsite"):
        parts.append(_("on site in %(places)s") % {"places": either(names("onsite"))})
    if not parts:
        return None
    if len(parts) == 1 and not remote_any and not names("hybrid"):
        return _("You work %(where)s.") % {"where": parts[0]}
    return _("You can work %(where)s.") % {"where": either(parts)}


def build_context(posting: Posting, translations=None) -> dict[str, Any]:
    """The template context of ``posting``; ``translations`` (gettext) word its labels, English without."""
    p = posting.profile
    level = posting.level
    company = posting.company
    locale = posting_locale(posting)
    _ = translations.gettext if translations is not None else _english
    groups: dict[tuple[str, str], list[str]] = {key: [] for key in PRINT_ORDER}
    source_quals: list[str] = []   # the English of required qualifications, which the years reader reads
    for name, _index, item, text in printed_items(p):
        groups[name, item.priority].append(text)
        if name == "qualifications" and item.priority == "required":
            source_quals += [text, item.text]   # a translation is in `posting`; its English stays in `text`
    responsibilities = groups["responsibilities", "required"]
    required_quals = groups["qualifications", "required"]
    years = {"min": level.years.min, "max": level.years.max}
    years_line = None if states_years(source_quals) else _("%(min)s–%(max)s years of relevant experience") % years
    qualifications = ([years_line] if years_line else []) + required_quals
    lists = {"qualifications": qualifications, "skills": groups["skills", "required"],
             "knowledge": groups["knowledge", "required"], "tools": groups["tools", "required"]}
    nice = [text for name, priority in PRINT_ORDER if priority == "preferred" for text in groups[name, priority]]
    opening_text = opening(p)
    success = en_dash(p.story.success) if p.story and p.story.success else None
    context: dict[str, Any] = {
        "code": p.code,
        "title": p.title,
        "language": locale.tag,
        # The opening, not the catalog summary: the HTML page's meta description prints this.
        "summary": opening_text,
        "opening": opening_text,
        "catalog_summary": p.summary,
        "success": success,
        "level": {"code": level.code, "name": level.name, "years": _("%(min)s–%(max)s years") % years,
                  "years_min": level.years.min, "years_max": level.years.max},
        "responsibilities": responsibilities,
        **lists,
        "bring": [(_(heading), lists[name]) for name, heading in BRING_HEADINGS if lists[name]],
        "nice_to_have": nice,
        "sections": [{"heading": s.text, "body": en_dash(s.body), "points": [en_dash(i) for i in s.items]}
                     for s in posting.sections if s.body or s.items],
        "is_draft": posting.is_draft,
        "requisition_id": posting.requisition_id,
        # What a reader may see to name this posting: internal codes stay out of a company's posting.
        "reference": posting.requisition_id if company is not None else p.code,
        "company": None,
    }
    if company is None:
        return context
    info = company.company
    places = [place_name(place, locale, _) for place in posting.places]
    models = sorted({place.work_model for place in posting.places}, key=list(WORK_MODEL_LABELS).index)
    apply = company.apply
    team = posting.team
    context["company"] = {
        "name": info.name,
        "about": info.about,
        "website": info.website,
        "locations": places,
        "work_model": " / ".join(_(WORK_MODEL_LABELS[m]) for m in models),
        "where": where_you_work(posting.places, locale, _),
        "employment_type": _(EMPLOYMENT_LABELS[posting.employment_type]),
        "pay": pay_range(posting.pay, locale, _) if posting.pay else None,
        "other_compensation": [en_dash(i) for i in company.other_compensation],
        "benefits": [en_dash(i) for i in company.benefits],
        "team": None if team is None else {"about": team.about, "reports_to": team.reports_to},
        "hiring_process": list(company.hiring_process),
        "apply_anyway": company.apply_anyway,
        "apply": None if apply is None else {"url": apply.url, "email": apply.email,
                                             "deadline": long_date(apply.deadline, locale.cldr) if apply.deadline else None,
                                             "deadline_iso": apply.deadline, "instructions": apply.instructions},
        "eeo": None if company.eeo is None else {"statement": company.eeo.statement,
                                                 "accommodation": company.eeo.accommodation,
                                                 "additional": list(company.eeo.additional)},
        "requisition_id": posting.requisition_id,
    }
    return context
