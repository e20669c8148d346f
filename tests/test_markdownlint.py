"""Every shipped posting's Markdown is markdownlint-clean (pymarkdownlnt, its default rules).

Recruiters paste the Markdown into job boards, wikis and pull requests whose own linters
and renderers expect well-formed Markdown; a heading missed or a bare address shows there.
The check runs on what ``jdgen render CODE [-c SLUG]`` prints for each of the catalog's
profiles, generic and with each shipped company, draft marker included.

Two findings are documented choices, not faults (README, "Markdown that passes markdownlint"):

* MD013 (line length) is off: a paragraph or list item is one line, because job boards
  and ATS text fields keep hard line breaks, so a wrapped paragraph would be pasted as
  broken lines. Wrapping is the reader's editor's job.
* MD026 (trailing punctuation in a heading) stays on, except for the "About COMPANY"
  heading of a company whose legal name ends in a full stop ("Northwind Analytics,
  Inc."): the name is printed as registered, and lint matches that heading by the name.
"""

from __future__ import annotations

import pytest
from pymarkdown.api import PyMarkdownApi

from conftest import edit
from jdgen.resources import builtin_catalog

DATE = "2026-11-23"
CODES = sorted(path.stem for path in (builtin_catalog() / "roles").glob("*.yaml"))
COMPANIES = sorted(path.stem for path in (builtin_catalog() / "companies").glob("*.yaml"))
CASES = [(code, company) for code in CODES for company in (None, *COMPANIES)]


def findings(markdown: str, names: tuple[str, ...] = ()) -> list[str]:
    """markdownlint's findings on ``markdown`` as ``line: RULE description | the line``.

    ``names`` are the legal names a heading may end with, full stop included (MD026).
    """
    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(markdown)
    lines = markdown.splitlines()
    found = []
    for failure in result.scan_failures:
        text = lines[failure.line_number - 1]
        if failure.rule_id == "MD026" and any(text.rstrip().endswith(name) for name in names):
            continue
        found.append(f"{failure.line_number}: {failure.rule_id} {failure.rule_description} "
                     f"{failure.extra_error_information}| {text}")
    return found + [str(error) for error in (*result.pragma_errors, *result.critical_errors)]


def legal_names(company: str | None) -> tuple[str, ...]:
    if company is None:
        return ()
    from jdgen.catalog.companies import find_company
    from jdgen.catalog.root import discover

    return (find_company(discover(str(builtin_catalog())), company).model.company.name,)


def test_the_check_covers_the_whole_shipped_catalog():
    assert len(CODES) == 12 and COMPANIES == ["lindenhof", "northwind"] and len(CASES) == 36


@pytest.mark.parametrize("code, company", CASES, ids=[f"{c}{'.' + s if s else ''}" for c, s in CASES])
def test_every_shipped_posting_is_markdownlint_clean(run, tmp_path, code, company):
    result = run("render", code, *(["-c", company] if company else []), "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.out.startswith("# ")
    assert findings(result.out, legal_names(company)) == []


def test_an_approved_posting_without_the_marker_is_clean_too(run, catalog):
    edit(catalog / "roles" / "AIMLAM.GEN.P4.yaml", "\nstatus: draft\n", "\nstatus: approved\n")
    result = run("--catalog", str(catalog), "render", "AIMLAM.GEN.P4", "-c", "lindenhof", "--date", DATE,
                 cwd=catalog.parent)
    assert (result.code, result.err) == (0, "")
    assert findings(result.out) == []


def test_the_check_fails_on_bad_markdown():
    """The check is not vacuous: the faults a template could make are reported, each by its rule."""
    bad = ("DRAFT — not approved\n\n"                 # MD041: the first line is not the title
           "# Title\n\n"
           "**Requirements**\n\n"                     # MD036: emphasis used as a heading
           "Apply at https://example.com/jobs\n\n"    # MD034: a bare address
           "## How to apply:\n\n"                     # MD026: a heading ending in a colon
           "* one\n"                                  # MD004: bullets that change style, and
           "- two\n")                                 # MD032: so a second list without a blank line
    rules = sorted({line.split()[1] for line in findings(bad, ("Inc.",))})
    assert rules == ["MD004", "MD026", "MD032", "MD034", "MD036", "MD041"]


def test_a_heading_may_end_with_the_legal_name_only():
    markdown = "# Title\n\n## About Northwind Analytics, Inc.\n\nText.\n\n## Benefits.\n\nText.\n"
    assert findings(markdown, ("Northwind Analytics, Inc.",)) == [
        "7: MD026 Trailing punctuation present in heading text. | ## Benefits."]
    assert len(findings(markdown)) == 2


def test_long_prose_lines_are_allowed():
    assert findings("# Title\n\n" + " ".join(["word"] * 60) + "\n") == []
