"""The strict models accept exactly what the JSON Schemas accept.

Validation trusts the model as its fast path and asks jsonschema only for messages
(see jdgen.catalog.models), so any difference would let invalid data through or reject valid
data. Random mutations of every shipped file must get the same verdict from both.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jdgen.catalog import models
from jdgen.catalog.company_models import Company
from jdgen.resources import builtin_catalog
from jdgen.catalog.schemas import validator
from jdgen.catalog.yaml_source import load_yaml

ROOT = builtin_catalog()


def trimmed(node: Any) -> Any:
    """The same shape with lists cut to two items: every schema location, a tenth of the checking time."""
    if isinstance(node, dict):
        return {k: trimmed(v) for k, v in node.items()}
    if isinstance(node, list):
        return [trimmed(v) for v in node[:2]]
    return node


CASES = {
    "profile": (models.Profile, trimmed(load_yaml(ROOT / "roles" / "AIMLAM.GEN.P4.yaml").data)),
    "ladder": (models.Ladder, trimmed(load_yaml(ROOT / "ladder.yaml").data)),
    "taxonomy": (models.Taxonomy, trimmed(load_yaml(ROOT / "taxonomy.yaml").data)),
    "company": (Company, trimmed(load_yaml(ROOT / "companies" / "northwind.yaml").data)),
    "company-eu": (Company, trimmed(load_yaml(ROOT / "companies" / "lindenhof.yaml").data)),
}
SCHEMA_OF = {"company-eu": "company"}

INTERESTING = [
    None, True, False, 0, 1, 2, -1, 0.5, 1.0, 1.7, 120000, "", "x", "  ", "\t\u3000\x1c", " x ", "pending", "P4", "p4", "P0", "AIMLAM", "GEN",
    "aimlam", "A", "AIMLAM.GEN.P4", "AIMLAM-GEN-P4", "15-2051.00", "15-2051", "15-0000", "2512", "USD", "usd",
    "year", "hour", "draft", "approved", "common", "rare", "level", "family", "preferred", "required", "experience",
    "onet_soc", "soc", "isco", "esco", "manual", "needs_review", "medium", "high", "close", "S", "P",
    [], ["x"], [""], [{"text": "x"}], [{"text": ""}], {}, {"text": "x"}, {"code": "AB", "name": "n"},
    {"min": 1, "max": 2}, {"currency": "USD", "basis": "year"}, {"system": "onet_soc", "code": "15-2051.00"},
    {"system": "soc", "code": "15-2051.00"},
    "remote", "hybrid", "onsite", "full_time", "https://x.example", "ftp://x", "a@b.co", "a@b", "2026-12-31",
    "31.12.2026", "DE", "US", "CO", "usa", "northwind", "North Wind", {"append": [{"text": "x"}]},
    {"remove": ["x"]}, {"append": []}, {"appendix": []}, {"country": "DE"}, [{"country": "DE"}],
    {"currency": "USD", "min": 1, "max": 2, "period": "year"}, {"url": "https://x.example"}, {"deadline": "2026-12-31"},
    [{"id": "x", "country": "US", "work_model": "onsite"}], [{"text": "Stack", "items": ["a"]}],
    # addresses: one line, no user@host, no mailto:, nothing invisible
    "https://x.example\n[x](ms-msdt:y)", "https://a@b.example", "mailto:a@b.co", "javascript:alert(1)",
    "https://x.example/\u00ad", "a@b.co?body=x", [{"title": "t", "url": "https://x.example"}],
]


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, prefix + (i,))
    return found


def get(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw, kind: str):
    data = copy.deepcopy(CASES[kind][1])
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(paths(data)))
        action = draw(st.sampled_from(["replace", "delete", "add", "append"]))
        value = draw(st.sampled_from(INTERESTING))
        if not target:
            continue
        parent = get(data, target[:-1])
        if action == "replace":
            parent[target[-1]] = copy.deepcopy(value)
        elif action == "delete":
            del parent[target[-1]]
        elif action == "add" and isinstance(get(data, target), dict):
            get(data, target)[draw(st.sampled_from(["text", "code", "name", "extra", "notes", "min"]))] = copy.deepcopy(value)
        elif action == "append" and isinstance(get(data, target), list):
            get(data, target).append(copy.deepcopy(value))
    return data


def verdicts(kind: str, data: Any) -> tuple[bool, bool]:
    model = CASES[kind][0]
    schema_ok = validator(SCHEMA_OF.get(kind, kind)).is_valid(data)
    try:
        model.model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    return schema_ok, model_ok


def schema_locations(data: Any) -> list[tuple]:
    """Every path, with list positions folded to the first item: one per place in the schema."""
    seen: dict[tuple, tuple] = {}
    for path in paths(data):
        folded = tuple(0 if isinstance(p, int) else p for p in path)
        seen.setdefault(folded, path)
    return [p for p in seen.values() if p]


def single_mutations(kind: str):
    data = CASES[kind][1]
    for path in schema_locations(data):
        for value in INTERESTING:
            mutated_data = copy.deepcopy(data)
            get(mutated_data, path[:-1])[path[-1]] = copy.deepcopy(value)
            yield path, value, mutated_data
        mutated_data = copy.deepcopy(data)
        del get(mutated_data, path[:-1])[path[-1]]
        yield path, "<deleted>", mutated_data


def test_every_single_value_mutation_gets_the_same_verdict():
    disagreements = []
    checked = 0
    for kind in CASES:
        for path, value, data in single_mutations(kind):
            checked += 1
            schema_ok, model_ok = verdicts(kind, data)
            if schema_ok != model_ok:
                disagreements.append((kind, path, value, schema_ok, model_ok))
    assert checked > 3000
    assert not disagreements, disagreements[:10]


def test_shipped_files_pass_both():
    for kind in CASES:
        assert verdicts(kind, CASES[kind][1]) == (True, True), kind


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(CASES)).flatmap(lambda kind: st.tuples(st.just(kind), mutated(kind))))
def test_model_and_schema_give_the_same_verdict(case):
    kind, data = case
    schema_ok, model_ok = verdicts(kind, data)
    assert schema_ok == model_ok, f"{kind}: schema says {schema_ok}, model says {model_ok}"
