"""validate merges companies onto roles, tells misplaced files by their content, and the
smaller fixes of the same sweep: operators on locations, init --force, resolve by code.

Each test pins the exact line and exit code a person sees.
"""

from __future__ import annotations

import shutil

from conftest import edit, line_of, write
from jdgen.resources import builtin_catalog

NW = "companies/northwind.yaml"
ROLE_APPEND = ("    responsibilities:\n      append:\n"
               "        - text: Own the demand-forecasting models that plan inventory for 3,000 stores\n")
WRONG_CASE = "'technical lead for an AI/ML team'"


def _remove_wrong_case(catalog):
    edit(catalog / NW, ROLE_APPEND, "    responsibilities:\n      remove: [technical lead for an AI/ML team]\n")
    return line_of(catalog / NW, "remove: [technical lead")


def _expected_role_line(n: int) -> str:
    return (f"{NW}:{n}:16: cannot remove {WRONG_CASE} from responsibilities of AIMLAM.GEN.P4: no such item "
            "(did you mean 'Technical lead for an AI/ML team'?)")


# --- 1. validate merges every company onto the roles it changes ------------------------

def test_validate_reports_a_role_override_that_render_would_refuse(run, catalog):
    n = _remove_wrong_case(catalog)
    validated = run("validate", cwd=catalog)
    assert (validated.code, validated.out) == (1, _expected_role_line(n) + "\n")
    assert validated.err == "1 problem in 32 files checked\n"  # ladder, taxonomy, jdgen.toml, 12 roles, 2 companies, 15 translations
    rendered = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog)
    assert (rendered.code, rendered.err) == (1, _expected_role_line(n) + "\n")


def test_validate_of_one_file_merges_it_with_the_catalog(run, catalog):
    n = _remove_wrong_case(catalog)
    for named in (NW, "roles/AIMLAM.GEN.P4.yaml"):
        result = run("validate", named, cwd=catalog)
        assert (result.code, result.out) == (1, _expected_role_line(n) + "\n"), named
    # A role the override does not touch has nothing to do with it.
    assert run("validate", "roles/AIMLAM.GEN.P3.yaml", cwd=catalog).code == 0


def test_lint_names_the_role_whose_posting_failed(run, catalog):
    n = _remove_wrong_case(catalog)
    result = run("lint", "--as-of", "2026-11-23", cwd=catalog)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{NW}:{n}:16: JD001 error cannot remove {WRONG_CASE} from responsibilities of AIMLAM.GEN.P4: no such item "
        "(did you mean 'Technical lead for an AI/ML team'?)"]


def test_validate_applies_defaults_to_every_role(run, catalog):
    edit(catalog / NW, "defaults:\n  sections:", "defaults:\n  skills:\n    remove: [Programming in Python]\n  sections:")
    n = line_of(catalog / NW, "remove: [Programming in Python]")
    result = run("validate", cwd=catalog)
    lines = result.out.splitlines()
    # Three roles list the skill in exactly these words; each of the other nine is named once.
    assert result.code == 1 and len(lines) == 9, result.out
    assert lines[0] == (f"{NW}:{n}:14: cannot remove 'Programming in Python' from skills of AIMLAM.APP.P1: no such "
                        "item (did you mean 'Programming in R, Java or C++' or 'Programming and software development "
                        "in Python'?)")
    assert [line.split(" of ", 1)[1].split(":")[0] for line in lines] == [
        "AIMLAM.APP.P1", "AIMLAM.ARC.P5", "AIMLAM.GEN.P2", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4",
        "AIMLAM.GEN.P5", "AIMLAM.GEN.P6", "AIMLAM.MMR.P4", "AIMLAM.NLP.P3"]
    rendered = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog)
    assert rendered.code == 1 and rendered.err.splitlines()[0] == lines[4]


def test_a_profile_copy_outside_roles_is_not_merged(run, catalog):
    # Only the catalog's own AIMLAM.GEN.P4 is what northwind's block changes.
    _remove_wrong_case(catalog)
    shutil.copy(catalog / "roles" / "AIMLAM.GEN.P4.yaml", catalog / "AIMLAM.GEN.P4.yaml")
    result = run("validate", "AIMLAM.GEN.P4.yaml", cwd=catalog)
    assert (result.code, result.out) == (0, ""), result


# --- 2. files in the wrong place -------------------------------------------------------

def test_a_company_file_in_roles(run, catalog):
    shutil.copy(catalog / NW, catalog / "roles" / "acme.yaml")
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, "roles/acme.yaml:1:1: this looks like a company file, but it is in roles/ (move it to companies/)\n")


def test_every_command_that_reads_roles_says_the_same(run, catalog):
    shutil.copy(catalog / NW, catalog / "roles" / "acme.yaml")
    line = "roles/acme.yaml:1:1: this looks like a company file, but it is in roles/ (move it to companies/)\n"
    for args in (("list",), ("render", "--all", "-o", "out")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.err) == (1, line), args


def test_a_profile_in_companies(run, catalog):
    shutil.copy(catalog / "roles" / "AIMLAM.GEN.P1.yaml", catalog / "companies" / "AIMLAM.GEN.P1.yaml")
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, "companies/AIMLAM.GEN.P1.yaml:1:1: this looks like a role profile, but it is in companies/ "
           "(move it to roles/)\n")


def test_a_ladder_in_roles_and_a_ladder_by_another_name(run, catalog):
    shutil.copy(catalog / "ladder.yaml", catalog / "roles" / "ladder-2027.yaml")
    shutil.copy(catalog / "ladder.yaml", catalog / "ladder-old.yaml")
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, "roles/ladder-2027.yaml:1:1: this looks like a level ladder, but it is in roles/ "
           "(move it to ladder.yaml at the catalog root)\n")
    result = run("validate", "ladder-old.yaml", cwd=catalog)
    assert (result.code, result.out) == (
        1, "ladder-old.yaml:1:1: this looks like a level ladder, but it is named ladder-old.yaml "
           "(move it to ladder.yaml at the catalog root)\n")


NOT_CATALOG = ("not a jdgen catalog file: its keys are not those of a role profile, company file, ladder or "
               "taxonomy")


def test_a_foreign_yaml_file_swept_up_by_validate_dot(run, catalog):
    write(catalog / "mkdocs.yml", "site_name: HR catalog\nnav:\n  - index.md\ntheme: material\n")
    expected = (f"mkdocs.yml:1:1: {NOT_CATALOG} (check only catalog files and folders; without paths, jdgen "
                "checks the whole catalog)\n")
    for args in (("validate", "."), ("validate", "mkdocs.yml")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out) == (1, expected), args


def test_a_foreign_yaml_file_in_roles(run, catalog):
    write(catalog / "roles" / "notes.yaml", "owner: people-ops\nreview: quarterly\n")
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, f"roles/notes.yaml:1:1: {NOT_CATALOG} (move it out of roles/: every YAML file there is read as a "
           "role profile)\n")


def test_a_broken_profile_keeps_its_own_messages(run, catalog):
    # Without level and responsibilities it has no profile shape, but it is plainly a profile.
    path = catalog / "roles" / "AIMLAM.GEN.P1.yaml"
    text = path.read_text(encoding="utf-8").replace("level: P1\n", "")
    path.write_text(text, encoding="utf-8")
    result = run("validate", "roles/AIMLAM.GEN.P1.yaml", cwd=catalog)
    assert result.code == 1
    assert result.out.startswith("roles/AIMLAM.GEN.P1.yaml:"), result.out
    assert "missing required key 'level'" in result.out


FILED_AWAY = ("companies/eu/acme.yaml:1:1: this company file is never read: company files sit directly in "
              "companies/ (move it to companies/acme.yaml)")


def _file_away_acme(catalog):
    text = (catalog / NW).read_text(encoding="utf-8").replace("slug: northwind", "slug: acme")
    write(catalog / "companies" / "eu" / "acme.yaml", text)
    # YAML beside the logos that is no company's stays the assets' business.
    write(catalog / "companies" / "assets" / "brand.yaml", "colours:\n  primary: '#0b3d91'\n")


def test_a_company_file_in_a_subfolder_is_reported_once(run, catalog):
    _file_away_acme(catalog)
    for args in (("validate",), ("validate", "companies"), ("validate", ".")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out) == (1, FILED_AWAY + "\n"), args
    rendered = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog)
    assert (rendered.code, rendered.err) == (1, FILED_AWAY + "\n")
    linted = run("lint", "--as-of", "2026-11-23", cwd=catalog)
    assert (linted.code, linted.err) == (1, FILED_AWAY + "\n")


def test_assets_alone_are_left_alone(run, catalog):
    write(catalog / "companies" / "assets" / "brand.yaml", "colours:\n  primary: '#0b3d91'\n")
    write(catalog / "companies" / "assets" / "old" / "notes.yml", "- not a mapping\n")
    for args in (("validate",), ("validate", "companies"), ("validate", ".")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out) == (0, ""), (args, result)


def test_a_filed_away_company_whose_name_is_taken(run, catalog):
    write(catalog / "companies" / "archive" / "northwind.yaml", (catalog / NW).read_text(encoding="utf-8"))
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, "companies/archive/northwind.yaml:1:1: this company file is never read: company files sit directly in "
           "companies/ (companies/northwind.yaml exists already: merge the two, or move this one out of companies/)\n")


def test_a_hidden_folder_keeps_old_copies_out_of_the_way(run, catalog):
    write(catalog / "companies" / ".archive" / "northwind.yaml", (catalog / NW).read_text(encoding="utf-8"))
    assert run("validate", cwd=catalog).code == 0


# --- 3. operators where a plain list is wanted ------------------------------------------

def test_operators_on_a_roles_locations(run, catalog):
    edit(catalog / NW, "    requisition_id: NW-2026-118\n",
         "    requisition_id: NW-2026-118\n    locations: {remove: [nyc]}\n")
    edit(catalog / NW, "defaults:\n", "defaults:\n  locations:\n    append: [nyc]\n")
    path = catalog / NW
    result = run("validate", cwd=catalog)
    assert (result.code, result.out.splitlines()) == (1, [
        f"{NW}:{line_of(path, 'append: [nyc]')}:5: defaults.locations takes a plain list of location ids; "
        "merge operators are not supported here (write the list out)",
        f"{NW}:{line_of(path, 'locations: {remove')}:16: roles.AIMLAM.GEN.P4.locations takes a plain list of "
        "location ids; merge operators are not supported here (write the list out)",
    ])


def test_operators_on_a_companys_own_list(run, catalog):
    edit(catalog / NW, "benefits:\n", "benefits:\n  append:\n")
    result = run("validate", NW, cwd=catalog)
    assert (result.code, result.out) == (
        1, f"{NW}:{line_of(catalog / NW, '  append:')}:3: benefits takes a plain list; merge operators are not "
           "supported here (write the list out)\n")


# --- 4. init --force -------------------------------------------------------------------

def test_init_force_names_every_file_it_changes(run, tmp_path):
    assert run("init", "hr", cwd=tmp_path).code == 0
    hr = tmp_path / "hr"
    edit(hr / "roles" / "AIMLAM.GEN.P4.yaml", "status: draft", "status: review")
    (hr / "notes.txt").write_text("mine")
    refused = run("init", ".", cwd=hr)
    assert (refused.code, refused.err) == (
        2, ". is not empty (choose a new folder, or pass --force to add the catalog's files to it, overwriting "
           "roles/AIMLAM.GEN.P4.yaml)\n")
    forced = run("init", ".", "--force", cwd=hr)
    assert forced.code == 0
    assert forced.err == ("overwrote roles/AIMLAM.GEN.P4.yaml\n"
                          "created a catalog in .: try `cd . && jdgen lint`\n")
    assert "status: draft" in (hr / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    assert (hr / "notes.txt").read_text() == "mine"
    # Unchanged files are not news: a second --force says nothing about them.
    assert run("init", ".", "--force", cwd=hr).err == "created a catalog in .: try `cd . && jdgen lint`\n"


def test_init_lists_at_most_four_files_it_would_overwrite(run, tmp_path):
    for name in ("jdgen.toml", "README.md", "ladder.yaml", "taxonomy.yaml", "roles/AIMLAM.GEN.P4.yaml"):
        write(tmp_path / "hr" / name, "mine\n")
    result = run("init", "hr", cwd=tmp_path)
    assert (result.code, result.err) == (
        2, "hr is not empty (choose a new folder, or pass --force to add the catalog's files to it, overwriting "
           "hr/jdgen.toml, hr/README.md, hr/ladder.yaml and 2 more)\n")


def test_scaffolded_files_point_at_nothing_a_new_catalog_lacks(run, tmp_path):
    assert run("init", "hr", cwd=tmp_path).code == 0
    for path in (tmp_path / "hr").rglob("*.yaml"):
        assert "tests/" not in path.read_text(encoding="utf-8"), path
    role = (tmp_path / "hr" / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    assert "# ladder; the verbatim seed record is not part of this catalog.\n" in role
    # The shipped profile still says where the record is in jdgen's own repository.
    assert "tests/fixtures/seed/" in (builtin_catalog() / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")


# --- 5. resolve takes codes ------------------------------------------------------------

def test_resolve_accepts_a_code_in_any_case(run, tmp_path):
    for query in ("AIMLAM.GEN.P4", " aimlam.gen.p4 "):
        result = run("resolve", query, cwd=tmp_path)
        assert result.code == 0, result
        assert result.out.splitlines()[:2] == [
            "AIMLAM.GEN.P4  Senior AI/ML Engineer / Tech Lead",
            "  matched code 'AIMLAM.GEN.P4'"]


def test_resolve_reports_a_code_match_in_json(run, tmp_path):
    import json

    data = json.loads(run("resolve", "aimlam.gen.p4", "--format", "json", cwd=tmp_path).out)
    assert data["match"] == {"code": "AIMLAM.GEN.P4", "title": "Senior AI/ML Engineer / Tech Lead",
                             "matched": "AIMLAM.GEN.P4", "kind": "code", "confidence": None, "approved": True,
                             "similarity": None}
    assert data["others"] == []


def test_resolve_suggests_codes_for_a_mistyped_code(run, tmp_path):
    result = run("resolve", "AIMLAM.GEN.P9", cwd=tmp_path)
    assert (result.code, result.err) == (
        2, "no role code or title matches 'AIMLAM.GEN.P9' (did you mean AIMLAM.GEN.P1 or AIMLAM.GEN.P2 or "
           "AIMLAM.GEN.P3?)\n")
