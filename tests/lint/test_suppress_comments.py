"""Suppression comments that cannot work as written are findings (JD004), not silent no-ops.

A `# jdgen:` comment with an unclosed bracket, an unknown rule or a misspelt word used to
be skipped or reported as JD003 ("the problem it silenced is gone"), which sent people
looking for a fix that had never applied. Each case below asserts the whole output.
"""

from __future__ import annotations

import pytest

from conftest import edit, line_of

AS_OF = ["--as-of", "2026-11-23"]
P4 = "roles/AIMLAM.GEN.P4.yaml"
TITLE = "title: Senior AI/ML Engineer / Tech Lead"


def lint_with_title_comment(run, catalog, comment: str):
    edit(catalog / P4, TITLE, f"{TITLE}  {comment}")
    line = line_of(catalog / P4, comment)
    return line, run("lint", P4, *AS_OF, cwd=catalog)


@pytest.mark.parametrize("comment, message", [
    ("# jdgen: ignore[JD604 long on purpose", "JD004 warning suppression comment is not closed "
                                              "(write # jdgen: ignore[JD604] reason)"),
    ("# jdgen: ignore-file[JD6 legacy", "JD004 warning suppression comment is not closed "
                                        "(write # jdgen: ignore-file[JD6] reason)"),
    ("# jdgen: ignore[JD999] long on purpose", "JD004 warning no rule JD999 (did you mean JD509?)"),
    ("# jdgen: ignore[JD6040] long on purpose", "JD004 warning no rule JD6040 (did you mean JD604 or JD601 or JD602?)"),
    ("# jdgen: ignore[title-lenght] long on purpose", "JD004 warning no rule title-lenght "
                                                     "(did you mean title-length or title-seniority or posting-length?)"),
    ("# jdgen: ignore[ALL] long on purpose", "JD004 warning no rule ALL (the prefix JD matches every rule: "
                                             "# jdgen: ignore-file[JD] reason)"),
    ("# jdgen: ignore JD604 long on purpose", "JD004 warning suppression names its rules without brackets "
                                              "(write # jdgen: ignore[JD501] reason)"),
    ("# jdgen: ignored[JD604] long on purpose", "JD004 warning # jdgen: ignored is not a suppression (did you mean "
                                                "ignore? write # jdgen: ignore[JD501] reason, or ignore-file[JD501] "
                                                "for the whole file)"),
])
def test_a_comment_that_cannot_work_is_reported_at_the_comment(run, catalog, comment, message):
    line, result = lint_with_title_comment(run, catalog, comment)
    assert result.code == 0, result
    assert result.out == f"{P4}:{line}:43: {message}\n"


def test_an_unknown_rule_beside_a_used_one_is_reported_alone(run, catalog):
    # A comment that silences a JD501 finding on purpose, with a typo beside it.
    edit(catalog / P4, "  - text: Leading innovation in AI/ML approaches", "  - text: Fearless innovation in AI/ML approaches")
    edit(catalog / P4, "# seed wording:", "# jdgen: ignore[JD501, JD5O1] seed wording:")
    line = line_of(catalog / P4, "JD5O1")
    result = run("lint", P4, *AS_OF, cwd=catalog)
    assert (result.code, result.out) == (0, f"{P4}:{line}:3: JD004 warning no rule JD5O1 (did you mean JD501 or JD510 or JD502?)\n")


def test_an_unknown_rule_is_not_also_reported_as_unused(run, catalog):
    line, result = lint_with_title_comment(run, catalog, "# jdgen: ignore[JD999]")
    assert result.out == (
        f"{P4}:{line}:43: JD002 warning suppression of JD999 gives no reason (say why after the brackets, "
        "e.g. # jdgen: ignore[JD501] quoted from the law)\n"
        f"{P4}:{line}:43: JD004 warning no rule JD999 (did you mean JD509?)\n")


def test_a_known_rule_that_silences_nothing_is_still_jd003(run, catalog):
    line, result = lint_with_title_comment(run, catalog, "# jdgen: ignore[JD604] long on purpose")
    assert result.out == (f"{P4}:{line}:43: JD003 warning suppression of JD604 matches no finding "
                          "(remove it: the problem it silenced is gone)\n")


def test_jd004_fails_a_strict_run_and_can_be_ignored(run, catalog):
    line, result = lint_with_title_comment(run, catalog, "# jdgen: ignore[JD999] x")
    assert run("lint", P4, "--strict", *AS_OF, cwd=catalog).code == 1
    assert run("lint", P4, "--strict", "--ignore", "JD004", *AS_OF, cwd=catalog).code == 0


def test_a_marker_inside_block_or_quoted_text_is_text_not_a_suppression(run, catalog):
    """'# jdgen: ignore-file[...]' written inside a summary must not silence the whole file."""
    path = catalog / P4
    text = path.read_text(encoding="utf-8")
    assert "\nsummary: >-\n" in text
    path.write_text(text.replace("\nsummary: >-\n", "\nsummary: >-\n  # jdgen: ignore-file[JD5] legacy\n"
                                 "  An aggressive engineer.\n", 1), encoding="utf-8")
    edit(path, TITLE, 'title: "Senior AI/ML Engineer # jdgen: ignore[JD604] quoted"')
    result = run("lint", P4, "--select", "JD501,JD003,JD004", *AS_OF, cwd=catalog)
    line = line_of(path, "An aggressive engineer.")
    assert result.out.splitlines()[0].startswith(f"{P4}:{line}:6: JD501 warning 'aggressive' is masculine-coded")
    assert "JD003" not in result.out and "JD004" not in result.out
