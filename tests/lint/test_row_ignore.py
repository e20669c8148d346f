"""One row of a rule's word list left out (`ignore = ["JD507:binary-pronouns"]`), the rest kept.

Reviewers of real postings differ most on a few rows (paired pronouns, a fitness line on a physical
job); a team that has settled such a row keeps every other row of the rule.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

AS_OF = ("--as-of", "2026-11-23")
POSTING = ("# Senior Data Analyst\n\n"
           "- He/she will report to the CFO.\n"
           "- Hey guys, join us.\n"
           "- Eligibility: Only female candidates are eligible for this post.\n")


def _posting(tmp_path: Path) -> Path:
    (tmp_path / "posting.md").write_text(POSTING, encoding="utf-8")
    return tmp_path


def _quoted(out: str) -> list[tuple[str, str]]:
    return [(line.split(" ")[1], line.split("'")[1]) for line in out.splitlines() if " JD5" in line]


def test_a_row_ignored_on_the_command_line_leaves_the_rule_s_other_rows(run, tmp_path):
    folder = _posting(tmp_path)
    every = run("lint", "posting.md", "--select", "JD507", *AS_OF, cwd=folder)
    assert _quoted(every.out) == [("JD507", "He/she"), ("JD507", "guys")]
    result = run("lint", "posting.md", "--select", "JD507", "--ignore", "JD507:binary-pronouns", *AS_OF, cwd=folder)
    assert result.code == 0
    assert _quoted(result.out) == [("JD507", "guys")]


def test_each_finding_names_the_selector_that_leaves_its_row_out(run, tmp_path):
    """The hint's selector is the one `--ignore` takes: following it silences that row and no other (where
    another row covers the same words, that row still speaks, as an ignored row's words are left to it)."""
    import re

    folder = _posting(tmp_path)
    every = run("lint", "posting.md", "--select", "JD506,JD507", *AS_OF, cwd=folder)
    selectors = re.findall(r"--ignore (JD5\d\d:[\w-]+) leaves this row out\)$", every.out, re.MULTILINE)
    assert selectors == ["JD507:binary-pronouns", "JD507:guys", "JD506:only-gender-considered"]
    for selector in selectors:
        left = run("lint", "posting.md", "--select", "JD506,JD507", "--ignore", selector, *AS_OF, cwd=folder)
        assert selector not in left.out
        assert all(other in left.out for other in selectors if other != selector)


def test_a_row_ignored_in_the_working_folder_s_pyproject(run, tmp_path):
    """Posting files linted with no catalog around read the working folder's pyproject.toml."""
    folder = _posting(tmp_path)
    (folder / "pyproject.toml").write_text('[tool.jdgen.lint]\nignore = ["JD507:binary-pronouns", "JD507:guys"]\n',
                                           encoding="utf-8")
    result = run("lint", "posting.md", "--select", "JD507", *AS_OF, cwd=folder)
    assert result.code == 0
    assert _quoted(result.out) == []


def test_words_an_ignored_row_shared_with_another_row_go_to_that_row(run, tmp_path):
    """The more specific row wins an overlap; left out, it is as if it were not in the list."""
    folder = _posting(tmp_path)
    both = run("lint", "posting.md", "--select", "JD506", *AS_OF, cwd=folder)
    assert _quoted(both.out) == [("JD506", "Only female candidates are eligible")]
    rest = run("lint", "posting.md", "--select", "JD506", "--ignore", "JD506:only-gender-considered", *AS_OF,
               cwd=folder)
    assert _quoted(rest.out) == [("JD506", ": Only female")]


def test_a_catalog_lint_leaves_the_row_out_too(run, tmp_path):
    from jdgen.resources import builtin_catalog

    catalog = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), catalog)
    role = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "  - text: Leadership in AI/ML innovation", "  - text: He/she leads AI/ML innovation"), encoding="utf-8")
    found = run("lint", "--select", "JD507", *AS_OF, cwd=catalog)
    assert "'He/she'" in found.out
    with (catalog / "jdgen.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[lint]\nignore = ["JD507:binary-pronouns"]\n')
    quiet = run("lint", "--select", "JD507", *AS_OF, cwd=catalog)
    assert quiet.code == 0 and "'He/she'" not in quiet.out


@pytest.mark.parametrize("arguments, message", [
    (("--ignore", "JD507:binary-pronoun"),
     "--ignore: JD507 has no row 'binary-pronoun' (did you mean 'binary-pronouns'?)"),
    (("--ignore", "JD301:five-years"),
     "--ignore: JD301 has no word-list rows to ignore one by one (ignore the whole rule, or a row of JD502, "
     "JD503, JD506, JD507, JD508, JD509, JD510)"),
    (("--select", "JD507:guys"),
     "--select: 'JD507:guys' names a row of a word list, which only ignore can leave out (name the whole rule "
     "here, e.g. 'JD507')"),
    (("--ignore", "JD50:guys"),
     "--ignore: 'JD50:guys' names 9 rules; a row belongs to one (name the rule by its code, e.g. "
     "\"JD507:binary-pronouns\")"),
    (("--ignore", "JD599:guys"), "--ignore: no rule matches 'JD599'"),
])
def test_a_row_named_wrongly_is_a_usage_error(run, tmp_path, arguments, message):
    result = run("lint", "posting.md", *arguments, *AS_OF, cwd=_posting(tmp_path))
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(message), result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("table, key", [
    ('[tool.jdgen.lint.severity]\n"JD507:guys" = "error"\n', 'tool.jdgen.lint.severity."JD507:guys"'),
    ('[tool.jdgen.lint.per-file-ignores]\n"*.md" = ["JD507:guys"]\n', 'tool.jdgen.lint.per-file-ignores."*.md"'),
])
def test_a_row_where_only_whole_rules_go_says_so(run, tmp_path, table, key):
    folder = _posting(tmp_path)
    (folder / "pyproject.toml").write_text(table, encoding="utf-8")
    result = run("lint", "posting.md", *AS_OF, cwd=folder)
    assert result.code == 2
    assert result.err == (f'pyproject.toml:2:1: {key}: "JD507:guys" names a row of a word list, which only ignore '
                          'can leave out (name the whole rule here, e.g. "JD507")\n')


def test_a_wrong_row_in_the_configuration_file_points_at_its_line(run, tmp_path):
    folder = _posting(tmp_path)
    (folder / "pyproject.toml").write_text('[project]\nname = "careers"\n\n[tool.jdgen.lint]\n'
                                           'ignore = ["JD507:binary-pronoun"]\n', encoding="utf-8")
    result = run("lint", "posting.md", *AS_OF, cwd=folder)
    assert result.code == 2
    assert result.err.splitlines()[0] == ("pyproject.toml:5:1: tool.jdgen.lint.ignore: JD507 has no row "
                                          "'binary-pronoun' (did you mean 'binary-pronouns'?)")


def test_rules_lists_the_rows_a_user_can_leave_out(run):
    result = run("rules", "JD507")
    assert result.code == 0
    assert ('Rows (gendered_language.yaml; leave one out with ignore = ["JD507:ROW"] in [lint], '
            "or --ignore JD507:ROW):") in result.out
    assert "  binary-pronouns           Paired pronouns leave out people who use neither" in result.out
    without = run("rules", "JD301")
    assert "Rows (" not in without.out
