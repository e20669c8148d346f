"""Text from a catalog as jdgen prints it: one line stays one line, and nothing in it acts on a terminal or a CI log.

Whatever jdgen prints may carry text from untrusted files: file and folder names,
titles, a template's error message. None of it may

* break a line, which would let a value print a line of its own (a fake finding, a
  fake table row);
* reach the terminal as a control character (ESC starts the escape sequences that
  recolour, hide or rewrite the screen; CR overwrites the line), a bidi control that
  reorders what is shown (U+202E), or another invisible format character;
* form a GitHub Actions workflow command. The runner reads a line as one when it starts
  with ``::`` after white space, and, in the legacy form, when it holds ``##[`` anywhere
  (``ActionCommand.TryParseV2`` and ``TryParse`` in actions/runner).

Such characters are escaped visibly, the way Python's ``repr`` writes them (``\\n``,
``\\x1b``, ``\\u202e``), which is also how :func:`jdgen.diagnostics.quoted` shows an
echoed value; a command is broken by escaping one of its characters (``\\x3a:``,
``##\\x5b``). Backslashes are left alone so that a Windows path reads as usual: a name
holding a real backslash-n then reads like one holding a line break, which can mislead a
reader but never the terminal or the log.

The zero-width joiner and non-joiner (U+200D, U+200C) are printed as they are: they join
emoji and the letters of many scripts, and cannot move or hide text on a terminal.

The pieces:

* :func:`one_line` for a value set into a line, and :func:`table` for rows of them;
* :func:`block`, the output boundary: the CLI passes everything it writes through it,
  so a view that forgot a value still cannot print a control character or a command;
* :func:`json_document`: JSON whose strings hold such characters as JSON escapes
  (``\\u202e``), so a parser reads the data unchanged and the terminal sees none of them;
* :class:`Safe`: text that a format has already made safe this way (lint's colours, the
  ``github`` format's own commands, JSON), which the boundary writes as it is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Iterable, Sequence

# Unicode's format characters (category Cf) but the two joiners: bidi controls, zero-width
# spaces, the soft hyphen, U+FEFF, tag characters and the rest. A test compares this with
# unicodedata, so a Python with a newer Unicode cannot slip new ones past it.
FORMAT_CHARACTERS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
                     "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                     "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
JOINERS = "\u200c\u200d"
_UNSAFE_ASCII = re.compile("[\x00-\x1f\x7f]")  # what _unsafe() finds in ASCII text, which most text is
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LEGACY_COMMAND = "##["
# The runner splits its log into lines at CR and LF; \s* also crosses blank lines, which is the same.
_COMMAND_ANYWHERE = r"##\[|(?:\A|[\r\n])\s*::"


def workflow_command(text: str) -> tuple[int, str] | None:
    """Where ``text`` holds what a GitHub Actions runner reads as a workflow command: (index, ``##[`` or ``::``)."""
    found = re.search(_COMMAND_ANYWHERE, text) if "::" in text or _LEGACY_COMMAND in text else None
    if found is None:
        return None
    return (found.start(), "##[") if found.group() == "##[" else (found.end() - 2, "::")


@cache
def _unsafe() -> re.Pattern:
    """C0 and C1 controls and DEL, the line and paragraph separators, lone surrogates (a file
    name that is not UTF-8, as Python decodes it) and the format characters.

    Compiled on first use (about a millisecond): a run that prints only ASCII never needs it.
    """
    return re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{FORMAT_CHARACTERS}]")


class Safe(str):
    """Text already made safe to print (see the module docstring); the output boundary leaves it as it is.

    Adding plain text to it gives plain text again, which the boundary checks.
    """

    __slots__ = ()


def _visible(match: re.Match) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def one_line(text: str) -> str:
    """``text`` on one line, with every character that could act on a terminal or a log escaped visibly."""
    text = (_UNSAFE_ASCII if text.isascii() else _unsafe()).sub(_visible, text)
    return text.replace(_LEGACY_COMMAND, "##\\x5b") if _LEGACY_COMMAND in text else text


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A left-aligned text table with a header rule; no trailing spaces."""
    cells = [[str(c) for c in headers]] + [[("" if c is None else one_line(str(c))) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def line(text: str) -> str:
    """``text`` as a whole line of output: :func:`one_line`, and it cannot start a workflow command."""
    text = one_line(text)
    rest = text.lstrip()  # str.lstrip and the runner's TrimStart remove the same Unicode white space
    if rest.startswith("::"):
        colon = len(text) - len(rest)
        text = f"{text[:colon]}\\x3a{text[colon + 1:]}"
    return text


def block(text: str) -> str:
    """Text about to be written, its lines kept: each line made safe with :func:`line`."""
    if isinstance(text, Safe):
        return text
    return "\n".join(line(part) for part in text.split("\n"))


def _json_escape(match: re.Match) -> str:
    char = match.group()
    if char == "\n":  # json.dumps escapes every line break inside a string: this one is its own layout
        return char
    point = ord(char)
    if point >= 0x10000:
        point -= 0x10000
        return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
    return f"\\u{point:04x}"


def json_document(data: Any) -> Safe:
    """``data`` as indented JSON (non-ASCII letters as they are), with no raw character a terminal would act on."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    text = (_UNSAFE_ASCII if text.isascii() else _unsafe()).sub(_json_escape, text)
    return Safe(text.replace(_LEGACY_COMMAND, "##\\u005b") + "\n")
