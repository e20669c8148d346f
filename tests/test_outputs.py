"""Where outputs go: what -o may point at, and what happens when writing fails.

Regular files are replaced atomically (test_concurrency.py); these tests cover the other
things a path can be, and standard output that cannot be written.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

RENDER = ["render", "AIMLAM.GEN.P4", "--date", "2026-11-23"]

# Every shipped profile is unapproved, so its Markdown has the draft marker under its title.
DRAFT = "\n\n> DRAFT — not approved for publication (profile status: draft)\n\n".encode()
P4_START = b"# Senior AI/ML Engineer / Tech Lead" + DRAFT


def test_a_pipe_the_user_names_outside_the_working_folder_is_written_into(run, tmp_path):
    """A device or FIFO the user names outside the checkout (-o /dev/stdout) gets the bytes.

    Renaming over it would leave a plain file. (Inside the working folder, a pipe is the
    repository's, not the user's: see the next test.)
    """
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    pipe = tmp_path / "elsewhere" / "posting.md"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = run(*RENDER, "-o", str(pipe), cwd=tmp_path / "work")
    reader.join(timeout=30)
    assert result.code == 0, result
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert received and received[0].startswith(P4_START)


def test_a_pipe_in_the_working_folder_is_refused_not_written_into(run, tmp_path):
    """Policy change: a pipe below the working folder may come from the repository, and writing
    into it would block the run (or feed whoever reads it); it is an error, left as it is."""
    pipe = tmp_path / "posting.md"
    os.mkfifo(pipe)
    result = run(*RENDER, "-o", "posting.md", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (
        2, "", "cannot write posting.md: it is a named pipe, not a file (remove it, or choose another -o)\n")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_symlink_the_user_names_outside_the_working_folder_keeps_pointing_at_its_file(run, tmp_path):
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    real = tmp_path / "elsewhere" / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "elsewhere" / "link.md"
    link.symlink_to("real.md")
    result = run(*RENDER, "-o", str(link), cwd=tmp_path / "work")
    assert result.code == 0, result
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert real.read_text(encoding="utf-8").startswith(P4_START.decode())


def test_a_symlink_in_the_working_folder_is_refused_not_written_through(run, tmp_path):
    """Policy change: below the working folder a link may be the repository's (pointing at a
    catalog file, or out of the checkout); jdgen no longer writes through it."""
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    result = run(*RENDER, "-o", "link.md", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (
        2, "", "cannot write link.md: it is a symbolic link (jdgen never writes or reads through links in the "
               "output folder: remove the link, or choose another -o)\n")
    assert os.readlink(tmp_path / "link.md") == "real.md"
    assert real.read_text(encoding="utf-8") == "old\n"


def test_a_read_only_file_is_refused_and_left_alone(run, tmp_path):
    target = tmp_path / "posting.md"
    target.write_text("reviewed by legal\n", encoding="utf-8")
    target.chmod(0o444)
    result = run(*RENDER, "-o", str(target), cwd=tmp_path)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, f"cannot write {target}: the file is read-only (make it writable (chmod u+w), or choose another -o)")
    assert target.read_text(encoding="utf-8") == "reviewed by legal\n"
    assert [p.name for p in tmp_path.iterdir()] == ["posting.md"]  # no temporary file left behind


def test_a_replaced_file_keeps_its_permissions(run, tmp_path):
    target = tmp_path / "posting.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    assert run(*RENDER, "-o", str(target), cwd=tmp_path).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.md"
    assert run(*RENDER, "-o", str(fresh), cwd=tmp_path).code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def _jdgen(shell_redirect: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = " ".join([f"'{sys.executable}'", "-m", "jdgen", *args]) + " " + shell_redirect
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "JDGEN_CACHE_DIR": ""})


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux) to fill a disk on demand")
@pytest.mark.parametrize("args", [["list"], ["lint", "--as-of", "2026-11-23"], [*RENDER],
                                  [*RENDER, "-f", "docx", "-o", "-"]], ids=["list", "lint", "render-md", "render-docx"])
def test_a_full_disk_on_stdout_is_an_io_error(args, tmp_path):
    done = _jdgen(">/dev/full", *args, cwd=tmp_path)
    assert done.returncode == 2, done
    assert done.stderr.splitlines()[-1] == "cannot write to standard output: no space left on device"
    assert "Traceback" not in done.stderr


def test_closed_stdout_is_an_io_error(tmp_path):
    done = _jdgen(">&-", "list", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "standard output is closed (redirect it to a file or to /dev/null)\n")


def test_a_path_the_system_refuses_is_one_line(run, tmp_path):
    name = "a" * 300 + ".yaml"
    result = run("validate", name, cwd=tmp_path)
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"cannot use {name}: file name too long (check the path and its permissions)"


@pytest.mark.parametrize("name, start", [("posting.html", b"<!DOCTYPE html>"), ("posting.docx", b"PK"),
                                         ("posting.jsonld", b"{"), ("posting.md", P4_START)])
def test_the_output_name_chooses_the_format_when_no_format_is_given(run, tmp_path, name, start):
    # JSON-LD is made only for a company posting, and for a draft only when asked
    company = ["-c", "northwind", "--jsonld-drafts"] if name.endswith(".jsonld") else []
    result = run(*RENDER, *company, "-o", name, cwd=tmp_path)
    assert result.code == 0, result
    assert (tmp_path / name).read_bytes().startswith(start)


def test_a_format_that_disagrees_with_the_name_is_written_with_a_warning(run, tmp_path):
    result = run(*RENDER, "-f", "md", "-o", "posting.html", cwd=tmp_path)
    assert result.code == 0
    assert ("warning: writing md to posting.html, whose name says html (pass -f html, or name the file *.md)"
            in result.err.splitlines())
    assert (tmp_path / "posting.html").read_bytes().startswith(P4_START)


def test_a_posting_is_never_written_over_a_catalog_file(run, catalog):
    company = catalog / "companies" / "northwind.yaml"
    before = company.read_bytes()
    result = run(*RENDER, "-o", "companies/northwind.yaml", cwd=catalog)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, "refusing to write a posting to companies/northwind.yaml: that name is for catalog files "
           "(name the output after its format, e.g. -o posting.md)")
    assert company.read_bytes() == before
