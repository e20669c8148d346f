"""jdgen lint and jdgen rules at the command line: exit codes, the four formats, configuration, suppressions."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import SEED_FIXTURE, edit, line_of

AS_OF = ["--as-of", "2026-11-23"]
P4 = "roles/AIMLAM.GEN.P4.yaml"




@pytest.fixture
def broken(catalog):
    """The built-in catalog with one error (JD301) and one warning (JD502). Without its translations:
    the edit to P4's English would make them stale (JD802), which tests/test_translations_lint.py covers;
    and so with Lindenhof in English, or every profile would lack its German text (JD801)."""
    shutil.rmtree(catalog / "translations")
    edit(catalog / "companies" / "lindenhof.yaml", "    language: de\n", "    language: en\n")
    edit(catalog / P4, "  - text: 5-8 years of experience in machine learning or related engineering",
         "  - text: 10+ years of experience")
    edit(catalog / P4, "summary: >-\n  P4 represents", "summary: >-\n  A rockstar who represents")
    return catalog


NO_CATALOG_HERE = ("note: no jdgen.toml in this folder or above, so this checks the built-in catalog "
                   "(pass --catalog DIR, or run jdgen init)")


def test_shipped_catalog_lints_clean(run, tmp_path):
    result = run("lint", "--strict", *AS_OF, cwd=tmp_path)
    assert (result.code, result.out) == (0, "")
    note, summary = result.err.splitlines()
    assert note == NO_CATALOG_HERE  # run from an empty folder, so the built-in catalog is checked, and said to be
    assert re.fullmatch(r"0 errors, 0 warnings, 0 info in \d+ files and \d+ postings", summary)


def test_seed_fixture_fails_at_its_qualification_line(run, tmp_path):
    result = run("lint", str(SEED_FIXTURE), *AS_OF, cwd=tmp_path)
    assert result.code == 1
    line = line_of(SEED_FIXTURE, "- text: 8-10+ years of experience")
    expected = (f"{SEED_FIXTURE}:{line}:11: JD301 error asks for 8–10+ years ('8-10+ years'), but P4 "
                "(Senior Professional) means 5–8 years (state 5–8 years, or move the role to a higher level)")
    assert expected in result.out.splitlines()


def test_text_format(run, broken):
    result = run("lint", *AS_OF, cwd=broken)
    assert result.code == 1
    q, s = line_of(broken / P4, "- text: 10+ years"), line_of(broken / P4, "A rockstar")
    assert result.out == (
        f"{P4}:{s}:5: JD502 warning 'rockstar': Celebrity labels read as a call for a young, loud, mostly male "
        "stereotype and tell the reader nothing about the work. (try name the skill or level, e.g. 'senior "
        "engineer', 'experienced designer'; --ignore JD502:rockstar leaves this row out)\n"
        f"{P4}:{q}:11: JD301 error asks for 10+ years ('10+ years'), but P4 (Senior Professional) means 5–8 "
        "years (state 5–8 years, or move the role to a higher level)\n")
    assert re.fullmatch(r"1 error, 1 warning, 0 info in \d+ files and \d+ postings\n", result.err)


def test_json_format_is_a_versioned_contract(run, broken):
    result = run("lint", "--format", "json", *AS_OF, cwd=broken)
    data = json.loads(result.out)
    q = line_of(broken / P4, "- text: 10+ years")
    assert data["version"] == 1 and data["tool"]["name"] == "jdgen"
    assert {k: data["summary"][k] for k in ("errors", "warnings", "infos")} == {"errors": 1, "warnings": 1, "infos": 0}
    assert data["summary"]["postings"] == 3 * len(list((broken / "roles").rglob("*.yaml")))
    assert data["findings"][1] == {
        "code": "JD301", "name": "experience-vs-level", "severity": "error",
        "message": "asks for 10+ years ('10+ years'), but P4 (Senior Professional) means 5–8 years",
        "hint": "state 5–8 years, or move the role to a higher level", "file": P4, "line": q, "column": 11}


def test_github_format(run, broken):
    result = run("lint", "--format", "github", "--select", "JD301", *AS_OF, cwd=broken)
    q = line_of(broken / P4, "- text: 10+ years")
    assert result.out == (f"::error file={P4},line={q},col=11,title=JD301 experience-vs-level::asks for 10+ years "
                          "('10+ years'), but P4 (Senior Professional) means 5–8 years (state 5–8 years, or move "
                          "the role to a higher level)\n")
    assert result.code == 1


def test_sarif_format(run, broken):
    result = run("lint", "--format", "sarif", *AS_OF, cwd=broken)
    sarif = json.loads(result.out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["JD301", "JD502"]
    first = run_["results"][1]
    assert first["ruleId"] == "JD301" and first["level"] == "error" and first["ruleIndex"] == 0
    region = first["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == P4
    assert region["region"] == {"startLine": line_of(broken / P4, "- text: 10+ years"), "startColumn": 11}
    assert run_["results"][0]["level"] == "warning"


def test_sarif_uris_are_percent_encoded(run, broken):
    odd = broken / "roles" / "legacy #1 ü"
    odd.mkdir()
    (broken / P4).rename(odd / "AIMLAM.GEN.P4.yaml")
    sarif = json.loads(run("lint", "--format", "sarif", *AS_OF, cwd=broken).out)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "roles/legacy%20%231%20%C3%BC/AIMLAM.GEN.P4.yaml" in uris


def test_select_ignore_and_strict(run, broken):
    assert run("lint", "--ignore", "JD301", *AS_OF, cwd=broken).code == 0
    assert run("lint", "--ignore", "JD301", "--strict", *AS_OF, cwd=broken).code == 1
    only = run("lint", "--select", "exclusionary-language", "--fail-on", "warning", *AS_OF, cwd=broken)
    assert only.code == 1 and only.out.count("\n") == 1 and "JD502" in only.out
    by_prefix = run("lint", "--select", "JD3", *AS_OF, cwd=broken)
    assert "JD502" not in by_prefix.out and "JD301" in by_prefix.out


def test_unknown_rule_on_the_command_line(run, broken):
    result = run("lint", "--select", "JD999", cwd=broken)
    assert result.code == 2
    assert result.err == "--select: no rule matches 'JD999' (did you mean 'JD509'?)\n"


def test_config_in_jdgen_toml(run, broken):
    (broken / "jdgen.toml").write_text('[lint]\nignore = ["JD502"]\n[lint.severity]\nJD301 = "warning"\n')
    result = run("lint", *AS_OF, cwd=broken)
    assert result.code == 0 and "JD301 warning" in result.out and "JD502" not in result.out


def test_config_in_pyproject(run, broken):
    (broken / "jdgen.toml").write_text("")
    (broken / "pyproject.toml").write_text('[tool.jdgen.lint]\nselect = ["JD5"]\n')
    result = run("lint", *AS_OF, cwd=broken)
    assert result.code == 0 and "JD502" in result.out and "JD301" not in result.out


def test_pyproject_errors_name_the_key_as_written_there(run, catalog):
    (catalog / "jdgen.toml").write_text("")
    (catalog / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.jdgen]\nlint.options.JD605 = { max_required = "six" }\n')
    result = run("lint", *AS_OF, cwd=catalog)
    assert (result.code, result.err) == (2, 'pyproject.toml:5:24: tool.jdgen.lint.options.JD605.max_required: must be a whole '
                                            'number, not text ("six") (e.g. max_required = 7, the default)\n')


@pytest.mark.parametrize("toml, message", [
    ('[lint]\nselct = ["JD1"]\n', "jdgen.toml:2:1: lint.selct: unknown key (did you mean 'select'?)"),
    ('[lint]\nignore = "JD101"\n', 'jdgen.toml:2:1: lint.ignore: must be a list of rule codes or names (e.g. ["JD501", "exclusionary-language"])'),
    ('[lint.severity]\nJD301 = "fatal"\n', "jdgen.toml:2:1: lint.severity.JD301: \"fatal\" is not a severity (use one of error, warning, info)"),
    ('[lint.options.JD601]\nmax_word = 900\n', "jdgen.toml:2:1: lint.options.JD601.max_word: JD601 has no option 'max_word' (did you mean 'max_words' or 'min_words'?)"),
    ('[lint.options.JD601]\nmax_words = "many"\n', 'jdgen.toml:2:1: lint.options.JD601.max_words: must be a whole number, not text ("many") (e.g. max_words = 1000, the default)'),
    ('[lint.options]\nJD201 = { require_skills = 1 }\n', "jdgen.toml:2:11: lint.options.JD201.require_skills: must be true or false, not a whole number (1) (e.g. require_skills = true, the default)"),
    ('[lint]\noptions.JD605.max_required = 6.5\n', "jdgen.toml:2:15: lint.options.JD605.max_required: must be a whole number, not a decimal number (6.5) (e.g. max_required = 7, the default)"),
    ('[lint.per-file-ignores]\n"roles/*.yaml" = ["JD999"]\n', """jdgen.toml:2:1: lint.per-file-ignores."roles/*.yaml": no rule matches "JD999" (did you mean 'JD509'?)"""),
    ('lint = 3\n', "jdgen.toml:1:1: lint: must be a table"),
    ('[lint\n', "jdgen.toml:1:6: not valid TOML: expected ']' at the end of a table declaration (end the table header with ], e.g. [lint])"),
    ('[lint]\nfail-on = True\n', "jdgen.toml:2:11: not valid TOML: invalid value (write true and false in lower case)"),
    ('[lint]\nignore = [JD601, JD602]\n', 'jdgen.toml:2:11: not valid TOML: invalid value (strings need quotes, e.g. ignore = ["JD601", "JD602"])'),
    ('[lint]\nignore = ["JD601"]\nignore = ["JD602"]\n', "jdgen.toml:3:19: not valid TOML: cannot overwrite a value (each key and table may appear only once: merge the two)"),
    ('[lint.severity]\n[lint.severity]\n', "jdgen.toml:2:15: not valid TOML: cannot declare [lint.severity] twice (each key and table may appear only once: merge the two)"),
])
def test_bad_configuration_names_the_key(run, catalog, toml, message):
    (catalog / "jdgen.toml").write_text(toml)
    result = run("lint", *AS_OF, cwd=catalog)
    assert (result.code, result.err) == (2, message + "\n")


def test_options_change_thresholds(run, catalog):
    (catalog / "jdgen.toml").write_text("[lint.options.JD604]\nmax_chars = 20\n")
    result = run("lint", *AS_OF, cwd=catalog)
    lines = [line for line in result.out.splitlines() if line.startswith((P4, "companies/"))]
    assert result.code == 0 and len(lines) == 3 and all("JD604 warning" in line for line in lines)  # P4, both companies


def test_per_file_ignores(run, broken):
    (broken / "jdgen.toml").write_text('[lint.per-file-ignores]\n"roles/*.yaml" = ["JD3", "JD502"]\n')
    assert run("lint", *AS_OF, cwd=broken).out == ""


def test_suppression_on_the_line_and_above_it(run, broken):
    edit(broken / P4, "  - text: 10+ years of experience", "  - text: 10+ years of experience  # jdgen: ignore[JD301] asked for by the hiring manager")
    edit(broken / P4, "summary: >-\n", "# jdgen: ignore[exclusionary-language] quoting the client's brief\nsummary: >-\n")
    result = run("lint", "--strict", *AS_OF, cwd=broken)
    assert (result.code, result.out) == (0, "")


def test_suppression_without_reason_and_unused_suppression(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead", "title: Senior AI/ML Engineer / Tech Lead  # jdgen: ignore[JD604]")
    n = line_of(catalog / P4, "# jdgen: ignore[JD604]")
    result = run("lint", *AS_OF, cwd=catalog)
    assert result.code == 0
    assert result.out == (
        f"{P4}:{n}:43: JD002 warning suppression of JD604 gives no reason (say why after the brackets, e.g. "
        "# jdgen: ignore[JD501] quoted from the law)\n"
        f"{P4}:{n}:43: JD003 warning suppression of JD604 matches no finding (remove it: the problem it "
        "silenced is gone)\n")


def test_file_level_suppression(run, broken):
    edit(broken / P4, "schema_version: 1\n", "schema_version: 1\n# jdgen: ignore-file[JD301, JD502] legacy profile, rewrite planned\n")
    assert run("lint", "--strict", *AS_OF, cwd=broken).code == 0


def test_schema_errors_are_findings(run, catalog):
    edit(catalog / P4, "status: draft", "status: drafty")
    result = run("lint", "--format", "json", *AS_OF, cwd=catalog)
    assert result.code == 1
    codes = {f["code"] for f in json.loads(result.out)["findings"]}
    assert codes == {"JD001"}


def test_bad_as_of_and_fail_on(run, tmp_path):
    assert run("lint", "--as-of", "tomorrow", cwd=tmp_path).err == "--as-of 'tomorrow' is not a date (write it as YYYY-MM-DD)\n"
    assert run("lint", "--fail-on", "fatal", cwd=tmp_path).code == 2


def test_rules_lists_and_explains(run):
    listing = run("rules")
    assert listing.code == 0 and listing.out.splitlines()[0].split() == ["CODE", "NAME", "SEVERITY", "CHECKS", "SUMMARY"]
    assert all(f"JD{n}" in listing.out for n in ("001", "301", "401", "501", "601", "701"))
    one = run("rules", "JD301")
    assert one.out.startswith("JD301 experience-vs-level\n  severity: error    checks: each posting and posting files (.md .txt .html .docx)\n")
    assert "Why:" in one.out and "Bad example:" in one.out and "8-10+ years of experience" in one.out
    assert "below_tolerance = 1" in one.out
    by_name = run("rules", "experience-vs-level")
    assert by_name.out == one.out
    missing = run("rules", "JD3O1")
    assert (missing.code, missing.err) == (2, "no rule 'JD3O1' (did you mean 'JD301' or 'JD302' or 'JD303'?)\n")


def test_deeply_nested_toml_is_a_configuration_error(run, catalog):
    (catalog / "jdgen.toml").write_text("[lint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = run("lint", cwd=catalog)
    assert (result.code, result.err) == (2, "jdgen.toml: not valid TOML for jdgen: values nest too deeply "
                                            "(a lint table needs only a few levels)\n")


def test_a_merge_error_does_not_stop_the_template_check(run, catalog):
    """JD701 renders a posting per company; a company whose merge fails is JD001's to report, not a crash."""
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text("# {{ title }}\n", encoding="utf-8")
    # defaults apply to every role, so the first profile JD701 renders fails to merge
    edit(catalog / "companies" / "northwind.yaml", "defaults:\n", "defaults:\n  skills:\n    remove: [Python]\n")
    result = run("lint", *AS_OF, cwd=catalog)
    assert result.code == 1
    assert "JD001 error cannot remove 'Python' from skills of AIMLAM.APP.P1" in result.out
    assert re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ info in \d+ files and \d+ postings", result.err.splitlines()[-1])
