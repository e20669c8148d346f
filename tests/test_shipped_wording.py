"""The shipped profiles read as postings a recruiter can send: each opens with a paragraph
written to the applicant, every company posting starts with it, responsibilities start with
a verb, success is not told about "the engineer", and no posting prints an internal code."""

from __future__ import annotations

import json
import re

import pytest

from jdgen.catalog.yaml_source import load_yaml
from jdgen.resources import builtin_catalog

DATE = ["--date", "2026-11-23"]
ROLES = sorted((builtin_catalog() / "roles").glob("*.yaml"))
CODES = [path.stem for path in ROLES]

PROFILES = {path.stem: load_yaml(path).data for path in ROLES}
COMPANIES = {slug: load_yaml(builtin_catalog() / "companies" / f"{slug}.yaml").data
             for slug in ("northwind", "lindenhof")}
# A first word like "Ownership", "Building" or "Management" followed by "of": a task named, not asked for.
NOMINALISATION = re.compile(r"^\S*(?:tion|ment|ship|ing)\s+of\b", re.IGNORECASE)
THIRD_PERSON = re.compile(r"\bthe (?:associate|engineer|architect|scientist|researcher|candidate)\b",
                          re.IGNORECASE)


def flat(text: str) -> str:
    return " ".join(text.split())


def section(md: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n\n(.*?)(?=^## |\Z)", md, flags=re.M | re.S)
    assert match, f"no section {heading!r}"
    return match.group(1).strip()


def render(run, code: str, *args: str, cwd) -> str:
    result = run("render", code, *args, *DATE, cwd=cwd)
    assert result.code == 0, result.err
    return result.out


def company_opening(slug: str, code: str) -> str | None:
    """The paragraph a company gives for this role itself, which then opens its posting."""
    company = COMPANIES[slug]
    for block in (company.get("roles", {}).get(code, {}), company.get("defaults", {})):
        if block.get("opening") or block.get("summary"):
            return block.get("opening") or block["summary"]
    return None


@pytest.mark.parametrize("code", CODES)
def test_every_shipped_profile_has_an_opening_to_the_applicant(code):
    opening = PROFILES[code].get("opening")
    assert opening, f"{code} has no opening"
    sentences = re.findall(r"[^.!?]+[.!?]", flat(opening))
    assert 2 <= len(sentences) <= 4, (code, sentences)
    assert re.search(r"\byou\b", opening, flags=re.IGNORECASE), code
    assert "AIMLAM" not in opening and not re.search(r"\bP\d\b", opening)


@pytest.mark.parametrize("code", CODES)
def test_success_is_not_told_about_a_third_person(code):
    success = PROFILES[code]["story"]["success"]
    assert not THIRD_PERSON.search(success), (code, success)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("slug", ["northwind", "lindenhof"])
def test_company_postings_open_with_the_opening(run, tmp_path, code, slug):
    md = render(run, code, "-c", slug, cwd=tmp_path)
    if slug == "lindenhof":   # publishes in German: the opening of the profile's German text
        german = load_yaml(builtin_catalog() / "translations" / "de" / f"{code}.yaml").data
        expected, heading = company_opening(slug, code) or german["opening"]["text"], "Über die Stelle"
    else:
        expected, heading = company_opening(slug, code) or PROFILES[code]["opening"], "About the role"
    # The whole section is the opening: nothing of the story's problem text is printed ahead of it.
    assert flat(section(md, heading)) == flat(expected), (code, slug)


def test_only_lindenhofs_p4_opens_with_a_company_paragraph():
    # The test above would hide a company opening that shadows every profile's: say which exist.
    assert [(slug, code) for slug in COMPANIES for code in CODES if company_opening(slug, code)] == [
        ("lindenhof", "AIMLAM.GEN.P4")]


@pytest.mark.parametrize("code", CODES)
def test_no_printed_responsibility_starts_with_a_nominalisation(run, tmp_path, code):
    md = render(run, code, cwd=tmp_path)
    bullets = re.findall(r"^- (.+)$", section(md, "What you will do"), flags=re.M)
    assert bullets, code
    assert [b for b in bullets if NOMINALISATION.search(b)] == []


def test_the_nominalisation_check_catches_what_it_is_for():
    assert NOMINALISATION.search("Ownership of entire AI/ML projects or significant product areas")
    assert NOMINALISATION.search("Building of data pipelines")
    assert NOMINALISATION.search("Management of the model registry")
    assert NOMINALISATION.search("Implementation of search features")
    assert not NOMINALISATION.search("Own AI/ML projects or a significant product area")
    assert not NOMINALISATION.search("Design the architecture of machine-learning systems")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("slug", ["northwind", "lindenhof"])
def test_no_company_posting_prints_the_internal_code(run, tmp_path, code, slug):
    level = PROFILES[code]["level"]
    for fmt in ("md", "html", "jsonld"):
        text = render(run, code, "-c", slug, "-f", fmt, "--jsonld-drafts", cwd=tmp_path)
        if fmt == "jsonld":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        assert "AIMLAM" not in text, (code, slug, fmt)
        assert not re.search(rf"\b{level}\b", text), (code, slug, fmt)


@pytest.mark.parametrize("code", CODES)
def test_generic_posting_prose_names_no_code(run, tmp_path, code):
    """A generic posting states its level under the title by design; its prose does not."""
    md = render(run, code, cwd=tmp_path)
    prose = md.split("## About the role", 1)[1]
    assert "AIMLAM" not in prose and not re.search(r"\bP\d\b", prose), code
