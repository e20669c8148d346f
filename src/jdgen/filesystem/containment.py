"""Catalog inputs stay inside the catalog.

Every file of a catalog comes from a repository, in CI possibly from a pull request
from a fork. A symbolic link committed there (``roles/X.yaml -> /proc/self/environ``,
``templates/x.j2 -> /etc/passwd``, ``roles -> /``) would make jdgen read a file of the
machine it runs on and print or embed what it read. So the path of every catalog input
is walked here from the catalog root, one component at a time, with ``lstat`` only:

* a link whose target stays inside the catalog is followed: it is the catalog's own
  file under a second name (a shared template, a profile kept in another folder);
* a link whose target leaves the catalog is refused, judged by the link's text alone.
  Nothing outside the catalog is ever looked at, so the refusal reads the same whether
  or not the target exists, and says nothing about the machine;
* an absolute link target counts as inside only when it spells out the catalog's own
  resolved path (relative links are the portable way to link within a catalog).

What the walk ends on is checked by the reader (:func:`read_regular`): only a regular
file is read, never a folder, pipe, socket or device, and never more than a bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic
from ..errors import NotAFileError, UnsafePathError

MAX_LINKS = 40  # as many links as the system follows for one path before it calls it a loop
LEAVES_HINT = "jdgen reads only files inside the catalog folder: copy the file in, or remove the link"


class Loop(Exception):
    """The path's links lead back to themselves."""


def real_inside(root: Path, path: Path) -> tuple[Path | None, Path | None]:
    """Where ``path`` really is, walking from ``root``: (real path, None), or (None, the link that leaves).

    ``path`` is taken relative to ``root`` when it is not absolute. A path that lies
    outside ``root`` as written leaves it at its own name. The real path may not exist.
    Raises :class:`Loop` when more than :data:`MAX_LINKS` links are met.
    """
    root = Path(os.path.abspath(root))
    written = Path(os.path.normpath(os.path.join(root, path)))
    try:
        pending = list(written.relative_to(root).parts)
    except ValueError:
        return None, written
    current, links, last_link = root, 0, written
    while pending:
        part = pending.pop(0)
        if part in ("", "."):
            continue
        if part == "..":  # only a link's target can say '..' here: the written path is normalised
            if current == root:
                return None, last_link
            current = current.parent  # current is a real folder, so its parent is the real one
            continue
        candidate = current / part
        try:
            info = os.lstat(candidate)
        except OSError:  # missing, or no folder on the way: the caller's read says which
            return Path(os.path.join(candidate, *pending)), None
        if not stat.S_ISLNK(info.st_mode):
            current = candidate
            continue
        links += 1
        if links > MAX_LINKS:
            raise Loop(str(written))
        last_link = candidate
        target = os.readlink(candidate)
        if os.path.isabs(target):
            try:
                rest = Path(target).relative_to(root).parts
            except ValueError:
                return None, candidate
            current, pending = root, [*rest, *pending]
        else:
            pending = [*Path(target).parts, *pending]
    return current, None


def leaving_link(root: Path, path: Path) -> Path | None:
    """The link through which ``path`` leaves ``root``, or None when it stays inside (or loops)."""
    try:
        return real_inside(root, path)[1]
    except Loop:
        return None


def refusal(path: Path, link: Path, shown=None, place: str = "the catalog") -> Diagnostic:
    """One line for an input that leaves ``place``; ``shown`` words a path for messages."""
    shown = shown or lexical_shown
    hint = LEAVES_HINT if place == "the catalog" else LEAVES_HINT.replace("the catalog folder", place)
    if os.path.abspath(link) == os.path.abspath(path):
        return Diagnostic(None, f"{shown(path)}: is a symbolic link that leads outside {place}", hint)
    return Diagnostic(None, f"{shown(path)}: is reached through {shown(link)}, a symbolic link that leads "
                            f"outside {place}", hint)


def confine(root: Path, path: Path, shown=None, place: str = "the catalog") -> Path:
    """``path``'s real path inside ``root``; :class:`UnsafePathError` when a link on the way leaves it.

    A path whose links loop is returned as it is: reading it reports the loop.
    """
    try:
        real, link = real_inside(root, path)
    except Loop:
        return path
    if link is not None:
        problem = refusal(path, link, shown, place)
        raise UnsafePathError(problem.message, hint=problem.hint)
    return real


def lexical_shown(path: Path | str) -> str:
    """A path for messages, relative to the working folder when inside it, without resolving any link.

    :func:`jdgen.catalog.yaml_source.display_path` resolves links, which for a link that leaves the
    catalog would print where it points.
    """
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute == here:
        return "."
    if absolute.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, here)
    return str(path)


def folder_words(folder: Path | str) -> str:
    """How a message names a folder other than the catalog: its path, or "the working folder"."""
    shown = lexical_shown(folder)
    return "the working folder" if shown == "." else shown


def kind_of_entry(mode: int) -> str:
    """A file that is not a regular file, in words: 'a named pipe'."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_regular(path: Path, limit: int | None) -> tuple[bytes, int] | str:
    """At most ``limit + 1`` bytes (None: all) of the regular file ``path`` and its size, or what it is instead.

    The type is checked before the file is opened (opening a device can have effects of
    its own) and again on the open file; the open does not block on a pipe.
    OSError (missing, unreadable) is left to the caller to word.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        return kind_of_entry(mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return kind_of_entry(info.st_mode)
        chunks, left = [], (limit + 1) if limit is not None else None
        while left is None or left > 0:
            chunk = os.read(fd, 1 << 20 if left is None else min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            if left is not None:
                left -= len(chunk)
        return b"".join(chunks), info.st_size
    finally:
        os.close(fd)


def read_input(path: Path, shown: str, limit: int, expected: str) -> tuple[bytes, int]:
    """:func:`read_regular` for a file someone named as input, with one clear line for every way
    reading fails (``expected`` words a folder's error: "a YAML file"). The caller words a file
    over ``limit``: what is too large depends on what the file is meant to be."""
    from ..errors import SourceError

    try:
        got = read_regular(path, limit)
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file", hint="check the path") from None
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    if got == "a folder":
        raise SourceError(f"{shown}: is a directory, expected {expected}")
    if isinstance(got, str):
        raise not_a_file_error(shown, got)
    return got


def not_a_file_error(shown: str, what: str) -> NotAFileError:
    return NotAFileError([Diagnostic(None, f"{shown}: is {what}, not a file",
                                     "jdgen reads only regular files: remove it, or replace it with a file")])
