"""Pay transparency: ranges, open-ended pay, benefits, deadlines and range width where laws require them.

The law table is ``jdgen/data/pay_transparency.yaml`` (sources and review dates per row).
A law applies to a posting when one of its locations (or, for remote work, one of the
areas applicants may live in; an area without a region stands for every state or province
of its country) is in the jurisdiction and the employer meets the size threshold; it is
in force when its effective date is on or before ``--as-of`` (default: today).

Directive (EU) 2023/970 binds employers through member-state law only: a member state's law
in force is a duty like any other (JD401, naming the law and its citation). Where a state has
no such law on ``--as-of`` after the Directive's deadline, a posting without pay gets a
warning naming the Directive (JD406); before the deadline, an info.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Iterator

from ..anchors import Anchored
from ..data import jurisdictions
from ..hits import company_hit
from ..jurisdictions import (OVERDUE_HINT, applicable_laws, before_interview_note, is_directive, overdue,
                             overdue_message, range_duty, transposed)
from ..registry import Example, Hit, hit_at, rule
from ..texts import posting_texts

# English, German and French wordings: a German or French posting says "bis zu 5.000 €" and
# "Gehalt nach Vereinbarung" where an English one says "up to $5,000" and "DOE". The German and
# French salary words are required before "nach Vereinbarung" / "selon": "Eintritt nach
# Vereinbarung" (start date by agreement) is in half of all German postings and says nothing
# about pay. An amount after "bis zu" / "jusqu'à" must carry its currency, so "bis zu einem
# Monatsgehalt" (a bonus of up to one month's pay) stays a closed statement.
_AMOUNT_THEN_CURRENCY = r"\d[\d.,\s\u00a0\u202f]*?\s?(?:€|EUR\b|Euro\b|euros?\b|CHF\b)"
OPEN_ENDED = re.compile(
    r"\bup to\s*(?:[$€£]|USD|EUR|GBP|CAD)\s?\d"
    r"|[$€£]\s?\d[\d,.]*\s*[kK]?\s*\+"
    r"|\bDOE\b|\bdepending on experience\b|\bcommensurate with experience\b"
    r"|\bbis zu\s" + _AMOUNT_THEN_CURRENCY +
    r"|\bjusqu['’]à\s" + _AMOUNT_THEN_CURRENCY +
    r"|\b(?:Vergütung|Gehalt|Bezahlung|Entlohnung)\s+(?:je\s+)?nach\s+(?:Vereinbarung|Erfahrung|Qualifikation)\b"
    r"|\b(?:rémunération|salaire)\s+(?:selon|en fonction de)\s+(?:l['’]|votre\s|le\s)?(?:expérience|profil)\b"
    r"|\b(?:rémunération|salaire)\s+à\s+négocier\b", re.IGNORECASE)
COMPETITIVE = re.compile(
    r"\bcompetitive (?:salary|pay|compensation|wages?|base)\b"
    r"|\b(?:attraktive|wettbewerbsfähige|leistungsgerechte|marktgerechte|marktübliche)[sn]?\s+"
    r"(?:Vergütung|Gehalt|Bezahlung)\b"
    r"|\b(?:rémunération|salaire)\s+(?:attracti(?:f|ve)|compétiti(?:f|ve)|motivante?)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _open_ended(text: str):
    return _matchers()[0].search(text)


@lru_cache(maxsize=65536)
def _competitive(text: str):
    return _matchers()[1].search(text)


@cache
def _matchers() -> tuple[Anchored, Anchored]:
    """The patterns above, tried only where their words are written (see ..anchors)."""
    return Anchored(OPEN_ENDED), Anchored(COMPETITIVE)


def _laws(ctx, posting):
    return [law for law in _applicable(ctx, posting) if not is_directive(law.law)]


def _applicable(ctx, posting) -> tuple:
    """applicable_laws(posting, ctx.as_of), worked out once per company and set of places.

    Five rules ask for every posting, and a company's postings share their places: reading a
    company of thousands of locations once per posting and rule made lint cost profiles times
    locations times rules. The company is kept with the answer, so an id is never mistaken.
    """
    if posting.company is None:
        return ()
    answers = ctx.__dict__.setdefault("_applicable_laws", {})
    key = (id(posting.company), tuple(map(id, posting.places)))
    found = answers.get(key)
    if found is None or found[0] is not posting.company:
        found = answers[key] = (posting.company, tuple(applicable_laws(posting, ctx.as_of)))
    return found[1]


def _because(law) -> str:
    """The reason a law reaches a location the company file does not place in its region."""
    return f": {law.via}" if law.via else ""


@rule("JD401", "pay-range-required", severity="error", target="posting", documents=True,
      summary="A posting for a location with a pay-transparency law in force has no pay range.",
      why="Colorado, California, Washington, New York, Illinois, Ontario and others require the pay range in the "
          "posting itself; publishing without it is a violation on day one. In the EU, member states' laws "
          "transposing Directive (EU) 2023/970 (Italy, Lithuania, Malta, Poland, Slovakia when last checked) "
          "require the initial pay or its range, some in the notice itself, some in the notice or before the "
          "first interview: jdgen cannot see the latter, so the finding says so and a suppression with that "
          "reason is the answer.",
      bad=Example(company="pay_bands:\n  P4: null\n", note="Northwind without a P4 band (null removes a key)"),
      good=Example(company="pay_bands:\n  P4: {currency: USD, min: 157000, max: 196000, period: year}\n"))
def pay_range_required(ctx, posting, options) -> Iterator[Hit]:
    if getattr(posting, "document", None) is not None:  # a posting file: its places are stated in words
        from ..file_pay import pay_hits

        yield from pay_hits(posting, ctx.as_of)
        return
    if posting.pay is not None:
        return
    for law in _laws(ctx, posting):
        if law.in_force and law.requires.get("range"):
            later = before_interview_note(law.law)
            hint = f"add pay_bands.{posting.level.code} or the role's pay"
            yield company_hit(posting, ("locations", law.place_index),
                              f"{range_duty(law.law)}, and the {posting.level.code} posting for {posting.code} has "
                              f"none{_because(law)}{later}",
                              hint + (", or suppress JD401 here with that reason if candidates get the pay before "
                                      "the interview" if later else ""))


@rule("JD402", "open-ended-pay", severity="warning", target="posting", documents=True, severities=("error",),
      summary="Pay is stated open-ended: 'up to $X', '$120k+', 'DOE', or 'competitive salary' without a range "
              "(also in German and French: 'bis zu 5.000 €', 'Gehalt nach Vereinbarung', 'salaire attractif').",
      why="Open-ended pay tells candidates nothing; New York City, Minnesota, British Columbia, Ontario and DC "
          "ban it in postings (an error there), and it is poor practice everywhere else (a warning).",
      bad=Example(company="other_compensation:\n  - Bonus of up to $20,000\n"),
      good=Example(company="other_compensation:\n  - Annual bonus with a target of 10% of base pay\n"))
def open_ended_pay(ctx, posting, options) -> Iterator[Hit]:
    banned = [law.name for law in _laws(ctx, posting) if law.in_force and law.requires.get("closed_range")]
    for text in posting_texts(posting):
        if text.is_eeo:
            continue
        match = _open_ended(text.text) or (_competitive(text.text) if posting.pay is None else None)
        if match:
            where = f"; banned in {', '.join(banned)}" if banned else ""
            yield text.hit(f"open-ended pay {match.group(0)!r} in {text.field}{where}",
                           "state a closed range, e.g. '$150,000–$180,000 per year'", text.locate(match.group(0)),
                           severity="error" if banned else None)


@rule("JD403", "benefits-required", severity="error", target="posting",
      summary="A law in force requires a description of benefits or other pay, and the company gives none.",
      why="Colorado, Washington, Illinois, Maryland, Minnesota and New Jersey require benefits and other "
          "compensation to be described in the posting.",
      bad=Example(company="benefits: []\nother_compensation: []\n"),
      good=Example(company="benefits:\n  - Medical, dental and vision insurance\n"))
def benefits_required(ctx, posting, options) -> Iterator[Hit]:
    company = posting.company
    if company is None or company.benefits or company.other_compensation:
        return
    for law in _laws(ctx, posting):
        if law.in_force and law.requires.get("benefits"):
            yield company_hit(posting, ("locations", law.place_index),
                              f"{law.name} requires benefits and other compensation in postings, and there are none"
                              f"{_because(law)}",
                              "add benefits: and other_compensation: to the company file")
            return


@rule("JD404", "deadline-required", severity="error", target="posting",
      summary="A law in force requires an application deadline, and the posting has none.",
      why="Colorado requires the date applications close (SB 23-105, since 2024); it also becomes validThrough.",
      bad=Example(company="apply:\n  deadline: null\n", note="the apply block without its deadline (null removes a key)"),
      good=Example(company="apply:\n  url: https://northwind-analytics.example/careers\n  deadline: '2026-12-31'\n"))
def deadline_required(ctx, posting, options) -> Iterator[Hit]:
    company = posting.company
    if company is None or (company.apply and company.apply.deadline):
        return
    for law in _laws(ctx, posting):
        if law.in_force_for("deadline", ctx.as_of) and law.requires.get("deadline"):
            path = ("apply",) if company.apply else ("company",)
            yield company_hit(posting, path,
                              f"{law.name} requires an application deadline in postings{_because(law)}",
                              'add apply.deadline: "YYYY-MM-DD"', key=True)
            return


@rule("JD405", "pay-range-too-wide", severity="error", target="posting",
      summary="A pay range is wider than a law allows (Ontario: CAD 50,000 when the top is at most CAD 200,000).",
      why="Ontario's Employment Standards Act caps the width of advertised ranges; a wider one is a violation.",
      bad=Example(company="locations:\n  - {id: toronto, city: Toronto, region: 'ON', country: CA, work_model: onsite}\n"
                          "pay_bands:\n  P4: {currency: CAD, min: 100000, max: 160000, period: year}\n"),
      good=Example(company="locations:\n  - {id: toronto, city: Toronto, region: 'ON', country: CA, work_model: onsite}\n"
                           "pay_bands:\n  P4: {currency: CAD, min: 120000, max: 160000, period: year}\n"))
def pay_range_too_wide(ctx, posting, options) -> Iterator[Hit]:
    band = posting.pay
    if band is None or band.period != "year":
        return
    for law in _laws(ctx, posting):
        cap = law.requires.get("max_range_width")
        if not (law.in_force and cap) or cap["currency"] != band.currency or band.max > cap["applies_below_max"]:
            continue
        if band.max - band.min > cap["amount"]:
            yield company_hit(posting, ("pay_bands", posting.level.code) if posting.company.pay_bands else ("company",),
                              f"pay range {band.min:,.0f}–{band.max:,.0f} {band.currency} is wider than the "
                              f"{cap['amount']:,} {cap['currency']} {law.name} allows{_because(law)}", "narrow the range",
                              key=True)


@rule("JD406", "pay-law-upcoming", severity="info", target="posting", severities=("warning",), documents=True,
      summary="A pay-transparency law covers a location but is not in force yet on the --as-of date; or an EU "
              "member state is past the pay-transparency directive's deadline without a law, and the posting "
              "has no pay (a warning).",
      why="Catalogs are prepared ahead of publication; knowing the date a duty starts avoids a scramble. "
          "Directive (EU) 2023/970 had to be transposed by 7 June 2026; most member states were late, and a "
          "late law can start any day, so a posting in such a state should carry pay anyway (the warning names "
          "the state and the date its status was last checked).",
      bad=Example(company="locations:\n  - {id: wilmington, city: Wilmington, region: DE, country: US, work_model: onsite}\n"),
      good=Example(company="locations:\n  - {id: denver, city: Denver, region: CO, country: US, work_model: onsite}\n"))
def pay_law_upcoming(ctx, posting, options) -> Iterator[Hit]:
    if getattr(posting, "document", None) is not None:  # a posting file: its places are stated in words
        from ..file_pay import upcoming_hits

        yield from upcoming_hits(posting, ctx.as_of)
        return
    for law in _applicable(ctx, posting):
        directive = is_directive(law.law)
        if not law.in_force:
            if directive and transposed(law.country, ctx.as_of):
                continue  # the state's own law already applies (JD401)
            yield company_hit(posting, ("locations", law.place_index),
                              f"{law.name} will require pay disclosure from {law.law['effective']}{_because(law)}",
                              "have pay bands ready for this location before then")
        elif directive and posting.pay is None:
            state = overdue(law.country, ctx.as_of)
            if state is not None:
                found = company_hit(posting, ("locations", law.place_index),
                                    overdue_message(state, ctx.as_of,
                                                    f"the {posting.level.code} posting for {posting.code}"),
                                    f"add pay_bands.{posting.level.code}, {OVERDUE_HINT}")
                yield replace(found, severity="warning")


@lru_cache(maxsize=None)
def _regional_laws(country: str) -> tuple[dict, ...]:
    return tuple(law for law in jurisdictions() if law["country"] == country and law.get("region"))


@rule("JD407", "pay-law-region-missing", severity="warning", target="company",
      summary="An on-site or hybrid US or Canadian location names no region, so state and provincial pay laws "
              "cannot be checked.",
      why="In the US and Canada pay must be in postings under state, provincial and city laws, not national "
          "ones. A location without its region matches none of them, and the pay rules stay silent whether "
          "the posting complies or not. (A remote location open to the whole country needs no region: it "
          "counts as being in every state.)",
      bad=Example(company="locations:\n  - {id: denver, city: Denver, country: US, work_model: onsite}\n"),
      good=Example(company="locations:\n  - {id: denver, city: Denver, region: CO, country: US, work_model: onsite}\n"))
def pay_law_region_missing(ctx, company, options) -> Iterator[Hit]:
    for i, place in enumerate(company.model.locations):
        if place.work_model == "remote" or place.region is not None:
            continue
        laws = _regional_laws(place.country)
        if not laws:
            continue
        names = [law["name"] for law in laws if not (law.get("city") or law.get("county"))]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        yield hit_at(company.doc, ("locations", i),
                     f"location '{place.id}' in {place.country} names no region, so jdgen cannot tell which of the "
                     f"regional pay-transparency laws ({shown}) cover it",
                     f"add its state or province code, e.g. region: {laws[0]['region']}")
