"""EU pay transparency as of the --as-of date, for a catalog company and for a posting file.

Directive (EU) 2023/970 had to be transposed by 2026-06-07. A member state whose law carrying
its Art. 5 is in force is a JD401 duty naming that law and its citation (Poland: in the notice
or before the interview; Italy: in the notice itself); a state without one is, after the
deadline, a JD406 warning naming the Directive and, before it, a JD406 info. The company is
tests/lint/pay_eu_company.yaml (Lindenhof without pay bands and with one office) with its
country set per test; the posting file names its place with --location. Facts as last checked
on 2026-12-03 (src/jdgen/data/pay_transparency.yaml).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jdgen.resources import builtin_catalog

COMPANY = Path(__file__).with_name("pay_eu_company.yaml")
LINE = "companies/eurotest.yaml:19:5"    # the office's `- id: office` line
BEFORE, AFTER = "2026-05-01", "2026-12-03"   # either side of the Directive's deadline
INFO = ("JD406 info European Union (Pay Transparency Directive) will require pay disclosure from 2026-06-07 "
        "(have pay bands ready for this location before then)")

# Member states with no law carrying Art. 5 in force on 2026-12-03, and the place a posting file names.
OVERDUE = {"DE": ("Germany", "Berlin, Germany", "Berlin, DE"), "FR": ("France", "Paris, France", "Paris, FR"),
           "NL": ("Netherlands", "Amsterdam, Netherlands", "Amsterdam, NL"),
           "ES": ("Spain", "Madrid, Spain", "Madrid, ES"), "IE": ("Ireland", "Dublin, Ireland", "Dublin, IE"),
           "BE": ("Belgium", "Brussels, Belgium", "Brussels, BE")}
POLAND = ("Poland's Labour Code Art. 18(3ca) (Act of 4 June 2025 amending the Labour Code) requires the initial pay "
          "or its range in the job notice or before the first interview (since 2025-12-24)")
ITALY = ("Italy's pay-transparency decree (decreto legislativo implementing Directive (EU) 2023/970, Gazzetta "
         "Ufficiale 2026-06-01) requires the initial pay or its range in the job notice itself (since 2026-06-07)")


def overdue(state: str, as_of: str, what: str) -> str:
    return (f"Directive (EU) 2023/970 (pay transparency) was due to be transposed in {state} by 2026-06-07; {state} "
            f"has not transposed it as of {as_of} (last checked 2026-12-03), and {what} states no pay")


@pytest.fixture
def cat(tmp_path) -> Path:
    roles = (builtin_catalog() / "roles").resolve()

    def p4_only(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n != "AIMLAM.GEN.P4.yaml"] if Path(folder).resolve() == roles else []

    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root, ignore=p4_only)
    return root


def company_lint(run, cat: Path, country: str, as_of: str):
    text = COMPANY.read_text(encoding="utf-8")
    assert text.count("    country: DE\n") == 1
    (cat / "companies" / "eurotest.yaml").write_text(text.replace("    country: DE\n", f"    country: {country}\n"),
                                                     encoding="utf-8")
    result = run("lint", "--select", "JD401,JD406", "--as-of", as_of, cwd=cat)
    return result.code, [line for line in result.out.splitlines() if line.startswith("companies/eurotest.yaml")]


POSTING = """# Senior Machine Learning Engineer (m/w/d)

We plan freight routes for 900 shippers across Europe.

## Responsibilities

- Build the models that plan thousands of freight routes every night
"""


# With --location the findings point at the posting's title, where its text starts (line 1, column 3).
def file_lint(run, tmp_path: Path, place: str, as_of: str, text: str = POSTING):
    (tmp_path / "posting.md").write_text(text, encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD401,JD406", "--location", place, "--as-of", as_of,
                 cwd=tmp_path)
    return result.code, result.out.splitlines()


# --- a catalog company ----------------------------------------------------------------------
@pytest.mark.parametrize("country", sorted(OVERDUE))
def test_a_state_without_a_law_is_an_info_before_the_deadline_and_a_warning_after(run, cat, country):
    state = OVERDUE[country][0]
    assert company_lint(run, cat, country, BEFORE) == (0, [f"{LINE}: {INFO}"])
    assert company_lint(run, cat, country, AFTER) == (0, [
        f"{LINE}: JD406 warning {overdue(state, AFTER, 'the P4 posting for AIMLAM.GEN.P4')} (add pay_bands.P4, or "
        "give candidates the pay or its range before the first interview)"])


def test_poland_before_and_after_its_law(run, cat):
    assert company_lint(run, cat, "PL", "2025-12-01") == (0, [
        f"{LINE}: {INFO}",
        f"{LINE}: JD406 info Poland will require pay disclosure from 2025-12-24 (have pay bands ready for this "
        "location before then)"])
    # In force: an error naming the law; pay may reach candidates before the interview, which
    # jdgen cannot see, so the finding says so and offers the suppression. No Directive finding.
    for as_of in ("2026-01-05", AFTER):
        assert company_lint(run, cat, "PL", as_of) == (1, [
            f"{LINE}: JD401 error {POLAND}, and the P4 posting for AIMLAM.GEN.P4 has none; jdgen cannot see pay "
            "given to candidates before the interview (add pay_bands.P4 or the role's pay, or suppress JD401 "
            "here with that reason if candidates get the pay before the interview)"])


def test_italy_wants_pay_in_the_notice_itself(run, cat):
    assert company_lint(run, cat, "IT", AFTER) == (1, [
        f"{LINE}: JD401 error {ITALY}, and the P4 posting for AIMLAM.GEN.P4 has none (add pay_bands.P4 or the "
        "role's pay)"])


def test_czechia_has_transposed_only_the_pay_secrecy_ban(run, cat):
    assert company_lint(run, cat, "CZ", AFTER) == (0, [
        f"{LINE}: JD406 warning Directive (EU) 2023/970 (pay transparency) was due to be transposed in Czechia by "
        "2026-06-07; Czechia has transposed only part of it, not its pay-before-interview rule (Art. 5), as of "
        "2026-12-03 (last checked 2026-12-03), and the P4 posting for AIMLAM.GEN.P4 states no pay (add "
        "pay_bands.P4, or give candidates the pay or its range before the first interview)"])


def test_austrias_2011_law_applies_beside_the_overdue_directive(run, cat):
    code, lines = company_lint(run, cat, "AT", AFTER)
    assert code == 1
    assert lines[0] == (
        f"{LINE}: JD401 error Austria's Gleichbehandlungsgesetz (GlBG) §9(2) (BGBl. I Nr. 66/2004 as amended) "
        "requires the collective-agreement or statutory minimum pay, and whether more may be paid, in job ads "
        "(since 2011-03-01), and the P4 posting for AIMLAM.GEN.P4 has none (add pay_bands.P4 or the role's pay)")
    assert lines[1].startswith(f"{LINE}: JD406 warning Directive (EU) 2023/970 (pay transparency) was due to be "
                               "transposed in Austria by 2026-06-07; Austria has not transposed it as of 2026-12-03")


def test_a_company_with_pay_is_quiet(run, cat):
    text = COMPANY.read_text(encoding="utf-8").replace(
        "defaults:\n", "pay_bands:\n  P4: {currency: EUR, min: 80000, max: 98000, period: year}\ndefaults:\n")
    (cat / "companies" / "eurotest.yaml").write_text(text, encoding="utf-8")
    result = run("lint", "--select", "JD401,JD406", "--as-of", AFTER, cwd=cat)
    assert (result.code, result.out) == (0, "")


def test_the_shipped_munich_employer_stays_quiet(run):
    # Lindenhof (Munich and remote across Germany) has pay bands: no warning although Germany
    # has not transposed the Directive.
    result = run("lint", "--select", "JD401,JD406", "--as-of", AFTER)
    assert (result.code, result.out) == (0, "")


# --- a posting file -------------------------------------------------------------------------
@pytest.mark.parametrize("country", sorted(OVERDUE))
def test_a_posting_file_in_a_state_without_a_law(run, tmp_path, country):
    state, place, described = OVERDUE[country]
    file_info = INFO.replace("have pay bands ready for this location", "have the pay ready for this place")
    assert file_lint(run, tmp_path, place, BEFORE) == (0, [f"posting.md:1:3: {file_info}"])
    assert file_lint(run, tmp_path, place, AFTER) == (0, [
        f"posting.md:1:3: JD406 warning {overdue(state, AFTER, f'this posting for {described}')} (state the pay or "
        "its range, e.g. '€60,000–€75,000 per year', or give candidates the pay or its range before the first "
        "interview)"])


def test_a_posting_file_in_poland_before_and_after_its_law(run, tmp_path):
    code, lines = file_lint(run, tmp_path, "Warsaw, Poland", "2025-12-01")
    assert code == 0 and lines[1] == ("posting.md:1:3: JD406 info Poland will require pay disclosure from 2025-12-24 "
                                      "(have the pay ready for this place before then)")
    assert file_lint(run, tmp_path, "Warsaw, Poland", AFTER) == (1, [
        f"posting.md:1:3: JD401 error {POLAND}, and this posting for Warsaw, PL states none; jdgen cannot see pay "
        "given to candidates before the interview (state the range, e.g. '€60,000–€75,000 per year', or suppress "
        "JD401 with that reason if candidates get the pay before the interview)"])


def test_a_posting_file_in_italy(run, tmp_path):
    assert file_lint(run, tmp_path, "Milan, Italy", AFTER) == (1, [
        f"posting.md:1:3: JD401 error {ITALY}, and this posting for Milan, IT states none (state the range, e.g. "
        "'€60,000–€75,000 per year')"])


def test_a_posting_file_that_states_pay_is_quiet(run, tmp_path):
    paid = POSTING + "\n## Pay\n\n€60,000–€75,000 per year\n"
    for place in ("Berlin, Germany", "Warsaw, Poland", "Milan, Italy"):
        assert file_lint(run, tmp_path, place, AFTER, paid) == (0, [])
