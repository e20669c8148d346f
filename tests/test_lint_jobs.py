"""``--jobs``: lint and validate on several processes give the bytes and exit code of one process.

The catalog (tests/_scale_catalog.py) has findings in profiles, a company and suppression
comments, an invalid profile, an alias two profiles claim, and a company file where a rule
reaches the limit of 100 findings: the limit is counted across every posting, so it is
where a run split over processes is most likely to differ from one that is not.
"""

from __future__ import annotations

import multiprocessing
import os
from datetime import date

import pytest

from _scale_catalog import AS_OF, scale_catalog
from jdgen.errors import NotAFileError, SourceError
from jdgen.diagnostics import Diagnostic, Location

NO_CACHE = {"JDGEN_CACHE_DIR": ""}


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    return scale_catalog(tmp_path_factory.mktemp("scale") / "catalog")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_jobs_2_prints_the_bytes_of_jobs_1(run, scaled, fmt):
    one = run("lint", "-f", fmt, "--jobs", "1", *AS_OF, cwd=scaled, env=NO_CACHE)
    two = run("lint", "-f", fmt, "--jobs", "2", *AS_OF, cwd=scaled, env=NO_CACHE)
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 1
    assert "roles/AIMLAM.APP.P1.yaml" in one.out and "companies/northwind.yaml" in one.out


def test_the_findings_are_those_of_one_pass_over_everything(run, scaled, monkeypatch):
    """The run one profile at a time reports what the engine's single pass over the loaded catalog does."""
    from jdgen.catalog.root import Catalog
    from jdgen.lint import engine
    from jdgen.lint.report import text

    monkeypatch.chdir(scaled)
    streamed = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env=NO_CACHE)
    monkeypatch.setattr(engine, "_lint_catalog", lambda *args: None)
    whole = engine.lint(Catalog(scaled), as_of=date(2026, 11, 23))
    assert streamed.out == text(whole)
    assert streamed.err == "2 errors, 127 warnings, 0 info in 32 files and 33 postings\n"
    lines = streamed.out.splitlines()
    assert "companies/northwind.yaml:87:30: JD501 warning JD501 stops here: it has reported 100 findings in this " \
           "file (fix those and lint again; the rest are not shown)" in lines
    assert sum(" JD501 warning " in entry for entry in lines) == 101
    assert "roles/AIMLAM.GEN.P1.yaml:207:12: JD104 warning alias 'Northwind Engineer' is also claimed by " \
           "AIMLAM.GEN.P2 (keep it on one profile, or make the titles more specific)" in lines
    assert "roles/AIMLAM.GEN.P3.yaml:7:28: JD003 warning suppression of JD604 matches no finding " \
           "(remove it: the problem it silenced is gone)" in lines


def test_validate_jobs_2_reports_what_validate_does(run, scaled):
    one = run("validate", "--jobs", "1", cwd=scaled, env=NO_CACHE)
    two = run("validate", "--jobs", "2", cwd=scaled, env=NO_CACHE)
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 1
    assert one.out == (
        "roles/AIMLAM.APP.P1.yaml:14:8: level 'P9' does not match the code's level part 'P1' "
        "(make them the same: AIMLAM.APP.P1 says P1)\n"
        "roles/AIMLAM.APP.P1.yaml:14:8: level 'P9' is not in the level ladder (add code: P9 under levels: in the "
        "catalog's ladder.yaml, or use one of S1, S2, S3, S4, P1, P2, P3, P4, P5, P6, P7, P8, M1, M2, M3, M4, M5, "
        "M6, E1, E2, E3, E4)\n")
    assert one.err == "2 problems in 32 files checked\n"


def test_validate_one_profile_at_a_time_matches_validate_of_everything(scaled, monkeypatch):
    from jdgen.catalog.root import Catalog
    from jdgen.lint.catalog_validate import validate_catalog
    from jdgen.lint.validate import validate

    monkeypatch.chdir(scaled)
    whole, streamed = validate(Catalog(scaled)), validate_catalog(Catalog(scaled), jobs=2)
    assert streamed.diagnostics == whole.diagnostics and streamed.files == whole.files
    assert not streamed.loaded


def test_a_clean_catalog_stays_clean_on_two_processes(run, catalog):
    result = run("lint", "--jobs", "2", *AS_OF, cwd=catalog, env=NO_CACHE)
    assert (result.code, result.out) == (0, "")
    assert result.err == "0 errors, 0 warnings, 0 info in 32 files and 36 postings\n"


@pytest.mark.parametrize(("value", "message"), [
    ("0", "--jobs 0 is not a number of processes (give 1 or more, e.g. --jobs 2)"),
    ("-3", "--jobs -3 is not a number of processes (give 1 or more, e.g. --jobs 2)"),
    ("two", "--jobs 'two' is not a whole number (e.g. --jobs 5)"),
    ("", "--jobs is empty (give a number of processes, e.g. --jobs 2, or leave --jobs out to use every core)"),
])
@pytest.mark.parametrize("command", ["lint", "validate"])
def test_a_wrong_jobs_value_is_a_usage_error(run, catalog, command, value, message):
    result = run(command, "--jobs", value, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


def test_a_bug_in_a_worker_is_one_line_and_exit_3(run, scaled, monkeypatch):
    from jdgen.lint import per_profile

    def broken(self, path):
        raise KeyError("no such rule")

    monkeypatch.setattr(per_profile.Unit, "run", broken)
    result = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env=NO_CACHE)
    assert (result.code, result.out) == (3, "")
    assert result.err == ("jdgen: internal error: KeyError: 'no such rule' "
                          "(this is a bug; rerun with --debug for the traceback)\n")


def test_a_worker_that_dies_ends_the_run_with_one_line_and_exit_3(run, scaled, monkeypatch):
    from jdgen.lint import per_profile

    def killed(self, path):
        os._exit(9)  # as the kernel's out-of-memory killer would leave it

    monkeypatch.setattr(per_profile.Unit, "run", killed)
    result = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env=NO_CACHE)
    assert (result.code, result.out) == (3, "")
    assert result.err == ("jdgen: internal error: RuntimeError: a worker process stopped unexpectedly (killed, or out "
                          "of memory); --jobs 1 checks the catalog in one process (this is a bug; rerun with --debug "
                          "for the traceback)\n")
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("error", [
    SourceError("roles/AIMLAM.GEN.P3.yaml: cannot read it: permission denied", hint="check its permissions"),
    NotAFileError([Diagnostic(Location("roles/AIMLAM.GEN.P3.yaml"), "roles/AIMLAM.GEN.P3.yaml is a named pipe, "
                              "not a file", "replace it with a YAML file")]),
])
def test_a_catalog_error_in_a_worker_is_the_same_error_here(run, scaled, monkeypatch, error):
    from jdgen.lint import per_profile

    def refused(self, path):
        raise error

    monkeypatch.setattr(per_profile.Unit, "run", refused)
    result = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env=NO_CACHE)
    assert (result.code, result.out) == (2, "")
    assert result.err == error.diagnostics()[0].format() + "\n"


def test_ctrl_c_stops_the_workers_writes_nothing_and_exits_130(run, scaled, tmp_path, monkeypatch):
    from jdgen.lint import engine

    def interrupted(self, rule, rows, strings):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.Findings, "replay", interrupted)
    cache = tmp_path / "cache"
    result = run("lint", "--jobs", "2", *AS_OF, cwd=scaled, env={"JDGEN_CACHE_DIR": str(cache)})
    assert (result.code, result.out, result.err) == (130, "", "")
    assert not multiprocessing.active_children()
    assert not [path for path in cache.rglob("*") if path.name.endswith(".tmp")]


def test_jobs_default_to_the_usable_cores_for_a_large_catalog():
    from jdgen.lint.parallel import AUTO_MIN_PROFILES, usable_cores, workers_for

    assert workers_for(None, AUTO_MIN_PROFILES - 1) == 0  # small: one process
    assert workers_for(None, AUTO_MIN_PROFILES) == min(usable_cores(), AUTO_MIN_PROFILES)
    assert workers_for(1, 10_000) == 0 and workers_for(4, 3) == 3


def test_orphaned_translations_are_found_one_profile_at_a_time_as_in_one_pass(run, scaled, tmp_path, monkeypatch):
    """JD803 pairs each translation with its profile: a run that streams the profiles gives it only those
    with a translation file, and still reports an orphaned entry and a translation whose profile is gone."""
    import shutil

    from jdgen.catalog.root import Catalog
    from jdgen.lint import engine
    from jdgen.lint.report import text

    root = tmp_path / "catalog"
    shutil.copytree(scaled, root)
    p4 = root / "roles" / "AIMLAM.GEN.P4.yaml"
    p4.write_text(p4.read_text(encoding="utf-8").replace(
        "  - text: AI/ML ethics and governance\n    prevalence: common\n    scope: level\n", "", 1), encoding="utf-8")
    (root / "roles" / "AIMLAM.APP.P4.yaml").unlink()
    one = run("lint", "--jobs", "1", *AS_OF, cwd=root, env=NO_CACHE)
    two = run("lint", "--jobs", "2", *AS_OF, cwd=root, env=NO_CACHE)
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    orphans = [line for line in one.out.splitlines() if " JD803 " in line]
    assert [line.split(": JD803 ", 1)[0].rsplit(":", 2)[0] for line in orphans] == [
        f"translations/{language}/AIMLAM.{code}.P4.yaml" for language in ("de", "fr") for code in ("APP", "GEN")]
    assert orphans[0].endswith(" JD803 warning orphan translation: the catalog has no role profile AIMLAM.APP.P4 "
                               "(delete this file, or rename it (and its code) after the profile's new code)")
    assert " JD803 warning orphan translation of knowledge: AIMLAM.GEN.P4 no longer prints the English this entry " \
           "translates (source 0c10f2a1fa)" in orphans[1]
    monkeypatch.setattr(engine, "_lint_catalog", lambda *args: None)
    whole = engine.lint(Catalog(root), as_of=date(2026, 11, 23))
    assert one.out == text(whole)
