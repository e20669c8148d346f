"""Writing outputs: atomically, without following links, and only inside the folder the user chose.

A file is written to a new temporary name in its own folder and renamed over the
target, so a run that is killed or fails never leaves a half-written posting, and a
reader (a recruiter's Word, a CI diff) sees either the old file or the new one.

What is trusted. jdgen runs in CI on pull requests, so the folders an ``-o`` path
names may come from the repository under review: in a checkout where ``postings`` is a
committed link to ``../roles`` or ``/home/runner/.ssh``, ``-o postings/`` must not
write there. Hence:

* The part of the ``-o`` path that lies below the working folder or the catalog is the
  repository's: it is opened one folder at a time without following links
  (``O_NOFOLLOW``), and missing folders are created the same way. A link, or a file,
  where a folder should be is an error.
* A path elsewhere (``/tmp/out/``, ``/dev/stdout``) is the user's own, taken as typed.
* Every name inside the output folder is the repository's. A link, pipe, device or
  folder where a posting goes is an error (exit 2), never written through. A posting
  is written to a new file created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` and renamed
  over its name, both relative to the opened folder, so nothing is ever written
  outside it, whatever is swapped on the way.
* One file named with ``-o`` is a name inside its folder like any other, unless it
  lies outside the working folder and the catalog: then it is the user's own, and a
  device or pipe there (``-o /dev/stdout``) is written into, a link followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import OutputError, UsageError, os_reason

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# Folder-relative system calls (openat, renameat): everywhere but Windows, where paths are used.
_AT = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and os.mkdir in os.supports_dir_fd
LINK_HINT = "jdgen never writes or reads through links in the output folder: remove the link, or choose another -o"
FOLDER_LINK_HINT = ("jdgen does not follow links below the working folder or the catalog: "
                    "name the real folder, or remove the link")


def repository_places(catalog_root: Path | None) -> list[str]:
    """The folders whose contents may come from the repository: the working folder and the catalog."""
    here = os.getcwd()
    # Run from the file-system root (a container's default), the working folder is no checkout.
    places = [here] if os.path.dirname(here) != here else []
    logical = os.environ.get("PWD")  # the shell's spelling of the working folder, links included
    if logical and os.path.isabs(logical) and logical != here:
        try:
            if os.path.samefile(logical, here):
                places.append(logical)
        except OSError:
            pass
    if catalog_root is not None:
        places.append(str(catalog_root))
    return places


def _below(path: str, places: list[str]) -> tuple[str, list[str]] | None:
    """(the place, the folders of ``path`` below it), for the outermost place ``path`` lies in; None when in none."""
    absolute = os.path.normpath(os.path.abspath(path))
    best = None
    for place in places:
        place = os.path.normpath(place)
        if absolute == place:
            parts: list[str] = []
        elif absolute.startswith(place.rstrip(os.sep) + os.sep):
            parts = absolute[len(place.rstrip(os.sep)) + 1:].split(os.sep)
        else:
            continue
        if best is None or len(parts) > len(best[1]):
            best = (place, parts)
    return best


class OutputFolder:
    """An output folder opened once; postings are read and written by name relative to it, never through links."""

    def __init__(self, path: Path, fd: int | None):
        self.path = path
        self.fd = fd

    @classmethod
    def open(cls, path: Path, *, create: bool, catalog_root: Path | None = None) -> "OutputFolder | None":
        """The folder ``path`` (see the module docstring); None when it is missing and ``create`` is false."""
        below = _below(str(path), repository_places(catalog_root))
        if below is None:
            try:
                if create:
                    os.makedirs(path, exist_ok=True)
                elif not os.path.isdir(path):
                    return None
                return cls(path, os.open(path, os.O_RDONLY | _DIRECTORY | _CLOEXEC) if _AT else None)
            except FileNotFoundError:
                if create:
                    raise OutputError(f"cannot write to {path}: a folder on the way is missing") from None
                return None
            except OSError as exc:
                raise OutputError(f"cannot {'write to' if create else 'read'} {path}: {os_reason(exc)}") from None
        place, parts = below
        return cls._walk(path, place, parts, create)

    @classmethod
    def _walk(cls, path: Path, place: str, parts: list[str], create: bool) -> "OutputFolder | None":
        from .containment import kind_of_entry, lexical_shown

        use = "write to" if create else "read"
        fd = os.open(place, os.O_RDONLY | _DIRECTORY | _CLOEXEC) if _AT else None
        current = place
        try:
            for part in parts:
                current = os.path.join(current, part)
                at, where = (part, {"dir_fd": fd}) if _AT else (current, {})
                try:
                    info = os.stat(at, follow_symlinks=False, **where)
                except FileNotFoundError:
                    if not create:
                        if fd is not None:
                            os.close(fd)
                        return None
                    try:
                        os.mkdir(at, 0o777, **where)  # never follows a link at its last component
                    except FileExistsError:
                        pass
                    info = os.stat(at, follow_symlinks=False, **where)
                except OSError as exc:
                    raise OutputError(f"cannot {use} {lexical_shown(current)}: {os_reason(exc)}") from None
                if stat.S_ISLNK(info.st_mode):
                    raise OutputError(f"cannot {use} {lexical_shown(current)}: it is a symbolic link",
                                      hint=FOLDER_LINK_HINT)
                if not stat.S_ISDIR(info.st_mode):
                    raise OutputError(f"cannot {use} {lexical_shown(current)}: it is {kind_of_entry(info.st_mode)}"
                                      if not stat.S_ISREG(info.st_mode) else
                                      f"cannot {use} {lexical_shown(current)}: it is a file, not a folder",
                                      hint="remove it, or choose another -o")
                if fd is not None:
                    # O_NOFOLLOW: a link swapped in since the check above is refused, not followed.
                    child = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=fd)
                    os.close(fd)
                    fd = child
        except OutputError:
            if fd is not None:
                os.close(fd)
            raise
        except OSError as exc:
            if fd is not None:
                os.close(fd)
            raise OutputError(f"cannot {use} {lexical_shown(current)}: {os_reason(exc)}") from None
        return cls(path, fd)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _at(self, name: str) -> tuple[str, dict]:
        return (name, {"dir_fd": self.fd}) if self.fd is not None else (os.path.join(self.path, name), {})

    def _entry(self, name: str) -> os.stat_result | None:
        at, where = self._at(name)
        try:
            return os.stat(at, follow_symlinks=False, **where)
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes, shown: str) -> None:
        """Write ``data`` to ``name`` so that readers see the old file or the new one, never half of one.

        Only a regular file is replaced. A read-only file is refused rather than silently
        replaced; an existing file keeps its permissions; a link, pipe, device or folder
        in the way is an error.
        """
        from .containment import kind_of_entry

        try:
            info = self._entry(name)
        except OSError as exc:
            raise OutputError(f"cannot write {shown}: {os_reason(exc)}") from None
        if info is not None:
            if stat.S_ISLNK(info.st_mode):
                raise OutputError(f"cannot write {shown}: it is a symbolic link", hint=LINK_HINT)
            if stat.S_ISDIR(info.st_mode):
                raise OutputError(f"cannot write {shown}: it is a folder", hint="remove it, or choose another -o")
            if not stat.S_ISREG(info.st_mode):
                raise OutputError(f"cannot write {shown}: it is {kind_of_entry(info.st_mode)}, not a file",
                                  hint="remove it, or choose another -o")
            if not info.st_mode & 0o222:
                raise OutputError(f"cannot write {shown}: the file is read-only",
                                  hint="make it writable (chmod u+w), or choose another -o")
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o644
        temporary, handle = self._temporary(name, shown)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                if hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), mode)
            if not hasattr(os, "fchmod"):
                os.chmod(self._at(temporary)[0], mode)
            source, where = self._at(temporary)
            target, _ = self._at(name)
            os.replace(source, target, src_dir_fd=where.get("dir_fd"), dst_dir_fd=where.get("dir_fd"))
        except BaseException as exc:
            at, where = self._at(temporary)
            try:
                os.unlink(at, **where)
            except OSError:
                pass
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write {shown}: {os_reason(exc)}") from None
            raise

    def _temporary(self, name: str, shown: str) -> tuple[str, int]:
        """A new hidden file beside ``name``, created here and nowhere else (O_EXCL: never an existing name or link)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
        for _ in range(100):
            temporary = f".{name}.{os.urandom(4).hex()}.tmp"
            at, where = self._at(temporary)
            try:
                return temporary, os.open(at, flags, 0o600, **where)
            except FileExistsError:
                continue
            except OSError as exc:
                raise OutputError(f"cannot write {shown}: {os_reason(exc)}") from None
        raise OutputError(f"cannot write {shown}: no free temporary name beside it")

    def read(self, name: str, limit: int) -> tuple[bytes | None, str | None]:
        """(up to ``limit + 1`` bytes of ``name``, None), (None, None) when it is missing, or (None, what it is).

        Only a regular file is read: a link is not followed, a pipe or device not opened.
        """
        from .containment import kind_of_entry

        info = self._entry(name)
        if info is None:
            return None, None
        if not stat.S_ISREG(info.st_mode):
            return None, kind_of_entry(info.st_mode)
        at, where = self._at(name)
        flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC | _BINARY
        try:
            handle = os.open(at, flags, **where)
        except FileNotFoundError:
            return None, None
        with os.fdopen(handle, "rb") as stream:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                return None, "not a regular file"
            return stream.read(limit + 1), None

    def entries(self) -> list[tuple[str, bool]]:
        """(name, is a folder) of every entry, links not followed."""
        with os.scandir(self.fd if self.fd is not None else self.path) as listing:
            return [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing]


class Destination:
    """Where one render's files go: an output folder, opened once when first needed, or the one file -o names.

    Opening late means that a run failing before it has anything to write creates nothing.
    """

    def __init__(self, folder: Path | None, catalog_root: Path | None, *, check: bool = False):
        self.folder = folder
        self.catalog_root = catalog_root
        self.check = check  # a check reads only: it creates no folder
        self._opened: list[OutputFolder | None] = []

    def _open(self) -> OutputFolder | None:
        if not self._opened:
            self._opened.append(OutputFolder.open(self.folder, create=not self.check, catalog_root=self.catalog_root))
        return self._opened[0]

    def write(self, path: Path, data: bytes) -> None:
        if self.folder is None:
            write_file(path, data, catalog_root=self.catalog_root)
        else:
            self._open().write(path.name, data, str(path))

    def read(self, path: Path, limit: int) -> tuple[bytes | None, str | None]:
        """As :meth:`OutputFolder.read`; a missing folder has no files."""
        if self.folder is not None:
            opened = self._open()
            return opened.read(path.name, limit) if opened is not None else (None, None)
        parent = OutputFolder.open(path.parent, create=False, catalog_root=self.catalog_root)
        if parent is None:
            return None, None
        with parent:
            return parent.read(path.name, limit)

    def entries(self) -> list[tuple[str, bool]]:
        opened = self._open() if self.folder is not None else None
        return opened.entries() if opened is not None else []

    def __enter__(self) -> "Destination":
        return self

    def __exit__(self, *exc) -> None:
        if self._opened and self._opened[0] is not None:
            self._opened[0].close()


def write_file(path: Path, data: bytes, *, catalog_root: Path | None = None) -> None:
    """Write the one file ``path`` (``-o posting.md``, a scaffold file), by the rules of the module docstring."""
    folder, name = os.path.split(os.fspath(path))
    if _below(os.fspath(path), repository_places(catalog_root)) is None:
        _write_as_given(path, data)
        return
    with OutputFolder.open(Path(folder or "."), create=True, catalog_root=catalog_root) as opened:
        opened.write(name, data, str(path))


def _write_as_given(path: Path, data: bytes) -> None:
    """A file outside the working folder and the catalog, named by the user: links followed, devices written into."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder", hint="remove it, or choose another -o")
    if info is not None and not stat.S_ISREG(info.st_mode):  # -o /dev/stdout: renaming over it would put a file there
        try:
            with open(path, "wb") as stream:
                stream.write(data)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
        return
    target = Path(os.path.realpath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
    with OutputFolder(target.parent, None) as opened:
        opened.write(target.name, data, str(path))


def safe_child(folder: Path, name: str) -> Path:
    """``folder/name``, refusing names that would leave ``folder``."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or Path(name).is_absolute():
        raise UsageError(f"refusing to write {name!r}: an output name must be a plain file name",
                         hint="codes and slugs may not contain '/', '\\\\' or '..'")
    return folder / name


def is_folder_target(target: str, *, many: bool) -> bool:
    """Whether ``-o target`` names a folder: it exists as one, ends with '/', or several files are written."""
    return many or target.endswith(("/", os.sep)) or Path(target).is_dir()
