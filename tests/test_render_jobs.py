"""``render --jobs``: postings rendered in workers give the files, lines and exit code of one process.

The catalog is the built-in one with AIMLAM.GEN.P7 added (as in test_render_gate.py):
its Northwind posting breaks three pay-transparency laws, so the lint gate holds it back
in the middle of the run, and every other posting is written.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

DATE = ("--date", "2026-11-23")
NO_CACHE = {"JDGEN_CACHE_DIR": ""}
P7 = "AIMLAM.GEN.P7"


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())} if folder.exists() else {}


def render(run, catalog: Path, out: str, *args: str):
    return run("--catalog", str(catalog), "render", *args, "-o", f"{out}/", *DATE, cwd=catalog.parent, env=NO_CACHE)


@pytest.mark.parametrize("formats", ["md", "html", "docx", "md,html,docx"])
def test_jobs_2_writes_the_files_and_prints_the_lines_of_jobs_1(run, p7, formats):
    one = render(run, p7, "one", "--all", "--all-companies", "-f", formats, "--jobs", "1")
    two = render(run, p7, "two", "--all", "--all-companies", "-f", formats, "--jobs", "2")
    assert (two.code, two.out.replace("two/", "one/"), two.err) == (one.code, one.out, one.err)
    assert one.code == 1 and "not written: AIMLAM.GEN.P7 for northwind, with 3 lint errors" in one.err
    written = files(p7.parent / "one")
    assert files(p7.parent / "two") == written
    assert len(written) == 25 * len(formats.split(","))        # 13 profiles x 2 companies, one held back
    assert one.out.splitlines()[0] == f"one/AIMLAM.APP.P1.lindenhof.{formats.split(',')[0]}"


def test_jobs_2_writes_json_ld_and_generic_postings_as_jobs_1(run, p7):
    for jobs in ("1", "2"):
        assert render(run, p7, f"jsonld{jobs}", "--all", "-c", "lindenhof", "-f", "jsonld", "--jsonld-drafts",
                      "--jobs", jobs).code == 0
        assert render(run, p7, f"generic{jobs}", "--all", "-f", "docx,md", "--jobs", jobs).code == 0
    assert files(p7.parent / "jsonld2") == files(p7.parent / "jsonld1") != {}
    assert files(p7.parent / "generic2") == files(p7.parent / "generic1") != {}


def test_check_on_two_processes_reports_what_one_does(run, p7):
    assert render(run, p7, "out", "--all", "--all-companies", "-f", "md,docx", "--jobs", "1").code == 1
    out = p7.parent / "out"
    (out / "AIMLAM.GEN.P4.northwind.md").write_text("# Someone edited this\n", encoding="utf-8")
    (out / "AIMLAM.GEN.P3.lindenhof.docx").unlink()
    (out / "AIMLAM.OLD.P1.northwind.md").write_text("gone\n", encoding="utf-8")
    one = render(run, p7, "out", "--all", "--all-companies", "-f", "md,docx", "--check", "--jobs", "1")
    two = render(run, p7, "out", "--all", "--all-companies", "-f", "md,docx", "--check", "--jobs", "2")
    # Only the command to regenerate with differs: it repeats the command line.
    assert (two.code, two.out, two.err.replace("--jobs 2", "--jobs 1")) == (one.code, one.out, one.err)
    assert one.code == 1
    assert "out/AIMLAM.GEN.P3.lindenhof.docx (missing)" in one.out
    assert "out/AIMLAM.GEN.P4.northwind.md (committed)" in one.out
    assert "out/AIMLAM.OLD.P1.northwind.md: no longer produced by the catalog (delete it)" in one.out


def test_an_error_in_the_catalog_met_in_a_worker_is_the_error_of_one_process(run, p7):
    """An invalid profile in the middle: the same line, exit code, and files written before it."""
    path = p7 / "roles" / "AIMLAM.GEN.P3.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nlevel: P3\n", "\nlevel: P9\n"), encoding="utf-8")
    one = render(run, p7, "one", "--all", "-c", "northwind", "--jobs", "1")
    two = render(run, p7, "two", "--all", "-c", "northwind", "--jobs", "2")
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 1 and one.out == ""
    assert one.err.startswith("catalog/roles/AIMLAM.GEN.P3.yaml:")
    assert files(p7.parent / "two") == files(p7.parent / "one")
    assert sorted(files(p7.parent / "one")) == [f"AIMLAM.{code}.northwind.md" for code in (
        "APP.P1", "APP.P3", "APP.P4", "ARC.P5", "GEN.P1", "GEN.P2")]


def test_a_bug_in_a_worker_is_one_line_and_exit_3(run, p7, monkeypatch):
    from jdgen.postings import batch

    def broken(*args):
        raise KeyError("no such format")

    monkeypatch.setattr(batch, "render_one", broken)
    result = render(run, p7, "out", "--all", "--all-companies", "--jobs", "2")
    assert (result.code, result.out) == (3, "")
    assert result.err == ("jdgen: internal error: KeyError: 'no such format' "
                          "(this is a bug; rerun with --debug for the traceback)\n")


def test_a_worker_that_dies_ends_the_run_with_one_line_exit_3_and_no_partial_file(run, p7, monkeypatch):
    from jdgen.postings import batch

    def killed(*args):
        os._exit(9)  # as the kernel's out-of-memory killer would leave it

    monkeypatch.setattr(batch, "render_one", killed)
    result = render(run, p7, "out", "--all", "--all-companies", "-f", "docx", "--jobs", "2")
    assert (result.code, result.out) == (3, "")
    assert result.err == ("jdgen: internal error: RuntimeError: a worker process stopped unexpectedly (killed, or out "
                          "of memory); --jobs 1 renders in one process (this is a bug; rerun with --debug for the "
                          "traceback)\n")
    assert not multiprocessing.active_children()
    assert files(p7.parent / "out") == {}


def test_ctrl_c_stops_the_workers_leaves_no_partial_file_and_exits_130(run, p7, monkeypatch):
    from jdgen.filesystem.writing import OutputFolder

    real, calls = OutputFolder.write, []

    def interrupted(self, name, data, shown):
        calls.append(name)
        if len(calls) == 3:     # Ctrl-C while this process writes the third file
            raise KeyboardInterrupt
        real(self, name, data, shown)

    monkeypatch.setattr(OutputFolder, "write", interrupted)
    result = render(run, p7, "out", "--all", "--all-companies", "-f", "docx", "--jobs", "2")
    assert (result.code, result.out, result.err) == (130, "", "")
    assert not multiprocessing.active_children()
    assert sorted(files(p7.parent / "out")) == sorted(calls[:2])   # whole files only, no temporary ones


@pytest.mark.parametrize(("value", "message"), [
    ("0", "--jobs 0 is not a number of processes (give 1 or more, e.g. --jobs 2)"),
    ("-3", "--jobs -3 is not a number of processes (give 1 or more, e.g. --jobs 2)"),
    ("two", "--jobs 'two' is not a whole number (e.g. --jobs 5)"),
])
def test_a_wrong_jobs_value_is_a_usage_error(run, catalog, value, message):
    result = run("render", "--all", "-o", "out/", "--jobs", value, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")
    assert not (catalog / "out").exists()


def test_jobs_default_to_the_usable_cores_for_a_large_catalog():
    from jdgen.postings.parallel import AUTO_MIN_PROFILES, usable_cores, workers_for

    assert workers_for(None, AUTO_MIN_PROFILES - 1) == 0  # small: one process
    assert workers_for(None, AUTO_MIN_PROFILES) == min(usable_cores(), AUTO_MIN_PROFILES)
    assert workers_for(1, 10_000) == 0 and workers_for(4, 3) == 3
