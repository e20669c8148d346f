"""Positions in TOML text, so that a configuration error can point at the line to edit.

tomllib hands back values without positions, and on Python 3.11 its syntax errors carry
theirs only inside the message text. :func:`decode_error` pulls that position out and
adds a hint where the mistake is a familiar one. :func:`locate` finds where a key is
written in a document tomllib has accepted: it walks the text and watches each key as it
is spelt out, in a ``[table]`` header, as a dotted key (``options.JD605.max_required = 6``)
or inside an inline table (``JD605 = { max_required = 6 }``). Values are skipped, not
decoded; the scanner only has to know where strings, arrays and inline tables end. It is
best effort: whatever it cannot follow yields no position rather than a wrong one.
"""

from __future__ import annotations

import re
import tomllib
from typing import Sequence

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")  # a key TOML lets one write without quotes
_SCALAR_END = re.compile(r"[,\]}\n#]")
_WHERE = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")
_KEY_TUPLE = re.compile(r"\(((?:'[^']*',? ?)+)\)")
_BARE_WORD = re.compile(r"(?<![\w\"'.-])([A-Za-z][^\s,\[\]{}#\"'=]*)")
_NO_QUOTES = {"true", "false", "inf", "nan"}


def decode_error(text: str, error: tomllib.TOMLDecodeError) -> tuple[str, tuple[int, int] | None, str]:
    """What tomllib objected to, where (line, column) when it said, and how to fix it."""
    what, position, at_end = str(error), None, False
    where = _WHERE.search(what)
    if where:
        what, at_end = what[:where.start()], not where[1]
        position = _end_of(text) if at_end else (int(where[1]), int(where[2]))
    # tomllib names tables as Python tuples, ('lint', 'severity'); a TOML author writes [lint.severity].
    what = _KEY_TUPLE.sub(lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m[1])) + "]", what)
    lines = text.splitlines()
    line = lines[position[0] - 1] if position and position[0] <= len(lines) else ""
    hint = _hint(what, line, position[1] if position else 0, at_end)
    if what[1:2].islower():
        what = what[0].lower() + what[1:]
    return what, position, hint


def _end_of(text: str) -> tuple[int, int]:
    """"The end of the document" as a person sees it: just after its last visible character."""
    end = len(text.rstrip())
    return text.count("\n", 0, end) + 1, end - (text.rfind("\n", 0, end) + 1) + 1


def _hint(what: str, line: str, col: int, at_end: bool) -> str:
    if what == "Invalid value" and not at_end:
        word = _BARE_WORD.match(line, col - 1)
        if word and word[1].lower() in ("true", "false"):
            return "write true and false in lower case"
        if word:
            return f"strings need quotes, e.g. {_quoted_example(line, word[1])}"
    if what == "Unclosed array" or (what == "Invalid value" and at_end):
        return "finish the list and close it with ]"
    if what.startswith("Expected ']"):
        close = "]]" if "]]" in what else "]"
        header = line.strip()
        example = f", e.g. {header}{close}" if re.fullmatch(r"\[\[?[\w.-]+", header) else ""
        return f"end the table header with {close}{example}"
    if what == "Illegal character '\\n'":
        return 'close the string on the line it starts (""" for text over several lines)'
    if what.startswith(("Unterminated string", 'Expected "\'"')):
        return "close the string with the quote it opens with"
    if what.startswith(("Cannot declare", "Cannot overwrite", "Duplicate inline table key")):
        return "each key and table may appear only once: merge the two"
    if what.startswith("Expected '=' after a key"):
        return "write key = value; a key with spaces or dots in it needs quotes"
    if what == "Unclosed inline table":
        return "close the table with } on the same line"
    return "check the quoting and brackets"


def _quoted_example(line: str, word: str) -> str:
    """The line with its bare words quoted, if that stays short; else the one word."""
    key, _, value = line.partition("=")
    fixed = f"{key.strip()} = " + _BARE_WORD.sub(lambda m: m[1] if m[1] in _NO_QUOTES else f'"{m[1]}"', value.strip())
    return fixed if len(fixed) <= 60 else f'"{word}"'


def locate(text: str, keys: Sequence[str]) -> tuple[int, int] | None:
    """The 1-based (line, column) where ``keys`` is first written, or None.

    A key that only appears as part of a longer one counts: ``lint.options.JD605`` is
    found in ``[lint.options.JD605]`` and in ``JD605.max_required = 6`` under ``[lint.options]``.
    """
    try:
        offset = _Scanner(text, tuple(keys)).run()
    except (IndexError, ValueError, tomllib.TOMLDecodeError, RecursionError):
        # A layout this scanner does not follow, or arrays nested deeper than it recurses (it
        # takes more frames per level than tomllib): no position beats a wrong one.
        return None
    if offset is None:
        return None
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class _Found(Exception):
    def __init__(self, offset: int):
        self.offset = offset


class _Scanner:
    def __init__(self, text: str, target: tuple[str, ...]):
        self.text, self.target, self.pos = text, target, 0

    def run(self) -> int | None:
        table: tuple[str, ...] = ()
        try:
            while self._blank():
                if self._peek("["):
                    close = "]]" if self._peek("[[") else "]"
                    self.pos += len(close)
                    table = self._key(table=())
                    self._expect(close)
                else:
                    self._pair(table)
        except _Found as found:
            return found.offset
        return None

    def _peek(self, token: str) -> bool:
        return self.text.startswith(token, self.pos)

    def _expect(self, token: str) -> None:
        self._spaces()
        if not self._peek(token):
            raise ValueError(f"expected {token!r} at {self.pos}")
        self.pos += len(token)

    def _spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _blank(self) -> bool:
        """Skip spaces, line breaks and comments; False at the end of the text."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            elif char in " \t\r\n":
                self.pos += 1
            else:
                return True
        return False

    def _key(self, table: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """Read a (dotted) key; ``table`` is where it sits, None inside an array, where paths stop."""
        path = table
        while True:
            self._spaces()
            start = self.pos
            if self._peek('"') or self._peek("'"):
                raw = self._string()
                part = tomllib.loads(f"k = {raw}")["k"]
            else:
                bare = BARE_KEY.match(self.text, self.pos)
                if bare is None:
                    raise ValueError(f"no key at {self.pos}")
                part, self.pos = bare.group(), bare.end()
            if path is not None:
                path = (*path, part)
                if path == self.target:
                    raise _Found(start)
            self._spaces()
            if not self._peek("."):
                return path
            self.pos += 1

    def _pair(self, table: tuple[str, ...] | None) -> None:
        path = self._key(table)
        self._expect("=")
        self._spaces()
        self._value(path)

    def _value(self, path: tuple[str, ...] | None) -> None:
        if self._peek('"') or self._peek("'"):
            self._string()
        elif self._peek("["):
            self._items("]", lambda: self._value(None))
        elif self._peek("{"):
            self._items("}", lambda: self._pair(path))
        else:
            end = _SCALAR_END.search(self.text, self.pos)
            self.pos = end.start() if end else len(self.text)

    def _items(self, close: str, item) -> None:
        self.pos += 1
        while self._blank() and not self._peek(close):
            before = self.pos
            item()
            if self.pos == before:
                raise ValueError(f"stuck at {self.pos}")
            self._blank()
            if self._peek(","):
                self.pos += 1
        self._expect(close)

    def _string(self) -> str:
        """Skip one string of any of TOML's four kinds and return its text, quotes included."""
        start, quote = self.pos, self.text[self.pos]
        delimiter = quote * 3 if self._peek(quote * 3) else quote
        i = start + len(delimiter)
        while not self.text.startswith(delimiter, i):
            if self.text[i] == "\\" and quote == '"':
                i += 1
            elif self.text[i] == "\n" and len(delimiter) == 1:
                raise ValueError(f"line break in a string at {i}")
            i += 1
        # A multi-line string may end in one or two quotes of its own before the closing three.
        run = len(delimiter)
        while len(delimiter) == 3 and run < 5 and self.text.startswith(quote, i + run):
            run += 1
        self.pos = i + run
        return self.text[start:self.pos]
