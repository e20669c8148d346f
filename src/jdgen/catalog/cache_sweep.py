"""Removing parse-cache entries nobody has read for a week, so the cache folder stops growing.

A parse entry is keyed by the file's bytes and by this jdgen's code (:mod:`.parse_cache`):
every edit of a profile and every jdgen upgrade leaves the old entries behind, never to
be read again. A cache kept between CI runs (``actions/cache``) would then be restored,
added to and saved larger on every run. So an entry's time is renewed when it is read
(at most once a day, one ``utime`` on the open file), and entries whose time is over
:data:`KEEP_SECONDS` old are removed by a sweep that runs at most once a day per cache
folder, from the first process that stores an entry. A catalog left alone for a week
just parses again.

The folder is not trusted (see :mod:`.parse_cache`): the sweep opens each folder without
following links, removes only regular files by name relative to that folder, and never
descends into anything planted there. A sweep that fails for any reason leaves the cache
as it is.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

# An entry not read for this long is removed: long enough for a catalog touched weekly.
KEEP_SECONDS = 7 * 24 * 3600
# How often an entry's time is renewed on reading, and how often a folder is swept.
REFRESH_SECONDS = 24 * 3600
# A temporary file a writer left behind (it was killed between create and rename).
ABANDONED_SECONDS = 3600
STAMP = ".swept"

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_DIRECTORY", 0)
_swept: set[str] = set()


def renew_if_old(handle: int, modified: float, now: float | None = None) -> None:
    """Renew the time of the open entry ``handle`` when it was last renewed over a day ago."""
    now = time.time() if now is None else now
    if now - modified > REFRESH_SECONDS and os.utime in os.supports_fd:
        try:
            os.utime(handle)
        except OSError:
            pass  # a read-only cache is still read


def sweep_once(root: Path, folder: str, now: float | None = None) -> int:
    """Sweep ``root/folder`` unless this process or another swept it within a day; the number of entries removed."""
    key = str(root / folder)
    if key in _swept or not {os.open, os.scandir, os.unlink} <= (os.supports_dir_fd | os.supports_fd):
        return 0
    _swept.add(key)
    now = time.time() if now is None else now
    try:
        top = os.open(root / folder, _DIRECTORY)
    except OSError:
        return 0
    try:
        if not _claim_sweep(top, now):
            return 0
        return _sweep(top, now)
    except OSError:
        return 0
    finally:
        os.close(top)


def _claim_sweep(top: int, now: float) -> bool:
    """Whether the day's sweep is this process's: the stamp is missing or a day old, and is renewed now."""
    try:
        info = os.stat(STAMP, dir_fd=top, follow_symlinks=False)
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime <= REFRESH_SECONDS:
            return False
    except FileNotFoundError:
        pass
    # O_NONBLOCK: a FIFO swapped in for the stamp after the check fails to open instead of waiting.
    handle = os.open(STAMP, os.O_WRONLY | os.O_CREAT | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0), 0o644, dir_fd=top)
    try:
        os.utime(handle) if os.utime in os.supports_fd else None
    finally:
        os.close(handle)
    return True


def _sweep(top: int, now: float) -> int:
    removed = 0
    with os.scandir(top) as shards:
        names = [entry.name for entry in shards if entry.is_dir(follow_symlinks=False) and len(entry.name) == 2]
    for name in names:
        try:
            shard = os.open(name, _DIRECTORY, dir_fd=top)
        except OSError:
            continue
        try:
            with os.scandir(shard) as entries:
                old = [entry.name for entry in entries if _expired(entry, now)]
            for entry_name in old:
                try:
                    os.unlink(entry_name, dir_fd=shard)
                    removed += 1
                except OSError:
                    pass  # gone already, or not ours to remove
        finally:
            os.close(shard)
    return removed


def _expired(entry: os.DirEntry, now: float) -> bool:
    if not entry.is_file(follow_symlinks=False):
        return False  # a link or a folder planted here is left alone
    age = now - entry.stat(follow_symlinks=False).st_mtime
    if entry.name.endswith(".json"):
        return age > KEEP_SECONDS
    return entry.name.endswith(".tmp") and age > ABANDONED_SECONDS
