"""Entries of a catalog folder that look like catalog files but cannot be read as one.

The listings that feed validation keep regular lower-case ``*.yaml``/``*.yml`` files.
Whatever else carries such a name (a folder, a dead or looping symlink, a named pipe, a
``.YAML`` file) is pointed out here rather than passed over, since skipping it would hide
a role or company its author believes is in the catalog.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic, Location
from ..errors import NotAFileError
from .yaml_source import display_path

YAML_SUFFIXES = (".yaml", ".yml")


def not_a_file(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (or a link to one), in words; None for a file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"a symbolic link to {os.readlink(path)!r}, which does not exist"
        return "missing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that leads back to itself"
        return f"unreadable ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    from ..filesystem.containment import kind_of_entry

    return kind_of_entry(mode)


def not_a_file_problem(path: Path, what: str, shown: str | None = None, *, hint: str | None = None) -> Diagnostic:
    shown = shown or _shown(path)
    if what.startswith("a symbolic link"):
        return Diagnostic(None, f"{shown}: is {what}", "point the link at a YAML file, or remove it")
    if what.startswith("unreadable"):
        return Diagnostic(None, f"{shown}: cannot be read", what.removeprefix("unreadable (").rstrip(")"))
    return Diagnostic(None, f"{shown}: is {what}, not a file", hint or (
        f"jdgen reads every {path.suffix} file here: remove it, or rename it without {path.suffix}"))


def _shown(path: Path) -> str:
    # display_path resolves the whole path, which raises on a link loop: resolve the folder only.
    return str(Path(display_path(path.parent)) / path.name)


def check_listing(directory: Path, *, recursive: bool, root: Path, place: str = "the catalog") -> list[Diagnostic]:
    """Problems with the YAML entries of ``directory`` that a listing of its files passes over.

    First of all, ``directory`` and every YAML entry in it must stay inside ``root`` (the
    catalog): a symbolic link that leaves it is refused before anything it points at is
    looked at (:mod:`jdgen.filesystem.containment`), so the message never tells what lies outside.

    The listings keep regular ``*.yaml``/``*.yml`` files and skip hidden folders. Whatever
    else carries such a name is a mistake to point out, not to skip: non-files raise
    :class:`NotAFileError`, and files whose extension is not written in lower case are
    returned as problems, one per file, at its first line.

    Why ``X.YAML`` is reported rather than read: the other tools around a catalog pick
    its files by the lower-case name (editors' schema associations, pre-commit ``files:``
    patterns, CI globs such as ``roles/*.yaml``), so a file that jdgen alone accepted
    would be checked by some of them and silently skipped by others, which is the very
    surprise to avoid. Naming the file once, with the rename that fixes it, keeps one
    spelling everywhere.
    """
    from ..filesystem.containment import leaving_link, lexical_shown, refusal

    link = leaving_link(root, directory)
    if link is not None:
        raise NotAFileError([refusal(directory, link, lexical_shown, place)])
    broken: list[Diagnostic] = []
    misnamed: list[Diagnostic] = []
    for path in _yaml_like_entries(directory, recursive):
        link = leaving_link(root, path)
        if link is not None:
            broken.append(refusal(path, link, lexical_shown, place))
            continue
        what = not_a_file(path)
        if what is not None:
            broken.append(not_a_file_problem(path, what))
            continue
        if _not_utf8(path.name):
            broken.append(Diagnostic(Location(_shown(path), 1, 1),
                                     "the file name is not valid UTF-8, which jdgen and the tools around a "
                                     "catalog cannot name reliably", "rename it with UTF-8 characters"))
        elif path.suffix not in YAML_SUFFIXES:
            misnamed.append(Diagnostic(Location(_shown(path), 1, 1),
                                       f"not read: jdgen reads files ending in {path.suffix.lower()}, "
                                       f"not {path.suffix}", f"rename it to {path.stem}{path.suffix.lower()}"))
    if broken:
        raise NotAFileError(broken)
    return misnamed


def _yaml_like_entries(directory: Path, recursive: bool) -> list[Path]:
    """Entries named *.yaml or *.yml in any letter case that are no plain lower-case YAML files, or are links.

    The folders walked are those a listing walks (links to folders are not followed).
    """
    found: list[Path] = []
    pending = [directory]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # the listing itself reports, or skips, a folder it cannot open
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            is_yaml = os.path.splitext(entry.name)[1].lower() in YAML_SUFFIXES
            try:
                real_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                real_folder = False
            if recursive and real_folder and not is_yaml:
                pending.append(path)
            if is_yaml and (_not_utf8(entry.name) or entry.is_symlink() or not (entry.name.endswith(YAML_SUFFIXES) and _is_file(entry))):
                found.append(path)
    return sorted(found)


def _not_utf8(name: str) -> bool:
    """Whether a name read from the file system held bytes that are not UTF-8 (Python keeps them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
