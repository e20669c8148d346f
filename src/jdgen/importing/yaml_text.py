"""YAML text for drafts, in the style of the shipped profiles, that loads back to the same strings.

Why a writer of our own rather than ``yaml.safe_dump``: the catalog's files have a house style
(keys in schema order, ``- text:`` items, long paragraphs folded with ``>-``, comments beside
the values) that PyYAML cannot produce, and PyYAML's quoting follows YAML 1.1 while jdgen reads
YAML 1.2. So a string is written plain only when it is plainly text in both (no ``: ``, no
`` #``, no leading indicator such as ``*``, ``&``, ``#``, ``-``, not a number, boolean or null
word), folded when it is a long, single-spaced line of printable characters, and double-quoted
with escapes otherwise. The caller parses the result again and compares (see :mod:`.run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

WIDTH = 88
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_SPECIAL_WORDS = {"true", "false", "null", "~", "yes", "no", "on", "off", "y", "n", ""}
_NUMBERISH = re.compile(r"^[-+.]?(?:[0-9][0-9a-fA-F_.,:xXoO+-]*|\.?(?:inf|nan))$", re.IGNORECASE)
_DATEISH = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Commented:
    """A value with comment lines written above its key (or list item)."""
    value: Any
    comments: list[str] = field(default_factory=list)


def comment_line(text: str) -> str:
    """``text`` as one comment line: characters a comment cannot hold are written as escapes."""
    return "# " + "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def plain_ok(text: str) -> bool:
    if text.strip() != text or text.lower() in _SPECIAL_WORDS or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if _NUMBERISH.match(text) or _DATEISH.match(text) or text.startswith(("---", "...")):
        return False
    return all(ch.isprintable() for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape(ch))
    return '"' + "".join(out) + '"'


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return text if plain_ok(text) else quoted(text)


def _foldable(text: str) -> bool:
    return (len(text) > WIDTH - 20 and plain_ok(text.replace(": ", " ").replace(" #", " ").rstrip(":"))
            and "  " not in text and all(ch.isprintable() for ch in text))


def _folded(text: str, indent: str) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(indent) + len(current) + 1 + len(word) > WIDTH:
            lines.append(indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(indent + current)
    return lines


def dump(data: dict, header: list[str] = (), trailer: list[str] = ()) -> str:
    """``data`` (dicts, lists, strings, ints, booleans, :class:`Commented`) as YAML text."""
    lines = [comment_line(c) if not c.startswith("#") else c for c in header]
    _mapping(data, "", lines, fold=True)
    lines += [comment_line(c) for c in trailer]
    return "\n".join(lines) + "\n"


def _mapping(data: dict, indent: str, lines: list[str], *, fold: bool, first: str | None = None) -> None:
    for i, (key, value) in enumerate(data.items()):
        lead = first if (first is not None and i == 0) else indent
        if isinstance(value, Commented):
            lines += [(indent if lead == indent else indent) + comment_line(c) for c in value.comments]
            value = value.value
        _entry(f"{lead}{key}:", value, indent, lines, fold=fold)


def _entry(prefix: str, value: Any, indent: str, lines: list[str], *, fold: bool) -> None:
    if isinstance(value, dict):
        if not value:
            lines.append(f"{prefix} {{}}")
            return
        lines.append(prefix)
        _mapping(value, indent + "  ", lines, fold=fold)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{prefix} []")
            return
        lines.append(prefix)
        for item in value:
            comments = []
            if isinstance(item, Commented):
                comments, item = item.comments, item.value
            lines += [indent + "  " + comment_line(c) for c in comments]
            if isinstance(item, dict) and item:
                _mapping(item, indent + "    ", lines, fold=False, first=indent + "  - ")
            else:
                lines.append(f"{indent}  - {scalar(item)}")
    elif isinstance(value, str) and fold and _foldable(value):
        lines.append(f"{prefix} >-")
        lines += _folded(value, indent + "  ")
    else:
        lines.append(f"{prefix} {scalar(value)}")
