"""jdgen list / show / --version, catalog discovery and the exit-code contract."""

from __future__ import annotations

import json
import re

from conftest import SEED_FIXTURE, write
from jdgen import __version__


def test_version(run):
    result = run("--version")
    assert (result.code, result.out) == (0, f"jdgen {__version__}\n")


def test_list_table(run, tmp_path):
    result = run("list", cwd=tmp_path)  # no jdgen.toml here: the built-in catalog
    assert result.code == 0, result
    header, rule, *rows = result.out.splitlines()
    assert header.split() == ["CODE", "TITLE", "LEVEL", "YEARS", "STATUS"]
    assert set(rule) <= {"-", " "}
    assert any(re.match(r"AIMLAM\.GEN\.P4\s+Senior AI/ML Engineer / Tech Lead\s+P4\s+5–8\s+draft$", r) for r in rows)


def test_list_json_and_filters(run, tmp_path):
    result = run("list", "--format", "json", "--level", "p4", "--function", "aimlam", "--status", "draft", cwd=tmp_path)
    data = json.loads(result.out)
    assert data["version"] == 1
    p4 = next(p for p in data["profiles"] if p["code"] == "AIMLAM.GEN.P4")
    assert (p4["years_min"], p4["years_max"], p4["level"]) == (5, 8, "P4")
    assert all(p["level"] == "P4" for p in data["profiles"])
    none = json.loads(run("list", "--format", "json", "--level", "M6", cwd=tmp_path).out)
    assert none["profiles"] == []


def test_list_rejects_unknown_status(run, tmp_path):
    result = run("list", "--status", "done", cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == "--status 'done' is not a status (use one of: draft, review, approved, retired)"


def test_list_rejects_unknown_format(run, tmp_path):
    result = run("list", "--format", "xml", cwd=tmp_path)
    assert result.code == 2
    assert result.err == "--format 'xml' is not one of: table, json\n"


def test_show_prints_title_years_and_descriptors(run, tmp_path):
    result = run("show", "aimlam.gen.p4", cwd=tmp_path)
    assert result.code == 0, result
    assert result.out.startswith("AIMLAM.GEN.P4  Senior AI/ML Engineer / Tech Lead\n")
    assert "P4 · Senior Professional · 5–8 yrs" in result.out
    assert "Decision rights    Owns technical decisions for a system; influences adjacent design" in result.out
    assert "Responsibilities (8)" in result.out and "Title aliases (15)" in result.out


def test_unknown_code_suggests_close_codes(run, tmp_path):
    result = run("show", "AIMLAM.GEN.P44", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err == ("no role profile with code 'AIMLAM.GEN.P44' in the built-in catalog (did you mean "
                          "AIMLAM.GEN.P4, AIMLAM.GEN.P1, AIMLAM.GEN.P2, AIMLAM.GEN.P3, AIMLAM.GEN.P5?)\n")


def test_messages_name_the_catalog_as_people_know_it(run, catalog, tmp_path):
    here = run("show", "NOPE.X.P1", cwd=catalog)
    assert (here.code, here.err) == (2, "no role profile with code 'NOPE.X.P1' in the current folder's catalog "
                                        "(run `jdgen list` to see the codes)\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    there = run("--catalog", str(catalog), "render", "AIMLAM.GEN.P4", "-c", "acme", cwd=elsewhere)
    assert (there.code, there.err) == (2, f"no company 'acme' in the catalog at {catalog} "
                                          "(companies: lindenhof, northwind)\n")


def test_catalog_option_and_environment(run, catalog, p4_text, tmp_path):
    write(catalog / "roles" / "AIMLAM.GEN.P3.yaml",
          p4_text.replace("AIMLAM.GEN.P4", "AIMLAM.GEN.P3").replace("level: P4", "level: P3")
          .replace("5-8 years", "3-5 years"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    by_option = run("--catalog", str(catalog), "list", "--format", "json", cwd=elsewhere)
    by_env = run("list", "--format", "json", cwd=elsewhere, env={"JDGEN_CATALOG": str(catalog)})
    shipped = sorted(p.stem for p in (catalog / "roles").glob("*.yaml"))
    for result in (by_option, by_env):
        codes = [p["code"] for p in json.loads(result.out)["profiles"]]
        assert codes == shipped and "AIMLAM.GEN.P3" in codes


def test_catalog_discovered_upward_from_working_directory(run, catalog, p4_text):
    write(catalog / "roles" / "AIMLAM.GEN.P3.yaml",
          p4_text.replace("AIMLAM.GEN.P4", "AIMLAM.GEN.P3").replace("level: P4", "level: P3"))
    deep = catalog / "roles" / "nested" / "deeper"
    deep.mkdir(parents=True)
    result = run("show", "AIMLAM.GEN.P3", cwd=deep)
    assert result.code == 0, result
    assert "P3 · Mid-Level Professional" in result.out


def test_missing_catalog_folder(run, tmp_path):
    result = run("--catalog", str(tmp_path / "nope"), "list")
    assert result.code == 2
    assert result.err.strip() == (f"catalog folder {str(tmp_path / 'nope')!r} (from --catalog) does not exist "
                                  "(pass the folder that holds jdgen.toml and roles/)")


def test_invalid_catalog_makes_list_exit_1(run, catalog, p4_text):
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", p4_text.replace("status: draft", "status: finished"))
    result = run("list", cwd=catalog)
    assert result.code == 1
    assert result.err.startswith("roles/AIMLAM.GEN.P4.yaml:")
    assert "Traceback" not in result.err


def test_usage_error_exit_2(run):
    result = run("show")
    assert result.code == 2
    assert "Missing argument 'CODE'" in result.err


def test_internal_error_is_one_line_with_debug_hint(run, monkeypatch, tmp_path):
    import jdgen.cli.views

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(jdgen.cli.views, "show_text", broken)
    result = run("show", "AIMLAM.GEN.P4", cwd=tmp_path)
    assert result.code == 3
    assert result.err == ("jdgen: internal error: ZeroDivisionError: boom "
                          "(this is a bug; rerun with --debug for the traceback)\n")
    debug = run("--debug", "show", "AIMLAM.GEN.P4", cwd=tmp_path)
    assert debug.code == 3 and "Traceback" in debug.err


def test_verbatim_seed_fixture_loads(run, tmp_path):
    """The seed record as given (8-10+ years at P4) is valid data; lint, not validate, flags the contradiction."""
    result = run("validate", str(SEED_FIXTURE), cwd=tmp_path)
    assert result.code == 0, result.out + result.err


def _seed_items(text: str) -> dict[str, list[str]]:
    """Parse the component lists out of the seed page text: '  • ItemTextcommonlevel'."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        header = re.fullmatch(r"(?:Componentsshow ▾\s*)?(Responsibilities|Tasks|Skills|Knowledge|competency|qualification)\d+",
                              line.strip())
        if header:
            current = header.group(1).lower()
            sections[current] = []
        elif current and line.strip().startswith("•"):
            sections[current].append(line.strip().lstrip("• ").removesuffix("commonlevel"))
        elif line.strip().startswith("Title aliases"):
            current = None
    return sections


def test_seed_fixture_and_shipped_profile_carry_every_seed_item():
    from jdgen.catalog.yaml_source import load_yaml
    from jdgen.resources import builtin_catalog

    seed = _seed_items((SEED_FIXTURE.parent / "000_85978be5036bb944.txt").read_text(encoding="utf-8"))
    assert {k: len(v) for k, v in seed.items()} == {
        "responsibilities": 8, "tasks": 3, "skills": 8, "knowledge": 8, "competency": 8, "qualification": 3}
    names = {"competency": "competencies", "qualification": "qualifications"}
    fixture = load_yaml(SEED_FIXTURE).data
    shipped = load_yaml(builtin_catalog() / "roles" / "AIMLAM.GEN.P4.yaml").data
    for section, items in seed.items():
        key = names.get(section, section)
        assert [i["text"] for i in fixture[key]] == items
        assert all(i["prevalence"] == "common" and i["scope"] == "level" for i in fixture[key])
        shipped_texts = [i["text"] for i in shipped[key]]
        assert len(shipped_texts) == len(items)
        differing = [s for s, f in zip(shipped_texts, items) if s != f]
        assert differing in ([], ["5-8 years of experience in machine learning or related engineering"])
    assert len(fixture["title_aliases"]) == 13
    assert shipped["title_aliases"][:13] == fixture["title_aliases"]  # the catalog only adds aliases after the seed's
    assert fixture["title_aliases"][1] == {"title": "Machine Learning 4", "type": "common", "confidence": 0.66,
                                           "confidence_band": "medium", "approved": False}
    assert fixture["classifications"][0]["code"] == "15-0000"
    assert (fixture["status"], fixture["confidence"], fixture["region"], fixture["version"], fixture["market_pay"]) == \
        ("draft", 0.70, "global", 1, "pending")
    assert len(fixture["story"]["plan"]) == 5


def test_validate_checks_the_lint_table_of_jdgen_toml(run, catalog):
    with (catalog / "jdgen.toml").open("a", encoding="utf-8") as stream:
        stream.write('[lint]\nfail-on = "fatal"\n')
    line = len((catalog / "jdgen.toml").read_text(encoding="utf-8").splitlines())
    for args in (("validate",), ("validate", "jdgen.toml")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out) == (1, f'jdgen.toml:{line}:1: lint.fail-on: "fatal" is not a severity '
                                                "(use one of error, warning, info)\n"), args


def test_validate_reads_company_files_not_their_assets(run, catalog):
    (catalog / "companies" / "assets" / "notes.yaml").write_text("colours: [teal\n", encoding="utf-8")
    result = run("validate", cwd=catalog)
    assert result.code == 0, result


def test_checks_say_when_they_fall_back_to_the_built_in_catalog(run, catalog, tmp_path):
    """A hook run from a repository root with the catalog in a subfolder must not pass in silence."""
    empty = tmp_path / "repository-root"
    empty.mkdir()
    fallback = run("validate", cwd=empty)
    assert fallback.code == 0
    assert fallback.err.splitlines()[0] == ("note: no jdgen.toml in this folder or above, so this checks the built-in "
                                            "catalog (pass --catalog DIR, or run jdgen init)")
    own = run("validate", cwd=catalog)
    assert own.code == 0 and "note:" not in own.err
    assert "note:" not in run("render", "AIMLAM.GEN.P4", "--date", "2026-11-23", cwd=empty).err
