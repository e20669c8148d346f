"""Outputs never follow links: a committed link, pipe or folder link in -o is an error, never written through.

Each test commits something hostile into the output folder (or its path), runs the real
render, and checks the exit code, the one-line message, and that nothing outside the
output folder changed: not the catalog, not the sentinel folder the link points at.
"""

from __future__ import annotations

import os
import re
import stat

import pytest

from fs_sandbox import DATE, FOLDER_LINK, OUTPUT_LINK, SECRET, outside, snapshot, without

BATCH = ["render", "--all", "--date", DATE, "-o", "postings/"]
P4 = "AIMLAM.GEN.P4"
TEMPORARY = re.compile(r"^\..+\.tmp$")


def _no_temporaries(folder):
    assert not [p.name for p in folder.iterdir() if TEMPORARY.match(p.name)]


def test_a_link_to_a_catalog_file_in_the_output_folder_is_not_written_through(run, catalog, tmp_path):
    """postings/CODE.md -> ../roles/CODE.yaml: -o must never overwrite a catalog .yaml."""
    (catalog / "postings").mkdir()
    (catalog / "postings" / f"{P4}.md").symlink_to(f"../roles/{P4}.yaml")
    before = snapshot(catalog)
    result = run(*BATCH, cwd=catalog)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, f"cannot write postings/{P4}.md: it is a symbolic link {OUTPUT_LINK}")
    assert without(snapshot(catalog), "postings") == without(before, "postings")
    assert os.readlink(catalog / "postings" / f"{P4}.md") == f"../roles/{P4}.yaml"
    _no_temporaries(catalog / "postings")


@pytest.mark.parametrize("target", ["secret.txt", "missing.md", "new/folder/x.md"],
                         ids=["existing-file", "missing-file", "missing-folders"])
def test_a_link_out_of_the_output_folder_is_not_written_through(run, catalog, tmp_path, target):
    """An absolute link to a file outside (or to a path that does not exist yet) changes nothing there."""
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    (catalog / "postings").mkdir()
    (catalog / "postings" / "AIMLAM.APP.P1.md").symlink_to(sentinel / target)
    result = run(*BATCH, cwd=catalog)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, f"cannot write postings/AIMLAM.APP.P1.md: it is a symbolic link {OUTPUT_LINK}")
    assert snapshot(sentinel) == before
    assert not (sentinel / "new").exists()


def test_the_output_folder_as_a_link_is_refused(run, catalog, tmp_path):
    """postings -> ../roles (or anywhere): the folder named by -o is below the working folder, so not followed."""
    (catalog / "postings").symlink_to("roles")
    before = snapshot(catalog)
    result = run(*BATCH, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", f"cannot write to postings: it is a symbolic link {FOLDER_LINK}\n")
    assert snapshot(catalog) == before


@pytest.mark.parametrize("output", ["postings/sub/", "postings/sub/deeper/"], ids=["linked-folder", "below-it"])
def test_a_linked_sub_folder_on_the_output_path_is_refused(run, catalog, tmp_path, output):
    """-o postings/sub/ where sub -> a folder outside: no file lands there, no folder is created there."""
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    (catalog / "postings").mkdir()
    (catalog / "postings" / "sub").symlink_to(sentinel)
    result = run("render", "--all", "--date", DATE, "-o", output, cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", f"cannot write to postings/sub: it is a symbolic link {FOLDER_LINK}\n")
    assert snapshot(sentinel) == before


def test_missing_output_folders_are_created_without_following_links(run, catalog, tmp_path):
    result = run("render", P4, "--date", DATE, "-f", "md,html", "-o", "site/postings/", cwd=catalog)
    assert result.code == 0, result
    assert sorted(p.name for p in (catalog / "site" / "postings").iterdir()) == [f"{P4}.html", f"{P4}.md"]


def test_a_pipe_in_the_output_folder_is_an_error_not_a_hang(run, catalog, tmp_path):
    (catalog / "postings").mkdir()
    os.mkfifo(catalog / "postings" / "AIMLAM.APP.P1.md")
    result = run(*BATCH, cwd=catalog)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, "cannot write postings/AIMLAM.APP.P1.md: it is a named pipe, not a file (remove it, or choose another -o)")
    assert stat.S_ISFIFO(os.lstat(catalog / "postings" / "AIMLAM.APP.P1.md").st_mode)


def test_a_single_file_output_that_is_a_link_to_a_catalog_file_is_refused(run, catalog, tmp_path):
    """-o posting.md, committed as a link to roles/CODE.yaml: the name is in the checkout, so it is not followed."""
    (catalog / "posting.md").symlink_to(f"roles/{P4}.yaml")
    before = snapshot(catalog)
    result = run("render", P4, "--date", DATE, "-o", "posting.md", cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", f"cannot write posting.md: it is a symbolic link {OUTPUT_LINK}\n")
    assert snapshot(catalog) == before


def test_a_single_file_in_a_linked_folder_is_refused(run, catalog, tmp_path):
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    (catalog / "out").symlink_to(sentinel)
    result = run("render", P4, "--date", DATE, "-o", "out/secret.txt", cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()) == (
        2, "", [f"cannot write to out: it is a symbolic link {FOLDER_LINK}"])
    assert snapshot(sentinel) == before


def test_a_file_the_user_names_outside_the_working_folder_is_written(run, catalog, tmp_path):
    """The user's own place (here: tmp_path/elsewhere, outside the catalog and the working folder) is taken as typed."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "real").mkdir(parents=True)
    (elsewhere / "link").symlink_to("real")
    result = run("render", P4, "--date", DATE, "-o", str(elsewhere / "link" / "posting.md"), cwd=catalog)
    assert result.code == 0, result
    assert (elsewhere / "real" / "posting.md").read_bytes().startswith("# Senior AI/ML Engineer / Tech Lead\n\n> DRAFT — not approved for publication (profile status: draft)\n\n".encode())


def test_init_does_not_write_through_a_linked_folder(run, tmp_path):
    """jdgen init --force in a folder whose roles/ is a link out: nothing lands outside."""
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    work = tmp_path / "work"
    work.mkdir()
    (work / "roles").symlink_to(sentinel)
    result = run("init", "--force", ".", cwd=work)
    assert (result.code, result.err.splitlines()[-1]) == (2, f"cannot write to roles: it is a symbolic link {FOLDER_LINK}")
    assert snapshot(sentinel) == before
    assert SECRET not in result.out.encode()


def test_a_file_on_the_output_path_is_an_error(run, catalog):
    (catalog / "site").write_text("not a folder\n", encoding="utf-8")
    result = run("render", "--all", "--date", DATE, "-o", "site/postings/", cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "cannot write to site: it is a file, not a folder (remove it, or choose another -o)\n")
    assert (catalog / "site").read_text(encoding="utf-8") == "not a folder\n"


def test_a_pipe_on_the_output_path_is_an_error(run, catalog):
    os.mkfifo(catalog / "site")
    result = run("render", "--all", "--date", DATE, "-o", "site/postings/", cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "cannot write to site: it is a named pipe (remove it, or choose another -o)\n")
