"""jdgen init scaffolds a catalog that passes at once; the pre-commit hooks run on good and bad catalogs."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def test_init_creates_a_working_catalog(run, tmp_path):
    result = run("init", "demo", cwd=tmp_path)
    assert result.code == 0, result.err
    demo = tmp_path / "demo"
    names = {str(p.relative_to(demo)) for p in demo.rglob("*") if p.is_file()}
    assert {"jdgen.toml", "README.md", "ladder.yaml", "taxonomy.yaml", "roles/AIMLAM.GEN.P4.yaml",
            "companies/northwind.yaml", "schemas/profile.schema.json", "schemas/company.schema.json"} <= names
    for path in demo.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).is_file(), f"{path}: modeline does not resolve"
    assert run("lint", "--as-of", "2026-11-23", cwd=demo).code == 0
    rendered = run("render", "--all", "--format", "docx", "-o", "out", cwd=demo)
    assert rendered.code == 0, rendered.err
    assert (demo / "out" / "AIMLAM.GEN.P4.docx").is_file()


def test_init_refuses_a_non_empty_folder(run, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    result = run("init", "busy", cwd=tmp_path)
    assert (result.code, result.err) == (2, "busy is not empty (choose a new folder, or pass --force to add the catalog's "
                                            "files to it; no file there would change)\n")
    assert run("init", "busy", "--force", cwd=tmp_path).code == 0
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"


HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


CHECKS = [h for h in HOOKS if h["id"] != "jdgen-render-check"]


def _hook_env() -> dict[str, str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("JDGEN_CATALOG", None)
    return env


def test_hooks_are_the_documented_ones():
    assert [h["id"] for h in HOOKS] == ["jdgen-validate", "jdgen-lint", "jdgen-render-check"]


@pytest.mark.parametrize("hook", CHECKS, ids=[h["id"] for h in CHECKS])
def test_pre_commit_hook_passes_a_good_catalog_and_fails_a_bad_one(hook, tmp_path):
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    env = _hook_env()
    subprocess.run([sys.executable, "-m", "jdgen", "init", "good"], cwd=tmp_path, check=True, capture_output=True)
    argv = shlex.split(hook["entry"]) + hook.get("args", [])
    good = subprocess.run(argv, cwd=tmp_path / "good", env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = tmp_path / "good" / "roles" / "AIMLAM.GEN.P4.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: draft", "status: finished"), encoding="utf-8")
    failed = subprocess.run(argv, cwd=tmp_path / "good", env=env, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "roles/AIMLAM.GEN.P4.yaml:" in failed.stdout and "status" in failed.stdout


def test_render_check_hook_passes_fresh_postings_and_fails_stale_ones(tmp_path):
    """pre-commit runs entry + args; with the default args, postings/ holds Markdown for every company."""
    hook = next(h for h in HOOKS if h["id"] == "jdgen-render-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    env = _hook_env()
    subprocess.run([sys.executable, "-m", "jdgen", "init", "demo"], cwd=tmp_path, check=True, capture_output=True)
    catalog = tmp_path / "demo"
    argv = shlex.split(hook["entry"]) + hook["args"]
    regenerate = [arg for arg in argv if arg != "--check"]
    subprocess.run(regenerate, cwd=catalog, env=env, check=True, capture_output=True)
    fresh = subprocess.run(argv, cwd=catalog, env=env, capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    role = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("Guide an AI/ML team technically: set its approach", "Tech lead"),
                    encoding="utf-8")
    stale = subprocess.run(argv, cwd=catalog, env=env, capture_output=True, text=True)
    assert stale.returncode == 1
    assert "+- Tech lead, review its designs and unblock its work" in stale.stdout
    assert stale.stderr.splitlines()[-1].startswith("1 rendered posting is stale; regenerate with: jdgen render")
