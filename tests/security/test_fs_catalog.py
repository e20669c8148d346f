"""Catalog files (roles/, companies/, ladder, taxonomy, jdgen.toml) cannot lead outside the catalog.

A link that leaves the catalog is refused with one line naming the file, before its
target is looked at: the line is the same for an existing file, a missing one and a
device, and nothing read from outside is printed. Links within the catalog are followed.
"""

from __future__ import annotations

import os

import pytest

from fs_sandbox import LEAVES, SECRET, outside, snapshot

P4 = "AIMLAM.GEN.P4"


def _leaves(name: str) -> str:
    return f"{name}: is a symbolic link that leads outside the catalog {LEAVES}"


@pytest.mark.parametrize("target", ["secret.yaml", "no-such.yaml", "/dev/zero"], ids=["existing", "missing", "device"])
@pytest.mark.parametrize("args", [("validate",), ("list",), ("render", P4), ("lint",)])
def test_a_role_link_out_of_the_catalog_is_refused(run, catalog, tmp_path, target, args):
    sentinel = outside(tmp_path)
    before = snapshot(sentinel)
    (catalog / "roles" / "AIMLAM.GEN.P9.yaml").symlink_to(target if target.startswith("/") else sentinel / target)
    result = run(*args, cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()) == (2, "", [_leaves("roles/AIMLAM.GEN.P9.yaml")])
    assert snapshot(sentinel) == before


@pytest.mark.parametrize("name", ["ladder.yaml", "taxonomy.yaml", "jdgen.toml", "companies/acme.yaml"])
def test_other_catalog_files_that_lead_out_are_refused(run, catalog, tmp_path, name):
    sentinel = outside(tmp_path)
    path = catalog / name
    if path.exists():
        path.unlink()
    path.symlink_to(sentinel / "secret.yaml")
    for args in (("validate",), ("lint",)):
        result = run(*args, cwd=catalog)
        assert (result.code, result.err.splitlines()[-1]) == (2, _leaves(name)), (args, result)
        assert SECRET.strip().decode() not in result.out + result.err


@pytest.mark.parametrize("folder", ["roles", "companies"])
def test_a_catalog_folder_that_leads_out_is_refused_before_it_is_listed(run, catalog, tmp_path, folder):
    moved = tmp_path / f"moved-{folder}"
    os.rename(catalog / folder, moved)
    (catalog / folder).symlink_to(moved)
    before = snapshot(moved)
    result = run("validate", cwd=catalog)
    assert (result.code, result.out, result.err.splitlines()) == (2, "", [_leaves(folder)])
    assert snapshot(moved) == before


def test_a_file_named_on_the_command_line_that_leads_out_is_refused(run, catalog, tmp_path):
    """pre-commit hooks and globs pass names from the repository: they are held to the same rule."""
    sentinel = outside(tmp_path)
    (catalog / "roles" / "X.yaml").symlink_to(sentinel / "secret.yaml")
    for args in (("validate", "roles/X.yaml"), ("validate", "roles"), ("lint", "roles/X.yaml")):
        result = run(*args, cwd=catalog)
        assert (result.code, result.out, result.err.splitlines()) == (2, "", [_leaves("roles/X.yaml")]), args


def test_a_folder_outside_the_catalog_named_on_the_command_line_keeps_its_links_inside(run, catalog, tmp_path):
    sentinel = outside(tmp_path)
    given = tmp_path / "given"
    given.mkdir()
    (given / "X.yaml").symlink_to(sentinel / "secret.yaml")
    result = run("validate", str(given), cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", f"{given / 'X.yaml'}: is a symbolic link that leads outside {given} "
               f"(jdgen reads only files inside {given}: copy the file in, or remove the link)\n")


def test_a_pyproject_above_the_catalog_that_leads_out_is_refused(run, tmp_path, catalog):
    """The lint table may come from a pyproject.toml above the catalog: that file may not lead out of its folder."""
    sentinel = outside(tmp_path)
    (sentinel / "pyproject.toml").write_bytes(b"[tool.jdgen.lint]\nselect = [\"" + SECRET.strip() + b"\"]\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    os.rename(catalog, repo / "catalog")
    (repo / "catalog" / "jdgen.toml").write_text("", encoding="utf-8")  # no [lint] table: look further up
    (repo / "pyproject.toml").symlink_to(sentinel / "pyproject.toml")
    result = run("lint", cwd=repo / "catalog")
    assert (result.code, result.out, result.err.splitlines()) == (2, "", [
        f"{repo / 'pyproject.toml'}: is a symbolic link that leads outside {repo} "
        f"(jdgen reads only files inside {repo}: copy the file in, or remove the link)"])


def test_links_within_the_catalog_are_followed(run, catalog):
    """A profile kept in another folder of the catalog and linked into roles/ is read as usual."""
    (catalog / "shared").mkdir()
    os.rename(catalog / "roles" / f"{P4}.yaml", catalog / "shared" / f"{P4}.yaml")
    (catalog / "roles" / f"{P4}.yaml").symlink_to(f"../shared/{P4}.yaml")
    result = run("show", P4, cwd=catalog)
    assert result.code == 0, result
    assert result.out.startswith(f"{P4}")


def test_a_linked_sub_folder_of_roles_is_not_read(run, catalog, tmp_path):
    """Links to folders inside roles/ are not walked (as before); what lies behind one is never read."""
    sentinel = outside(tmp_path)
    (sentinel / "AIMLAM.GEN.P9.yaml").write_bytes(b"code: " + SECRET)
    (catalog / "roles" / "sub").symlink_to(sentinel)
    result = run("validate", cwd=catalog)
    assert SECRET.strip().decode() not in result.out + result.err
    assert "AIMLAM.GEN.P9" not in result.out + result.err


def test_a_yaml_file_that_is_a_device_inside_the_catalog_is_refused(run, catalog):
    """Only regular files are read; a device is never opened (reading /dev/zero would never end)."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    (catalog / "dev").symlink_to("/dev")  # the catalog's own link to the devices: still outside
    (catalog / "roles" / "AIMLAM.GEN.P9.yaml").symlink_to("../dev/zero")
    result = run("validate", cwd=catalog)
    assert (result.code, result.err.splitlines()) == (
        2, ["roles/AIMLAM.GEN.P9.yaml: is reached through dev, a symbolic link that leads outside the catalog "
            f"{LEAVES}"])


def test_a_huge_jdgen_toml_is_refused_unread(run, catalog):
    with open(catalog / "jdgen.toml", "r+b") as handle:
        handle.truncate(50_000_000)  # sparse: no disk, but reading it whole would cost 50 MB
    result = run("lint", cwd=catalog)
    assert (result.code, result.out, result.err) == (
        2, "", "jdgen.toml: file is larger than the 256 kB jdgen reads as configuration (a lint table is a few "
               "lines; check that this is the right file)\n")


@pytest.mark.parametrize("cache", ["off", "warm"])
def test_a_link_within_the_catalog_is_named_as_the_link(run, catalog, tmp_path, cache):
    """The link is the entry the author must fix: messages name it, not its target, cached or not."""
    (catalog / "roles" / "sub").mkdir()
    (catalog / "roles" / "sub" / "AIMLAM.GEN.P9.yaml").symlink_to(f"../{P4}.yaml")
    env = {"JDGEN_CACHE_DIR": "" if cache == "off" else str(tmp_path / "cache")}
    if cache == "warm":
        run("validate", cwd=catalog, env=env)
    result = run("validate", cwd=catalog, env=env)
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "roles/sub/AIMLAM.GEN.P9.yaml:7:7: code 'AIMLAM.GEN.P4' does not match the file name 'AIMLAM.GEN.P9.yaml' "
        "(rename the file to AIMLAM.GEN.P4.yaml, or correct the code)")


@pytest.mark.parametrize("args", [("validate",), ("lint",), ("render", P4)])
def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(run, catalog, tmp_path, args):
    """Such a name cannot be printed as it is, and it used to end in an internal error in the cache."""
    name = os.fsdecode(b"AIMLAM.GEN.P9\xff.yaml")
    (catalog / "roles" / name).write_bytes((catalog / "roles" / f"{P4}.yaml").read_bytes())
    result = run(*args, cwd=catalog, env={"JDGEN_CACHE_DIR": str(tmp_path / "cache")})
    assert (result.code, result.err.splitlines()) == (2, [
        "roles/AIMLAM.GEN.P9\\udcff.yaml:1:1: the file name is not valid UTF-8, which jdgen and the tools around "
        "a catalog cannot name reliably (rename it with UTF-8 characters)"])
