"""Messages found wanting by an adversarial sweep: one line per problem, in plain words, once.

Each test pins the exact line and exit code: cascades onto valid siblings, checks the
schema cannot state (min above max, impossible dates), jsonschema's own wording, hints
cut short at "e.g", a broken ladder repeated per profile, and catalog entries that are
not files.
"""

from __future__ import annotations

import os

import pytest

from conftest import edit, line_of
from jdgen.catalog.schema_messages import _first_sentence

NW = "companies/northwind.yaml"


# --- unknown keys under patternProperties -------------------------------------------

def test_a_lower_case_pay_band_level_is_the_only_problem(run, catalog):
    edit(catalog / NW, "\n  P1:\n", "\n  p1:\n")
    result = run("validate", NW, cwd=catalog)
    n = line_of(catalog / NW, "  p1:")
    assert result.code == 1, result
    assert result.out == (f"{NW}:{n}:3: unknown key 'p1' in pay_bands "
                          "(keys here are level codes of the ladder, such as P4; did you mean 'P1'?)\n")


def test_a_lower_case_role_code_is_the_only_problem(run, catalog):
    edit(catalog / NW, "\n  AIMLAM.GEN.P4:\n", "\n  aimlam.gen.p4:\n")
    result = run("validate", NW, cwd=catalog)
    n = line_of(catalog / NW, "  aimlam.gen.p4:")
    assert result.code == 1, result
    assert result.out == (f"{NW}:{n}:3: unknown key 'aimlam.gen.p4' in roles (keys here are role codes of the "
                          "catalog, such as AIMLAM.GEN.P4; did you mean 'AIMLAM.GEN.P4'?)\n")


def test_a_role_block_written_as_a_list_does_not_make_its_code_unknown(run, catalog):
    edit(catalog / NW, "\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n",
         "\n  AIMLAM.GEN.P4:\n    - title: Senior Machine Learning Engineer\n"
         "  aimlam.gen.p3:\n    title: Machine Learning Engineer\n  AIMLAM.GEN.P2:\n")
    result = run("validate", NW, cwd=catalog)
    path = catalog / NW
    assert result.code == 1, result
    assert result.out.splitlines()[:2] == [
        f"{NW}:{line_of(path, '- title: Senior')}:5: roles.AIMLAM.GEN.P4 must be a mapping (key: value lines), not a list",
        f"{NW}:{line_of(path, 'aimlam.gen.p3:')}:3: unknown key 'aimlam.gen.p3' in roles (keys here are role codes "
        "of the catalog, such as AIMLAM.GEN.P4; did you mean 'AIMLAM.GEN.P3'?)",
    ]
    assert "unknown key 'AIMLAM" not in result.out


def test_a_pay_band_key_in_no_known_form(run, catalog):
    edit(catalog / NW, "\n  P2:\n", "\n  Senior:\n")
    result = run("validate", NW, cwd=catalog)
    n = line_of(catalog / NW, "  Senior:")
    assert result.code == 1, result
    assert result.out == f"{NW}:{n}:3: unknown key 'Senior' in pay_bands (keys here are level codes of the ladder, such as P4)\n"


# --- checks beyond the schema -------------------------------------------------------

def test_profile_market_pay_min_above_max(run, catalog):
    name = "roles/AIMLAM.APP.P1.yaml"
    edit(catalog / name, "\n  min: 110000\n", "\n  min: 210000\n")
    n = line_of(catalog / name, "  min: 210000")
    for command in ("validate", "lint"):
        result = run(command, name, cwd=catalog)
        assert result.code == 1, result
        code = " JD001 error" if command == "lint" else ""
        assert result.out.splitlines()[0] == f"{name}:{n}:8:{code} market pay min 210,000 is above its max 175,000 (swap min and max)"


@pytest.mark.parametrize("deadline, hint", [
    ("2026-02-30", "February 2026 has 28 days"),
    ("2028-02-30", "February 2028 has 29 days"),
    ("2026-13-01", "the month is 13; months run from 01 to 12"),
    ("0000-01-01", "years start at 0001"),
    ("٢٠٢٦-١٢-٣١", 'write the date with the digits 0-9, as "YYYY-MM-DD"'),
])
def test_an_impossible_deadline(run, catalog, deadline, hint):
    edit(catalog / NW, 'deadline: "2026-12-31"', f'deadline: "{deadline}"')
    n = line_of(catalog / NW, "deadline:")
    result = run("validate", NW, cwd=catalog)
    assert result.code == 1, result
    assert result.out == f"{NW}:{n}:13: apply.deadline {deadline!r} is not a calendar date ({hint})\n"


def test_an_impossible_deadline_stops_render_and_lint(run, catalog):
    edit(catalog / NW, 'deadline: "2026-12-31"', 'deadline: "2026-02-30"')
    n = line_of(catalog / NW, "deadline:")
    expected = f"{NW}:{n}:13: apply.deadline '2026-02-30' is not a calendar date (February 2026 has 28 days)"
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()[0]) == (1, "", expected), result
    result = run("lint", NW, cwd=catalog)
    assert result.code == 1, result
    assert result.out.splitlines()[0] == expected.replace(":13: ", ":13: JD001 error ")


# --- jsonschema's wording -----------------------------------------------------------

def test_an_empty_operator_block_in_plain_words(run, catalog):
    edit(catalog / NW, "    responsibilities:\n      append:\n        - text: Own the demand-forecasting models "
         "that plan inventory for 3,000 stores\n", "    responsibilities: {}\n")
    n = line_of(catalog / NW, "responsibilities: {}")
    result = run("validate", NW, cwd=catalog)
    assert result.code == 1, result
    assert result.out == (f"{NW}:{n}:23: roles.AIMLAM.GEN.P4.responsibilities is empty (give at least one of "
                          "replace, remove, prepend or append, or leave out the `responsibilities:` key)\n")


# --- hints taken from schema descriptions -------------------------------------------

@pytest.mark.parametrize("text, first", [
    ("The career tracks that levels belong to, e.g. Support, Professional, Management, Executive.",
     "The career tracks that levels belong to, e.g. Support, Professional, Management, Executive"),
    ("The alternative title, e.g. 'Sr. Machine Learning'.", "The alternative title, e.g. 'Sr. Machine Learning'"),
    ("Other spellings or abbreviations of the same word, e.g. Sr.",
     "Other spellings or abbreviations of the same word, e.g. Sr."),
    ("Role code FUNCTION.FOCUS.LEVEL, e.g. AIMLAM.GEN.P4. Must match the file name.",
     "Role code FUNCTION.FOCUS.LEVEL, e.g. AIMLAM.GEN.P4"),
    ("Last day to apply, YYYY-MM-DD (quoted). Becomes validThrough.", "Last day to apply, YYYY-MM-DD (quoted)"),
    ("The section heading, e.g. 'Our stack'. (Called text so that `remove` can name it.)",
     "The section heading, e.g. 'Our stack'"),
    ("Say 'Wait. Then go' first. Then go.", "Say 'Wait. Then go' first"),
    ("The company's plan, i.e. Its own. Next.", "The company's plan, i.e. Its own"),
    ("Is it? Yes.", "Is it?"),
])
def test_first_sentence_ends_at_a_real_sentence_end(text, first):
    assert _first_sentence(text) == first


def test_missing_ladder_tracks_hint_is_a_whole_clause(run, catalog):
    (catalog / "ladder.yaml").write_text("schema_version: 1\nlevels: []\n", encoding="utf-8")
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    assert result.out.splitlines()[0] == ("ladder.yaml:1:1: missing required key 'tracks' (add `tracks:`, the career "
                                          "tracks that levels belong to, e.g. Support, Professional, Management, Executive)")


def test_empty_alias_title_hint_keeps_the_example(run, catalog):
    name = "roles/AIMLAM.GEN.P4.yaml"
    edit(catalog / name, "  - title: Sr. Machine Learning\n", '  - title: ""\n')
    n = line_of(catalog / name, '  - title: ""')
    result = run("validate", name, cwd=catalog)
    assert result.code == 1, result
    assert result.out == (f"{name}:{n}:12: title_aliases[3].title must not be empty "
                          "(The alternative title, e.g. 'Sr. Machine Learning')\n")


def test_ladder_level_code_hint_keeps_the_example(run, catalog):
    edit(catalog / "ladder.yaml", "  - code: P4\n", '  - code: ""\n')
    n = line_of(catalog / "ladder.yaml", '  - code: ""')
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    assert result.out == (f"ladder.yaml:{n}:11: levels[7].code '' is not in the expected form "
                          "(Level code: the track letter followed by the rank, e.g. P4)\n")


# --- a broken ladder, reported once -------------------------------------------------

LADDER_PROBLEMS = [
    "ladder.yaml:1:1: missing required key 'levels' (add `levels:`, every level of every track, lowest first within each track)",
    "ladder.yaml:1:1: missing required key 'tracks' (add `tracks:`, the career tracks that levels belong to, "
    "e.g. Support, Professional, Management, Executive)",
]


@pytest.mark.parametrize("args", [("list",), ("ladder", "AIMLAM.GEN"), ("adjacent", "AIMLAM.GEN.P4"), ("validate",)])
def test_a_broken_ladder_is_reported_once(run, catalog, args):
    (catalog / "ladder.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    result = run(*args, cwd=catalog)
    assert result.code == 1, result
    stream = result.out if args[0] == "validate" else result.err
    assert stream.splitlines() == LADDER_PROBLEMS, result


# --- entries that are not files -----------------------------------------------------

LISTING_HINT = "jdgen reads every .yaml file here: remove it, or rename it without .yaml"
LINK_HINT = "point the link at a YAML file, or remove it"


def test_roles_entries_that_are_not_files(run, catalog):
    roles = catalog / "roles"
    (roles / "X.yaml").mkdir()
    (roles / "Y.yaml").symlink_to("nowhere")
    (roles / "Z.yaml").symlink_to("Z.yaml")
    os.mkfifo(roles / "F.yaml")
    (roles / ".hidden").mkdir()
    (roles / ".hidden" / "H.yaml").mkdir()  # hidden folders are not part of the catalog
    expected = [
        f"roles/F.yaml: is a named pipe, not a file ({LISTING_HINT})",
        f"roles/X.yaml: is a folder, not a file ({LISTING_HINT})",
        f"roles/Y.yaml: is a symbolic link to 'nowhere', which does not exist ({LINK_HINT})",
        f"roles/Z.yaml: is a symbolic link that leads back to itself ({LINK_HINT})",
    ]
    for args in (("validate",), ("list",), ("validate", "roles")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out, result.err.splitlines()) == (2, "", expected), result


def test_a_named_file_that_is_a_pipe_is_not_read(run, catalog):
    os.mkfifo(catalog / "roles" / "F.yaml")
    result = run("validate", "roles/F.yaml", cwd=catalog)  # reading it would wait forever
    assert (result.code, result.out) == (2, ""), result
    assert result.err.splitlines() == [f"roles/F.yaml: is a named pipe, not a file ({LISTING_HINT})"]


def test_a_company_symlink_loop_is_an_io_error_not_a_crash(run, catalog):
    (catalog / "companies" / "acme.yaml").symlink_to("acme.yaml")
    expected = [f"companies/acme.yaml: is a symbolic link that leads back to itself ({LINK_HINT})"]
    for args in (("render", "AIMLAM.GEN.P4", "-c", "acme"), ("render", "AIMLAM.GEN.P4", "-c", "northwind"), ("validate",)):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out, result.err.splitlines()) == (2, "", expected), (args, result)


def test_a_company_entry_that_is_a_folder(run, catalog):
    (catalog / "companies" / "acme.yaml").mkdir()
    result = run("lint", cwd=catalog)
    assert (result.code, result.out) == (2, ""), result
    assert result.err.splitlines() == [f"companies/acme.yaml: is a folder, not a file ({LISTING_HINT})"]


@pytest.mark.parametrize("name, make, what, hint", [
    ("ladder.yaml", "folder", "is a folder, not a file",
     "put the ladder there as a YAML file, or remove it to use the built-in ladder"),
    ("ladder.yaml", "link", "is a symbolic link to 'gone.yaml', which does not exist", LINK_HINT),
    ("taxonomy.yaml", "folder", "is a folder, not a file",
     "put the taxonomy there as a YAML file, or remove it to use no taxonomy"),
    ("taxonomy.yaml", "link", "is a symbolic link to 'gone.yaml', which does not exist", LINK_HINT),
])
def test_ladder_or_taxonomy_that_is_not_a_file_is_no_silent_fallback(run, catalog, name, make, what, hint):
    target = catalog / name
    target.unlink()
    if make == "folder":
        target.mkdir()
    else:
        target.symlink_to("gone.yaml")
    for args in (("validate",), ("show", "AIMLAM.GEN.P4")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out, result.err.splitlines()) == (2, "", [f"{name}: {what} ({hint})"]), result


# --- extensions in capitals ---------------------------------------------------------

def test_an_upper_case_extension_is_reported_not_skipped(run, catalog):
    (catalog / "roles" / "AIMLAM.GEN.P4.yaml").rename(catalog / "roles" / "AIMLAM.GEN.P4.YAML")
    expected = "roles/AIMLAM.GEN.P4.YAML:1:1: not read: jdgen reads files ending in .yaml, not .YAML (rename it to AIMLAM.GEN.P4.yaml)"
    result = run("validate", cwd=catalog)
    assert (result.code, result.out.splitlines()) == (1, [expected]), result
    result = run("show", "AIMLAM.GEN.P4", cwd=catalog)
    assert (result.code, result.err.splitlines()) == (1, [expected]), result


def test_an_upper_case_company_extension_is_reported(run, catalog):
    (catalog / NW).rename(catalog / "companies" / "northwind.Yml")
    expected = "companies/northwind.Yml:1:1: not read: jdgen reads files ending in .yml, not .Yml (rename it to northwind.yml)"
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()) == (1, "", [expected]), result
    result = run("validate", cwd=catalog)
    assert (result.code, result.out.splitlines()) == (1, [expected]), result
