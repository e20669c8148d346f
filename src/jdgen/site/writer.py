"""Writing the site into its folder, and checking a built site against a fresh build.

Rules, and why:

* Inside ``-o DIR`` only. DIR is opened as ``jdgen render`` opens its output folder
  (:class:`jdgen.filesystem.writing.OutputFolder`: no link followed below the working
  folder or the catalog), and the site's own folders (``roles/``, ``ladders/``,
  ``compare/``, ``assets/``) are opened relative to it with ``O_NOFOLLOW``: a link where
  one of them should be is an error, never followed. Each file is written atomically
  (a temporary file renamed over it) and a link, pipe or folder where a page goes is an
  error, as for postings.
* A file that already holds the same bytes is not rewritten, so a rebuild touches only
  what changed (and keeps the others' times for rsync or a CDN).
* The manifest, ``DIR/.jdgen-site``, lists every file the last build wrote. It is how
  jdgen tells its own files from anyone else's: a page the catalog no longer produces (a
  role removed or renamed) is deleted on the next build because the manifest names it,
  and a file jdgen did not write is never deleted or overwritten. A build that would
  overwrite a file the manifest does not list, with different bytes, stops before writing
  anything (exit 2) and names it. The manifest is read as untrusted: only names of the
  shape jdgen writes (:data:`OUTPUT_NAME`) count, so it cannot point a deletion outside
  DIR or at a file of another kind; a listed entry that is no longer a regular file (a
  link put there since) is left alone. Before the first page is written the manifest is
  extended with every name the build will write, and it is cut to this build's names
  last (:class:`SiteWriter`), so a build that stops half way leaves no file jdgen would
  not recognise as its own.
* ``--check`` writes nothing and creates no folder: each file is compared with a fresh
  build with :mod:`jdgen.postings.staleness`, as ``jdgen render --check`` compares
  postings (the same reading rules: by name, no links, a size bound). A site changes in
  many files at once (a new title is on its role page, its ladder, the index and the
  search index), so each file's diff is cut to :data:`DIFF_LINES` lines.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import OutputError, os_reason
from ..filesystem.writing import LINK_HINT, OutputFolder

MANIFEST = ".jdgen-site"
FOLDERS = ("roles", "ladders", "compare", "assets")
OUTPUT_NAME = re.compile(r"^(?:(?:roles|ladders|compare|assets)/)?[A-Za-z0-9_][A-Za-z0-9._-]*\.(?:html|css|js)$")
MAX_MANIFEST_BYTES = 4_000_000
DIFF_LINES = 40
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def manifest_bytes(names: list[str]) -> bytes:
    return ("# Files written by `jdgen site`; the next build deletes those it no longer produces.\n"
            + "".join(f"{name}\n" for name in sorted(names))).encode("utf-8")


def parse_manifest(data: bytes | None) -> list[str]:
    """The names a manifest lists that have the shape of a site file; anything else is ignored."""
    if not data:
        return []
    names = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and OUTPUT_NAME.match(line) and ".." not in line:
            names.append(line)
    return sorted(set(names))


class SiteFolder:
    """The output folder and its sub-folders, opened once each, never through a link."""

    def __init__(self, path: Path, catalog_root: Path | None, *, check: bool):
        self.path = path
        self.check = check
        self.root = OutputFolder.open(path, create=not check, catalog_root=catalog_root)
        self._subs: dict[str, OutputFolder | None] = {}

    def close(self) -> None:
        for folder in self._subs.values():
            if folder is not None:
                folder.close()
        if self.root is not None:
            self.root.close()

    def __enter__(self) -> "SiteFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def shown(self, name: str) -> str:
        return str(self.path / name)

    def _folder(self, name: str, create: bool = False) -> tuple[OutputFolder | None, str]:
        """The folder that holds ``name`` ("roles/X.html"), and the file's name in it; with ``create``,
        a missing folder is made (reading creates nothing, so a refused build leaves DIR as it was)."""
        head, _, tail = name.rpartition("/")
        if not head:
            return self.root, tail
        folder = self._subs.get(head)
        # A folder found missing stays missing for reads (a build asks about each of its
        # thousands of names first) until a write creates it.
        if folder is None and self.root is not None and (create or head not in self._subs):
            folder = self._subs[head] = self._open_sub(head, create and not self.check)
        return folder, tail

    def _open_sub(self, name: str, create: bool) -> OutputFolder | None:
        from ..filesystem.containment import kind_of_entry

        root = self.root
        shown = self.shown(name)
        at, where = (name, {"dir_fd": root.fd}) if root.fd is not None else (os.path.join(root.path, name), {})
        try:
            try:
                info = os.stat(at, follow_symlinks=False, **where)
            except FileNotFoundError:
                if not create:
                    return None
                os.mkdir(at, 0o777, **where)
                info = os.stat(at, follow_symlinks=False, **where)
            if stat.S_ISLNK(info.st_mode):
                raise OutputError(f"cannot use {shown}: it is a symbolic link", hint=LINK_HINT)
            if not stat.S_ISDIR(info.st_mode):
                raise OutputError(f"cannot use {shown}: it is {kind_of_entry(info.st_mode)}, not a folder",
                                  hint="remove it, or choose another -o")
            if root.fd is None:
                return OutputFolder(Path(at), None)
            return OutputFolder(self.path / name, os.open(at, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, **where))
        except OSError as exc:
            raise OutputError(f"cannot use {shown}: {os_reason(exc)}") from None

    def read(self, name: str | Path, limit: int) -> tuple[bytes | None, str | None]:
        """As :meth:`OutputFolder.read`, for a "/"-separated name inside the site (a missing folder has no files)."""
        folder, file = self._folder(PurePosixPath(name).as_posix())
        return folder.read(file, limit) if folder is not None else (None, None)

    def is_empty(self) -> bool:
        """Whether the output folder holds nothing at all (or is not there)."""
        return self.root is None or not self.root.entries()

    def kind(self, name: str) -> str | None:
        """None when nothing is at ``name``; else "file", or what else is there ("a symbolic link", ...)."""
        from ..filesystem.containment import kind_of_entry

        folder, file = self._folder(name)
        if folder is None:
            return None
        at, where = _entry(folder, file)
        try:
            info = os.stat(at, follow_symlinks=False, **where)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise OutputError(f"cannot use {self.shown(name)}: {os_reason(exc)}") from None
        return "file" if stat.S_ISREG(info.st_mode) else kind_of_entry(info.st_mode)

    def write(self, name: str, data: bytes) -> None:
        folder, file = self._folder(name, create=True)
        folder.write(file, data, self.shown(name))

    def remove(self, name: str) -> bool:
        """Delete the regular file ``name``; False when it is gone or is no regular file (then it stays)."""
        folder, file = self._folder(name)
        if folder is None:
            return False
        at, where = _entry(folder, file)
        try:
            info = os.stat(at, follow_symlinks=False, **where)
            if not stat.S_ISREG(info.st_mode):
                return False
            os.unlink(at, **where)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise OutputError(f"cannot delete {self.shown(name)}: {os_reason(exc)}") from None
        return True


def _entry(folder, file: str) -> tuple[str, dict]:
    """How os calls name ``file`` in ``folder``: relative to its open descriptor, which a link
    swapped in for the folder cannot redirect, or by path where the system has no descriptors."""
    return (file, {"dir_fd": folder.fd}) if folder.fd is not None else (os.path.join(folder.path, file), {})


@dataclass
class Outcome:
    """What a build or a check did."""

    written: list[str] = field(default_factory=list)     # files written (new or changed)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)     # files of an earlier build no longer produced
    kept: list[str] = field(default_factory=list)        # listed in the manifest, but no longer a regular file
    stale: list[str] = field(default_factory=list)       # with check: one diff or note per stale file
    total: int = 0


class SiteWriter:
    """Writes one build into the folder: :meth:`start` with every name the build will write, :meth:`put`
    each file as it is rendered, :meth:`finish`.

    ``start`` refuses the build before anything is written when a name is taken by a file
    the manifest does not list (jdgen did not write it), and then writes the manifest as the
    old one plus every new name: should the build stop half way, every file it wrote is
    still jdgen's, and the next build replaces or deletes it. ``finish`` deletes the last
    build's files that this one did not produce and writes the manifest of this build.
    """

    def __init__(self, folder: SiteFolder):
        self.folder = folder
        self.names: list[str] = []
        self.previous: set[str] = set()
        self.old_manifest: bytes | None = None
        self.absent: set[str] = set()  # names with nothing there when the build started
        self.outcome = Outcome()

    def start(self, names: list[str]) -> None:
        folder = self.folder
        self.names = sorted(names)
        self.old_manifest, _ = folder.read(MANIFEST, MAX_MANIFEST_BYTES)
        self.previous = set(parse_manifest(self.old_manifest))
        self.outcome.total = len(names) + 1
        new = [name for name in self.names if name not in self.previous]
        # A first build into a new or empty folder has nothing to look at, name by name.
        kinds = [folder.kind(name) for name in new] if not folder.is_empty() else [None] * len(new)
        self.absent = {name for name, kind in zip(new, kinds) if kind is None}
        foreign = [name for name, kind in zip(new, kinds) if kind is not None]
        if foreign:
            more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
            raise OutputError(f"cannot build the site in {folder.path}: {folder.shown(foreign[0])}{more} "
                              "exists and was not written by jdgen site",
                              hint="move it away or build into an empty folder; jdgen only replaces files its "
                                   f"manifest {MANIFEST} lists")
        owned = manifest_bytes(sorted(self.previous | set(self.names)))
        if owned != self.old_manifest:
            folder.write(MANIFEST, owned)

    def put(self, name: str, data: bytes) -> None:
        # A name that was free when the build started is written without reading it first:
        # a first build into an empty folder reads nothing.
        old = None if name in self.absent else self.folder.read(name, len(data))[0]
        if old == data:
            self.outcome.unchanged += 1
            return
        self.folder.write(name, data)
        self.outcome.written.append(name)

    def finish(self) -> Outcome:
        folder, outcome = self.folder, self.outcome
        for name in sorted(self.previous - set(self.names)):
            if folder.remove(name):
                outcome.deleted.append(name)
            elif folder.kind(name) is not None:
                outcome.kept.append(name)
        manifest = manifest_bytes(self.names)
        if manifest != self.old_manifest:
            folder.write(MANIFEST, manifest)
            outcome.written.append(MANIFEST)
        else:
            outcome.unchanged += 1
        outcome.written.sort()
        return outcome


def write_site(folder: SiteFolder, files: dict[str, bytes]) -> Outcome:
    """Write ``files`` (name → bytes) into the folder, delete the last build's leftovers, write the manifest."""
    writer = SiteWriter(folder)
    writer.start(list(files))
    for name, data in files.items():
        writer.put(name, data)
    return writer.finish()


def check_site(folder: SiteFolder, files: dict[str, bytes]) -> Outcome:
    """Compare the folder with ``files``; nothing is written."""
    from ..postings.staleness import MAX_COMMITTED_BYTES, read_committed, stale_diff

    outcome = Outcome(total=len(files) + 1)
    everything = {**files, MANIFEST: manifest_bytes(list(files))}
    for name, data in everything.items():
        old, problem = read_committed(folder, Path(name))
        diff = stale_diff(folder.shown(name), old, problem, data, "html")
        if diff:
            outcome.stale.append(_cut(diff))
        else:
            outcome.unchanged += 1
    old_manifest, _ = folder.read(MANIFEST, MAX_COMMITTED_BYTES)
    for name in parse_manifest(old_manifest):
        if name not in files:
            present, kind = folder.read(name, 0)
            if kind is None and present is not None:
                outcome.stale.append(f"{folder.shown(name)}: no longer produced by the catalog "
                                     "(the next build deletes it)\n")
    return outcome


def _cut(diff: str) -> str:
    lines = diff.splitlines(keepends=True)
    if len(lines) <= DIFF_LINES:
        return diff
    return "".join(lines[:DIFF_LINES]) + f"... {len(lines) - DIFF_LINES} more diff lines\n"
