"""The heading table: each kind's typical headings, normalisation, and headings it does not know."""

from __future__ import annotations

import pytest
import yaml

from jdgen.documents.headings import KINDS, TABLE, heading_kind, normalise

TYPICAL = {
    "about_role": ["About the Role", "The Opportunity", "Position Overview", "Overview", "Job Summary"],
    "responsibilities": ["What you'll do", "What You’ll Do:", "Key Responsibilities", "Your tasks", "Duties",
                         "What you will be working on"],
    "requirements": ["What we're looking for", "What we’re looking for:", "Requirements", "Qualifications",
                     "Required Skills & Qualifications", "About you", "Who you are",
                     "Minimum Qualifications", "Ihr Profil", "About what we are looking for"],
    "nice_to_have": ["Bonus points", "Preferred qualifications", "Nice to have", "Nice-to-haves",
                     "Preferred Qualifications (Nice to Have)", "Certifications (Optional but Beneficial)"],
    "skills": ["Skills", "Technical Skills", "Tech Stack & Tools", "Tools and Technologies"],
    "benefits": ["Benefits", "Perks & Benefits", "What we offer", "Benefits – what we offer", "Why join us?",
                 "About our benefits"],
    "compensation": ["Compensation", "Compensation & Benefits", "Salary Range", "Pay range:",
                     "Salary Ranges (US Market, 2024)"],
    "about_company": ["About Acme", "About us", "About Northwind Traders", "Who we are", "Company overview"],
    "team": ["About the team", "Meet the team", "Your team", "Who you'll work with"],
    "location": ["Location", "Where you'll work", "Work location"],
    "hiring_process": ["Our hiring process", "Interview process", "What happens next?"],
    "how_to_apply": ["How to apply", "Apply now!", "Interested?"],
    "eeo": ["Equal Opportunity Employer", "EEO statement", "Diversity, equity & inclusion", "Accommodations"],
    "essential_functions": ["Essential Functions", "Essential Duties and Responsibilities"],
    "physical_demands": ["Physical Demands", "Physical requirements"],
    "work_environment": ["Work Environment", "Working conditions"],
}


def test_every_kind_has_typical_headings():
    assert set(TYPICAL) == set(KINDS)


@pytest.mark.parametrize("kind,heading", [(kind, heading) for kind, rows in TYPICAL.items() for heading in rows])
def test_typical_headings_are_recognised(kind, heading):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize("heading", ["Our culture of impact at scale", "Day one", "About", "Python", "",
                                     "Requirements for the on-call rota this year", "Lunch"])
def test_unrecognised_headings_have_no_kind(heading):
    assert heading_kind(heading) is None


def test_normalisation():
    assert normalise("  The  Team: ") == "team"
    assert normalise("What You’ll Do:") == "what youll do"
    assert normalise("Perks & Benefits") == "perks and benefits"
    assert normalise("Your Profile") == "profile"


def test_the_table_is_well_formed():
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    assert set(data["kinds"]) == set(KINDS)
    assert set(data["prefixes"].values()) <= set(KINDS)
    owner: dict[str, str] = {}
    for kind, phrases in data["kinds"].items():
        for phrase in phrases:
            assert phrase == phrase.lower(), phrase
            key = normalise(phrase)
            assert owner.setdefault(key, kind) == kind, f"{phrase!r} is under {owner[key]} and {kind}"
    header = TABLE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "Sources" in header and "Row format" in header
