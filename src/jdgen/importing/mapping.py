"""Which part of a posting goes where in a draft profile, and which part belongs to the company.

The section kinds come from the heading table (:mod:`jdgen.documents.headings`); this module
decides only what each kind becomes:

* responsibilities (and essential functions, physical demands: items marked ``essential``)
  become ``responsibilities``; requirements become ``qualifications``, nice-to-have ones with
  ``priority: preferred``; skills become ``skills``. A qualification that states years is
  ``kind: experience`` (read by the same reader as JD301), one naming a degree ``education``,
  one naming a certificate or licence ``certification``.
* The text before the first heading and under "About the role" is the opening; its first
  paragraph is the catalog summary, so no summary is invented.
* Pay, benefits, EEO, about the company, how to apply, hiring process, team and location are
  the employer's, not the role's: they go to the company draft, and so does a short line that
  is only a place ("Remote United States") or only a pay range ("USD 110k - 130k"), wherever
  it stands.
* In a section whose heading says nothing of its bullets ("Description", no heading at all), a
  lead-in line ending with a colon decides: "You'll:" or "Your day-to-day:" makes them
  responsibilities, "You'd have experience in some or all of:" qualifications (preferred when
  it says "ideally", "some or all", "a plus").
* Everything else (an unknown heading, a lead-in line ending with a colon, bullets with no
  lead-in) is kept as a comment with its file and line, so nothing of the posting is lost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..documents import Document, Piece

# section kind → (profile list, priority, essential)
_LISTS = {
    "responsibilities": ("responsibilities", "required", False),
    "essential_functions": ("responsibilities", "required", True),
    "physical_demands": ("responsibilities", "required", True),
    "requirements": ("qualifications", "required", False),
    "nice_to_have": ("qualifications", "preferred", False),
    "skills": ("skills", "required", False),
}
# section kind → key of the company draft
_COMPANY = {"benefits": "benefits", "compensation": "pay", "about_company": "about", "eeo": "eeo",
            "how_to_apply": "apply", "hiring_process": "hiring_process", "team": "team", "location": "location"}
_LOCATION_LABEL = re.compile(r"^\s*(?:job\s+)?locations?\s*[:\-–]\s*\S", re.IGNORECASE)
_EDUCATION = re.compile(r"\b(?:degree|bachelor'?s?|master'?s?|ph\.?\s?d|doctorate|diploma|b\.?sc?|m\.?sc?|"
                        r"b\.s\.|m\.s\.|mba|graduate|university|college)\b", re.IGNORECASE)
_CERTIFICATION = re.compile(r"\b(?:certif\w*|licen[cs]\w*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Kept:
    """A piece of the posting that no field takes, kept as a comment at its source line."""
    where: str   # "posting.md:12"
    text: str


@dataclass
class Mapped:
    title: str
    opening: list[str] = field(default_factory=list)
    lists: dict[str, list[dict]] = field(default_factory=lambda: {"responsibilities": [], "qualifications": [],
                                                                    "skills": []})
    kept: list[Kept] = field(default_factory=list)
    company: dict[str, list[Kept]] = field(default_factory=dict)
    company_name: str | None = None


def clean(text: str) -> str:
    """The piece's text without control characters, which no catalog file may hold (they are
    invisible in every posting format); tabs are already spaces in a piece."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()


def _where(piece: "Piece") -> str:
    return f"{piece.location.file}:{piece.location.line}"


def qualification_kind(text: str) -> str | None:
    from ..compose.experience import find_years_claims

    if any(claim.role != "alternative" for claim in find_years_claims(text)):
        return "experience"
    if _EDUCATION.search(text):
        return "education"
    if _CERTIFICATION.search(text):
        return "certification"
    return None


_ASKS = re.compile(r"\b(?:experience|knowledge|skills?|qualifications?|you(?:'d|\s+would|\s+should)?\s+have|"
                   r"you\s+bring|we(?:'re|\s+are)\s+looking\s+for|requirements?)\b", re.IGNORECASE)
_DUTIES = re.compile(r"\b(?:you(?:'ll|\s+will)|responsibilities|duties|your\s+(?:role|day)|day[\s-]to[\s-]day|"
                     r"tasks?\s+(?:include|would)|in\s+this\s+role)\b", re.IGNORECASE)
_SOFT = re.compile(r"\b(?:ideally|some\s+or\s+all|nice\s+to\s+have|bonus|a\s+plus|preferably|preferred)\b",
                   re.IGNORECASE)


def _lead_in(text: str) -> tuple[str, str, bool] | None:
    """What the bullets after a line ending with a colon are, in a section whose heading says
    nothing ("Description"): duties when the line speaks of them, requirements when it asks for
    experience or knowledge ("nice to have" when it says "ideally" or "some or all"), else None."""
    if not text.endswith(":"):
        return None
    if _DUTIES.search(text):
        return ("responsibilities", "required", False)
    if _ASKS.search(text):
        return ("qualifications", "preferred" if _SOFT.search(text) else "required", False)
    return None


def _only_place(text: str) -> bool:
    """A short line that names a place and says nothing else ("Remote United States", "Denver, CO"):
    the employer's location, not the opening of the role."""
    from ..documents.stated import read_place

    return len(text.split()) <= 6 and not text.endswith(".") and read_place(text) is not None


def _only_pay(text: str) -> bool:
    """A short line that is a pay range ("USD 110k - 130k"): the company's pay, not the role's."""
    from ..documents.stated import PAY_RANGE

    found = PAY_RANGE.search(text)
    return found is not None and len(text.split()) <= 8


def map_document(document: "Document") -> Mapped:
    title = clean(document.title.text) if document.title is not None else ""
    mapped = Mapped(title)
    for section in document.sections:
        kind = section.kind
        heading = section.heading
        led = None   # what a lead-in line ("You'd have experience in some or all of:") says its bullets are
        if kind == "about_company" and heading is not None:
            name = re.sub(r"^\s*about\s+(?:us\b)?", "", clean(heading.text), flags=re.IGNORECASE).strip(" :.")
            if name and mapped.company_name is None:
                mapped.company_name = name
        for piece in section.pieces:
            text = clean(piece.text)
            if not text:
                continue
            if _LOCATION_LABEL.match(text) or _only_place(text):
                mapped.company.setdefault("location", []).append(Kept(_where(piece), text))
                continue
            if piece.kind == "paragraph" and _only_pay(text):
                mapped.company.setdefault("pay", []).append(Kept(_where(piece), text))
                continue
            if piece.kind == "paragraph":
                led = _lead_in(text) if kind not in _LISTS and kind not in _COMPANY else None
            listed = _LISTS.get(kind) or (led if piece.kind == "item" else None)
            if listed and not (piece.kind == "paragraph" and text.endswith(":")):
                list_name, priority, essential = listed
                item: dict = {"text": text}
                if list_name == "qualifications":
                    found = qualification_kind(text)
                    if found:
                        item["kind"] = found
                if priority != "required":
                    item["priority"] = priority
                if essential:
                    item["essential"] = True
                mapped.lists[list_name].append(item)
            elif kind in _COMPANY:
                mapped.company.setdefault(_COMPANY[kind], []).append(Kept(_where(piece), text))
            elif (heading is None or kind == "about_role") and piece.kind == "paragraph" and text != title:
                mapped.opening.append(text)
            else:
                if heading is not None and not any(k.where == _where(heading) for k in mapped.kept):
                    mapped.kept.append(Kept(_where(heading), clean(heading.text)))
                mapped.kept.append(Kept(_where(piece), text))
    return mapped
