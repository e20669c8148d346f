"""Postings that rendered wrong, or went out without pay, while lint was silent.

* JD401-JD406 for a remote location open to a whole country: it is inside every state law of
  that country that reaches remote work, and the message says why;
* JD407: an on-site or hybrid US or Canadian location without the region the laws are keyed on;
* JD204: a company section with nothing under its heading, or a blank item;
* JD205: a section heading that repeats another heading of the posting;
* JD106: an item a company adds that repeats one the merged posting list already has;
* JD206: an application deadline before the posting date.

Each test edits a copy of the built-in catalog whose roles/ holds AIMLAM.GEN.P4 only, runs
`jdgen lint` on 2026-11-23 and compares whole finding lines.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import edit, line_of

from jdgen.lint.jurisdictions import applicable_laws
from jdgen.lint.rules.sections import BUILT_IN_HEADINGS
from jdgen.resources import builtin_catalog, shipped

AS_OF = ["--as-of", "2026-11-23"]
NW = "companies/northwind.yaml"
P4 = "roles/AIMLAM.GEN.P4.yaml"
OFFICES = ("  - id: denver\n    city: Denver\n    region: CO\n    country: US\n    postal_code: \"80202\"\n"
           "    work_model: hybrid\n  - id: nyc\n    city: New York\n    region: NY\n    country: US\n"
           "    postal_code: \"10013\"\n    work_model: hybrid\n")
P4_BAND = "  P4:\n    currency: USD\n    min: 157000\n    max: 196000\n    period: year\n"
REMOTE_US = "  - {id: us, country: US, work_model: remote, remote_eligibility: [{country: US}]}\n"
COVERED = "its law covers remote jobs that can be done there"
ASSUMED = "the sources do not say whether its law covers remote jobs, so jdgen assumes it does"
# The state and district laws with a pay-range duty in force on 2026-11-23 for a 420-person employer.
IN_FORCE = {"Colorado": COVERED, "California": COVERED, "Washington": COVERED, "New York (state)": COVERED,
            "Hawaii": ASSUMED, "District of Columbia": ASSUMED, "Maryland": COVERED, "Illinois": COVERED,
            "Minnesota": ASSUMED, "New Jersey": ASSUMED, "Vermont": COVERED, "Massachusetts": ASSUMED,
            "Virginia": COVERED}


@pytest.fixture
def cat(tmp_path) -> Path:
    roles = (builtin_catalog() / "roles").resolve()

    def p4_only(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n != "AIMLAM.GEN.P4.yaml"] if Path(folder).resolve() == roles else []

    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root, ignore=p4_only)
    return root


def lint_lines(run, cat: Path, code: str, as_of: str = "2026-11-23") -> list[str]:
    result = run("lint", "--select", code, "--as-of", as_of, cwd=cat)
    assert result.code in (0, 1), result
    return result.out.splitlines()


def company_only(cat: Path, *edits: tuple[str, str]) -> None:
    for old, new in edits:
        edit(cat / NW, old, new)


# --- JD401-JD406: remote across a whole country -------------------------------------------------

def test_remote_across_the_us_needs_the_range_of_every_state_law(run, cat):
    company_only(cat, (OFFICES, REMOTE_US), (P4_BAND, ""))
    n = line_of(cat / NW, "- {id: us,")
    lines = lint_lines(run, cat, "JD401")
    expected = sorted(
        f"{NW}:{n}:5: JD401 error {name} requires a pay range in postings (since {since}), and the P4 posting "
        f"for AIMLAM.GEN.P4 has none: location 'us' is remote across US, which includes {name} ({why}) "
        f"(add pay_bands.P4 or the role's pay)"
        for name, why, since in [(name, why, _effective(name)) for name, why in IN_FORCE.items()])
    assert lines == expected


def _effective(name: str) -> str:
    from jdgen.lint.data import jurisdictions

    return next(law["effective"] for law in jurisdictions() if law["name"] == name)


def test_remote_across_the_us_before_the_laws_is_quiet(run, cat):
    company_only(cat, (OFFICES, REMOTE_US), (P4_BAND, ""))
    assert lint_lines(run, cat, "JD401", "2020-06-01") == []


def test_a_named_state_needs_no_country_wide_reason(run, cat):
    company_only(cat, (OFFICES, "  - {id: us, country: US, work_model: remote, remote_eligibility: "
                                "[{country: US}, {country: US, region: CO}]}\n"), (P4_BAND, ""))
    colorado = [line for line in lint_lines(run, cat, "JD401") if " Colorado requires" in line]
    assert len(colorado) == 1
    assert colorado[0].endswith("JD401 error Colorado requires a pay range in postings (since 2021-01-01), and the "
                                "P4 posting for AIMLAM.GEN.P4 has none (add pay_bands.P4 or the role's pay)")


def test_remote_across_the_us_needs_benefits_and_a_deadline(run, cat):
    company_only(cat, (OFFICES, REMOTE_US), ('  deadline: "2026-12-31"\n', ""))
    text = (cat / NW).read_text(encoding="utf-8")
    start, end = text.index("benefits:\n"), text.index("eeo:\n")
    (cat / NW).write_text(text[:start] + text[end:], encoding="utf-8")
    n, apply = line_of(cat / NW, "- {id: us,"), line_of(cat / NW, "apply:")
    reason = f"location 'us' is remote across US, which includes Colorado ({COVERED})"
    assert lint_lines(run, cat, "JD403,JD404") == [
        f"{NW}:{n}:5: JD403 error Colorado requires benefits and other compensation in postings, and there are "
        f"none: {reason} (add benefits: and other_compensation: to the company file)",
        f"{NW}:{apply}:1: JD404 error Colorado requires an application deadline in postings: {reason} "
        f'(add apply.deadline: "YYYY-MM-DD")',
    ]


def test_a_law_not_yet_in_force_says_why_it_covers_the_location(run, cat):
    company_only(cat, (OFFICES, REMOTE_US))
    n = line_of(cat / NW, "- {id: us,")
    assert lint_lines(run, cat, "JD406") == [
        f"{NW}:{n}:5: JD406 info Delaware will require pay disclosure from 2027-09-26: location 'us' is remote "
        f"across US, which includes Delaware ({COVERED}) (have pay bands ready for this location before then)"]


def test_remote_across_canada_is_in_every_province_with_a_law(run, cat):
    company_only(cat, (OFFICES, "  - {id: ca, country: CA, work_model: remote, remote_eligibility: [{country: CA}]}\n"),
                 (P4_BAND, ""))
    names = [re.search(r"JD401 error (.+?) requires", line).group(1) for line in lint_lines(run, cat, "JD401")]
    assert sorted(names) == ["British Columbia", "Ontario", "Prince Edward Island"]


def test_the_company_has_everything_so_remote_across_the_us_is_clean(run, cat):
    company_only(cat, (OFFICES, REMOTE_US))
    result = run("lint", "--strict", "--select", "JD401,JD403,JD404,JD405,JD407", *AS_OF, cwd=cat)
    assert (result.code, result.out) == (0, ""), result


def test_country_wide_remote_skips_local_rules_and_rows_that_exclude_remote_work(cat, monkeypatch):
    from jdgen.catalog.root import Catalog
    from jdgen.catalog.companies import company_files, load_company
    from jdgen.compose.posting import compose
    from jdgen.lint import jurisdictions as module
    from jdgen.lint.data import jurisdictions
    from datetime import date

    company_only(cat, (OFFICES, REMOTE_US))
    rows = tuple({**law, "remote_covered": False} if law["id"] == "us-ca" else law for law in jurisdictions())
    monkeypatch.setattr(module, "jurisdictions", lambda: rows)
    catalog = Catalog(cat)
    company = load_company(company_files(catalog)["northwind"], catalog)
    posting = compose(catalog, catalog.profile("AIMLAM.GEN.P4"), company, date(2026, 11, 23))
    ids = {law.law["id"] for law in applicable_laws(posting, date(2026, 11, 23))}
    assert "us-co" in ids and "us-ca" not in ids
    assert not {i for i in ids if i.count("-") > 1}, "city and county rows need the job in that place"


# --- JD407: no region where the laws are regional -----------------------------------------------

def test_an_office_without_a_state_is_reported(run, cat):
    company_only(cat, (OFFICES, "  - {id: hq, city: Denver, country: US, work_model: onsite}\n"
                                "  - {id: toronto, city: Toronto, country: CA, work_model: hybrid}\n"
                                "  - {id: us, country: US, work_model: remote, remote_eligibility: [{country: US}]}\n"))
    hq, toronto = line_of(cat / NW, "- {id: hq,"), line_of(cat / NW, "- {id: toronto,")
    assert lint_lines(run, cat, "JD407") == [
        f"{NW}:{hq}:5: JD407 warning location 'hq' in US names no region, so jdgen cannot tell which of the "
        "regional pay-transparency laws (Colorado, California, Washington and 11 more) cover it "
        "(add its state or province code, e.g. region: CO)",
        f"{NW}:{toronto}:5: JD407 warning location 'toronto' in CA names no region, so jdgen cannot tell which of "
        "the regional pay-transparency laws (British Columbia, Prince Edward Island, Ontario) cover it "
        "(add its state or province code, e.g. region: BC)",
    ]


def test_a_german_office_needs_no_region(run, cat):
    edit(cat / "companies/lindenhof.yaml", "    region: BY\n", "")
    assert lint_lines(run, cat, "JD407") == []


# --- JD204: empty company sections --------------------------------------------------------------

HOW_WE_WORK = ("      - text: How we work\n        body: >-\n          Teams meet in the office on Tuesdays and "
               "Thursdays and work where they like\n          the rest of the week.\n")


@pytest.mark.parametrize("content, what", [
    ("", "no body and no items"),
    ("        items: []\n", "no body and no items"),
    ("        items: [' ', '  ']\n", "blank items only"),
    ("        body: ' '\n", "no body and no items"),
])
def test_a_section_with_nothing_under_its_heading(run, cat, content, what):
    company_only(cat, (HOW_WE_WORK, "      - text: How we work\n" + content))
    n = line_of(cat / NW, "- text: How we work")
    assert lint_lines(run, cat, "JD204") == [
        f"{NW}:{n}:15: JD204 warning section 'How we work' has {what}, so the posting shows its heading with "
        "nothing under it (add a body: or items:, or remove the section)"]


def test_a_blank_item_among_others(run, cat):
    company_only(cat, ("            - Kubernetes on AWS\n", "            - Kubernetes on AWS\n            - ' '\n"))
    n = line_of(cat / NW, "- ' '")
    assert lint_lines(run, cat, "JD204") == [
        f"{NW}:{n}:15: JD204 warning section 'Our stack' has a blank item, which prints an empty bullet "
        "(write the item or remove it)"]


# --- JD205: repeated headings -------------------------------------------------------------------

STACK_END = "            - Kubernetes on AWS\n"


def append_sections(cat: Path, *headings: str) -> None:
    extra = "".join(f"        - text: {h}\n          body: More words.\n" for h in headings)
    company_only(cat, (STACK_END, STACK_END + extra))


def test_a_role_appends_the_defaults_section_again(run, cat):
    append_sections(cat, "HOW WE  work")
    first = line_of(cat / NW, "- text: How we work")
    n = line_of(cat / NW, "- text: HOW WE  work")
    assert lint_lines(run, cat, "JD205") == [
        f"{NW}:{n}:17: JD205 warning section heading 'HOW WE  work' repeats 'How we work' at line {first}, so the "
        "posting prints it twice (rename the section, or merge it into the other one)"]


def test_sections_named_like_the_template_headings(run, cat):
    append_sections(cat, "compensation", "About Northwind Analytics, Inc.", "Nice to have", "How to apply",
                    "About the role", "Equal opportunity and accommodation")
    lines = lint_lines(run, cat, "JD205")
    assert [re.search(r"repeats (.+?), so", line).group(1) for line in lines] == [
        "the template's own heading 'Compensation'", "the template's own heading 'About Northwind Analytics, Inc.'",
        "the template's own heading 'Nice to have'", "the template's own heading 'How to apply'",
        "the template's own heading 'About the role'",
        "the template's own heading 'Equal opportunity and accommodation'"]


def test_a_template_heading_the_posting_does_not_print_is_free(run, cat):
    # Without pay, benefits or other compensation the template prints no Compensation heading.
    text = (cat / NW).read_text(encoding="utf-8")
    start, end = text.index("benefits:\n"), text.index("eeo:\n")
    text = text[:start] + text[end:]
    start, end = text.index("pay_bands:\n"), text.index("defaults:\n")
    (cat / NW).write_text(text[:start] + text[end:], encoding="utf-8")
    append_sections(cat, "Compensation")
    assert lint_lines(run, cat, "JD205") == []


def test_a_catalog_template_has_its_own_headings(run, cat):
    # jdgen cannot know which headings a catalog's own template prints; sections still meet each other.
    (cat / "templates").mkdir()
    (cat / "templates" / "posting.md.j2").write_text("# {{ title }}\n", encoding="utf-8")
    append_sections(cat, "Compensation", "How we work")
    lines = lint_lines(run, cat, "JD205")
    assert len(lines) == 1 and "section heading 'How we work' repeats 'How we work' at line" in lines[0]


def test_built_in_headings_follow_the_shipped_template():
    template = (shipped("templates") / "posting.md.j2").read_text(encoding="utf-8")
    # Headings are message ids ({{ _("About the role") }}); "About %(name)s" is "About {company}".
    headings = [re.sub(r'\{\{ _\("([^"]*)"[^}]*\) \}\}', r"\1", h).replace("%(name)s", "{company}")
                .replace("{{ section.heading }}", "") for h in re.findall(r"^## (.*)$", template, re.MULTILINE)]
    assert [h for h in headings if h] == [heading for heading, _ in BUILT_IN_HEADINGS]


# --- JD106: duplicates after the company's edits ------------------------------------------------

APPENDED = "        - text: Own the demand-forecasting models that plan inventory for 3,000 stores\n"


def test_an_appended_item_repeats_the_profiles(run, cat):
    company_only(cat, (APPENDED, APPENDED + "        - text: driving strategic AI initiatives.\n"))
    n, first = line_of(cat / NW, "- text: driving strategic"), line_of(cat / P4, "- text: Driving strategic AI")
    assert lint_lines(run, cat, "JD106") == [
        f"{NW}:{n}:17: JD106 warning responsibilities: 'driving strategic AI initiatives.' in the AIMLAM.GEN.P4 "
        f"posting repeats the item at {P4}:{first} (drop it from the company file; the profile has it)"]


def test_a_prepended_item_is_reported_at_the_company_line(run, cat):
    company_only(cat, ("    responsibilities:\n      append:\n",
                       "    responsibilities:\n      prepend:\n        - text: Initiatives, driving strategic AI\n"
                       "      append:\n"))
    n, later = line_of(cat / NW, "- text: Initiatives, driving"), line_of(cat / P4, "- text: Driving strategic AI")
    assert lint_lines(run, cat, "JD106") == [
        f"{NW}:{n}:17: JD106 warning responsibilities: 'Initiatives, driving strategic AI' in the AIMLAM.GEN.P4 "
        f"posting repeats the item at {P4}:{later} (drop it from the company file; the profile has it)"]


def test_defaults_and_role_append_the_same_item(run, cat):
    company_only(cat, ("defaults:\n", "defaults:\n  skills:\n    append:\n      - text: Python, PyTorch and SQL at "
                                      "production quality\n"))
    first = line_of(cat / NW, "- text: Python, PyTorch and SQL")
    lines = (cat / NW).read_text(encoding="utf-8").splitlines()
    again = next(i for i, line in enumerate(lines, 1) if "- text: Python, PyTorch and SQL" in line and i != first)
    assert lint_lines(run, cat, "JD106") == [
        f"{NW}:{again}:17: JD106 warning skills: 'Python, PyTorch and SQL at production quality' in the "
        f"AIMLAM.GEN.P4 posting repeats the item at line {first} (remove one of them)"]


def test_a_repeated_section_item(run, cat):
    company_only(cat, (STACK_END, STACK_END + "            - kubernetes on aws\n"))
    first, n = line_of(cat / NW, "- Kubernetes on AWS"), line_of(cat / NW, "- kubernetes on aws")
    assert lint_lines(run, cat, "JD106") == [
        f"{NW}:{n}:15: JD106 warning section 'Our stack': 'kubernetes on aws' in the AIMLAM.GEN.P4 posting "
        f"repeats the item at line {first} (remove one of them)"]


def test_a_profile_duplicate_is_jd101s_alone(run, cat):
    edit(cat / P4, "  - text: Technical lead for an AI/ML team\n",
         "  - text: Technical lead for an AI/ML team\n  - text: technical lead for an AI/ML team\n")
    assert lint_lines(run, cat, "JD106") == []
    assert len(lint_lines(run, cat, "JD101")) == 1


# --- JD206: deadline before the posting date ----------------------------------------------------

def test_a_deadline_before_the_posting_date(run, cat):
    company_only(cat, ('  deadline: "2026-12-31"\n', '  deadline: "2026-11-22"\n'))
    n = line_of(cat / NW, "deadline:")
    assert lint_lines(run, cat, "JD206") == [
        f"{NW}:{n}:13: JD206 error apply.deadline 2026-11-22 is before the posting date 2026-11-23: applications "
        "would close before the posting is out, and validThrough would come before datePosted (move "
        "apply.deadline to 2026-11-23 or later, or lint with --as-of the day the posting goes out)"]


def test_a_deadline_on_the_posting_date_is_fine(run, cat):
    company_only(cat, ('  deadline: "2026-12-31"\n', '  deadline: "2026-11-23"\n'))
    assert lint_lines(run, cat, "JD206") == []
    later = lint_lines(run, cat, "JD206", "2027-01-01")   # Lindenhof's own 2026-12-31 has passed then too
    assert sorted(line.split(":")[0] for line in later) == ["companies/lindenhof.yaml", NW]
