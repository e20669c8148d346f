"""The published JSON Schemas: valid against their metaschema, documented, strict, and in step with the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from jdgen.catalog import models
from jdgen.catalog.company_models import Company
from jdgen.resources import builtin_catalog, shipped
from jdgen.catalog.yaml_source import load_yaml

SCHEMAS = sorted(shipped("schemas").glob("*.schema.json"))
MODELS = {"profile": models.Profile, "ladder": models.Ladder, "taxonomy": models.Taxonomy, "company": Company}


def schema(name: str) -> dict[str, Any]:
    return json.loads((shipped("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_expected_schemas_ship():
    names = {p.name.removesuffix(".schema.json") for p in SCHEMAS}
    assert {"profile", "ladder", "taxonomy"} <= names


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_against_its_metaschema(path: Path):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


def _objects(node: Any, where: str = "#"):
    """Every object-typed subschema with its location."""
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{where}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_object_is_closed_and_every_property_described(path: Path):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert "schema_version" in document["properties"]
    for where, node in _objects(document):
        assert node.get("additionalProperties") is False, where
        for name, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{where}/properties/{name} has no description"


def _model_shape(model_schema: dict, node: dict, defs: dict) -> dict:
    """Property names and required sets of a pydantic JSON schema, recursively, as a comparable tree."""
    node = _resolve(node, defs)
    props = node.get("properties", {})
    return {
        "required": sorted(node.get("required", [])),
        "properties": {name: _child_shape(model_schema, prop, defs) for name, prop in props.items()},
    }


def _child_shape(model_schema, prop, defs):
    prop = _resolve(prop, defs)
    for option in prop.get("anyOf", []):  # Optional[X] / X | Literal
        option = _resolve(option, defs)
        if option.get("type") == "object" or "properties" in option:
            return _model_shape(model_schema, option, defs)
        if option.get("type") == "array":
            return _child_shape(model_schema, option, defs)
    if prop.get("type") == "array" and "items" in prop:
        return _child_shape(model_schema, prop["items"], defs)
    if isinstance(prop.get("additionalProperties"), dict):  # dict[str, Model]
        return {"*": _child_shape(model_schema, prop["additionalProperties"], defs)}
    if "patternProperties" in prop:  # dict[KeyPattern, Model]
        (only,) = prop["patternProperties"].values()
        return {"*": _child_shape(model_schema, only, defs)}
    if "properties" in prop:
        return _model_shape(model_schema, prop, defs)
    return None


def _resolve(node, defs):
    while isinstance(node, dict) and "$ref" in node:
        node = defs[node["$ref"].split("/")[-1]]
    return node


def _published_shape(node: dict, defs: dict) -> Any:
    node = _resolve(node, defs)
    if node.get("type") == "object" and "patternProperties" in node:
        (only,) = node["patternProperties"].values()
        return {"*": _published_shape(only, defs)}
    if node.get("type") == "object":
        return {
            "required": sorted(node.get("required", [])),
            "properties": {n: _published_shape(p, defs) for n, p in node.get("properties", {}).items()},
        }
    if node.get("type") == "array":
        return _published_shape(node.get("items", {}), defs)
    for option in node.get("anyOf", []):
        shape = _published_shape(option, defs)
        if shape is not None:
            return shape
    return None


@pytest.mark.parametrize("name", sorted(MODELS))
def test_models_and_schemas_agree(name):
    """Same properties and same required sets at every depth."""
    published = schema(name)
    model_schema = MODELS[name].model_json_schema()
    assert _model_shape(model_schema, model_schema, model_schema.get("$defs", {})) == \
        _published_shape(published, published.get("$defs", {}))


def shipped_files():
    root = builtin_catalog()
    files = [root / "ladder.yaml", root / "taxonomy.yaml", *sorted((root / "roles").rglob("*.yaml"))]
    files += sorted((root / "companies").glob("*.yaml"))
    return files


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: p.name)
def test_every_shipped_file_loads_under_schema_and_model(path: Path):
    from jdgen.catalog.loading import kind_of

    kind = kind_of(path)
    doc = load_yaml(path)
    errors = list(Draft202012Validator(schema(kind)).iter_errors(doc.data))
    assert not errors, [e.message for e in errors]
    MODELS[kind].model_validate(doc.data)


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: p.name)
def test_every_shipped_yaml_names_its_schema_for_editors(path: Path):
    from jdgen.catalog.loading import kind_of

    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (shipped("schemas") / f"{kind_of(path)}.schema.json").resolve()


def test_schema_command_prints_a_schema(run):
    result = run("schema", "profile")
    assert result.code == 0
    assert json.loads(result.out)["$id"].endswith("profile.schema.json")


def test_schema_command_unknown_name(run):
    result = run("schema", "profil")
    assert result.code == 2
    assert result.err.strip() == "no schema named 'profil' (did you mean 'profile'?)"
