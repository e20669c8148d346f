"""Lint configuration: ``[lint]`` in the catalog's jdgen.toml, or ``[tool.jdgen.lint]`` in pyproject.toml.

Keys::

    select = ["JD", ...]          rules to run (codes, names or code prefixes); default all
    ignore = ["JD601"]            rules to skip, or one row of a rule's word list: "JD507:binary-pronouns"
    fail-on = "error"             error | warning | info: the lowest severity that fails the run
    [lint.severity]               per-rule severity: JD501 = "error"
    [lint.options.JD601]          per-rule options: max_words = 900
    [lint.per-file-ignores]       "roles/legacy/*.yaml" = ["JD5"]
    allow = ["Ninjas Code"]       proper nouns the language rules (JD5) never flag inside

Every key, rule and option is checked when the file is read; a mistake is a
configuration error (exit 2) that names the key, and the file, line and column it is on.

A row of a word list (``CODE:ROW``, the ids ``jdgen rules CODE`` lists) can be ignored on its own:
reviewers of real postings agree on most rows and differ on a few (paired pronouns such as
"he/she", a fitness line on a physical job), and a team that has settled such a row for itself
keeps the rest of the rule. Rows are ignored from ``ignore`` and ``--ignore`` only; ``select``,
severities and per-file ignores name whole rules.
"""

from __future__ import annotations

import datetime
import fnmatch
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..diagnostics import ECHO_LIMIT, Location, quoted, suggestion_hint
from ..errors import ConfigError
from ..catalog.yaml_source import display_path
from .registry import SEVERITIES, Rule
from .ruleset import all_rules
from .suppress import rule_matches, selected_codes
from .toml_positions import BARE_KEY, decode_error, locate

KEYS = ("select", "ignore", "fail-on", "severity", "options", "per-file-ignores", "allow")
# Each per-file-ignores pattern is compiled (fnmatch) and tried on every file with findings, and a
# long pattern with many wildcards takes milliseconds to compile; real tables hold a handful.
MAX_FILE_PATTERNS = 100
MAX_PATTERN_CHARS = 200
# Every allowed phrase is looked for in each text that has a language finding: a few dozen names are
# what a catalog needs, and the limits keep a hostile list from costing seconds.
MAX_ALLOWED = 200
MAX_ALLOWED_CHARS = 100


@dataclass
class LintConfig:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    allow: list[str] = field(default_factory=list)
    source: str | None = None
    # per-file-ignores patterns are relative to the folder of the file that holds them,
    # so that they match the same files wherever jdgen is run from.
    base: Path | None = None

    def enabled(self, rule: Rule) -> bool:
        if self.select is not None and not any(rule_matches(rule, s) for s in self.select):
            return False
        return not any(rule_matches(rule, s) for s in self.ignore)

    def severity_for(self, rule: Rule, found: str | None = None) -> str:
        """The configured severity, else what the finding says (some rules vary by case), else the rule's."""
        for selector, level in self.severity.items():
            if rule_matches(rule, selector):
                return level
        return found or rule.severity

    def options_for(self, rule: Rule) -> dict[str, Any]:
        merged = dict(rule.options)
        for selector, values in self.options.items():
            if rule_matches(rule, selector):
                merged.update(values)
        return merged

    def ignored_in_file(self, rule: Rule, file: str) -> bool:
        return rule.code in self.resolved().ignored_codes(file)

    def ignored_rows(self) -> dict[str, frozenset[str]]:
        """The row ids ``ignore`` leaves out, by word-list file (``"JD507:binary-pronouns"``)."""
        return _ignored_rows(tuple(s for s in self.ignore if ROW_MARK in s))

    def resolved(self) -> "ResolvedConfig":
        """This configuration's answers for every rule, worked out once (see :class:`ResolvedConfig`)."""
        return ResolvedConfig(self)


class ResolvedConfig:
    """What a :class:`LintConfig` says about each rule, worked out once per lint run.

    A configuration may list thousands of selectors, and the engine asks about every
    finding; asking the lists each time made a run cost findings times selectors. Here
    each selector is looked up once (:func:`selected_codes`), each rule's answer is kept,
    and which rules a file's per-file-ignores silence is worked out once per file.
    """

    def __init__(self, config: LintConfig):
        self.config = config
        every = set(all_rules())
        chosen = every if config.select is None else _codes(config.select)
        self._enabled = chosen - _codes([s for s in config.ignore if ROW_MARK not in s])
        self._severity: dict[str, str] = {}
        for selector, level in config.severity.items():  # the first selector that names a rule wins
            for code in selected_codes(selector):
                self._severity.setdefault(code, level)
        self._options: dict[str, list[dict[str, Any]]] = {}
        for selector, values in config.options.items():
            for code in selected_codes(selector):
                self._options.setdefault(code, []).append(values)
        self._file_patterns = [(pattern, _codes(selectors)) for pattern, selectors in config.per_file_ignores.items()]
        self._ignored: dict[str, frozenset[str]] = {}

    def enabled(self, rule: Rule) -> bool:
        return rule.code in self._enabled

    def severity_for(self, rule: Rule, found: str | None = None) -> str:
        return self._severity.get(rule.code) or found or rule.severity

    def configured_severity(self, rule: Rule) -> str | None:
        """The severity ``[lint.severity]`` gives every finding of ``rule``, if it names the rule."""
        return self._severity.get(rule.code)

    def options_for(self, rule: Rule) -> dict[str, Any]:
        merged = dict(rule.options)
        for values in self._options.get(rule.code, ()):
            merged.update(values)
        return merged

    def ignored_in_file(self, rule: Rule, file: str) -> bool:
        return rule.code in self.ignored_codes(file)

    def ignored_codes(self, file: str) -> frozenset[str]:
        """The codes per-file-ignores silences in ``file``."""
        if not self._file_patterns:
            return frozenset()
        codes = self._ignored.get(file)
        if codes is None:
            relative = file
            if self.config.base is not None:
                try:
                    relative = Path(file).resolve().relative_to(self.config.base).as_posix()
                except ValueError:  # a file outside the config's folder: only its name can match
                    pass
            name = Path(file).name
            codes = frozenset().union(*(selected for pattern, selected in self._file_patterns
                                        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern)))
            self._ignored[file] = codes
        return codes


def _codes(selectors: list[str]) -> set[str]:
    return set().union(*map(selected_codes, selectors))


class FoundConfig(NamedTuple):
    path: Path
    table: Any
    text: str  # the whole file, to find the line of a key that is wrong
    prefix: str  # where the table sits in the file, as parse_config names keys


def find_config(catalog_root: Path | None) -> FoundConfig | None:
    """The first lint table: the catalog's jdgen.toml, else the nearest pyproject.toml upward.

    ``None``: no catalog around the work (posting files linted on their own, against the built-in
    catalog): the nearest pyproject.toml upward from the working folder, where the team keeps its
    postings, never one found upward from wherever jdgen is installed."""
    from ..filesystem.containment import confine, folder_words

    in_catalog = catalog_root is not None
    if catalog_root is None:
        catalog_root = Path.cwd()
    else:
        marker = catalog_root / "jdgen.toml"
        confine(catalog_root, marker)
        if marker.is_file():
            found = config_in(marker)
            if found is not None:
                return found
    for folder in (catalog_root, *catalog_root.parents):
        pyproject = folder / "pyproject.toml"
        place = "the catalog" if in_catalog and folder == catalog_root else folder_words(folder)
        confine(folder, pyproject, place=place)
        if pyproject.is_file():
            return config_in(pyproject)
    return None


def config_in(path: Path) -> FoundConfig | None:
    """The lint table of one jdgen.toml (``[lint]``) or pyproject.toml (``[tool.jdgen.lint]``), if it has one."""
    data, text = _read(path)
    if path.name != "pyproject.toml":
        return FoundConfig(path, data["lint"], text, "lint.") if "lint" in data else None
    table: Any = data
    for depth, key in enumerate(("tool", "jdgen")):
        table = table.get(key, {})
        if not isinstance(table, dict):  # e.g. `tool = "x"`: not a place jdgen's table can be
            keys = ("tool", "jdgen")[:depth + 1]
            position = locate(text, keys)
            name = ".".join(keys)
            shown = display_path(path)
            raise ConfigError(f"{name}: must be a table" if position else f"{shown}: {name}: must be a table",
                              hint=f"write it as a [{name}] table",
                              location=Location(shown, *position) if position else None)
    lint = table.get("lint")
    return FoundConfig(path, lint, text, "tool.jdgen.lint.") if lint is not None else None


def check_config_file(path: Path) -> None:
    """Read ``path`` as `jdgen lint` would; ConfigError on its first problem (used by `jdgen validate`)."""
    found = config_in(path)
    if found is not None:
        parse_config(found.table, display_path(found.path), prefix=found.prefix, text=found.text)


def load_config(catalog_root: Path | None) -> LintConfig:
    found = find_config(catalog_root)
    if found is None:
        return LintConfig()
    config = parse_config(found.table, display_path(found.path), prefix=found.prefix, text=found.text)
    config.base = found.path.parent.resolve()
    return config


# A jdgen.toml is a few dozen lines and a pyproject.toml a few hundred; tomllib reads about a
# megabyte in seconds, so a larger file is refused before it is parsed.
MAX_CONFIG_BYTES = 256_000
# tomllib walks every prefix of a dotted key (a.b.c...) for each of its parts: a key of n parts
# costs n*n steps, and a few thousand parts on one line take seconds. Lint keys have four at most.
MAX_KEY_PARTS = 64
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')"""
_LONG_KEY = re.compile(rf"""(?<![\w"'.-]){_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART}){{{MAX_KEY_PARTS}}}""")


def _read(path: Path) -> tuple[dict[str, Any], str]:
    from ..filesystem.containment import read_regular

    try:
        got = read_regular(path, MAX_CONFIG_BYTES)
        if isinstance(got, str):
            raise ConfigError(f"{display_path(path)}: is {got}, not a file",
                              hint="jdgen reads only regular files: remove it, or replace it with a file")
        raw = got[0]
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{display_path(path)}: file is larger than the {MAX_CONFIG_BYTES // 1000} kB jdgen "
                              "reads as configuration", hint="a lint table is a few lines; check that this is the right file")
        # A BOM, as some Windows editors write, is not TOML; line ends read as open() in text mode reads them.
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{display_path(path)}: cannot read ({exc})") from None
    long_key = _LONG_KEY.search(text)
    if long_key:  # it would be valid TOML, but reading it would take minutes
        line_start = text.rfind("\n", 0, long_key.start()) + 1
        raise ConfigError(f"not valid TOML for jdgen: a dotted key has more than {MAX_KEY_PARTS} parts",
                          hint="a lint table needs only a few levels",
                          location=Location(display_path(path), text.count("\n", 0, long_key.start()) + 1,
                                            long_key.start() - line_start + 1))
    try:
        return tomllib.loads(text), text
    except RecursionError:
        raise ConfigError(f"{display_path(path)}: not valid TOML for jdgen: values nest too deeply",
                          hint="a lint table needs only a few levels") from None
    except tomllib.TOMLDecodeError as exc:
        what, position, hint = decode_error(text, exc)
        source = display_path(path)
        if position is None:
            raise ConfigError(f"{source}: not valid TOML: {what}", hint=hint) from None
        raise ConfigError(f"not valid TOML: {what}", hint=hint, location=Location(source, *position)) from None


def parse_config(table: Any, source: str | None, *, prefix: str = "lint.", text: str | None = None) -> LintConfig:
    """Check a lint table; ``source`` names the file (None: the command line, whose keys read as ``--select``).

    ``text`` is the file's content: with it, an error points at the line of the key.
    ``prefix`` is how keys are named: where the table sits in the file, or ``--``.
    """
    def fail(keys: tuple[str, ...], message: str, hint: str | None = None, *, at_char: int | None = None):
        """Raise at the key; ``at_char`` points further, at that character of a key written verbatim."""
        name = prefix + _dotted(tuple(map(_cut, keys))) if keys else prefix.rstrip(".")
        position = locate(text, (*prefix.rstrip(".").split("."), *keys)) if source and text is not None else None
        if position is not None:
            line, col = position
            written = text.splitlines()[line - 1][col - 1:]
            # Escapes make a key's characters and its columns differ; then the key's own column is the best.
            if at_char is not None and any(written.startswith(q + keys[-1] + q) for q in "\"'"):
                col += 1 + at_char
            raise ConfigError(f"{name}: {message}", hint=hint, location=Location(source, line, col))
        raise ConfigError(f"{source}: {name}: {message}" if source else f"{name}: {message}", hint=hint)

    def shown(value: Any) -> str:
        """A value as its source writes it: TOML in a file, a quoted word on the command line."""
        return _toml(value) if source else quoted(value)

    if not isinstance(table, dict):
        fail((), "must be a table")
    rules = all_rules()
    for key in table:
        if key not in KEYS:
            fail((key,), "unknown key", suggestion_hint(key, KEYS) or f"use one of {', '.join(KEYS)}")
    config = LintConfig(source=source)
    known: dict[str, list[Rule]] = {}  # a selector checked once, however often it is listed

    def _known(selector: str, rules: dict[str, Rule], fail, shown) -> list[Rule]:
        if ROW_MARK in selector:  # a row where only whole rules go: say so, not "no rule matches"
            fail(f"{shown(selector)} names a row of a word list, which only ignore can leave out",
                 f"name the whole rule here, e.g. {shown(selector.split(ROW_MARK)[0])}")
        if selector not in known:
            known[selector] = _rules_named(selector, rules, fail, shown)
        return known[selector]

    def selectors(key: str) -> list[str]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail((key,), "must be a list of rule codes or names", 'e.g. ["JD501", "exclusionary-language"]')
        if key == "select" and not value:
            fail((key,), "selects no rules", "leave select out to run every rule")
        for selector in value:
            if ROW_MARK in selector and key == "ignore":
                _check_row(selector, rules, lambda m, h: fail((key,), m, h), shown)
                continue
            _known(selector, rules, lambda m, h: fail((key,), m, h), shown)
        return value

    if "select" in table:
        config.select = selectors("select")
    if "ignore" in table:
        config.ignore = selectors("ignore")
    if "fail-on" in table:
        if table["fail-on"] not in SEVERITIES:
            fail(("fail-on",), f"{shown(table['fail-on'])} is not a severity", f"use one of {', '.join(SEVERITIES)}")
        config.fail_on = table["fail-on"]
    for selector, level in _table(table, "severity", fail).items():
        _known(selector, rules, lambda m, h: fail(("severity", selector), m, h), shown)
        if level not in SEVERITIES:
            fail(("severity", selector), f"{shown(level)} is not a severity", f"use one of {', '.join(SEVERITIES)}")
        config.severity[selector] = level
    for selector, values in _table(table, "options", fail).items():
        matched = _known(selector, rules, lambda m, h: fail(("options", selector), m, h), shown)
        if not isinstance(values, dict):
            fail(("options", selector), "must be a table of option = value")
        for name, value in values.items():
            for rule in matched:
                if name not in rule.options:
                    fail(("options", selector, name), f"{rule.code} has no option {name!r}",
                         suggestion_hint(name, rule.options) or f"its options: {', '.join(rule.options) or 'none'}")
                default = rule.options[name]
                if not _same_type(default, value):
                    fail(("options", selector, name),
                         f"must be {_kind(default)}, not {_kind(value, found=True)} ({_toml(value)})",
                         f"e.g. {name} = {_toml(default)}, the default")
                # Every numeric option counts or limits something: below zero it means nothing.
                if _is_number(default) and default >= 0 and value < 0:
                    fail(("options", selector, name), f"must be 0 or more, not {_toml(value)}",
                         f"e.g. {name} = {_toml(default)}, the default")
        config.options[selector] = dict(values)
    patterns = _table(table, "per-file-ignores", fail)
    if len(patterns) > MAX_FILE_PATTERNS:
        fail(("per-file-ignores",), f"has {len(patterns):,} file patterns, more than the {MAX_FILE_PATTERNS} jdgen reads",
             'match many files with one wildcard, e.g. "roles/legacy/*.yaml" = ["JD5"]')
    for pattern, names in patterns.items():
        if len(pattern) > MAX_PATTERN_CHARS:
            fail(("per-file-ignores", pattern), f"the file pattern is {len(pattern):,} characters long, more than "
                 f"{MAX_PATTERN_CHARS}", 'shorten it with a wildcard, e.g. "roles/legacy/*.yaml"')
        if not pattern.strip():
            fail(("per-file-ignores", pattern), "the file pattern is empty",
                 'name the files, e.g. "roles/legacy/*.yaml" = ["JD5"]')
        unclosed = _unclosed_bracket(pattern)
        if unclosed is not None:
            fail(("per-file-ignores", pattern), f"the [ at character {unclosed + 1} of the pattern is never closed",
                 'close it with ], or write [[] to match a literal "["', at_char=unclosed)
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            fail(("per-file-ignores", pattern), "must be a list of rule codes or names")
        for name in names:
            _known(name, rules, lambda m, h: fail(("per-file-ignores", pattern), m, h), shown)
        config.per_file_ignores[pattern] = names
    if "allow" in table:
        config.allow = _allowed(table["allow"], lambda m, h: fail(("allow",), m, h), shown)
    return config


def _allowed(value: Any, fail, shown) -> list[str]:
    example = 'e.g. allow = ["Ninjas Code", "Rockstar Games"]'
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail("must be a list of phrases (text)", example)
    if len(value) > MAX_ALLOWED:
        fail(f"has {len(value):,} phrases, more than the {MAX_ALLOWED} jdgen reads", "list the names your postings use")
    for number, phrase in enumerate(value, 1):
        if not phrase.strip():
            fail(f"phrase {number} is blank", "write the name, e.g. \"Ninjas Code\", or remove it")
        if len(phrase) > MAX_ALLOWED_CHARS:
            fail(f"phrase {number} is {len(phrase):,} characters long, more than {MAX_ALLOWED_CHARS}",
                 "allow the name itself, not the sentence around it")
    return [" ".join(phrase.split()) for phrase in value]


def _table(table: dict, key: str, fail) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        fail((key,), "must be a table")
    return value


# A selector naming one row of a rule's word list: "JD507:binary-pronouns".
ROW_MARK = ":"


@lru_cache(maxsize=64)
def _ignored_rows(selectors: tuple[str, ...]) -> dict[str, frozenset[str]]:
    rows: dict[str, set[str]] = {}
    rules = all_rules()
    for selector in selectors:
        named, row = (part.strip() for part in selector.split(ROW_MARK, 1))
        for code in selected_codes(named):
            word_list = rules[code].word_list
            if word_list is not None:
                rows.setdefault(word_list, set()).add(row)
    return {file: frozenset(ids) for file, ids in rows.items()}


def _check_row(selector: str, rules: dict[str, Rule], fail, shown) -> None:
    """A ``CODE:ROW`` selector under ``ignore`` names one rule with a word list and a row of that list."""
    named, row = (part.strip() for part in selector.split(ROW_MARK, 1))
    matched = _rules_named(named, rules, fail, shown)
    if len(matched) != 1:
        fail(f"{shown(selector)} names {len(matched)} rules; a row belongs to one",
             "name the rule by its code, e.g. \"JD507:binary-pronouns\"")
    rule = matched[0]
    if rule.word_list is None:
        listed = ", ".join(r.code for r in sorted(rules.values(), key=lambda r: r.code) if r.word_list)
        fail(f"{rule.code} has no word-list rows to ignore one by one", f"ignore the whole rule, or a row of {listed}")
    from .data import phrases  # the word lists load only when a row is named

    ids = [phrase.id for phrase in phrases(rule.word_list)]
    if row not in ids:
        fail(f"{rule.code} has no row {quoted(row)}",
             suggestion_hint(row, ids) or f"`jdgen rules {rule.code}` lists its rows")


def _rules_named(selector: str, rules: dict[str, Rule], fail, shown) -> list[Rule]:
    codes = selected_codes(selector)
    matched = [r for r in rules.values() if r.code in codes]
    if not matched:
        names = [*rules, *(r.name for r in rules.values())]
        fail(f"no rule matches {shown(selector)}", suggestion_hint(selector, names) or "run `jdgen rules` for the list")
    return matched


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _unclosed_bracket(pattern: str) -> int | None:
    """Where a ``[`` opens a set that never closes, read as fnmatch reads it; None when all close.

    fnmatch quietly takes such a ``[`` as a literal character, so "roles/[*.yaml" would only
    ever match a file whose name holds a "[": a typo that silences nothing, never an intent.
    """
    i = 0
    while i < len(pattern):
        if pattern[i] == "[":
            j = i + 1
            if j < len(pattern) and pattern[j] == "!":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            close = pattern.find("]", j)
            if close < 0:
                return i
            i = close
        i += 1
    return None


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list)
    return isinstance(value, type(default))


# A TOML author knows "a whole number" and "text", not int and str. A value that was found
# reads "a true/false value (true)", which is clearer than "true or false (true)".
_WANTED = {bool: "true or false", int: "a whole number", float: "a number", str: "text (a quoted string)",
           list: "a list", dict: "a table"}
_FOUND = {**_WANTED, bool: "a true/false value", float: "a decimal number", str: "text"}


def _kind(value: Any, *, found: bool = False) -> str:
    words = _FOUND if found else _WANTED
    return next((words[t] for t in words if isinstance(value, t)),
                "a date or time" if isinstance(value, (datetime.date, datetime.time)) else type(value).__name__)


def _toml(value: Any, limit: int = 40, depth: int = 0) -> str:
    """``value`` as it is written in TOML, cut short if long.

    Only as much is written as the cut keeps: a list of a million items is not joined, and
    arrays nested hundreds deep (which tomllib reads) stop at the depth the cut shows.
    """
    if isinstance(value, (list, dict)) and depth > limit:
        return "[" * (limit + 1)  # past what the cut shows of the levels above
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        text = "[" + _joined((_toml(v, limit, depth + 1) for v in value), limit) + "]"
    elif isinstance(value, dict):
        text = "{ " + _joined((f"{_dotted((k,))} = {_toml(v, limit, depth + 1)}" for k, v in value.items()),
                              limit) + " }"
    elif isinstance(value, (datetime.date, datetime.time)):
        text = value.isoformat()
    else:
        text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _joined(parts, limit: int) -> str:
    """", ".join(parts), stopped once it is longer than ``limit``: the rest would be cut."""
    out, size = [], 0
    for part in parts:
        out.append(part)
        size += len(part) + 2
        if size > limit:
            break
    return ", ".join(out)


def _cut(key: str) -> str:
    """A key as a message names it: a pasted paragraph of a key is cut, as values are (ECHO_LIMIT)."""
    return key if len(key) <= ECHO_LIMIT else key[:ECHO_LIMIT] + "…"


def _dotted(keys: tuple[str, ...]) -> str:
    """A key path as TOML writes it: bare where it can be, quoted where it must be."""
    return ".".join(k if BARE_KEY.fullmatch(k) else json.dumps(k, ensure_ascii=False) for k in keys)
