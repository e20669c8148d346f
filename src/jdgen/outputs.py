"""Writing outputs: atomically, and only inside the folder the user chose.

A file is written to a temporary name in its own folder and renamed over the target,
so a run that is killed or fails never leaves a half-written posting, and a reader
(a recruiter's Word, a CI diff) sees either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, UsageError


def write_atomic(path: Path, data: bytes) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def safe_child(folder: Path, name: str) -> Path:
    """``folder/name``, refusing names that would leave ``folder``."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or Path(name).is_absolute():
        raise UsageError(f"refusing to write {name!r}: an output name must be a plain file name",
                         hint="codes and slugs may not contain '/', '\\\\' or '..'")
    return folder / name


def is_folder_target(target: str, *, many: bool) -> bool:
    """Whether ``-o target`` names a folder: it exists as one, ends with '/', or several files are written."""
    return many or target.endswith(("/", os.sep)) or Path(target).is_dir()
