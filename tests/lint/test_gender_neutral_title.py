"""German postings name all genders: the company-wide title_suffix, and JD504 when it is missing."""

from __future__ import annotations

from conftest import edit, line_of

AS_OF = ["--as-of", "2026-11-23"]
SUFFIX = "defaults:\n  # German job ads name all genders (AGG §11); every title gets the usual marker.\n  title_suffix: (m/w/d)\n"


def test_title_suffix_is_added_once(run, catalog):
    p3 = run("render", "AIMLAM.GEN.P3", "-c", "lindenhof", "--date", "2026-11-23", cwd=catalog)
    assert p3.out.splitlines()[0] == "# AI/ML Engineer III (m/w/d)"  # the draft marker comes under it
    edit(catalog / "companies" / "lindenhof.yaml", "    title: Senior Machine Learning Engineer\n",
         "    title: Senior Machine Learning Engineer (m/w/d)\n")
    p4 = run("render", "AIMLAM.GEN.P4", "-c", "lindenhof", "--date", "2026-11-23", cwd=catalog)
    assert p4.out.splitlines()[0] == "# Senior Machine Learning Engineer (m/w/d)"  # not (m/w/d) (m/w/d)


def test_a_german_posting_without_a_marker_is_a_warning_at_its_title(run, catalog):
    company = catalog / "companies" / "lindenhof.yaml"
    edit(company, SUFFIX, "")
    line = line_of(company, "    title: Senior Machine Learning Engineer")
    result = run("lint", "--select", "JD504", *AS_OF, cwd=catalog)
    assert result.code == 0  # a warning
    findings = result.out.splitlines()
    assert len(findings) == 12  # every Lindenhof posting; Northwind (US) and generic postings have no German place
    assert (f"companies/lindenhof.yaml:{line}:12: JD504 warning the title 'Senior Machine Learning Engineer' names no "
            "gender-neutral marker such as the German (m/w/d), and the posting is for DE (AGG §§ 1, 7, 11) (add "
            "title_suffix: (m/w/d) to the company's defaults, or the marker to this title)") in findings
