"""Command-line values as typed: empty ones, unknown choices and filters, repeats, and echoes.

Every message is asserted whole, with its exit code, since the wording is the interface.
The built-in catalog is used throughout (tmp_path holds no jdgen.toml).
"""

from __future__ import annotations

import json

import pytest

ROLE_HINT = '(give a role code like AIMLAM.GEN.P4 or a title like "Sr. Machine Learning")'
LEVELS = "S1, S2, S3, S4, P1, P2, P3, P4, P5, P6, P7, P8, M1, M2, M3, M4, M5, M6, E1, E2, E3, E4"


# --- list filters ---------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--level", "P99"], f"--level 'P99' is not a level in the built-in catalog (use one of: {LEVELS})"),
    (["--level", "P44"], f"--level 'P44' is not a level in the built-in catalog (did you mean 'P4'? use one of: {LEVELS})"),
    (["--function", "AIMLAMX"],
     "--function 'AIMLAMX' is not a function in the built-in catalog (did you mean 'AIMLAM'? use one of: AIMLAM)"),
    (["--status", "drafts"],
     "--status 'drafts' is not a status (did you mean 'draft'? use one of: draft, review, approved, retired)"),
])
def test_list_filter_outside_the_catalog_is_a_usage_error(run, tmp_path, args, message):
    result = run("list", *args, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


def test_list_filter_ignores_case_and_keeps_the_table(run, tmp_path):
    result = run("list", "--level", "p4", "--function", "aimlam", "-f", "json", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    rows = json.loads(result.out)["profiles"]
    assert rows and {r["level"] for r in rows} == {"P4"}


def test_list_filter_that_matches_nothing_says_so(run, tmp_path):
    result = run("list", "--level", "e4", "--status", "approved", cwd=tmp_path)
    assert result.code == 0
    assert result.out.startswith("CODE  TITLE  LEVEL  YEARS  STATUS\n")
    assert result.err == "no profiles match --level E4 --status approved\n"


# --- empty values ------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["render", "AIMLAM.GEN.P4", "--date", ""], "--date is empty (write it as YYYY-MM-DD)"),
    (["render", "AIMLAM.GEN.P4", "--date="], "--date is empty (write it as YYYY-MM-DD)"),
    (["lint", "--as-of", ""], "--as-of is empty (write it as YYYY-MM-DD)"),
    (["lint", "--fail-on", ""], "--fail-on is empty (use error, warning or info)"),
    (["--catalog", "", "list"], "--catalog is empty (name a catalog folder, or leave --catalog out to use the nearest one)"),
    (["list", "--level", ""], "--level is empty (give a level, e.g. --level P4)"),
    (["list", "--level", "  "], "--level is blank (give a level, e.g. --level P4)"),
    (["list", "--format", ""], "--format is empty (use one of: table, json)"),
    (["validate", ""], "the PATHS argument is empty (name a file or folder, or leave PATHS out to check the whole catalog)"),
    (["lint", "roles", ""], "the PATHS argument is empty (name a file or folder, or leave PATHS out to check the whole catalog)"),
    (["init", ""], "the DIR argument is empty (name a folder, or . for this one)"),
    (["render", ""], f"the CODE_OR_TITLE argument is empty {ROLE_HINT}"),
    (["render", "AIMLAM.GEN.P4", "-f", ""], "--format is empty (use md, html, jsonld or docx)"),
    (["render", "AIMLAM.GEN.P4", "-o", ""], "--output is empty (name a file or folder, or - for standard output)"),
    (["compare", "AIMLAM.GEN.P4", ""], "the CODE argument is empty (give a role code, e.g. AIMLAM.GEN.P4)"),
    (["adjacent", "AIMLAM.GEN.P4", "--limit", ""], "--limit is empty (give a whole number, e.g. --limit 5)"),
    (["lint", "--select", ""],
     "--select is empty (name the rules to run, e.g. --select JD5, or leave --select out to run every rule)"),
    (["rules", ""], "the RULE argument is empty (give a rule code or name, e.g. JD301, or leave RULE out to list every rule)"),
])
def test_an_empty_value_is_a_usage_error_naming_the_option(run, tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


def test_init_with_an_empty_folder_writes_nothing(run, tmp_path):
    result = run("init", "", cwd=tmp_path)
    assert result.code == 2
    assert list(tmp_path.iterdir()) == []


# --- choices and numbers -------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["list", "--format", "yaml"], "--format 'yaml' is not one of: table, json"),
    (["list", "-f", "JSON"], "--format 'JSON' is not one of: table, json (did you mean 'json'?)"),
    (["lint", "-f", "sarf"], "--format 'sarf' is not one of: text, json, github, sarif (did you mean 'sarif'?)"),
    (["compare", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", "-f", "markdown"], "--format 'markdown' is not one of: table, md, json"),
    (["render", "AIMLAM.GEN.P4", "-f", "pdf"], "--format 'pdf' is not one of: md, html, jsonld, docx"),
    (["render", "AIMLAM.GEN.P4", "-f", "md,htm"], "--format 'htm' is not one of: md, html, jsonld, docx (did you mean 'html'?)"),
    (["render", "AIMLAM.GEN.P4", "-f", "md,", "-o", "out"],
     "--format 'md,' has an empty format (separate formats with single commas, e.g. -f md,html)"),
    (["adjacent", "AIMLAM.GEN.P4", "--limit", "five"], "--limit 'five' is not a whole number (e.g. --limit 5)"),
])
def test_a_value_outside_the_choices_is_named_with_the_choices(run, tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


def test_repeated_format_renders_every_format_named(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-f", "md", "-f", "html,md", "-o", "out", "--date", "2026-11-23",
                 cwd=tmp_path)
    assert result.code == 0, result
    assert result.out == "out/AIMLAM.GEN.P4.md\nout/AIMLAM.GEN.P4.html\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["AIMLAM.GEN.P4.html", "AIMLAM.GEN.P4.md"]


def test_render_help_says_format_repeats(run, tmp_path):
    result = run("render", "--help", cwd=tmp_path)
    assert "by repeating -f" in " ".join(result.out.split())


# --- what a role must look like -------------------------------------------------------------

@pytest.mark.parametrize("role", ["-", "..", "/"])
def test_a_role_without_letters_says_what_was_given_and_what_is_expected(run, tmp_path, role):
    result = run("render", role, cwd=tmp_path)
    assert (result.code, result.err) == (2, f"{role!r} is neither a role code nor a title: it has no letters or digits "
                                            f"{ROLE_HINT}\n")


# --- echoed input stays readable ------------------------------------------------------------

def test_a_long_role_code_is_cut_in_the_message(run, tmp_path):
    code = "A" * 10_000
    result = run("show", code, cwd=tmp_path)
    assert result.code == 2
    assert result.err == (f"no role profile with code '{'A' * 60}…' in the built-in catalog "
                          "(run `jdgen list` to see the codes)\n")


def test_a_long_company_slug_is_cut_also_when_glued_to_its_option(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", f"--company={'n' * 500}", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"no company '{'n' * 60}…' in the built-in catalog (")
    assert result.err.count("\n") == 1


def test_a_long_title_is_cut_in_the_message(run, tmp_path):
    result = run("resolve", "Senior " * 100, cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"no role code or title matches '{('Senior ' * 100)[:60]}…' (")
    assert result.err.count("\n") == 1


def test_a_line_break_in_an_echoed_value_keeps_the_message_on_one_line(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-c", "north\nwind", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("no company 'north\\nwind' in the built-in catalog (")
    assert result.err.count("\n") == 1
    # A module that echoes without quotes still gets one line, the break escaped as quoting does.
    result = run("ladder", "AIMLAM\nX.GEN", cwd=tmp_path)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "AIMLAM\\nX.GEN" in result.err


def test_a_long_path_is_not_cut(run, tmp_path):
    missing = tmp_path / ("d" * 100)
    result = run("--catalog", str(missing), "list", cwd=tmp_path)
    assert result.code == 2
    assert repr(str(missing)) in result.err


# --- SOURCE_DATE_EPOCH ------------------------------------------------------------------------

@pytest.mark.parametrize("epoch, message", [
    ("99999999999999999", "SOURCE_DATE_EPOCH '99999999999999999' is out of range (give seconds since 1970-01-01, "
                          "up to 253402300799 for the end of year 9999)"),
    ("9" * 5000, f"SOURCE_DATE_EPOCH '{'9' * 60}…' is out of range (give seconds since 1970-01-01, "
                 "up to 253402300799 for the end of year 9999)"),
    ("12x", "SOURCE_DATE_EPOCH '12x' is not a whole number of seconds (unset it or set it to e.g. 1767225600)"),
])
def test_source_date_epoch_out_of_range_is_not_called_a_bad_number(run, tmp_path, epoch, message):
    result = run("render", "AIMLAM.GEN.P4", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": epoch})
    assert (result.code, result.err) == (2, message + "\n")


def test_source_date_epoch_at_the_end_of_year_9999_still_renders(run, tmp_path):
    # Posted on the last day of 9999, Northwind's 2026 deadline has passed: JD206, so the gate needs --allow-errors.
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", "--allow-errors",
                 cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "253402300799"})
    assert result.code == 0, result
    assert json.loads(result.out)["datePosted"] == "9999-12-31"
    assert "JD206 warning apply.deadline 2026-12-31" in result.err
