"""Text a posting prints as words may not be only spaces.

``title: '  '`` once passed validation and rendered a bare ``#`` heading. The schemas
now say ``"pattern": "\\S"`` for these fields, the models say the same, and the reader
sees "is blank" with a fix in words, never the regex.
"""

from __future__ import annotations

import pytest

from conftest import edit, line_of

P4 = "roles/AIMLAM.GEN.P4.yaml"
NW = "companies/northwind.yaml"


def test_a_blank_title_is_reported_in_words(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead\n", "title: '  '\n")
    result = run("validate", P4, cwd=catalog)
    assert result.code == 1, result
    assert result.out == f"{P4}:8:8: title is blank (write the role's title)\n"


def test_a_blank_title_stops_render(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead\n", "title: \"\\t \"\n")
    result = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert result.code == 1, result
    assert result.err.splitlines()[0] == f"{P4}:8:8: title is blank (write the role's title)"
    assert "#" not in result.out


def test_an_empty_title_is_one_problem_not_two(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead\n", "title: ''\n")
    result = run("validate", P4, cwd=catalog)
    assert result.code == 1, result
    assert result.out == (f"{P4}:8:8: title must not be empty "
                          "(Canonical job title of the role at this level, e.g. 'Senior AI/ML Engineer / Tech Lead')\n")


@pytest.mark.parametrize("old, new, needle, col, message", [
    ("  - text: Lead AI/ML projects\n", "  - text: ' '\n", "  - text: ' '", 11,
     "tasks[0].text is blank (write the item, or remove it)"),
    ("  - text: Patents or known", "  - text: \"\\u3000\"\n    kind: other\n  - text: Patents or known", "u3000", 11,
     "qualifications[1].text is blank (write the qualification, or remove it)"),
    ("  - title: Sr. Machine Learning\n", "  - title: '  '\n", "  - title: '  '", 12,
     "title_aliases[3].title is blank (write the alias, or remove the entry)"),
])
def test_blank_profile_texts(run, catalog, old, new, needle, col, message):
    edit(catalog / P4, old, new)
    result = run("validate", P4, cwd=catalog)
    assert result.code == 1, result
    assert result.out == f"{P4}:{line_of(catalog / P4, needle)}:{col}: {message}\n"


def test_a_blank_summary(run, catalog):
    text = (catalog / P4).read_text(encoding="utf-8")
    start = text.index("\nsummary:") + 1
    end = text.index("\nstory:")
    (catalog / P4).write_text(text[:start] + "summary: '   '" + text[end:], encoding="utf-8")
    result = run("validate", P4, cwd=catalog)
    assert result.code == 1, result
    n = line_of(catalog / P4, "summary: '   '")
    assert result.out == f"{P4}:{n}:10: summary is blank (write a sentence or two about the role)\n"


@pytest.mark.parametrize("old, new, needle, col, message", [
    ("  name: Northwind Analytics, Inc.\n", "  name: ' '\n", "  name: ' '", 9,
     "company.name is blank (write the company's name)"),
    ("    title: Senior Machine Learning Engineer\n", "    title: '  '\n", "    title: '  '", 12,
     "roles.AIMLAM.GEN.P4.title is blank (write the posting title, or leave out the `title:` key)"),
    ("    title: Senior Machine Learning Engineer\n",
     "    title: Senior Machine Learning Engineer\n    summary: ' '\n", "    summary: ' '", 14,
     "roles.AIMLAM.GEN.P4.summary is blank (write the summary, or leave out the `summary:` key)"),
    ("        - text: Own the demand", "        - text: ' '\n        - text: Own the demand", "- text: ' '", 17,
     "roles.AIMLAM.GEN.P4.responsibilities.append[0].text is blank (write the item, or remove it)"),
    ("      - text: How we work\n", "      - text: '   '\n", "- text: '   '", 15,
     "defaults.sections.append[0].text is blank (write the heading, or remove the section)"),
])
def test_blank_company_texts(run, catalog, old, new, needle, col, message):
    edit(catalog / NW, old, new)
    result = run("validate", NW, cwd=catalog)
    assert result.code == 1, result
    assert result.out == f"{NW}:{line_of(catalog / NW, needle)}:{col}: {message}\n"


def test_text_with_words_around_spaces_is_fine(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead\n", "title: '  Senior AI/ML Engineer  '\n")
    result = run("validate", P4, cwd=catalog)
    assert result.code == 0, result
