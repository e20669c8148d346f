"""render --check reads only the output folder's own regular files, and only so much of them.

A committed link in the checked folder (to a secret, /proc/self/environ, /dev/zero), a
pipe, or a huge file is reported as stale with its reason; nothing it points at is read,
so no diff can ever print a file from outside the folder.
"""

from __future__ import annotations

import os

import pytest

from fs_sandbox import DATE, FOLDER_LINK, SECRET, outside, snapshot

P4 = "AIMLAM.GEN.P4"
CHECK = ["render", P4, "--date", DATE, "--check", "-o", "postings/"]
LINK_STALE = ("postings/AIMLAM.GEN.P4.md: the committed file is a symbolic link, not a posting (jdgen does not "
              "read through links; delete it and render again), so it is stale")
STALE_SUMMARY = f"1 rendered posting is stale; regenerate with: jdgen render {P4} --date {DATE} -o postings/"


def _fresh(run, catalog):
    assert run("render", P4, "--date", DATE, "-o", "postings/", cwd=catalog).code == 0


@pytest.mark.parametrize("target", ["secret", "/dev/zero", "/proc/self/environ"])
def test_a_link_in_the_checked_folder_is_stale_and_never_read(run, catalog, tmp_path, target):
    if target.startswith("/") and not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    (catalog / "postings").mkdir()
    (catalog / "postings" / f"{P4}.md").symlink_to(sentinel / "secret.txt" if target == "secret" else target)
    result = run(*CHECK, cwd=catalog, env={"JDGEN_TEST_SECRET": SECRET.decode().strip()})
    assert (result.code, result.out.splitlines(), result.err.splitlines()[-1]) == (1, [LINK_STALE], STALE_SUMMARY)
    assert SECRET.strip().decode() not in result.out + result.err
    assert snapshot(sentinel) == before


def test_a_pipe_in_the_checked_folder_is_stale_not_a_hang(run, catalog):
    (catalog / "postings").mkdir()
    os.mkfifo(catalog / "postings" / f"{P4}.md")
    result = run(*CHECK, cwd=catalog)
    assert (result.code, result.out) == (1, f"postings/{P4}.md: the committed file is a named pipe, not a posting "
                                            "(delete it and render again), so it is stale\n")


def test_a_huge_committed_file_is_stale_without_being_read_whole(run, catalog):
    _fresh(run, catalog)
    with open(catalog / "postings" / f"{P4}.md", "r+b") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk, but reading it whole would cost 50 MB
    result = run(*CHECK, cwd=catalog)
    assert (result.code, result.out) == (1, f"postings/{P4}.md: the committed file is larger than 8 MB, more than "
                                            "any posting jdgen writes (check what was committed there, then render "
                                            "again), so it is stale\n")


def test_the_checked_folder_as_a_link_is_an_error(run, catalog, tmp_path):
    sentinel = outside(tmp_path)
    (sentinel / f"{P4}.md").write_bytes(SECRET)
    (catalog / "postings").symlink_to(sentinel)
    result = run(*CHECK, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", f"cannot read postings: it is a symbolic link {FOLDER_LINK}\n")


def test_a_single_checked_file_that_is_a_link_is_stale(run, catalog, tmp_path):
    sentinel = outside(tmp_path)
    (catalog / "posting.md").symlink_to(sentinel / "secret.txt")
    result = run("render", P4, "--date", DATE, "--check", "-o", "posting.md", cwd=catalog)
    assert (result.code, result.out) == (1, "posting.md: the committed file is a symbolic link, not a posting (jdgen "
                                            "does not read through links; delete it and render again), so it is stale\n")


def test_an_orphan_link_is_named_not_read(run, catalog, tmp_path):
    """A link named like a posting the catalog no longer makes is listed for deletion, never opened."""
    sentinel = outside(tmp_path)
    assert run("render", "--all", "--date", DATE, "-o", "postings/", cwd=catalog).code == 0
    (catalog / "postings" / "AIMLAM.OLD.P1.md").symlink_to(sentinel / "secret.txt")
    result = run("render", "--all", "--date", DATE, "--check", "-o", "postings/", cwd=catalog)
    assert (result.code, result.out) == (1, "postings/AIMLAM.OLD.P1.md: no longer produced by the catalog (delete it)\n")
    assert SECRET.strip().decode() not in result.out + result.err


def test_a_fresh_folder_still_passes(run, catalog):
    _fresh(run, catalog)
    result = run(*CHECK, cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()[-1]) == (0, "", "rendered postings are up to date")


def test_check_of_a_missing_folder_creates_nothing(run, catalog):
    result = run(*CHECK, cwd=catalog)
    assert result.code == 1
    assert not (catalog / "postings").exists()


def test_a_folder_where_a_posting_belongs_is_stale(run, catalog):
    (catalog / "postings" / f"{P4}.md").mkdir(parents=True)
    result = run(*CHECK, cwd=catalog)
    assert (result.code, result.out) == (1, f"postings/{P4}.md: the committed file is a folder, not a posting "
                                            "(delete it and render again), so it is stale\n")
