"""Lint configuration: ``[lint]`` in the catalog's jdgen.toml, or ``[tool.jdgen.lint]`` in pyproject.toml.

Keys::

    select = ["JD", ...]          rules to run (codes, names or code prefixes); default all
    ignore = ["JD601"]            rules to skip
    fail-on = "error"             error | warning | info: the lowest severity that fails the run
    [lint.severity]               per-rule severity: JD501 = "error"
    [lint.options.JD601]          per-rule options: max_words = 900
    [lint.per-file-ignores]       "roles/legacy/*.yaml" = ["JD5"]

Every key, rule and option is checked when the file is read; a mistake is a
configuration error (exit 2) that names the key and the file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import suggestion_hint
from ..errors import ConfigError
from ..sources import display_path
from .registry import SEVERITIES, Rule, all_rules
from .suppress import rule_matches

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
        return any(fnmatch.fnmatch(file, pattern) or fnmatch.fnmatch(Path(file).name, pattern)
                   for pattern, selectors in self.per_file_ignores.items()
                   if any(rule_matches(rule, s) for s in selectors))


def find_config(catalog_root: Path) -> tuple[Path, dict[str, Any]] | None:
    """The first lint table: the catalog's jdgen.toml, else the nearest pyproject.toml upward."""
    marker = catalog_root / "jdgen.toml"
    if marker.is_file():
        table = _read(marker).get("lint")
        if table is not None:
            return marker, table
    for folder in (catalog_root, *catalog_root.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("jdgen", {}).get("lint")
            return (pyproject, table) if table is not None else None
    return None


def load_config(catalog_root: Path) -> LintConfig:
    found = find_config(catalog_root)
    if found is None:
        return LintConfig()
    path, table = found
    return parse_config(table, display_path(path))


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{display_path(path)}: not valid TOML: {exc}", hint="check the quoting and brackets") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{display_path(path)}: cannot read ({exc})") from None


def parse_config(table: Any, source: str | None, *, prefix: str = "lint.") -> LintConfig:
    """Check a lint table; ``source`` names the file (None: the command line, whose keys read as ``--select``)."""
    def fail(key: str, message: str, hint: str | None = None):
        where = f"{source}: {prefix}{key}" if source else f"{prefix}{key}"
        raise ConfigError(f"{where}: {message}", hint=hint, location=None)

    if not isinstance(table, dict):
        fail("", "must be a table")
    rules = all_rules()
    for key in table:
        if key not in KEYS:
            fail(key, "unknown key", suggestion_hint(key, KEYS) or f"use one of {', '.join(KEYS)}")
    config = LintConfig(source=source)

    def selectors(key: str) -> list[str]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(key, "must be a list of rule codes or names", 'e.g. ["JD501", "exclusionary-language"]')
        if key == "select" and not value:
            fail(key, "selects no rules", "leave select out to run every rule")
        for selector in value:
            _known(selector, rules, lambda m, h: fail(key, m, h))
        return value

    if "select" in table:
        config.select = selectors("select")
    if "ignore" in table:
        config.ignore = selectors("ignore")
    if "fail-on" in table:
        if table["fail-on"] not in SEVERITIES:
            fail("fail-on", f"{table['fail-on']!r} is not a severity", f"use one of {', '.join(SEVERITIES)}")
        config.fail_on = table["fail-on"]
    for selector, level in _table(table, "severity", fail).items():
        _known(selector, rules, lambda m, h: fail(f"severity.{selector}", m, h))
        if level not in SEVERITIES:
            fail(f"severity.{selector}", f"{level!r} is not a severity", f"use one of {', '.join(SEVERITIES)}")
        config.severity[selector] = level
    for selector, values in _table(table, "options", fail).items():
        matched = _known(selector, rules, lambda m, h: fail(f"options.{selector}", m, h))
        if not isinstance(values, dict):
            fail(f"options.{selector}", "must be a table of option = value")
        for name, value in values.items():
            for rule in matched:
                if name not in rule.options:
                    fail(f"options.{selector}.{name}", f"{rule.code} has no option {name!r}",
                         suggestion_hint(name, rule.options) or f"its options: {', '.join(rule.options) or 'none'}")
                default = rule.options[name]
                if not _same_type(default, value):
                    fail(f"options.{selector}.{name}", f"must be {type(default).__name__}, not {type(value).__name__}")
        config.options[selector] = dict(values)
    for pattern, names in _table(table, "per-file-ignores", fail).items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            fail(f"per-file-ignores.{pattern}", "must be a list of rule codes or names")
        for name in names:
            _known(name, rules, lambda m, h: fail(f"per-file-ignores.{pattern}", m, h))
        config.per_file_ignores[pattern] = names
    return config


def _table(table: dict, key: str, fail) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        fail(key, "must be a table")
    return value


def _known(selector: str, rules: dict[str, Rule], fail) -> list[Rule]:
    matched = [r for r in rules.values() if rule_matches(r, selector)]
    if not matched:
        names = [*rules, *(r.name for r in rules.values())]
        fail(f"no rule matches {selector!r}", suggestion_hint(selector, names) or "run `jdgen rules` for the list")
    return matched


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list)
    return isinstance(value, type(default))
