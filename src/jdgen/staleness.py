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
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

from .models import ROLE_CODE, SLUG

# The date a committed file was rendered for: JSON-LD's datePosted (also inside HTML), or
# the DOCX core property jdgen writes from the same date.
_DATE_POSTED = re.compile(rb'"datePosted":\s*"(\d{4}-\d{2}-\d{2})"')
_DOCX_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})T")


def _text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        from .render.docx_readback import docx_text_dump

        return docx_text_dump(data)
    return data.decode("utf-8", errors="replace")


def stale_diff(path: Path, new: bytes, fmt: str) -> str | None:
    """A unified diff from the committed file to the fresh output; None when they are the same bytes."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        old = None
    if old == new:
        return None
    before = ""
    if old is not None:
        before, unreadable = _committed_text(old, fmt)
        if unreadable:
            return f"{path}: the committed file {unreadable}, so it is stale\n"
    after = _text(new, fmt)
    label = f"{path} (committed)" if old is not None else f"{path} (missing)"
    diff = "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=label, tofile=f"{path} (rendered now)"))
    if not diff:
        return f"{path}: same text, but the file differs (formatting or document properties)\n"
    return diff if diff.endswith("\n") else diff + "\n"


def _committed_text(data: bytes, fmt: str) -> tuple[str, str | None]:
    """The committed file as text to diff, or why it cannot be read as its format."""
    if fmt != "docx":
        return _text(data, fmt), None
    if data.startswith(b"version https://git-lfs"):
        return "", ("is a Git LFS pointer, not the document (fetch LFS files before the check, "
                    "e.g. lfs: true in actions/checkout)")
    from .errors import UnreadableDocxError

    try:
        return _text(data, fmt), None
    except UnreadableDocxError as exc:  # broken, or shaped like an attack: read no further
        return "", f"is not a readable Word document ({exc.reason})"
    except Exception:  # any other way a zip or its XML can be broken: the file is not what jdgen writes
        return "", "is not a readable Word document"


# What jdgen names its outputs: CODE.ext or CODE.slug.ext. Only such files can be postings a
# catalog stopped producing; a README.md or index.html beside them belongs to someone else.
_POSTING_NAME = re.compile(rf"^{ROLE_CODE}(?:\.{SLUG})?\.[a-z]+$")


def orphans(folder: Path, expected: set[str], extensions: set[str]) -> list[str]:
    """Postings of the rendered kinds in ``folder`` that the catalog no longer produces."""
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir()
                  if p.is_file() and p.suffix in extensions and p.name not in expected and _POSTING_NAME.match(p.name))


def committed_date(path: Path, fmt: str) -> date | None:
    """The posting date a committed file was rendered for; None when it carries none (Markdown) or is unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if fmt == "docx":
        from .errors import UnreadableDocxError
        from .render.docx_readback import docx_core_properties

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
