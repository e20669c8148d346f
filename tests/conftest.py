"""Shared fixtures: run the CLI in-process, and build small catalogs in tmp folders."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from jdgen.cli import main
from jdgen.resources import builtin_catalog

REPO = Path(__file__).resolve().parents[1]
SEED_FIXTURE = REPO / "tests" / "fixtures" / "seed" / "AIMLAM.GEN.P4.yaml"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run ``jdgen ARGS`` in-process: returns exit code, stdout and stderr."""

    def _run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.delenv("JDGEN_CATALOG", raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``needle``."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` with ``new``; the text must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def shipped_p4_with(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """A copy of the built-in catalog whose AIMLAM.GEN.P4 profile has each ``old`` (written
    exactly once) replaced by ``new``; the copy's root."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    path = root / "roles" / "AIMLAM.GEN.P4.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root


def merge_patch(base, patch):
    """``patch`` over ``base``: mappings merge key by key; lists and scalars replace; a ``null``
    value removes the key (as in JSON Merge Patch, RFC 7386), the only way to say "without"."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = merge_patch(base[key], value) if key in base else value
        return merged
    return patch


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def catalog(tmp_path) -> Path:
    """A copy of the built-in catalog in a tmp folder (ladder, taxonomy, AIMLAM.GEN.P4, companies)."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    return root


@pytest.fixture
def p4_text() -> str:
    return (builtin_catalog() / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never touch the user's ~/.cache; one cache per test session exercises it."""
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "jdgen-cache"))


@pytest.fixture
def p7(catalog: Path) -> Path:
    """The built-in catalog plus AIMLAM.GEN.P7, a copy of P6 one level up (its aliases' numerals
    then warn, which the gate ignores: only errors hold a posting back), with P6's German text,
    since Lindenhof publishes every profile in German."""
    roles, german = catalog / "roles", catalog / "translations" / "de"
    text = (roles / "AIMLAM.GEN.P6.yaml").read_text(encoding="utf-8")
    text = text.replace("AIMLAM.GEN.P6", "AIMLAM.GEN.P7").replace("\nlevel: P6\n", "\nlevel: P7\n")
    (roles / "AIMLAM.GEN.P7.yaml").write_text(text, encoding="utf-8")
    text = (german / "AIMLAM.GEN.P6.yaml").read_text(encoding="utf-8")
    (german / "AIMLAM.GEN.P7.yaml").write_text(text.replace("AIMLAM.GEN.P6", "AIMLAM.GEN.P7"), encoding="utf-8")
    return catalog
