"""Writing outputs: atomically, and only inside the folder the user chose.

A file is written to a temporary name in its own folder and renamed over the target,
so a run that is killed or fails never leaves a half-written posting, and a reader
(a recruiter's Word, a CI diff) sees either the old file or the new one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError, UsageError, os_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one.

    Only a regular file is replaced by rename. A symlink keeps pointing where it did (the
    file behind it is replaced); a device or pipe (``-o /dev/stdout``) is written straight
    into, since renaming over it would put a plain file in its place; a read-only file is
    refused rather than silently replaced; an existing file keeps its permissions.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder", hint="remove it, or choose another -o")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, data)
        return
    if info is not None and not info.st_mode & 0o222:
        raise OutputError(f"cannot write {path}: the file is read-only",
                          hint="make it writable (chmod u+w), or choose another -o")
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, stat.S_IMODE(info.st_mode) if info is not None else 0o644)
        os.replace(temporary, target)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
        raise


def _write_through(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None


def safe_child(folder: Path, name: str) -> Path:
    """``folder/name``, refusing names that would leave ``folder``."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or Path(name).is_absolute():
        raise UsageError(f"refusing to write {name!r}: an output name must be a plain file name",
                         hint="codes and slugs may not contain '/', '\\\\' or '..'")
    return folder / name


def is_folder_target(target: str, *, many: bool) -> bool:
    """Whether ``-o target`` names a folder: it exists as one, ends with '/', or several files are written."""
    return many or target.endswith(("/", os.sep)) or Path(target).is_dir()
