"""Lint configuration: ``[lint]`` in the catalog's jdgen.toml, or ``[tool.jdgen.lint]`` in pyproject.toml.

Keys::

    select = ["JD", ...]          rules to run (codes, names or code prefixes); default all
    ignore = ["JD601"]            rules to skip
    fail-on = "error"             error | warning | info: the lowest severity that fails the run
    [lint.severity]               per-rule severity: JD501 = "error"
    [lint.options.JD601]          per-rule options: max_words = 900
    [lint.per-file-ignores]       "roles/legacy/*.yaml" = ["JD5"]

Every key, rule and option is checked when the file is read; a mistake is a
configuration error (exit 2) that names the key, and the file, line and column it is on.
"""

from __future__ import annotations

import datetime
import fnmatch
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..diagnostics import Location, quoted, suggestion_hint
from ..errors import ConfigError
from ..catalog.yaml_source import display_path
from .registry import SEVERITIES, Rule
from .ruleset import all_rules
from .suppress import rule_matches
from .toml_positions import BARE_KEY, decode_error, locate

KEYS = ("select", "ignore", "fail-on", "severity", "options", "per-file-ignores")


@dataclass
class LintConfig:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
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
        patterns = [pattern for pattern, selectors in self.per_file_ignores.items()
                    if any(rule_matches(rule, s) for s in selectors)]
        if not patterns:
            return False
        relative = file
        if self.base is not None:
            try:
                relative = Path(file).resolve().relative_to(self.base).as_posix()
            except ValueError:  # a file outside the config's folder: only its name can match
                pass
        name = Path(file).name
        return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern) for pattern in patterns)


class FoundConfig(NamedTuple):
    path: Path
    table: Any
    text: str  # the whole file, to find the line of a key that is wrong
    prefix: str  # where the table sits in the file, as parse_config names keys


def find_config(catalog_root: Path) -> FoundConfig | None:
    """The first lint table: the catalog's jdgen.toml, else the nearest pyproject.toml upward."""
    from ..filesystem.containment import confine, folder_words

    marker = catalog_root / "jdgen.toml"
    confine(catalog_root, marker)
    if marker.is_file():
        found = config_in(marker)
        if found is not None:
            return found
    for folder in (catalog_root, *catalog_root.parents):
        pyproject = folder / "pyproject.toml"
        confine(folder, pyproject, place="the catalog" if folder == catalog_root else folder_words(folder))
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


def load_config(catalog_root: Path) -> LintConfig:
    found = find_config(catalog_root)
    if found is None:
        return LintConfig()
    config = parse_config(found.table, display_path(found.path), prefix=found.prefix, text=found.text)
    config.base = found.path.parent.resolve()
    return config


# A lint table is a few lines; a larger file is not one, and a device would never end.
MAX_CONFIG_BYTES = 1_000_000


def _read(path: Path) -> tuple[dict[str, Any], str]:
    from ..filesystem.containment import read_regular

    try:
        got = read_regular(path, MAX_CONFIG_BYTES)
        if isinstance(got, str):
            raise ConfigError(f"{display_path(path)}: is {got}, not a file",
                              hint="jdgen reads only regular files: remove it, or replace it with a file")
        if len(got[0]) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{display_path(path)}: is larger than the {MAX_CONFIG_BYTES // 1_000_000} MB jdgen reads",
                              hint="a lint table needs only a few lines; check that this is the right file")
        text = got[0].decode("utf-8-sig")  # a BOM, as some Windows editors write, is not TOML
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{display_path(path)}: cannot read ({exc})") from None
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
        name = prefix + _dotted(keys) if keys else prefix.rstrip(".")
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

    def selectors(key: str) -> list[str]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail((key,), "must be a list of rule codes or names", 'e.g. ["JD501", "exclusionary-language"]')
        if key == "select" and not value:
            fail((key,), "selects no rules", "leave select out to run every rule")
        for selector in value:
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
    for pattern, names in _table(table, "per-file-ignores", fail).items():
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
    return config


def _table(table: dict, key: str, fail) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        fail((key,), "must be a table")
    return value


def _known(selector: str, rules: dict[str, Rule], fail, shown) -> list[Rule]:
    matched = [r for r in rules.values() if rule_matches(r, selector)]
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


def _toml(value: Any, limit: int = 40) -> str:
    """``value`` as it is written in TOML, cut short if long."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        text = "[" + ", ".join(_toml(v, limit) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{_dotted((k,))} = {_toml(v, limit)}" for k, v in value.items()) + " }"
    elif isinstance(value, (datetime.date, datetime.time)):
        text = value.isoformat()
    else:
        text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _dotted(keys: tuple[str, ...]) -> str:
    """A key path as TOML writes it: bare where it can be, quoted where it must be."""
    return ".".join(k if BARE_KEY.fullmatch(k) else json.dumps(k, ensure_ascii=False) for k in keys)
