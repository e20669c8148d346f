"""JSON Schema errors, rewritten as one line a person can act on.

jsonschema reports ``'titel' was unexpected`` against a JSON path; people edit YAML
lines. Every error becomes ``file:line:col: what is wrong (how to fix it)``, with the
position taken from the loader's index, a "did you mean" for unknown keys and enum
values, and the schema's own ``x-jdgen-hint`` or description as the fix. A text of
only spaces (the schemas' ``"pattern": "\\S"``) is called blank, with the schema's
``x-jdgen-blank-hint``, since the regex means nothing to the person who wrote the text;
an address that breaks its pattern (``x-jdgen-address``) is told what part is wrong.
All errors in a file are reported, not only the first.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..diagnostics import Diagnostic, did_you_mean, suggestion_hint
from .schemas import property_description, validator
from .yaml_source import JsonPath, SourceDoc, dotted_path

_TYPE_NAMES = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
    "object": "a mapping (key: value lines)", "array": "a list (- item lines)", "null": "empty",
}
_YES_NO = {"yes", "no", "on", "off", "y", "n"}
_LIST_OPERATORS = {"append", "prepend", "remove", "replace"}
# How the schemas say "more than spaces".
BLANK_PATTERN = r"\S"


def dotted(path: Iterable[Any]) -> str:
    return dotted_path(tuple(path)) or "the top level"


def describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 40 else "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def schema_diagnostics(doc: SourceDoc, schema_name: str) -> list[Diagnostic]:
    """Every way ``doc`` breaks the named schema, sorted by position."""
    check = validator(schema_name)
    found: list[Diagnostic] = []
    for error in check.iter_errors(doc.data):
        found.extend(_translate(error, doc, schema_name))
    unique = {(d.location, d.message): d for d in found}
    return sorted(unique.values(), key=Diagnostic.sort_key)


def _translate(error, doc: SourceDoc, schema_name: str) -> list[Diagnostic]:
    path: JsonPath = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    where = dotted(path)
    schema_hint = error.schema.get("x-jdgen-hint") if isinstance(error.schema, dict) else None

    if keyword == "additionalProperties":
        inside = f" in {where}" if path else ""
        return [Diagnostic(doc.where_key(path + (extra,)), f"unknown key {extra!r}{inside}", hint)
                for extra, hint in _unknown_keys(error.schema, instance)]
    if keyword == "required":
        present = set(instance) if isinstance(instance, dict) else set()
        unknown = present - set(error.schema.get("properties", {}))
        # A misspelt required key is reported once, as the unknown key with its "did you mean".
        missing = [k for k in error.validator_value if k not in present and not did_you_mean(k, unknown)]
        inside = f" in {where}" if path else ""
        location = doc.where_key(path) if path else doc.where(())
        return [
            Diagnostic(location, f"missing required key {key!r}{inside}",
                       _add_hint(key, property_description(schema_name, path + (key,))))
            for key in missing
        ]
    if keyword in ("anyOf", "oneOf"):
        branch = _matching_branch(error)
        if branch is not None:
            return [d for sub in branch for d in _translate(sub, doc, schema_name)]
        return [Diagnostic(doc.where(path), f"{where} cannot be {describe_value(instance)}",
                           _first_sentence(property_description(schema_name, path)))]

    if keyword == "pattern" and error.validator_value == BLANK_PATTERN:
        if instance == "":
            return []  # minLength already says "must not be empty"; one problem, one line
        return [Diagnostic(doc.where(path), f"{where} is blank",
                           error.schema.get("x-jdgen-blank-hint") or
                           _first_sentence(property_description(schema_name, path)))]

    address = error.schema.get("x-jdgen-address") if isinstance(error.schema, dict) else None
    if keyword == "pattern" and address and isinstance(instance, str):
        # Say which character or part is wrong: the value itself may be long or unprintable.
        from .addresses import address_problem

        return [Diagnostic(doc.where(path), f"{where} {address_problem(address, instance)}", schema_hint)]

    message, hint = _value_message(keyword, error, instance, where)
    return [Diagnostic(doc.where(path), message, schema_hint or hint or
                       _first_sentence(property_description(schema_name, path)))]


def _value_message(keyword: str, error, instance: Any, where: str) -> tuple[str, str | None]:
    value = error.validator_value
    if keyword == "type" and isinstance(instance, dict) and instance and set(instance) <= _LIST_OPERATORS:
        if "array" in (value if isinstance(value, list) else [value]):
            # A list the schema does not let operators edit (a role's locations, a company's
            # benefits): "is not a list" would deny what the person can see is a list.
            return (f"{where} takes a plain list{_list_of(error.absolute_path)}; merge operators are not "
                    "supported here", "write the list out")
        names = ", ".join(sorted(instance))
        return f"{where} is not a list, so {names} cannot apply to it", "write the new value directly"
    if keyword == "type":
        expected = value if isinstance(value, list) else [value]
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        hint = None
        if "boolean" in expected and isinstance(instance, str) and instance.lower() in _YES_NO:
            hint = "write true or false; jdgen reads yes/no/on/off as text"
        elif "string" in expected and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            hint = "put the value in quotes"
        return f"{where} must be {wanted}, not {describe_value(instance)}", hint
    if keyword == "enum":
        options = [str(v) for v in value]
        return (f"{where} is {describe_value(instance)}; expected one of {', '.join(options)}",
                suggestion_hint(str(instance), options) if isinstance(instance, str) else None)
    if keyword == "const":
        return f"{where} must be {value!r}, not {describe_value(instance)}", None
    if keyword == "pattern":
        return f"{where} {instance!r} is not in the expected form", None
    if keyword in ("minimum", "exclusiveMinimum"):
        return f"{where} is {instance}, below the minimum {value}", None
    if keyword in ("maximum", "exclusiveMaximum"):
        return f"{where} is {instance}, above the maximum {value}", None
    if keyword == "minLength":
        return f"{where} must not be empty", None
    if keyword == "minItems":
        return f"{where} needs at least {value} item{'s' if value != 1 else ''}", None
    if keyword == "minProperties":
        return _too_few_keys(error, instance, where, value)
    if keyword == "format":
        return f"{where} {instance!r} is not a valid {value}", None
    return f"{where}: {error.message}", None


def _list_of(path: Iterable[Any]) -> str:
    """What a list holds, where its items are names the person chose elsewhere in the file."""
    path = list(path)
    if path and path[-1] == "locations" and path[0] in ("defaults", "roles"):
        return " of location ids"
    return ""


def _unknown_keys(schema: dict, instance: Any) -> list[tuple[str, str]]:
    """The keys of ``instance`` that ``schema`` does not allow, each with its hint.

    A key that matches one of ``patternProperties`` is allowed even though it is not
    named under ``properties``; forgetting that flags every valid sibling of one bad key
    (all level codes under ``pay_bands`` when one of them is written ``p1``).
    """
    if not isinstance(instance, dict):
        return []
    named = list(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    # A key that belongs in another place (x-jdgen-moved-keys) says where, rather than
    # offering a look-alike: `super_function` is not a misspelt `function`.
    moved = schema.get("x-jdgen-moved-keys", {})
    found = []
    for key in sorted(instance):
        if key in named or any(p.search(key) for p in patterns):
            continue
        if key in moved:
            found.append((key, moved[key]))
            continue
        # A pattern key is almost always mistyped in its case: offer the spelling that fits.
        respelt = [v for v in dict.fromkeys((key.strip().upper(), key.strip().lower()))
                   if any(p.search(v) for p in patterns)]
        close = suggestion_hint(key, named) if named else None
        if respelt:
            close = "did you mean " + " or ".join(repr(v) for v in respelt) + "?"
        parts = []
        if patterns:
            parts.append(f"keys here are {schema.get('x-jdgen-keys') or 'in a fixed form'}")
        elif not close:
            parts.append(f"allowed keys: {', '.join(named)}" if named else "no keys are allowed here")
        if close:
            parts.append(close)
        found.append((key, "; ".join(parts)))
    return found


def _too_few_keys(error, instance: Any, where: str, value: int) -> tuple[str, str | None]:
    named = list(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
    path = list(error.absolute_path)
    if named and value == 1:
        options = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
        hint = f"give at least one of {options}"
        if path and isinstance(path[-1], str):
            hint += f", or leave out the `{path[-1]}:` key"
        return f"{where} is empty", hint
    if not instance:
        return f"{where} is empty", f"give at least {value} key{'s' if value != 1 else ''}"
    return f"{where} has {len(instance)} key{'s' if len(instance) != 1 else ''}, fewer than the {value} it needs", None


def _matching_branch(error) -> list | None:
    """The errors of the anyOf/oneOf branch whose shape fits the value, if one does."""
    branches: dict[int, list] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    for subs in branches.values():
        if not any(not sub.relative_path and sub.validator in ("type", "const", "enum") for sub in subs):
            return subs
    return None


def _add_hint(key: str, description: str | None) -> str:
    described = _first_sentence(description)
    return f"add `{key}:`" + (f", {described[0].lower()}{described[1:]}" if described else "")


# A full stop after these words abbreviates them; it ends no sentence ("e.g. P4", "Sr. Engineer").
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "cf", "vs", "approx", "incl", "sr", "jr", "dr", "mr", "mrs", "ms", "st"})
_SENTENCE_END = re.compile(r"[.!?](?=\s+[(\"'`]?[A-Z])|[.!?]$")
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|`[^`]*`")
_LAST_WORD = re.compile(r"[\w.]*$")


def _first_sentence(text: str | None) -> str | None:
    """The first sentence of a schema description, for a hint, without its full stop.

    A stop ends a sentence only where the next word starts with a capital, the stop is
    not inside quotes, and it does not abbreviate a word: a hint cut at "e.g" or "'Sr"
    tells the reader nothing.
    """
    if not text:
        return None
    text = text.strip()
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for stop in _SENTENCE_END.finditer(text):
        at = stop.start()
        if any(start < at < end for start, end in quoted):
            continue
        word = _LAST_WORD.search(text, 0, at).group().lower()
        if word in _ABBREVIATIONS:
            if at == len(text) - 1:
                return text  # "..., e.g. Sr." keeps the stop that belongs to "Sr."
            continue
        return text[:at] if stop.group() == "." else text[:at + 1]
    return text

