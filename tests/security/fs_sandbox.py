"""Helpers for the file-system containment tests: a folder outside the catalog, and its state.

Each test builds a catalog (the ``catalog`` fixture: tmp_path/catalog) and a sentinel
folder beside it (tmp_path/outside) holding a secret. A hostile link in the catalog or the
output folder points into the sentinel folder; the test then asserts that the sentinel
kept every byte, and that the secret never reached stdout, stderr or the cache.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SECRET = b"jdgen-test-secret-3f9a0c\n"
DATE = "2026-11-23"
LEAVES = ("(jdgen reads only files inside the catalog folder: copy the file in, or remove the link)")
OUTPUT_LINK = ("(jdgen never writes or reads through links in the output folder: remove the link, "
               "or choose another -o)")
FOLDER_LINK = ("(jdgen does not follow links below the working folder or the catalog: name the real folder, "
               "or remove the link)")


def outside(tmp_path: Path) -> Path:
    """tmp_path/outside: a folder that is neither the catalog nor the working folder, with a secret in it."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.txt").write_bytes(SECRET)
    (folder / "secret.yaml").write_bytes(b"note: " + SECRET)
    (folder / "posting.md.j2").write_bytes(SECRET)
    return folder


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry below ``folder``, links not followed: a file's bytes, a link's text, a folder's presence."""
    found: dict[str, tuple] = {}
    for top, folders, files in os.walk(folder):
        for name in sorted(folders + files):
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISDIR(mode):
                found[key] = ("folder",)
            elif stat.S_ISREG(mode):
                found[key] = ("file", path.read_bytes())
            else:
                found[key] = ("other", stat.S_IFMT(mode))
    return found


def holds_secret(folder: Path) -> bool:
    """Whether any file below ``folder`` contains the secret (the cache must never)."""
    marker = SECRET.strip()
    for top, _, files in os.walk(folder):
        for name in files:
            path = Path(top) / name
            if path.is_file() and not path.is_symlink() and marker in path.read_bytes():
                return True
    return False


def without(state: dict[str, tuple], prefix: str) -> dict[str, tuple]:
    """``state`` without the entries below ``prefix`` (the output folder, which a run may change)."""
    return {key: value for key, value in state.items() if key != prefix and not key.startswith(prefix + "/")}
