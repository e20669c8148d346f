"""JSON-LD against Google's JobPosting requirements, for every shipped company posting.

Google's guide (https://developers.google.com/search/docs/appearance/structured-data/job-posting,
summarised in standards.md §1.2) requires title, description, datePosted,
hiringOrganization and jobLocation (or, for a fully remote job, jobLocationType
TELECOMMUTE with applicantLocationRequirements), and recommends baseSalary,
employmentType, identifier, validThrough and directApply. jdgen adds: nothing empty,
nothing invented, and no JSON-LD for generic or unapproved postings unless asked.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import edit, line_of
from jdgen.catalog.root import discover
from jdgen.resources import builtin_catalog

DATE = ("--date", "2026-11-23")
NW = "companies/northwind.yaml"
LH = "companies/lindenhof.yaml"
OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T23:59:59[+-]\d{2}:\d{2}$")


def _shipped_postings():
    from jdgen.catalog.companies import company_files
    from jdgen.postings.batch import batch, render

    catalog = discover(builtin_catalog())
    for posting in batch(catalog, sorted(company_files(catalog)), date(2026, 11, 23)):
        data = json.loads(render(catalog, posting, ("jsonld",), jsonld_drafts=True).outputs["jsonld"])
        yield posting, data


SHIPPED = list(_shipped_postings())


def _empties(value, path="$"):
    """Every empty string, list or mapping anywhere in ``value``, by its JSON path."""
    if isinstance(value, str):
        return [path] if not value.strip() else []
    if isinstance(value, (list, dict)) and not value:
        return [path]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [empty for key, item in items for empty in _empties(item, f"{path}.{key}")]


@pytest.mark.parametrize("posting, data", SHIPPED, ids=[f"{p.code}.{p.slug}" for p, _ in SHIPPED])
def test_every_shipped_company_posting_meets_googles_requirements(posting, data):
    company = posting.company
    # required
    assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
    assert data["title"] == posting.profile.title and data["description"] != data["title"]
    assert data["description"].startswith("<p>") and "<a " not in data["description"]
    assert data["datePosted"] == "2026-11-23"
    assert data["hiringOrganization"]["name"] == company.company.name
    if all(place.work_model == "remote" for place in posting.places):
        assert data["jobLocationType"] == "TELECOMMUTE" and data["applicantLocationRequirements"]
        assert "jobLocation" not in data
    else:
        assert "jobLocationType" not in data
        assert [place["address"]["addressCountry"] for place in data["jobLocation"]] == [
            place.country for place in posting.places if place.work_model != "remote"]
    # recommended, wherever the company states the fact
    if posting.pay:
        assert data["baseSalary"]["currency"] == posting.pay.currency
        assert data["baseSalary"]["value"]["unitText"] in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
    assert data.get("employmentType") == ("FULL_TIME" if company.employment_type == "full_time" else None)
    if posting.requisition_id:
        assert data["identifier"] == {"@type": "PropertyValue", "name": company.company.name,
                                      "value": posting.requisition_id}
        assert data["url"].endswith("/" + posting.requisition_id)
    else:
        assert "identifier" not in data and "url" not in data  # never the careers list page
    if company.apply.direct_apply is not None:
        assert data["directApply"] is company.apply.direct_apply
    if company.apply.deadline:
        assert OFFSET.match(data["validThrough"]), data["validThrough"]
    else:
        assert "validThrough" not in data
    if company.company.logo_url:
        assert data["hiringOrganization"]["logo"] == company.company.logo_url
    assert data.get("experienceRequirements", {}).get("monthsOfExperience") != 0
    assert _empties(data) == []


def _one(code, slug):
    return next(data for posting, data in SHIPPED if posting.code == code and posting.slug == slug)


def test_validthrough_carries_the_offset_of_each_office_in_winter(run, catalog):
    # New York (-05:00) closes before Denver (-07:00): a posting in both ends at New York's midnight
    assert _one("AIMLAM.GEN.P4", "northwind")["validThrough"] == "2026-12-31T23:59:59-05:00"
    edit(catalog / NW, "    requisition_id: NW-2026-118\n", "    requisition_id: NW-2026-118\n    locations: [denver]\n")
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    denver = json.loads(result.out)
    assert [p["address"]["addressLocality"] for p in denver["jobLocation"]] == ["Denver"]
    assert denver["validThrough"] == "2026-12-31T23:59:59-07:00"


def test_the_earliest_end_of_the_day_wins_and_summer_time_counts():
    from dataclasses import replace

    from jdgen.render.valid_through import valid_through

    posting = next(p for p, _ in SHIPPED if p.code == "AIMLAM.GEN.P4" and p.slug == "northwind")
    summer = replace(posting, company=posting.company.model_copy(
        update={"apply": posting.company.apply.model_copy(update={"deadline": "2026-07-15"})}))
    assert valid_through(summer) == "2026-07-15T23:59:59-04:00"
    denver = replace(summer, places=posting.places[:1])
    assert valid_through(denver) == "2026-07-15T23:59:59-06:00"


def test_the_logo_url_identifier_and_posting_page_of_northwind():
    data = _one("AIMLAM.GEN.P4", "northwind")
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Northwind Analytics, Inc.",
                                          "sameAs": "https://northwind-analytics.example",
                                          "logo": "https://northwind-analytics.example/brand/northwind-logo.png"}
    assert data["url"] == "https://northwind-analytics.example/careers/jobs/NW-2026-118"
    assert data["identifier"]["value"] == "NW-2026-118" and data["directApply"] is True


def test_a_munich_hybrid_role_with_a_remote_option_is_not_telecommute():
    data = _one("AIMLAM.GEN.P4", "lindenhof")
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data
    assert data["jobLocation"] == [{"@type": "Place", "address": {
        "@type": "PostalAddress", "addressCountry": "DE", "addressLocality": "München", "addressRegion": "BY",
        "postalCode": "80331"}}]
    assert "Remote (Deutschland)" in data["description"]  # the option is said in words
    assert data["directApply"] is False


def test_a_fully_remote_role_is_telecommute_with_where_applicants_may_live(run, catalog):
    edit(catalog / LH, "    requisition_id: LH-2026-042\n", "    requisition_id: LH-2026-042\n    locations: [remote-de]\n")
    result = run("render", "AIMLAM.GEN.P4", "-c", "lindenhof", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    assert result.code == 0, result
    data = json.loads(result.out)
    assert "jobLocation" not in data
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "DE"}]
    assert data["validThrough"] == "2026-12-31T23:59:59+01:00"


def test_education_comes_from_the_degree_a_required_qualification_names():
    assert _one("AIMLAM.GEN.P1", "northwind")["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"}
    # "at bachelor's or master's level": the lowest level named is the requirement
    assert _one("AIMLAM.APP.P3", "northwind")["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert _one("AIMLAM.MMR.P4", "northwind")["educationRequirements"]["credentialCategory"] == "postgraduate degree"
    # the P4 profile names no degree; a preferred "Master's" is a nice-to-have, not a requirement
    assert "educationRequirements" not in _one("AIMLAM.GEN.P4", "northwind")
    assert _one("AIMLAM.GEN.P2", "northwind")["educationRequirements"]["credentialCategory"] == "bachelor degree"


def test_experience_is_the_years_the_posting_states_and_left_out_when_that_is_nothing():
    assert "experienceRequirements" not in _one("AIMLAM.GEN.P1", "northwind")  # 0-2 years: no minimum to state
    assert _one("AIMLAM.GEN.P2", "northwind")["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements", "monthsOfExperience": 12}
    assert _one("AIMLAM.GEN.P4", "lindenhof")["experienceRequirements"]["monthsOfExperience"] == 60


P4_YEARS = "  - text: 5-8 years of experience in machine learning or related engineering\n"
EXTRA_QUALIFICATION = "    kind: experience\n    prevalence: common\n    scope: level\n"


def _months(run, catalog, *qualifications: str, flags: tuple[str, ...] = ()):
    """monthsOfExperience of AIMLAM.GEN.P4 for northwind (level P4: 5-8 years) with ``qualifications``
    in place of its years line (each ``text[|priority]``), and the Markdown qualifications printed."""
    lines = "".join(f"  - text: {q.split('|')[0]}\n{EXTRA_QUALIFICATION}"
                    + (f"    priority: {q.split('|')[1]}\n" if "|" in q else "") for q in qualifications)
    edit(catalog / "roles" / "AIMLAM.GEN.P4.yaml", P4_YEARS + "    kind: experience\n    prevalence: common\n"
         "    scope: level\n", lines)
    args = ("render", "AIMLAM.GEN.P4", "-c", "northwind", *DATE, "--allow-errors", *flags)
    result = run(*args, "-f", "jsonld", "--jsonld-drafts", cwd=catalog)
    assert result.code == 0, result.err
    markdown = run(*args, cwd=catalog).out
    bring = markdown.split("### Qualifications\n\n")[1].split("\n\n")[0].splitlines()
    return json.loads(result.out).get("experienceRequirements", {}).get("monthsOfExperience"), bring


def test_experience_is_what_a_printed_qualification_states_not_the_level(run, catalog):
    months, bring = _months(run, catalog, "7+ years of experience in machine learning")
    assert (months, bring[0]) == (84, "- 7+ years of experience in machine learning")


def test_experience_is_the_smallest_total_of_several_qualifications(run, catalog):
    months, _ = _months(run, catalog, "6+ years of software engineering, 2 of them leading a team",
                        "4 years of experience with machine learning in production")
    assert months == 48       # the 2 narrows the 6 and is not a total; 4 is the smallest total


def test_experience_in_months_is_kept_in_months(run, catalog):
    assert _months(run, catalog, "18 months of experience with machine learning in production")[0] == 18


def test_experience_stated_only_as_nice_to_have_falls_back_to_the_level(run, catalog):
    months, bring = _months(run, catalog, "3 years of experience with recommender systems|preferred")
    assert (months, bring[0]) == (60, "- 5–8 years of relevant experience")   # the line the posting prints


def test_experience_without_a_minimum_is_left_out(run, catalog):
    assert _months(run, catalog, "Up to 2 years of experience with machine learning")[0] is None


def test_employment_type_only_when_the_company_states_it(run, catalog):
    edit(catalog / NW, "employment_type: full_time\n", "")
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    assert result.code == 0, result
    assert "employmentType" not in json.loads(result.out)


# --- who gets JSON-LD at all ---------------------------------------------------------

def test_a_generic_posting_has_no_jsonld(run, tmp_path):
    message = ("JSON-LD needs a company: a generic posting has no employer or location, which Google's job search "
               "requires of a JobPosting (pass -c COMPANY, e.g. -c lindenhof)\n")
    result = run("render", "AIMLAM.GEN.P4", "-f", "jsonld", *DATE, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", message)
    batch = run("render", "--all", "-f", "md,jsonld", "-o", str(tmp_path / "out"), *DATE, cwd=tmp_path)
    assert (batch.code, batch.err) == (2, message)
    assert not (tmp_path / "out").exists()  # refused before anything is written
    html = run("render", "AIMLAM.GEN.P4", "-f", "html", "--jsonld-drafts", *DATE, cwd=tmp_path)
    assert html.code == 0 and "application/ld+json" not in html.out


def test_a_draft_gets_jsonld_only_when_asked(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", *DATE, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (
        2, "", "AIMLAM.GEN.P4 is not approved (status: draft), and JSON-LD would put it into job search (approve "
               "it, or pass --jsonld-drafts to emit JSON-LD anyway, e.g. for a staging site)\n")
    html = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "html", *DATE, cwd=tmp_path)
    assert html.code == 0 and "application/ld+json" not in html.out and "<article>" in html.out
    asked = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "html", "--jsonld-drafts", *DATE, cwd=tmp_path)
    embedded = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>\n<style>', asked.out, re.S)
    assert json.loads(embedded.group(1))["identifier"]["value"] == "NW-2026-118"


def test_a_batch_with_unapproved_profiles_is_refused_before_writing(run, tmp_path):
    out = tmp_path / "out"
    result = run("render", "--all", "-c", "northwind", "-f", "jsonld", "-o", str(out), *DATE, cwd=tmp_path)
    assert result.code == 2
    assert result.err == ("AIMLAM.APP.P1 is not approved (status: review), and JSON-LD would put it into job search; "
                          "so are 11 more of the 12 roles (approve it, or pass --jsonld-drafts to emit JSON-LD "
                          "anyway, e.g. for a staging site)\n")
    assert not out.exists()


def test_an_approved_profile_needs_no_flag(run, catalog):
    edit(catalog / "roles" / "AIMLAM.GEN.P4.yaml", "status: draft", "status: approved")
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", *DATE, cwd=catalog)
    assert result.code == 0, result
    assert json.loads(result.out)["validThrough"] == "2026-12-31T23:59:59-05:00"
    html = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "html", *DATE, cwd=catalog)
    assert '<script type="application/ld+json">' in html.out


# --- company file checks -----------------------------------------------------------

@pytest.mark.parametrize("template, message", [
    ("https://jobs.example/{requisition}", "apply.posting_url has an unknown placeholder {requisition} "
                                           "(use {requisition_id}, {code}, {slug})"),
    ("https://jobs.example/{code!r}", "apply.posting_url has an unknown placeholder {code!r} "
                                      "(use {requisition_id}, {code}, {slug})"),
    ("https://jobs.example/{requisition_id", "apply.posting_url has a brace without its partner "
                                             "(write placeholders as {requisition_id}, and a literal brace twice "
                                             "({{ or }}))"),
])
def test_a_posting_url_placeholder_is_checked_where_it_is_written(run, catalog, template, message):
    edit(catalog / NW, "https://northwind-analytics.example/careers/jobs/{requisition_id}", template)
    n = line_of(catalog / NW, "posting_url:")
    result = run("validate", NW, cwd=catalog)
    assert (result.code, result.out) == (1, f"{NW}:{n}:16: {message}\n")


def test_a_timezone_must_be_an_iana_name(run, catalog):
    edit(catalog / NW, "    postal_code: \"80202\"\n", "    postal_code: \"80202\"\n    timezone: America/Denvr\n")
    n = line_of(catalog / NW, "timezone:")
    result = run("validate", NW, cwd=catalog)
    assert (result.code, result.out) == (
        1, f"{NW}:{n}:15: timezone 'America/Denvr' is not an IANA time zone "
           "(did you mean 'America/Denver' or 'America/Detroit' or 'America/Dawson'?)\n")


def test_a_location_whose_zone_cannot_be_derived_asks_for_timezone(run, catalog):
    edit(catalog / NW, "    city: Denver\n    region: CO\n", "    city: Austin\n    region: TX\n")
    n = line_of(catalog / NW, "- id: denver")
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        1, "", f"{NW}:{n}:5: location 'denver' is in TX, US, which has more than one time zone (or none jdgen "
               "knows); validThrough needs the one the deadline is meant in (add the location's IANA zone, e.g. "
               "timezone: America/Chicago)\n")
    edit(catalog / NW, "    region: TX\n", "    region: TX\n    timezone: America/Chicago\n")
    fixed = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    assert json.loads(fixed.out)["validThrough"] == "2026-12-31T23:59:59-05:00"  # New York's still ends first


def test_every_zone_of_the_table_is_in_tzdata():
    from jdgen.catalog.time_zones import _table, known_zones

    table = _table()
    assert set(table["countries"].values()) | set(table["us_states"].values()) <= known_zones()
    assert "TX" not in table["us_states"] and "US" not in table["countries"]


def test_every_code_of_the_table_is_read_as_written():
    from jdgen.catalog.time_zones import _table, derived_zone

    # YAML 1.1 reads an unquoted NO (Norway) as false, which left Norway without a zone.
    table = _table()
    assert all(isinstance(code, str) and len(code) == 2 and code.isupper()
               for code in [*table["countries"], *table["us_states"]])
    assert derived_zone("NO") == "Europe/Oslo"


def _education(run, catalog) -> dict | None:
    result = run("render", "AIMLAM.GEN.P1", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", *DATE, cwd=catalog)
    assert result.code == 0, result
    return json.loads(result.out).get("educationRequirements")


DEGREE = "  - text: Bachelor's degree in computer science, statistics, mathematics or a similar field\n"


def test_education_reads_the_printed_wording(run, catalog):
    edit(catalog / "roles" / "AIMLAM.GEN.P1.yaml", DEGREE,
         DEGREE + "    posting: A master's degree in computer science, statistics or mathematics\n")
    assert _education(run, catalog)["credentialCategory"] == "postgraduate degree"


def test_a_degree_the_posting_leaves_out_is_not_required(run, catalog):
    edit(catalog / "roles" / "AIMLAM.GEN.P1.yaml", DEGREE, DEGREE + "    in_posting: false\n")
    assert _education(run, catalog) is None


def test_responsibilities_and_skills_are_what_the_posting_prints():
    data = _one("AIMLAM.GEN.P4", "northwind")
    # the printed `posting:` wording, not the catalog's noun-led seed text
    assert data["responsibilities"].startswith("Own AI/ML projects or a significant product area")
    assert "Ownership of" not in data["responsibilities"]
    # ARC.P5 keeps "Statistical modeling" in the catalog with in_posting: false; the page does not print it
    skills = _one("AIMLAM.ARC.P5", "northwind")["skills"]
    assert "Statistical modeling" not in skills and "Designing ML and AI systems that hold up in production" in skills
