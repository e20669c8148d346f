"""``jdgen render --check``: are the committed postings what the catalog renders now?

For each output, the file on disk is compared with the fresh rendering; a difference is
shown as a unified diff of the text (for DOCX, of its ``style | text`` dump, since the
zip bytes are unreadable). Files in the folder that the catalog no longer produces are
reported too. Nothing is written.
"""

from __future__ import annotations

import difflib
from pathlib import Path


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
    before = _text(old, fmt) if old is not None else ""
    after = _text(new, fmt)
    label = f"{path} (committed)" if old is not None else f"{path} (missing)"
    diff = "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=label, tofile=f"{path} (rendered now)"))
    if not diff:
        return f"{path}: same text, but the file differs (formatting or document properties)\n"
    return diff if diff.endswith("\n") else diff + "\n"


def orphans(folder: Path, expected: set[str], extensions: set[str]) -> list[str]:
    """Files of the rendered kinds that the catalog no longer produces."""
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir()
                  if p.is_file() and p.suffix in extensions and p.name not in expected and not p.name.startswith("."))
