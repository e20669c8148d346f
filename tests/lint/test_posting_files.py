"""`jdgen lint` on postings people wrote: Markdown, text, HTML, .docx and standard input, with
findings at positions in that file in every output format, the level and place each posting is
judged at, and one clear line for each file that is not a readable posting."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

AS_OF = ("--as-of", "2026-11-23")
POSTING = """# Senior Machine Learning Engineer

Location: Denver, CO

We are looking for a rockstar to join our forecasting team.

## Responsibilities

- Build the models that plan stock for 3,000 stores

## Requirements

- 1+ year of experience with Python
"""
ROCKSTAR = (5, 22)   # 'rockstar' in the Markdown above


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _found(out: str) -> list[tuple[str, int, int, str]]:
    return [(f["code"], f["line"], f["column"], f["file"]) for f in json.loads(out)["findings"]]


def test_markdown_findings_point_into_the_file(run, tmp_path):
    _write(tmp_path, "posting.md", POSTING)
    result = run("lint", "posting.md", *AS_OF, cwd=tmp_path)
    assert result.code == 1   # Colorado's pay law: an error
    assert result.out.splitlines() == [
        "posting.md:3:1: JD401 error Colorado requires a pay range in postings (since 2021-01-01), and this posting "
        "for Denver, CO, US states none (state the range, e.g. '$150,000–$180,000 per year')",
        "posting.md:3:1: JD601 warning the posting has 34 words, under 250 "
        "(say more about the work, the team and what success looks like)",
        "posting.md:5:22: JD502 warning 'rockstar': Celebrity labels read as a call for a young, loud, mostly male "
        "stereotype and tell the reader nothing about the work. (try name the skill or level, e.g. 'senior "
        "engineer', 'experienced designer'; --ignore JD502:rockstar leaves this row out)",
        "posting.md:13:3: JD301 warning asks for 1+ years ('1+ year'), below P4's 5–8 years (state 5–8 years, or "
        "move the role to a lower level)",
    ]
    assert result.err == "1 error, 3 warnings, 0 info in 1 file and 1 posting\n"


@pytest.mark.parametrize("name, text, where", [
    ("posting.txt", POSTING.replace("# ", "").replace("## ", ""), (5, 22)),
    ("posting.html", "<html><head><title>x</title></head><body><nav>Jobs</nav><main>\n<h1>ML Engineer</h1>\n"
                     "<p>We are looking for a <b>rockstar</b> to join us.</p>\n</main></body></html>\n", (3, 28)),
])
def test_text_and_html_findings_point_into_the_file(run, tmp_path, name, text, where):
    _write(tmp_path, name, text)
    result = run("lint", name, "--select", "JD502", "-f", "json", *AS_OF, cwd=tmp_path)
    assert (result.code, _found(result.out)) == (0, [("JD502", *where, name)])


def test_a_heading_is_read_like_the_text_under_it(run, tmp_path):
    """The author wrote the headings too: a posting's "## We Need Fresh Meat!" is reported at the
    heading's words, while the fixed headings of a rendered catalog posting are never read."""
    _write(tmp_path, "posting.md", "# Backend Developer\n\n## We Need Fresh Meat!\n\n- Build our billing APIs\n")
    result = run("lint", "posting.md", "--select", "JD502", "-f", "json", *AS_OF, cwd=tmp_path)
    assert (result.code, _found(result.out)) == (0, [("JD502", 3, 12, "posting.md")])
    assert "'Fresh Meat'" in json.loads(result.out)["findings"][0]["message"]


def test_docx_findings_name_the_paragraph(run, tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("ML Engineer", level=1)
    document.add_paragraph("Our team plans stock for 3,000 stores.")
    document.add_paragraph("We are looking for a rockstar to join us.")
    document.save(tmp_path / "posting.docx")
    result = run("lint", "posting.docx", "--select", "JD502", *AS_OF, cwd=tmp_path)
    assert result.code == 0
    assert result.out.startswith("posting.docx:3:1: JD502 warning 'rockstar'")   # the third paragraph


def test_standard_input(run, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POSTING.encode())))
    result = run("lint", "-", "--select", "JD502", "-f", "json", *AS_OF, cwd=tmp_path)
    assert (result.code, _found(result.out)) == (0, [("JD502", *ROCKSTAR, "-")])


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_output_format_carries_the_position(run, tmp_path, fmt):
    _write(tmp_path, "posting.md", POSTING)
    result = run("lint", "posting.md", "--select", "JD502", "-f", fmt, *AS_OF, cwd=tmp_path)
    assert result.code == 0
    if fmt == "text":
        assert result.out.startswith("posting.md:5:22: JD502 warning")
    elif fmt == "json":
        assert _found(result.out) == [("JD502", 5, 22, "posting.md")]
    elif fmt == "github":
        assert result.out.startswith("::warning file=posting.md,line=5,col=22,title=JD502")
    else:
        region = json.loads(result.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert (region["artifactLocation"]["uri"], region["region"]["startLine"], region["region"]["startColumn"]) \
            == ("posting.md", 5, 22)


@pytest.mark.parametrize("data, message", [
    (b"", "posting.md:1:1: JD001 error the file is empty"),
    (b"   \n\n", "posting.md:1:1: JD001 error the file is empty"),
    (b"# Title\n\nText \x00 here\n", "posting.md:3:6: JD001 error byte 0x00 (NUL) is not text"),
    (b"# Title\n\nIt\x94s here\n", "posting.md:3:3: JD001 error byte 0x94 is not valid UTF-8"),
])
def test_an_unreadable_posting_is_one_line_and_the_others_are_still_checked(run, tmp_path, data, message):
    (tmp_path / "posting.md").write_bytes(data)
    _write(tmp_path, "other.md", POSTING)
    result = run("lint", "posting.md", "other.md", "--select", "JD001,JD502", *AS_OF, cwd=tmp_path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("other.md:5:22: JD502 warning 'rockstar'")
    assert lines[1].startswith(message) and len(lines) == 2


def test_a_file_of_another_kind_is_a_usage_error(run, tmp_path):
    (tmp_path / "posting.pdf").write_bytes(b"%PDF-1.7")
    result = run("lint", "posting.pdf", *AS_OF, cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("posting.pdf: jdgen lints catalog files (.yaml, .yml) and postings (.docx, .htm, .html, "
                          ".markdown, .md, .text, .txt), not .pdf files (save the posting as .docx, .html, .md or "
                          ".txt, or pipe its text to `jdgen lint -`)\n")


def test_a_missing_posting_file_is_an_io_error(run, tmp_path):
    result = run("lint", "gone.md", *AS_OF, cwd=tmp_path)
    assert (result.code, result.err) == (2, "gone.md: no such file (check the path)\n")


def test_the_level_comes_from_the_option_the_title_or_nowhere(run, tmp_path):
    _write(tmp_path, "a.md", POSTING.replace("Senior Machine Learning Engineer", "Forecasting Wizard"))
    unknown = run("lint", "a.md", "--select", "JD301", *AS_OF, cwd=tmp_path)
    assert (unknown.code, unknown.out) == (0, "a.md:1:3: JD301 info JD301 skipped: the title names no level jdgen "
                                              "knows; pass --level (e.g. --level P4)\n")
    given = run("lint", "a.md", "--select", "JD301", "--level", "P1", *AS_OF, cwd=tmp_path)
    assert (given.code, given.out) == (0, "")   # 1+ year fits P1
    _write(tmp_path, "b.md", POSTING.replace("Senior Machine Learning Engineer", "Principal Data Wrangler"))
    worded = run("lint", "b.md", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    assert json.loads(worded.out)["findings"][0]["message"] == (
        "asks for 1+ years ('1+ year'), below P6–P8's 12–30 years")   # Principal: P6–P8 in the canon


def test_the_same_years_written_twice_on_a_line_are_two_findings_at_their_own_columns(run, tmp_path):
    _write(tmp_path, "a.md", POSTING.replace("- 1+ year of experience with Python",
                                             "- Requirements: Java (3+ years), JavaScript (3+ years), SQL"))
    result = run("lint", "a.md", "--select", "JD301", "--level", "P4", "-f", "json", *AS_OF, cwd=tmp_path)
    assert [(f["line"], f["column"]) for f in json.loads(result.out)["findings"]] == [(13, 23), (13, 46)]


def test_a_level_judged_from_the_titles_word_is_named_by_it_and_fits_the_title(run, tmp_path):
    _write(tmp_path, "a.md", POSTING.replace("1+ year of", "40 years of").replace("Machine Learning Engineer",
                                                                                    "Data Wrangler"))
    result = run("lint", "a.md", "--select", "JD301,JD303", "-f", "json", *AS_OF, cwd=tmp_path)
    # the title's 'Senior' gave P4–P5: it is the level's name, and the title fits the level it gave
    assert [f["message"] for f in json.loads(result.out)["findings"]] == [
        "asks for 40 years ('40 years'), but P4–P5 (Senior) means 5–12 years"]
    given = run("lint", "a.md", "--select", "JD303", "--level", "P2", *AS_OF, cwd=tmp_path)
    assert (given.code, given.out) == (0, "a.md:1:3: JD303 warning title 'Senior Data Wrangler' says "
                                          "'Senior', which the ladder gives to S3, P4, P5, M3, M5, E2, E4, not P2 "
                                          "(change the title or the level)\n")


@pytest.mark.parametrize("title, lines", [
    ("Senior Golang Developer (+2 years of exp.)", [1, 13]),   # held-out set 29's 163, both readers
    ("Senior Data Engineer - 3+ years experience", [1, 13]),
    ("Senior Data Engineer (2 years)", [13]),                # a contract's length, not experience
    ("Senior Data Engineer (2 Years Contract)", [13]),
    # held-out set 33's 132, both readers: the field before the word experience
    ("Senior Data Engineer with 2 years’ consultancy and/or public service experience", [1, 13]),
])
def test_a_titles_years_are_read_only_as_experience(run, tmp_path, title, lines):
    _write(tmp_path, "posting.md", POSTING.replace("Senior Machine Learning Engineer", title))
    result = run("lint", "posting.md", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    assert [line for _, line, _, _ in _found(result.out)] == lines


@pytest.mark.parametrize("heading, lines", [
    ("## I’m looking for someone with two years’ experience in consulting", [11, 15]),   # held-out set 33's 132
    ("## Two years in review", [15]),                       # a heading's years not said as experience
])
def test_a_headings_years_are_read_only_as_experience(run, tmp_path, heading, lines):
    _write(tmp_path, "posting.md", POSTING.replace("## Requirements", heading + "\n\n## Requirements"))
    result = run("lint", "posting.md", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    assert [line for _, line, _, _ in _found(result.out)] == lines


@pytest.mark.parametrize("sentence, lines", [
    # held-out set 55's 078, both readers: the years asked under the company's "About" heading
    ("The ideal candidate will have 5+ years of full-cycle quantifiable recruiting experience within a "
     "technical environment.", [7, 11]),
    ("You have 5+ years of recruiting experience.", [7, 11]),
    ("Our founders have 20+ years of experience in recruiting.", [11]),   # the company's own years
    ("For over 5 years we have helped candidates find work.", [11]),
    ("The ideal candidate will have a 5 year track record of climbing.", [11]),   # no experience named
])
def test_years_in_a_section_about_the_company_are_read_only_when_asked_of_the_hire(run, tmp_path, sentence, lines):
    _write(tmp_path, "posting.md", "# Lead Technical Recruiter\n\n## About irl\n\nImagine being part of a nimble "
           "team.\n\nYou will be responsible for sourcing and hiring. " + sentence + "\n\n## Requirements\n\n"
           "- 5+ years of recruiting experience within a technical environment\n")
    result = run("lint", "posting.md", "--level", "P5", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    assert [line for _, line, _, _ in _found(result.out)] == lines


@pytest.mark.parametrize("items, lines", [
    # a skill's or a lead's years beside the overall statement are a part of it (benchmarks/quality 0002, 0216)
    (["7+ years of development experience", "2+ years of lead experience"], []),
    (["At least 6 years experience in software engineering.", "At Least 3 years of experience with Databricks"], []),
    # the overall statement may come after its part (benchmarks/quality 1537)
    (["At least 3 years of work experience as a Product Manager.",
      "At least 7 years of work experience in the tech space"], []),
    # after total, overall, industry... experience the item may say where it was gained (0172, 2641)
    (["At least 6 years of overall experience in Infrastructure or DevOps", "At least 2 years as a DevOps team leader"],
     []),
    (["6+ years of industry experience, including with enterprise web applications",
      "2+ years of experience on senior engineering roles"], []),
    # the largest years are the list's bar when they name a skill or a field too (benchmarks/quality
    # 5541, 4610, 2242); the readers of 0090, 3464 and 8766 had judged each
    (["Minimum 2 years remote freelancing", "Minimum 5 years django development"], []),
    (["Python: 5+ years", "PostgreSQL: 3+ years"], []),
    # the bar is weighed: a list whose largest years are below the level is reported once (7596)
    (["3+ years of experience in cloud infrastructure", "2+ years in Rust programming language",
      "At least 1 year of Kubernetes experience."], [13]),
    # items that are routes, a credential with its years, are each weighed as before (4437)
    (["Master's Degree with at least 1 year experience in a similar role",
      "Bachelor's degree with at least 4 years' experience in a similar role"], [13]),
    (["Option 1: M.Sc. with two years of experience in R&D", "Option 2: four years of experience in R&D"], [13]),
    # where every item with years is a route, the least route is the bar (4437, 7392)
    (["Post Graduate Diploma with at least 2 years' experience in a similar role",
      "Bachelor's degree with at least 3 years' experience in a similar role"], [13]),
    # a licence or a certificate beside the years is a requirement, not a route: each is weighed
    (["10 years of project experience with a PMP certification",
      "3 years of nursing experience with a current RN licence"], [13, 14]),
    # equal years are statements of their own, and a part still reports the overall one's years
    (["3+ years of professional experience", "3+ years of experience with Kubernetes"], [13, 14]),
])
def test_a_part_printed_as_its_own_item_beside_the_overall_statement_is_not_weighed(run, tmp_path, items, lines):
    bullets = "".join(f"- {item}\n" for item in items)
    assert _jd301_lines_under(run, tmp_path, "Requirements", f"- A degree\n- Good English\n{bullets}") == lines


def _jd301_lines_under(run, tmp_path, heading: str, body: str) -> list[int]:
    """The lines JD301 reports, at P4, in a posting whose third section (from line 11) is ``body``."""
    _write(tmp_path, "posting.md", f"# Senior Engineer\n\nWe build things.\n\n## About you\n\nYou like it.\n\n"
                                   f"## {heading}\n\n{body}")
    result = run("lint", "posting.md", "--level", "P4", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    return [line for _, line, _, _ in _found(result.out)]


@pytest.mark.parametrize("lines, found", [
    # a bare value under a label of a term or an age (benchmarks/quality 1971, 6075, 8463)
    (["Duration", "", "2 years"], []),
    (["### Length of contract", "", "6 months with potential for extension."], []),
    (["Age (As on 01.01.2023):", "", "- Minimum: 25 years", "- Maximum: 35 years"], []),
    # a value that speaks of experience, and a label with years of its own, stay read
    (["Duration", "", "2 years of experience"], [13]),
    (["Contract: 2 years of experience", "", "2 years"], [11, 13]),
])
def test_a_bare_value_under_a_label_of_a_term_or_an_age_is_not_read(run, tmp_path, lines, found):
    assert _jd301_lines_under(run, tmp_path, "Terms", "\n".join(lines) + "\n") == found


@pytest.mark.parametrize("paragraphs, found", [
    # a paragraph that opens with "Or" is the other route of the one before: the lesser is weighed
    # (benchmarks/quality 1951, 4742)
    (["One year as a Park Maintenance Worker II or two years as a Park Maintenance Worker I.",
      "Or: Three years of full-time paid experience in grounds maintenance."], [11]),
    (["Either: Four years of paid, full-time experience as an Account Clerk.",
      "Or: Two years of paid, full-time experience preparing financial records."], [13]),
    # a paragraph that does not open with "Or" is a requirement of its own
    (["One year as a Park Maintenance Worker II.", "Three years of grounds maintenance experience."], [11, 13]),
])
def test_a_paragraph_opening_with_or_is_the_other_route_of_the_one_before(run, tmp_path, paragraphs, found):
    assert _jd301_lines_under(run, tmp_path, "Minimum Qualifications", "\n\n".join(paragraphs) + "\n") == found


@pytest.mark.parametrize("heading, lines, found", [
    # a route item is the list's bar: the other items' fewer years are its parts (held-out set 72's 004)
    ("Basic Qualifications", ["- Bachelor's degree and at least 2 years of experience as an analyst OR a High School "
                              "Diploma and at least 5 years of experience as an analyst.",
                              "- At least 1 year of experience with technical design.",
                              "- At least 1 year of experience with SDLC processes."], [11]),
    # items with more years than the route's least stay weighed
    ("Basic Qualifications", ["- Bachelor's degree and at least 2 years of experience as an analyst OR a High School "
                              "Diploma and at least 5 years of experience as an analyst.",
                              "- At least 3 years of experience with technical design."], [11, 12]),
    # a section headed by an age states ages and their relaxations (held-out set 72's 064)
    ("Age limit :", ["Women will be given five years relaxation in the upper age limit.",
                     "", "There will be a maximum limit of 3 years."], []),
    ("Experience", ["You need a minimum of 3 years of experience."], [11]),
    # a pay heading's years are pay terms: the section is not read for years (held-out set 72's 064)
    ("Salary scale", ["Fixed salary for ten years, then the pay matrix after ten years of satisfactory service."], []),
    # a relaxation's amount on its own line (held-out set 72's 061)
    ("Age relaxations", ["By three years in case of candidates belonging to the Scheduled Castes."], []),
    ("Requirements", ["By three years in case of candidates belonging to the Scheduled Castes."], []),
    ("Requirements", ["By 2026 you will have 3 years of experience in the field."], [11]),
    # lines that open with their years and a colon are a list printed without markers: the largest is
    # the bar (held-out set 74's 010)
    ("Stack", ["3+ years: JavaScript, HTML, CSS", "", "2+ years: React, Redux", "", "1+ years: Node, Webpack"], [11]),
    ("Stack", ["3 years of JavaScript.", "", "2 years of React."], [11, 13]),
    # an item ending "; or" is a route of its own, not a part of the next item's years (held-out set 74's 033)
    ("Requirements", ["1. Two years of custodial experience with the City; or",
                      "2. Three years of custodial experience which includes one year as a lead."], [11, 12]),
    ("Requirements", ["1. Two years of custodial experience with the City;",
                      "2. Three years of custodial experience which includes one year as a lead."], [12]),
])
def test_years_a_reader_does_not_take_as_a_bar_are_not_weighed(run, tmp_path, heading, lines, found):
    assert _jd301_lines_under(run, tmp_path, heading, "\n".join(lines) + "\n") == found


@pytest.mark.parametrize("title, judged", [
    ("Legal Trainees at Justice Defenders", "P1"),   # held-out set 33's 108, both readers
    ("Consulting Management Trainee", "P1"),          # held-out set 33's 132, both readers
    ("Apprentice Electrician", "P1"),
    ("Horticulture Interns", "P1"),
    ("Project Officer at Abt Associates", None),     # a firm's name, not an Associate rung
    ("Entry Level Accounting Clerk", "P1"),
    ("Data Entry Operator", None),                    # "Entry" alone is a task or a way in
    ("Lateral Entry for Short Service Commission", None),   # held-out set 79's 057, both readers
])
def test_entry_rungs_are_read_in_the_singular_and_the_plural(tmp_path, title, judged):
    from jdgen.catalog.root import Catalog
    from jdgen.lint.posting_files import lint_posting_files
    from jdgen.resources import builtin_catalog

    catalog = Catalog(builtin_catalog())
    path = tmp_path / "posting.md"
    path.write_text(f"# {title}\n\nWe ask for 5+ years of experience.\n", encoding="utf-8")
    found = [f for f in lint_posting_files(catalog, [(str(path), None)]).findings if f.code == "JD301"]
    if judged is None:
        assert [f.severity for f in found] == ["info"]
    else:
        assert [f.severity for f in found] == ["error"] and f"{judged} " in found[0].message


@pytest.mark.parametrize("title, judged", [
    ("Data Analyst I", "P1 "),                        # held-out set 78's 048, both readers P1
    ("Engineer I, Backend", "P1 "),
    ("Software Engineer II (Back End)", "P2 "),
    ("Nurse Gr-II", "P2 "),
    ("Project Technical Support – III", "P3 "),
    ("Utility Worker I, II, III", "P1–P3 "),          # a series names each of its steps
    ("Social Worker II Trainee", "P1 "),              # a ladder word wins
    ("Engineer IV", None),                            # a fourth step means different things
    ("Can I Join?", None),                            # a pronoun, not a step
    ("Programme Officer (Phase II)", None),           # a scheme's phase
    ("Assistant Professor at John Paul II University", None),
    ("Lecturer Class-II", None),                      # a service's class: Class I is its senior one
])
def test_a_step_numeral_after_the_jobs_name_is_its_level(tmp_path, title, judged):
    from jdgen.catalog.root import Catalog
    from jdgen.lint.posting_files import lint_posting_files
    from jdgen.resources import builtin_catalog

    path = tmp_path / "posting.md"
    path.write_text(f"# {title}\n\nWe ask for 5+ years of experience.\n", encoding="utf-8")
    found = [f for f in lint_posting_files(Catalog(builtin_catalog()), [(str(path), None)]).findings
             if f.code == "JD301"]
    if judged is None:
        assert [(f.severity, f.message) for f in found] == [
            ("info", "JD301 skipped: the title names no level jdgen knows; pass --level (e.g. --level P4)")]
    else:
        assert [f.severity for f in found] == ["error"] and f"but {judged}" in found[0].message


def test_the_place_comes_from_the_option_before_the_text(run, tmp_path):
    _write(tmp_path, "posting.md", POSTING)
    result = run("lint", "posting.md", "--select", "JD401", "--location", "Austin, TX", *AS_OF, cwd=tmp_path)
    assert (result.code, result.out) == (0, "")
    paid = POSTING.replace("Location: Denver, CO", "Location: Denver, CO. Pay: $150,000–$180,000 per year")
    _write(tmp_path, "posting.md", paid)
    assert run("lint", "posting.md", "--select", "JD401", *AS_OF, cwd=tmp_path).out == ""


@pytest.mark.parametrize("args, message", [
    (("--level", "P9"), "--level 'P9' is not a level of the ladder (use one of "),
    (("--location", "Atlantis"), "--location 'Atlantis' names no place jdgen can read (write 'City, ST'"),
])
def test_bad_level_or_location_is_a_usage_error(run, tmp_path, args, message):
    _write(tmp_path, "posting.md", POSTING)
    result = run("lint", "posting.md", *args, *AS_OF, cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(message)


def test_a_folder_of_postings_is_linted_and_a_catalogs_readme_is_passed_over_with_a_note(run, tmp_path):
    folder = tmp_path / "postings"
    folder.mkdir()
    _write(folder, "a.md", POSTING)
    _write(folder, "b.txt", POSTING)
    result = run("lint", "postings", "--select", "JD502", *AS_OF, cwd=tmp_path)
    assert [line.split(":")[0] for line in result.out.splitlines()] == ["postings/a.md", "postings/b.txt"]
    import shutil

    from jdgen.resources import builtin_catalog

    catalog = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), catalog)
    _write(catalog, "README.md", POSTING)
    noted = run("lint", ".", *AS_OF, cwd=catalog)
    assert "note: 1 posting file in a catalog folder was not linted, e.g. README.md (name a posting file to lint " \
           "it)\n" in noted.err
    assert "README.md:" not in noted.out


@pytest.mark.parametrize("title, flagged", [("Dishwasher", False), ("Software Engineer", True),
                                            # held-out set 36's 058, both readers flagged its lifting
                                            ("Call Center Representative/Customer Service", True),
                                            ("Contact Centre Agent", True), ("Customer Service Associate", False),
                                            # held-out set 54's 071, both readers flagged its licence;
                                            # a hotel's front office manager stays on its feet (798)
                                            ("Office Manager at BlueNalu", True), ("Front Office Manager", False)])
def test_physical_demands_are_the_job_when_the_title_is_physical_work(run, tmp_path, title, flagged):
    _write(tmp_path, "posting.md", f"# {title}\n\n## Requirements\n\n- Must be able to lift 50 pounds\n")
    result = run("lint", "posting.md", "--select", "JD503", "-f", "json", *AS_OF, cwd=tmp_path)
    assert bool(json.loads(result.out)["findings"]) is flagged


@pytest.mark.parametrize("title, flagged", [("Office Manager", True), ("Front Office Manager", False),
                                            ("Delivery Driver", False)])
def test_a_licence_is_read_on_an_office_managers_posting(run, tmp_path, title, flagged):
    # "Driver's License (Required)" for an office manager whose duties name no driving (held-out
    # set 54's 071, both readers); a driver's own licence is the job.
    _write(tmp_path, "posting.md", f"# {title}\n\n**License:**\n\n- Driver's License (Required)\n")
    result = run("lint", "posting.md", "--select", "JD503", "-f", "json", *AS_OF, cwd=tmp_path)
    assert bool(json.loads(result.out)["findings"]) is flagged


def test_a_physical_title_excuses_lifting_but_not_hearing_and_speech(run, tmp_path):
    # Housekeeping is physical work, so lifting is the job; hearing and speaking are not what
    # makes it physical (held-out set 15's 140, both readers), so they are still reported.
    _write(tmp_path, "posting.md", "# Housekeeping Attendant\n\n## Requirements\n\n- Must be able to lift 50 pounds\n"
                                   "- Must have the ability to speak and hear\n")
    result = run("lint", "posting.md", "--select", "JD503", "-f", "json", *AS_OF, cwd=tmp_path)
    lines = sorted(f["line"] for f in json.loads(result.out)["findings"])
    assert lines == [6]


# A "Physical Demands" heading is the employer's label, often ADA boilerplate on desk jobs: the
# title decides whether sitting and lifting are the work, not the heading. Demands are reported
# only on a title that names desk work; a title naming neither (a bar's "Managers", an orchard's
# "Seasonal Jobs") is read as describing its own work, as reviewers of real postings did.
@pytest.mark.parametrize("title, flagged", [
    ("Brewer", False), ("Staff Software Engineer", True), ("Senior Accountant", True),
    ("Kitchen Manager", False), ("Managers", False), ("Seasonal Orchard Jobs", False),
    ("Event and Marketing Intern", False), ("Data Analyst II", True)])
def test_a_physical_demands_heading_does_not_make_a_desk_job_physical(run, tmp_path, title, flagged):
    _write(tmp_path, "posting.md", f"# {title}\n\n## Physical Demands\n\n"
                                   "- Sedentary work (i.e., sitting for long periods of time)\n"
                                   "- Frequently lift, carry, push or pull objects\n")
    result = run("lint", "posting.md", "--select", "JD503", "-f", "json", *AS_OF, cwd=tmp_path)
    assert len(json.loads(result.out)["findings"]) == (2 if flagged else 0)


def test_jd301_stops_after_two_hundred_years_requirements(run, tmp_path):
    bullets = "".join(f"- {n}: 10+ years of experience\n" for n in range(1, 203))
    _write(tmp_path, "posting.md", f"# Engineer\n\n## Requirements\n\n{bullets}")
    result = run("lint", "posting.md", "--level", "P5", "--select", "JD301", *AS_OF, cwd=tmp_path)
    # 10+ years fits P5 (8-12): nothing to report, and the 201st requirement (line 205) is where it stops
    assert (result.code, result.out) == (0, "posting.md:205:8: JD301 warning JD301 stops here: it has weighed 200 "
                                             "years requirements in this posting (a posting states a few; the rest "
                                             "are not checked)\n")


def test_a_coded_word_deep_in_a_long_paragraph_is_found_at_its_column(run, tmp_path):
    filler = "We plan stock for stores. " * 2_000       # 52,000 characters, past the 20,000 read at a time
    _write(tmp_path, "posting.md", f"# Engineer\n\n{filler}An aggressive plan.\n")
    result = run("lint", "posting.md", "--select", "JD501", "-f", "json", *AS_OF, cwd=tmp_path)
    assert _found(result.out) == [("JD501", 3, len(filler) + 4, "posting.md")]


@pytest.mark.parametrize("first, lines", [
    # held-out set 47's 039, both readers: the degree alone qualifies, so the years are another route
    ("1. A baccalaureate degree from an accredited college or university; or", []),
    ("1. A bachelor's degree in any field, or", []),
    ("1. A baccalaureate degree from an accredited college or university.", [7]),   # no "or": one list
    ("1. Must live within commuting distance of New York; or", [7]),             # no credential named
    # a route with years: both items are routes, and the least, 1 year, is the bar and fits
    ("1. A bachelor's degree and 1 year of experience; or", []),
    ("1. A bachelor's degree and 3 years of experience; or", [5]),
])
def test_an_item_ending_or_with_a_credential_and_no_years_is_a_route_before_the_next(run, tmp_path, first, lines):
    _write(tmp_path, "posting.md", "# Analyst Trainee\n\n## Requirements\n\n" + first + "\n\n"
           "2. An associate degree and five years of satisfactory full-time professional experience\n")
    result = run("lint", "posting.md", "--level", "P1", "--select", "JD301", "-f", "json", *AS_OF, cwd=tmp_path)
    assert [line for _, line, _, _ in _found(result.out)] == lines
