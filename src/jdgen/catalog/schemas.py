"""The published JSON Schemas: loading them and keeping one compiled validator per schema."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..resources import schema_path, shipped

# The kinds of file a catalog holds, each with its schema.
SCHEMA_NAMES = ("profile", "ladder", "taxonomy", "company", "translation")


def available_schemas() -> list[str]:
    return sorted(p.name.removesuffix(".schema.json") for p in shipped("schemas").glob("*.schema.json"))


@cache
def load_schema(name: str) -> dict[str, Any]:
    with schema_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def validator(name: str):
    """A compiled draft 2020-12 validator for the named schema (built once per process)."""
    from jsonschema import Draft202012Validator  # heavy import: only when something is validated

    return Draft202012Validator(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def property_description(name: str, path: tuple) -> str | None:
    """The schema description for the property at ``path``, for hints; None when unknown."""
    node: Any = load_schema(name)
    defs = node.get("$defs", {})
    for part in path:
        node = _deref(node, defs)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part)
            if node is None:
                return None
    node = _deref(node, defs)
    return node.get("description")


def _deref(node: dict, defs: dict) -> dict:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        target = defs[ref.removeprefix("#/$defs/")]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
