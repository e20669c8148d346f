"""``jdgen render --check``: are the committed postings what the catalog renders now?

For each output, the file on disk is compared with the fresh rendering; a difference is
shown as a unified diff of the text (for DOCX, of its ``style | text`` dump, since the
zip bytes are unreadable). Files in the folder that the catalog no longer produces are
reported too. Nothing is written.

A posting's date is not its content. HTML and JSON-LD carry ``datePosted`` and DOCX its
creation date, so a check run without ``--date`` would call every committed file stale
the day after it was rendered. :func:`committed_date` reads the date a committed file
carries, so that the caller can render that posting again as of that date before
calling it stale.

The committed files are the repository's, so they are read as the output folder is
written (:mod:`jdgen.filesystem.writing`): by name inside the folder, never through a link, and
only when they are regular files of at most :data:`MAX_COMMITTED_BYTES`. Anything else
(a link, a pipe, a device, a huge file) is stale with the reason, and nothing it points
at is read, so the diff can only ever show the folder's own files.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog.models import ROLE_CODE, SLUG

if TYPE_CHECKING:
    from ..filesystem.writing import Destination

# The largest posting jdgen writes is a DOCX with a logo, well under a megabyte; a committed
# file far larger is not one, and reading it whole would only cost memory.
MAX_COMMITTED_BYTES = 8_000_000

# The date a committed file was rendered for: JSON-LD's datePosted (also inside HTML), or
# the DOCX core property jdgen writes from the same date.
_DATE_POSTED = re.compile(rb'"datePosted":\s*"(\d{4}-\d{2}-\d{2})"')
_DOCX_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})T")


def _text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        from ..render.docx.readback import docx_text_dump

        return docx_text_dump(data)
    return data.decode("utf-8", errors="replace")


def read_committed(destination: "Destination", path: Path) -> tuple[bytes | None, str | None]:
    """The committed file's bytes, or None when it is missing; or (None, why it cannot be compared)."""
    data, kind = destination.read(path, MAX_COMMITTED_BYTES)
    if kind == "a symbolic link":
        return None, "is a symbolic link, not a posting (jdgen does not read through links; delete it and render again)"
    if kind is not None:
        return None, f"is {kind}, not a posting (delete it and render again)"
    if data is not None and len(data) > MAX_COMMITTED_BYTES:
        return None, (f"is larger than {MAX_COMMITTED_BYTES // 1_000_000} MB, more than any posting jdgen writes "
                      "(check what was committed there, then render again)")
    return data, None


def stale_diff(shown: str, old: bytes | None, problem: str | None, new: bytes, fmt: str) -> str | None:
    """A unified diff from the committed file (``old``, None when missing) to the fresh output; None when they are the same bytes.

    ``problem``: why the committed file cannot be compared (:func:`read_committed`); it is stale then.
    """
    if problem is not None:
        return f"{shown}: the committed file {problem}, so it is stale\n"
    if old == new:
        return None
    before = ""
    if old is not None:
        before, unreadable = _committed_text(old, fmt)
        if unreadable:
            return f"{shown}: the committed file {unreadable}, so it is stale\n"
    after = _text(new, fmt)
    label = f"{shown} (committed)" if old is not None else f"{shown} (missing)"
    diff = "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=label, tofile=f"{shown} (rendered now)"))
    if not diff:
        return f"{shown}: same text, but the file differs (formatting or document properties)\n"
    return diff if diff.endswith("\n") else diff + "\n"


def _committed_text(data: bytes, fmt: str) -> tuple[str, str | None]:
    """The committed file as text to diff, or why it cannot be read as its format."""
    if fmt != "docx":
        return _text(data, fmt), None
    if data.startswith(b"version https://git-lfs"):
        return "", ("is a Git LFS pointer, not the document (fetch LFS files before the check, "
                    "e.g. lfs: true in actions/checkout)")
    from ..errors import UnreadableDocxError

    try:
        return _text(data, fmt), None
    except UnreadableDocxError as exc:  # broken, or shaped like an attack: read no further
        return "", f"is not a readable Word document ({exc.reason})"
    except Exception:  # any other way a zip or its XML can be broken: the file is not what jdgen writes
        return "", "is not a readable Word document"


# What jdgen names its outputs: CODE.ext or CODE.slug.ext. Only such files can be postings a
# catalog stopped producing; a README.md or index.html beside them belongs to someone else.
_POSTING_NAME = re.compile(rf"^{ROLE_CODE}(?:\.{SLUG})?\.[a-z]+$")


def orphans(folder: Path, entries: list[tuple[str, bool]], expected: set[str], extensions: set[str]) -> list[str]:
    """Postings of the rendered kinds in ``folder`` (its ``entries``: name, is a folder) that the catalog no longer produces."""
    return sorted(str(folder / name) for name, is_folder in entries
                  if not is_folder and Path(name).suffix in extensions and name not in expected
                  and _POSTING_NAME.match(name))


def committed_date(data: bytes, fmt: str) -> date | None:
    """The posting date a committed file (its bytes) was rendered for; None when it carries none (Markdown) or is unreadable."""
    if fmt == "docx":
        from ..errors import UnreadableDocxError
        from ..render.docx.readback import docx_core_properties

        try:
            data = docx_core_properties(data) or b""
        except UnreadableDocxError:  # stale_diff says why
            return None
        found = _DOCX_CREATED.search(data)
    elif fmt in ("html", "jsonld"):
        found = _DATE_POSTED.search(data)
    else:
        return None
    try:
        return date.fromisoformat(found.group(1).decode()) if found else None
    except ValueError:
        return None
