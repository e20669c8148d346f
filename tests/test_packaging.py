"""The wheel carries schemas, templates and the built-in catalog, and works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("jdgen-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_data_folders(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("jdgen/_data/schemas/profile.schema.json", "jdgen/_data/schemas/ladder.schema.json",
                     "jdgen/_data/profiles/ladder.yaml", "jdgen/_data/profiles/roles/AIMLAM.GEN.P4.yaml",
                     "jdgen/_data/profiles/jdgen.toml", "jdgen/cli/app.py"):
        assert expected in names, expected
    assert any(n.startswith("jdgen/_data/templates/") for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_builtin_catalog_from_any_folder(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, text=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("import sys, jdgen; from jdgen.cli import main; "
              "assert jdgen.__file__.startswith(sys.argv[1]), jdgen.__file__; sys.exit(main(['show', 'aimlam.gen.p4']))")
    result = subprocess.run([sys.executable, "-c", script, str(target)], cwd=elsewhere, capture_output=True,
                            text=True, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "Senior AI/ML Engineer / Tech Lead" in result.stdout
    assert "5\u20138" in result.stdout
    assert "_data/profiles/roles/AIMLAM.GEN.P4.yaml" in result.stdout
