"""Strict YAML loading that remembers where every value came from.

Why not plain ``yaml.safe_load``: it lets a duplicate key silently win, turns ``no``
into ``False`` and ``2024-01-01`` into a date, and forgets line numbers. Why not
ruamel's round-trip loader: it keeps positions but costs ~15 ms per profile, about
20x more than PyYAML's C composer. So jdgen composes the node graph with libyaml
(C, ~0.6 ms per profile) and builds plain Python values itself in one pass:

* scalars follow the YAML 1.2 core schema: only ``true``/``false`` are booleans,
  dates and ``yes``/``no``/``on``/``off`` stay strings;
* a duplicate key is an error that names both lines;
* control characters are refused, also when a double-quoted escape writes them, and so
  are bidi controls and invisible characters that can disguise text
  (:mod:`jdgen.catalog.hidden_characters`) and text a CI log would run as a GitHub Actions
  workflow command (``::`` starting a line, ``##[`` anywhere);
* every value and every key gets a 1-based (line, column), indexed by its path,
  e.g. ``("responsibilities", 2, "text")``.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..diagnostics import Diagnostic, Location
from ..errors import InvalidInputError
from .hidden_characters import find_hidden, may_hide
from ..terminal_text import workflow_command

try:  # libyaml is in every PyYAML wheel; the pure-Python parser is the same, only slower.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

JsonPath = tuple[str | int, ...]

# A role profile is a few kilobytes; anything this large is a mistake (a pasted export,
# a binary) and would only make the loader slow.
MAX_FILE_BYTES = 1_000_000
# Catalog files nest a handful of levels; a deeper file is a mistake or an attack, and would
# otherwise exhaust Python's recursion limit while values are built.
MAX_DEPTH = 64
# YAML aliases let a few bytes stand for a large value (an alias of an alias doubles it each
# time). A catalog may repeat a value with them, e.g. one list of locations, but the values
# it stands for may add up to at most this many times the file's own size, plus a little
# for small files, so that no later step (validation, lint, rendering) meets a bomb.
MAX_EXPANSION = 4
MIN_EXPANSION_BUDGET = 100_000
# A role profile lists a few dozen items and a company a few dozen locations. Every later
# step (validation, composing, each lint rule) costs time per item, so a file of tens of
# thousands of one-line items made lint take seconds: the list items of one file, counted
# across all its lists, stop here.
MAX_LIST_ITEMS = 2_000
# Pay in the currencies with the smallest units stays below 10**12 a year; a larger number
# is a typo, and beyond 2**53 it would not even survive JSON-LD's doubles.
MAX_INTEGER = 10**15

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_PLAIN = "tag:jdgen,2026:plain"  # an untagged, unquoted scalar: typed below by YAML 1.2 rules
_KNOWN_TAGS = {_STR, _SEQ, _MAP, _PLAIN}


class _Composer(_Parser):
    """libyaml's composer with a resolver that only tells plain scalars from the rest.

    PyYAML's own resolver runs YAML 1.1 regexes in Python for every node (about 1 ms
    per profile) only for :func:`resolve_plain_scalar` to redo the typing by 1.2 rules.
    """

    def descend_resolver(self, parent, index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")
_WORDS = {"null": None, "Null": None, "NULL": None, "true": True, "True": True, "TRUE": True,
          "false": False, "False": False, "FALSE": False}
# Characters no posting can show: C0 controls other than tab and line breaks, DEL and C1.
# libyaml refuses them written raw; a double-quoted escape ("\0", "\x1b") still gets them in.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                  0x1B: "ESC", 0x7F: "DEL", 0x85: "next line"}
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def describe_control(char: str) -> str:
    """``U+001B (ESC)``: how messages name a control character."""
    name = _CONTROL_NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def resolve_plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema."""
    if text and text[0] not in _MAYBE_TYPED:  # most scalars are words: skip the regexes
        return text
    if text and text[0] in "tTfFnN":
        # A word starting like true, false or null: no number starts with a letter, so it is one
        # of those words or text. ("$" in the patterns also matches before a final line break.)
        return _WORDS.get(text[:-1] if text.endswith("\n") else text, text)
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


@dataclass
class SourceDoc:
    """A loaded YAML file: its data as plain Python values, and where each value is."""

    file: str
    data: Any
    text: str = ""
    value_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    # Where quoted and block text holding a '#' lies, (line, col) to (line, col): a '#' there
    # is text, not a comment, which suppression comments must not be confused with.
    hash_spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Whether an alias repeats a list or mapping: the copy's values then have no positions of
    # their own, so walking the data no longer gives the paths of value_positions in order.
    repeats: bool = False

    def inside_text(self, line: int, col: int) -> bool:
        """Whether 1-based (line, col) falls inside a quoted or block scalar's text."""
        starts, reach = self._text_index
        # Spans sorted by start: (line, col) is inside one iff the farthest end among the
        # spans starting at or before it lies beyond it. A bisection per query, not a scan:
        # a file may hold tens of thousands of spans and as many comments to check.
        i = bisect_right(starts, (line, col))
        return i > 0 and reach[i - 1] > (line, col)

    @cached_property
    def _text_index(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """hash_spans sorted by start, with the farthest end reached so far at each."""
        starts, reach = [], []
        farthest = (0, 0)
        for start_line, start_col, end_line, end_col in sorted(self.hash_spans):
            farthest = max(farthest, (end_line, end_col))
            starts.append((start_line, start_col))
            reach.append(farthest)
        return starts, reach

    def where(self, path: JsonPath, *, key: bool = False) -> Location:
        """The location of ``path``'s value (or its key), falling back to the nearest ancestor."""
        table = self.key_positions if key else self.value_positions
        probe = tuple(path)
        while True:
            pos = table.get(probe)
            if pos is None and key:
                pos = self.value_positions.get(probe)
            if pos is not None:
                return Location(self.file, pos[0], pos[1])
            if not probe:
                return Location(self.file, 1, 1)
            probe = probe[:-1]

    def where_key(self, path: JsonPath) -> Location:
        return self.where(path, key=True)


def dotted_path(path: JsonPath) -> str:
    """``responsibilities[2].text``: a value's path as messages name it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def display_path(path: Path | str) -> str:
    """A path as people want to read it: relative to the working directory when inside it.

    A symbolic link is named as the link, not as what it points to: the link is the
    catalog entry whose name (and code) the author sees and must fix.
    """
    # The common case as plain string work: a whole-catalog lint names every file several
    # times, and building Path objects for it was a visible share of a run over 25,000 files.
    absolute, here = os.path.abspath(path), os.getcwd()
    if here != os.sep and absolute.startswith(here + os.sep):
        return absolute[len(here) + 1:]
    p = Path(path)
    cwd = Path(here)
    try:
        return str(Path(absolute).relative_to(cwd))
    except ValueError:
        pass
    try:  # resolved only when needed: resolving costs a system call per folder of the path
        return str(p.resolve().relative_to(_resolved(here)))
    except ValueError:
        return str(p)


@lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    """The working folder resolved, once per folder: a catalog outside it names every file through here."""
    return Path(folder).resolve()


def read_bytes(path: Path, shown: str) -> bytes:
    """A regular file's bytes, with one clear line for every way reading can fail.

    Only a regular file is read, and never more than :data:`MAX_FILE_BYTES` of it: a
    pipe would block forever and a device (``/dev/zero``) never ends. Whether the file
    lies inside the catalog is decided before, where it is found (:mod:`jdgen.filesystem.containment`).
    """
    from ..filesystem.containment import read_input

    raw, size = read_input(path, shown, MAX_FILE_BYTES, "a YAML file")
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidInputError([Diagnostic(
            Location(shown, 1, 1),
            f"file is {max(size, len(raw)) / 1_000_000:.1f} MB, larger than the {MAX_FILE_BYTES // 1_000_000} MB jdgen reads",
            "a role profile is a few kilobytes; check that this is the right file",
        )])
    return raw


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text (a BOM is accepted); bytes that are not UTF-8 are reported at their line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InvalidInputError([Diagnostic(
            Location(shown, line, col),
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
            "save the file as UTF-8",
        )]) from None


def load_yaml(path: Path | str, *, what: str = "document", shown: str | None = None) -> SourceDoc:
    """Load one YAML file strictly. ``what`` names the expected content in messages."""
    path = Path(path)
    shown = shown or display_path(path)
    return parse_yaml(decode(read_bytes(path, shown), shown), shown, what=what)


def parse_yaml(text: str, shown: str, *, what: str = "document") -> SourceDoc:
    """Parse YAML text that came from ``shown`` into a :class:`SourceDoc`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        if _NESTING_LIMIT in (exc.problem or ""):
            raise InvalidInputError([_too_deep(text, shown, exc)]) from None
        raise InvalidInputError([_syntax_diagnostic(exc, shown, text)]) from None
    except yaml.reader.ReaderError as exc:
        raise InvalidInputError([_reader_diagnostic(exc, shown, text)]) from None
    except yaml.YAMLError as exc:  # errors without a mark: rare, still one line
        raise InvalidInputError([Diagnostic(Location(shown, 1, 1), f"YAML error: {exc}")]) from None
    finally:
        composer.dispose()
    if node is None:
        raise InvalidInputError([Diagnostic(
            Location(shown, 1, 1), f"file is empty, expected a {what}",
            "start from `jdgen init` or an existing file in the catalog",
        )])
    doc = SourceDoc(shown, None, text)
    builder = _Builder(doc, budget=max(MAX_EXPANSION * len(text), MIN_EXPANSION_BUDGET), screened=screen_text(text))
    doc.data = builder.build(node, ())
    if builder.problems:
        raise InvalidInputError(builder.problems)
    return doc


def screen_text(text: str) -> bool:
    """Whether no value or key parsed from ``text`` can hold what the builder's text checks refuse.

    Without a backslash no escape can write a character, so every character of every value
    and key is one of the file's own, or a line break or space that folding puts in. A file
    free of control characters, hidden and invisible characters and of '::' and '##[' (which
    folding cannot join from pieces: it always leaves a space or a line break between them)
    then passes every per-value check, and one search of the whole text replaces hundreds.
    Most files are such files; any other is checked value by value, as before.
    """
    if "\\" in text or "::" in text or "##[" in text or _CONTROL.search(text):
        return False
    return text.isascii() or not (may_hide(text) or _INVISIBLE_RE.search(text))


def expect_mapping(doc: SourceDoc, what: str) -> None:
    """Raise when the top level is not a mapping, naming what was found instead."""
    if not isinstance(doc.data, dict):
        found = {list: "a list", str: "a single string"}.get(type(doc.data), f"a {type(doc.data).__name__}")
        raise InvalidInputError([Diagnostic(
            Location(doc.file, 1, 1),
            f"expected a {what} as a YAML mapping of keys to values, found {found}",
            "write `key: value` lines at the top level, not `- item` lines",
        )])


class _Builder:
    def __init__(self, doc: SourceDoc, *, budget: int, screened: bool = False):
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.positions = doc.value_positions
        self._built: dict[int, Any] = {}  # aliases share one value: building stays linear
        # How large each collection is once its aliases are written out (characters of its
        # scalars plus one per value), and how much of that the file may still spend.
        self._sizes: dict[int, int] = {}
        self._budget = budget
        self._limit = budget
        self._stopped = False
        self._items = 0  # list items built so far, across the file's lists
        self._scalars_seen: set[int] = set()
        # Whether the file's text as a whole was found free of what the text checks refuse
        # (see screen_text): then no value can hold it either, and the common scalars of a
        # collection are built in its loop below instead of one call and every check each.
        self._screened = screened

    def build(self, node: yaml.Node, path: JsonPath) -> Any:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if self._stopped:
            return None
        if len(path) > MAX_DEPTH:
            self.problems.append(_nesting_diagnostic(self.doc.file, mark.line + 1, mark.column + 1))
            return None
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            self._spend(len(node.value) + 1, node)
            if id(node) in self._scalars_seen and tag == _STR:
                return node.value  # an alias of text already checked
            self._scalars_seen.add(id(node))
        if tag is _PLAIN or tag == _PLAIN:
            value = resolve_plain_scalar(node.value)
            if type(value) is float and not math.isfinite(value):
                self._problem(node, f"{node.value} is not a finite number", "write a number, e.g. 196000")
                return None
            if type(value) is int and abs(value) > MAX_INTEGER:
                self._problem(node, f"{node.value[:20]}{'…' if len(node.value) > 20 else ''} is too large a number "
                              "for a catalog", "write the number in its unit, e.g. 196000 for a yearly pay")
                return None
            if type(value) is str and not self._screened:
                self._check_text(node, path, value)
            return value
        if tag == _STR:
            if not isinstance(node, yaml.ScalarNode):
                return self._bad_tag(node)
            value = node.value
            if self._screened:
                pass
            elif _CONTROL.search(value):
                self._control_character(node, value)
            else:
                self._check_text(node, path, value)
            if "#" in value:
                self._hash_span(node)
            return value
        known = self._built.get(id(node))
        if known is not None:  # an alias: the same value again, which later steps will see twice
            self.doc.repeats = True
            self._spend(self._sizes[id(node)] - 1, node)
            self._budget -= 1
            return known
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            if self._items + len(node.value) > MAX_LIST_ITEMS:
                return self._too_many_items(node)
            self._items += len(node.value)
            before = self._budget
            value: Any = self._sequence(node, path)
        elif tag == _MAP and isinstance(node, yaml.MappingNode):
            before = self._budget
            value = self._mapping(node, path)
        else:
            return self._bad_tag(node)
        self._built[id(node)] = value
        self._sizes[id(node)] = before - self._budget + 1
        self._budget -= 1
        return value

    def _quick(self, node: yaml.Node, path: JsonPath) -> Any:
        """``build(node, path)`` for a child of a collection, with the common scalars built here.

        A word or a string in a screened file, within the budget and the depth, needs only
        its position, its share of the budget and its text: exactly what ``build`` does for
        it, without the call and the checks it would skip anyway. Anything else goes to ``build``.
        """
        if type(node) is yaml.ScalarNode and self._screened and not self._stopped and len(path) <= MAX_DEPTH:
            value = node.value
            tag = node.tag
            if (tag is _STR or (tag is _PLAIN and value and value[0] not in _MAYBE_TYPED)) \
                    and self._budget > len(value):
                mark = node.start_mark
                self.positions[path] = (mark.line + 1, mark.column + 1)
                self._budget -= len(value) + 1
                if tag is _STR and "#" in value:
                    self._hash_span(node)
                return value
        return self.build(node, path)

    def _sequence(self, node: yaml.SequenceNode, path: JsonPath) -> list[Any]:
        quick = self._quick
        return [quick(item, path + (i,)) for i, item in enumerate(node.value)]

    def _hash_span(self, node: yaml.ScalarNode) -> None:
        start, end = node.start_mark, node.end_mark
        # A block scalar's text starts on the line after its | or > (which may carry a comment).
        first = (start.line + 2, 1) if node.style in ("|", ">") else (start.line + 1, start.column + 1)
        self.doc.hash_spans.append((*first, end.line + 1, end.column + 1))

    def _spend(self, size: int, node: yaml.Node) -> None:
        self._budget -= size
        if self._budget < 0 and not self._stopped:
            # libyaml hands over the anchored node for each alias, so the anchor is the
            # position there is to give: the value that the aliases repeat.
            self._stopped = True
            self._problem(node, f"YAML aliases repeat the value anchored here until the file stands for more than "
                          f"{self._limit:,} characters of values (the most jdgen allows: {MAX_EXPANSION}x the file's "
                          f"size, at least {MIN_EXPANSION_BUDGET:,})",
                          "write repeated values out, or alias only small values such as a list of locations")

    def _too_many_items(self, node: yaml.SequenceNode) -> None:
        # Reported at the first item past the limit, and nothing more is built: the file is refused.
        self._stopped = True
        self._problem(node.value[MAX_LIST_ITEMS - self._items],
                      f"this is list item {MAX_LIST_ITEMS + 1:,} of the file; jdgen reads at most {MAX_LIST_ITEMS:,} "
                      "list items in one file", "remove repeated or generated items; a role or a company needs far fewer")
        return None

    def _bad_tag(self, node: yaml.Node) -> None:
        self._problem(node, f"unsupported YAML tag {node.tag!r}", "remove the tag; jdgen files use plain YAML")
        return None

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        key_positions, quick = self.doc.key_positions, self._quick
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a key must be a plain word, not a list or mapping",
                              "check the indentation above this line")
                continue
            key = key_node.value
            if not self._screened and key_node.tag == _STR and _CONTROL.search(key):
                self._control_character(key_node, key)
                continue
            invisible = None if self._screened else _INVISIBLE_RE.search(key)
            if invisible:  # no catalog key has one; in a key it is a pasted space that broke the line
                mark = key_node.start_mark
                self.problems.append(Diagnostic(
                    Location(self.doc.file, mark.line + 1, mark.column + 1 + invisible.start()),
                    f"key {key.strip()!r} holds {_INVISIBLE[invisible.group()]}, which YAML does not read as a space",
                    "replace it with an ordinary space; it usually arrives by copy and paste"))
                continue
            if key == "<<" and key_node.tag == _PLAIN:
                self._problem(key_node, "YAML merge keys (<<) are not supported",
                              "write the keys out, or use a company override")
                continue
            if key in first_seen:
                first = first_seen[key].start_mark
                self._problem(key_node, f"duplicate key {key!r} (first defined at line {first.line + 1})",
                              "remove one of them; YAML keeps only one")
                continue
            first_seen[key] = key_node
            child = path + (key,)
            mark = key_node.start_mark
            key_positions[child] = (mark.line + 1, mark.column + 1)
            result[key] = quick(value_node, child)
        return result

    def _control_character(self, node: yaml.ScalarNode, value: str) -> None:
        char = _CONTROL.search(value).group()
        self._problem(node, f"quoted text holds the control character {describe_control(char)}, "
                      "which a posting cannot show", "remove the escape sequence that writes it")

    def _check_text(self, node: yaml.ScalarNode, path: JsonPath, value: str) -> None:
        """Refuse text that can disguise what it says, or that a CI log would run as a command.

        Every value is checked, not only those a posting prints: none needs such text, and
        one rule for every file is one rule to explain.
        """
        hidden = find_hidden(value)
        if hidden is not None:
            self.problems.append(Diagnostic(self._at(node, hidden.char, hidden.index),
                                            f"{dotted_path(path) or 'the text'} holds {hidden.describe()}, "
                                            "which can disguise text", "remove it"))
            return
        command = workflow_command(value)
        if command is not None:
            index, found = command
            # Said in words: the message itself must not hold the sequence it warns about.
            what = "holds '##' followed by '['" if found == "##[" else "starts a line with '::'"
            self.problems.append(Diagnostic(
                self._at(node, found, index),
                f"{dotted_path(path) or 'the text'} {what}, which GitHub Actions runs as a workflow command "
                "when a CI log shows it", "reword it"))

    def _at(self, node: yaml.ScalarNode, found: str, index: int) -> Location:
        """Where ``found`` (at ``index`` of the node's value) is written; the value's start when it is not written
        as itself (an escape such as \\u202e, or text folded over lines)."""
        text, start, end = self.doc.text, node.start_mark.index, node.end_mark.index
        value = node.value
        if value.count(found) == text.count(found, start, end):
            at = start - 1
            for _ in range(value.count(found, 0, index) + 1):
                at = text.find(found, at + 1, end)
            return Location(self.doc.file, text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
        return Location(self.doc.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def _problem(self, node: yaml.Node, message: str, hint: str) -> None:
        mark = node.start_mark
        self.problems.append(Diagnostic(Location(self.doc.file, mark.line + 1, mark.column + 1), message, hint))


def could_be_parsed(value: Any) -> bool:
    """Whether ``value`` is data that :func:`parse_yaml` can return without a problem.

    For data that arrives from elsewhere (the cache) and stands in for a parse: the rest of
    jdgen relies on what the builder refuses never being there, and a model checks types,
    not control characters, depth or the size of numbers. Texts are gathered and searched
    at once: one regex call per value would cost more than the parse this replaces.
    """
    texts: list[str] = []
    keys: list[Any] = []
    level, depth = [value], 0
    while level:
        if depth > MAX_DEPTH:
            return False
        below: list[Any] = []
        for item in level:
            kind = type(item)
            if kind is str:
                texts.append(item)
            elif kind is dict:
                keys.extend(item)
                below.extend(item.values())
            elif kind is list:
                below.extend(item)
            elif kind is int:
                if abs(item) > MAX_INTEGER:
                    return False
            elif kind is float:
                if not math.isfinite(item):
                    return False
            elif item is not None and kind is not bool:
                return False
        level, depth = below, depth + 1
    try:
        joined_keys = "\n".join(keys)  # a line break is neither a control character here nor invisible
    except TypeError:  # a key that is not text
        return False
    return not (_CONTROL.search("\n".join(texts)) or _CONTROL.search(joined_keys) or _INVISIBLE_RE.search(joined_keys))


# libyaml 0.2.6 (PyYAML 6.0.4) stops nesting past 1,000 levels in its scanner, before jdgen's
# own limit sees the values; older releases let jdgen's limit speak. Either way the author
# reads one message, at the first value too deep, so the wording never depends on the library.
_NESTING_LIMIT = "maximum nesting depth"


def _nesting_diagnostic(shown: str, line: int, col: int) -> Diagnostic:
    return Diagnostic(Location(shown, line, col), f"values nest more than {MAX_DEPTH} levels deep",
                      "flatten the structure; catalog files need only a few levels")


def _too_deep(text: str, shown: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    """jdgen's nesting message for a file libyaml refused as too deep, at the first value past the limit.

    libyaml scans ahead before it emits events, so the file is cut where libyaml gave up
    (every level before that point is within libyaml's limit) and its events are replayed
    until a value sits deeper than :data:`MAX_DEPTH`. Runs on the error path only.
    """
    mark = exc.problem_mark or exc.context_mark
    cut = mark.index if mark is not None else len(text)
    fallback = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    parser = _Parser(text[:cut])
    # One entry per open collection: whether it is a mapping, and whether its next node is a key.
    open_collections: list[list[bool]] = []
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                open_collections.pop()
                if open_collections and open_collections[-1][0]:
                    open_collections[-1][1] = not open_collections[-1][1]
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            parent = open_collections[-1] if open_collections else None
            is_key = parent is not None and parent[0] and parent[1]
            if len(open_collections) > MAX_DEPTH and not is_key:
                start = event.start_mark
                return _nesting_diagnostic(shown, start.line + 1, start.column + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                open_collections.append([isinstance(event, yaml.MappingStartEvent), True])
            elif parent is not None and parent[0]:
                parent[1] = not parent[1]
    except yaml.YAMLError:
        pass  # the cut text ends mid-structure; the fallback position below still holds
    finally:
        parser.dispose()
    return _nesting_diagnostic(shown, *fallback)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    offset = mark.index if mark else -1
    if 0 <= offset < len(text) and text[offset] == "\t" or "'\\t'" in problem:
        return Diagnostic(Location(shown, line, col), "YAML syntax error: a tab character is used for indentation",
                          "indent with spaces; YAML does not allow tabs")
    invisible = _invisible_space(text, line)
    if invisible is not None:
        at_line, at_col, char = invisible
        return Diagnostic(Location(shown, at_line, at_col),
                          f"YAML syntax error: this line holds {char}, which YAML does not read as a space",
                          "replace it with an ordinary space; it usually arrives by copy and paste")
    opened = _unclosed_quote(text, line)
    if opened is not None:
        return Diagnostic(Location(shown, *opened), "YAML syntax error: this quoted string is never closed",
                          "add the closing quote")
    if "quoted scalar" in context and "end of stream" in problem and exc.context_mark is not None:
        start = exc.context_mark
        return Diagnostic(Location(shown, start.line + 1, start.column + 1),
                          "YAML syntax error: this quoted string is never closed",
                          "add the closing quote")
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return Diagnostic(Location(shown, line, col),
                          "YAML syntax error: a backslash starts an escape sequence that is not valid here",
                          "use single quotes, or write the backslash twice (\\\\)")
    if "mapping values are not allowed" in problem:
        return Diagnostic(Location(shown, line, col),
                          "YAML syntax error: a key and value cannot start here",
                          "check this line's indentation, or quote a value that contains ': '")
    known = _plain_words(problem, context, text, offset)
    if known is not None:
        message, hint, at_context = known
        if at_context and exc.context_mark is not None:
            line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        return Diagnostic(Location(shown, line, col), f"YAML syntax error: {message}", hint)
    if context and not context.startswith("while"):
        context = "while " + context
    message = f"YAML syntax error: {problem}" + (f" {context}" if context else "")
    return Diagnostic(Location(shown, line, col), message, "check the indentation and quoting around this line")


_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")


def _plain_words(problem: str, context: str, text: str, offset: int) -> tuple[str, str, bool] | None:
    """libyaml's wording of the mistakes people make most, said in a catalog author's terms.

    Returns (message, hint, whether the position is where the construct *started*), or
    None to fall back to libyaml's own words.
    """
    here = text[offset:offset + 80] if 0 <= offset < len(text) else ""
    if "another document" in problem:
        return ("a second YAML document starts here; a catalog file holds one",
                "delete this '---' line and what follows, or move that part to a file of its own", False)
    if "<document start>" in problem:
        return ("text follows the end-of-document marker '...'", "delete the '...' line", False)
    if "undefined alias" in problem:
        name = _ALIAS.match(here)
        alias = name.group(1) if name else "…"
        return (f"*{alias} refers to an anchor that is not defined above it",
                f"mark an earlier value with &{alias}, or quote the text if it is meant to start with '*'", False)
    if "duplicate anchor" in context:
        name = _ANCHOR.match(here)
        return (f"anchor &{name.group(1) if name else '…'} is defined twice", "give one of them another name", False)
    if "expected '-' indicator" in problem:
        return ("expected another '- ' list item at this indentation",
                "indent this line under the item above, or make every entry at this level a key", False)
    if "expected key" in problem and "block mapping" in context:
        line_start = text.rfind("\n", 0, offset) + 1
        if text[line_start:offset].strip():
            return ("unexpected text after the value on this line",
                    "quote the whole value, e.g. 'it''s done' or \"say \\\"hi\\\"\"", False)
        return ("this line does not line up with the keys of its block",
                "indent it exactly like the keys above it; quote a value that contains quotes or ': '", False)
    if "expected ':'" in problem and "simple key" in context:
        return ("this line has no ':' after its key", "write `key: value`, or indent the line to continue the value above", True)
    if "cannot start any token" in problem and here:
        return (f"{here[0]!r} cannot start an unquoted value", "put the value in quotes", False)
    if "flow sequence" in context and "']'" in problem:
        return ("the list opened with '[' here is not closed", "add the closing ']', with commas between the items", True)
    if "flow mapping" in context and "'}'" in problem:
        return ("the mapping opened with '{' here is not closed", "add the closing '}', with commas between the entries", True)
    return None


def _reader_diagnostic(exc: yaml.reader.ReaderError, shown: str, text: str) -> Diagnostic:
    """libyaml's reader refuses a raw control character, counting its position in UTF-8 bytes."""
    before = text.encode("utf-8")[:max(exc.position, 0)].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Diagnostic(Location(shown, line, col),
                      f"the file holds the control character {describe_control(char)}, which YAML does not allow",
                      "delete it; such characters usually arrive by copy and paste from another program")


# Characters that look like a space, or like nothing, but are not YAML whitespace: pasted
# from web pages and word processors, they break indentation and "key: value" invisibly.
_INVISIBLE = {"\u00a0": "a non-breaking space (U+00A0)", "\u2007": "a figure space (U+2007)",
              "\u202f": "a narrow non-breaking space (U+202F)", "\u200b": "a zero-width space (U+200B)",
              "\u2060": "a word joiner (U+2060)", "\u3000": "an ideographic space (U+3000)"}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]")


def _invisible_space(text: str, error_line: int) -> tuple[int, int, str] | None:
    """An invisible space on the error's line or the one before, where it may have caused the error."""
    lines = text.splitlines()
    for number in (error_line, error_line - 1):
        if 1 <= number <= len(lines):
            found = _INVISIBLE_RE.search(lines[number - 1])
            if found:
                return number, found.start() + 1, _INVISIBLE[found.group()]
    return None


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s#"'][^#"']*:\s+)?)(["'])(.*)$""")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """The first line before a syntax error that opens a quoted value and never closes it.

    Quoted values may legally span lines, so libyaml reports the problem wherever the
    next quote happens to be; people need the line where the quote was opened.
    """
    for number, line in enumerate(text.splitlines()[:error_line], 1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.group(2), match.group(3)
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number, len(match.group(1)) + 1
    return None


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """YAML files below ``directory``, in a stable order, skipping hidden folders.

    The order is ``sorted(directory.rglob("*"))``'s, part by part, and so is what is walked
    (links to folders are not followed; a link to a file counts as that file): one scandir
    per folder rather than pathlib's walk and a stat per file, which cost a second per process
    for a catalog of 25,000 profiles.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    folders = [(os.fspath(directory), ())]
    while folders:
        folder, parts = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # as rglob passes over a folder it cannot list (check_listing reports it)
        for entry in entries:
            here = (*parts, entry.name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, here))
                elif os.path.splitext(entry.name)[1] in (".yaml", ".yml") and entry.is_file() \
                        and not any(part.startswith(".") for part in here):
                    found.append((here, entry.path))
            except OSError:
                continue
    # pathlib orders Windows paths case-blind (str.lower of each part), POSIX paths as written.
    order = (lambda item: (tuple(part.lower() for part in item[0]), item[0])) if os.name == "nt" else None
    for _, path in sorted(found, key=order):
        yield Path(path)
