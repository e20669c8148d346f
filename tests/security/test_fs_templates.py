"""A catalog's templates cannot read files outside the catalog through links.

``ln -s /etc/passwd templates/x.j2`` plus ``{% include "x.j2" %}`` used to print the
machine's file into the posting. Now the link is refused before anything outside is
looked at, with the same line whether or not its target exists; the posting is not
written and the template cache gets nothing from outside.
"""

from __future__ import annotations

import shutil

import pytest

from fs_sandbox import DATE, LEAVES, SECRET, holds_secret, outside, snapshot
from jdgen.resources import shipped

P4 = "AIMLAM.GEN.P4"


def _including(catalog, name="x.j2"):
    """The shipped Markdown template, copied into the catalog with an include of ``name`` at its top."""
    (catalog / "templates").mkdir(exist_ok=True)
    text = (shipped("templates") / "posting.md.j2").read_text(encoding="utf-8")
    (catalog / "templates" / "posting.md.j2").write_text(f'{{% include "{name}" %}}\n' + text, encoding="utf-8")


@pytest.mark.parametrize("target", ["absolute", "relative", "missing", "/etc/passwd"])
def test_a_template_link_out_of_the_catalog_is_refused(run, catalog, tmp_path, target):
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    _including(catalog)
    link = {"absolute": sentinel / "secret.txt", "relative": "../../outside/secret.txt",
            "missing": sentinel / "no-such-file", "/etc/passwd": "/etc/passwd"}[target]
    (catalog / "templates" / "x.j2").symlink_to(link)
    cache = tmp_path / "cache"
    result = run("render", P4, "--date", DATE, "-o", "posting.md", cwd=catalog, env={"JDGEN_CACHE_DIR": str(cache)})
    # The same line for every target: it says nothing about what lies outside.
    assert (result.code, result.out, result.err) == (
        2, "", f"templates/x.j2: is a symbolic link that leads outside the catalog {LEAVES}\n")
    assert not (catalog / "posting.md").exists()
    assert SECRET.strip().decode() not in result.out + result.err
    assert not holds_secret(cache)
    assert snapshot(sentinel) == before


def test_a_templates_folder_that_leads_out_is_refused(run, catalog, tmp_path):
    """templates -> a folder outside holding posting.md.j2: not rendered, and the shipped template is no fallback."""
    sentinel = outside(tmp_path)
    (catalog / "templates").symlink_to(sentinel)
    cache = tmp_path / "cache"
    result = run("render", P4, "--date", DATE, cwd=catalog, env={"JDGEN_CACHE_DIR": str(cache)})
    assert (result.code, result.out, result.err) == (
        2, "", f"templates/posting.md.j2: is reached through templates, a symbolic link that leads outside the "
               f"catalog {LEAVES}\n")
    assert not holds_secret(cache)


def test_lint_stops_on_a_refused_template(run, catalog, tmp_path):
    """lint does not turn the refusal into a finding (exit 1): it is an I/O refusal (exit 2), as in render."""
    outside(tmp_path)
    _including(catalog)
    (catalog / "templates" / "x.j2").symlink_to("../../outside/secret.txt")
    result = run("lint", "--as-of", DATE, cwd=catalog)
    assert (result.code, result.err.splitlines()[-1]) == (
        2, f"templates/x.j2: is a symbolic link that leads outside the catalog {LEAVES}")
    assert SECRET.strip().decode() not in result.out + result.err


def test_a_template_link_inside_the_catalog_is_followed(run, catalog):
    """Links within the catalog are its own files under a second name: a shared partial is fine."""
    _including(catalog)
    (catalog / "partials").mkdir()
    (catalog / "partials" / "notice.j2").write_text("Shared notice.\n", encoding="utf-8")
    (catalog / "templates" / "x.j2").symlink_to("../partials/notice.j2")
    result = run("render", P4, "--date", DATE, cwd=catalog)
    assert result.code == 0, result
    assert result.out.startswith("> DRAFT — not approved for publication (profile status: draft)\n\nShared notice.\n# Senior AI/ML Engineer")


def test_a_link_chain_that_ends_outside_is_refused(run, catalog, tmp_path):
    """templates/x.j2 -> ../partials/y.j2 -> ../../outside/secret.txt: judged at every link."""
    outside(tmp_path)
    _including(catalog)
    (catalog / "partials").mkdir()
    (catalog / "partials" / "y.j2").symlink_to("../../outside/secret.txt")
    (catalog / "templates" / "x.j2").symlink_to("../partials/y.j2")
    result = run("render", P4, "--date", DATE, cwd=catalog)
    assert (result.code, result.err) == (
        2, f"templates/x.j2: is reached through partials/y.j2, a symbolic link that leads outside the catalog {LEAVES}\n")


def test_a_template_that_is_a_pipe_is_refused(run, catalog):
    import os

    _including(catalog)
    os.mkfifo(catalog / "templates" / "x.j2")
    result = run("render", P4, "--date", DATE, cwd=catalog)
    assert (result.code, result.err) == (
        2, "templates/x.j2: is a named pipe, not a file (jdgen reads only regular files: remove it, or replace it "
           "with a file)\n")


def test_the_shipped_templates_still_render(run, catalog):
    shutil.rmtree(catalog / "templates", ignore_errors=True)
    result = run("render", P4, "--date", DATE, "-f", "html", cwd=catalog)
    assert result.code == 0, result
    assert result.out.startswith("<!DOCTYPE html>")
