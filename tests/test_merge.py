"""The merge engine: company overrides onto role profiles, with the location of every value."""

from __future__ import annotations

import copy
import textwrap
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.diagnostics import Location
from jdgen.errors import EXIT_INVALID, InvalidInputError, exit_code_for
from jdgen.compose.merge import OPERATORS, Layer, is_operator, merge, merge_layers, provenance_of
from jdgen.catalog.yaml_source import parse_yaml

BASE = """\
title: Senior Engineer
summary: Builds things.
story:
  who: An engineer.
  plan:
    - Assess needs
    - Build models
responsibilities:
  - text: Own projects
    scope: level
  - text: Lead a team
  - text: Research prototypes
skills:
  - Python
  - SQL
title_aliases:
  - title: Sr. Engineer
    approved: false
  - title: Engineer IV
market_pay: pending
"""


def doc(text: str, name: str):
    return parse_yaml(textwrap.dedent(text).lstrip("\n"), name)


def base_doc():
    return parse_yaml(BASE, "base.yaml")


def run(override_text: str, base_text: str = BASE):
    base = parse_yaml(base_text, "base.yaml")
    over = doc(override_text, "acme.yaml")
    return merge(base.data, provenance_of(base), over.data, provenance_of(over))


def errors(override_text: str, base_text: str = BASE) -> list[tuple[str, str | None, Location | None]]:
    with pytest.raises(InvalidInputError) as caught:
        run(override_text, base_text)
    assert exit_code_for(caught.value) == EXIT_INVALID
    return [(d.message, d.hint, d.location) for d in caught.value.diagnostics()]


def B(line: int, col: int) -> Location:
    return Location("base.yaml", line, col)


def A(line: int, col: int) -> Location:
    return Location("acme.yaml", line, col)


def all_paths(value: Any, path: tuple = ()) -> set[tuple]:
    out = {path}
    if isinstance(value, dict):
        for key, child in value.items():
            out |= all_paths(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out |= all_paths(child, path + (i,))
    return out


def at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


# --- mappings and single values -------------------------------------------------------

def test_mappings_deep_merge_and_scalars_replace():
    value, prov = run("""
        title: Staff Engineer
        story:
          who: A builder.
    """)
    assert value["title"] == "Staff Engineer"
    assert value["story"] == {"who": "A builder.", "plan": ["Assess needs", "Build models"]}
    assert value["summary"] == "Builds things."
    assert prov[("title",)] == A(1, 8)
    assert prov[("story", "who")] == A(3, 8)
    assert prov[("story",)] == B(4, 3)  # the mapping merged into keeps its own location
    assert prov[("story", "plan", 1)] == B(7, 7)
    assert prov[("summary",)] == B(2, 10)
    assert set(prov) == all_paths(value)


def test_plain_list_replaces_the_list():
    value, prov = run("""
        skills:
          - Go
    """)
    assert value["skills"] == ["Go"]
    assert prov[("skills",)] == A(2, 3)
    assert prov[("skills", 0)] == A(2, 5)
    assert ("skills", 1) not in prov


def test_new_keys_are_added_and_operators_inside_them_resolved():
    value, prov = run("""
        benefits:
          health: full
          perks:
            append: [Gym]
    """)
    assert value["benefits"] == {"health": "full", "perks": ["Gym"]}
    assert prov[("benefits",)] == A(2, 3)
    assert prov[("benefits", "perks")] == A(4, 5)  # the operator mapping
    assert prov[("benefits", "perks", 0)] == A(4, 14)


def test_a_mapping_may_replace_a_single_value_and_an_empty_base_takes_anything():
    value, prov = run("""
        market_pay:
          currency: USD
          basis: year
        extra: [a]
    """, BASE + "extra:\n")
    assert value["market_pay"] == {"currency": "USD", "basis": "year"}
    assert prov[("market_pay",)] == A(2, 3)
    assert prov[("market_pay", "basis")] == A(3, 10)
    assert value["extra"] == ["a"] and prov[("extra", 0)] == A(4, 9)


def test_an_empty_mapping_changes_nothing():
    value, prov = run("skills: {}\ntitle: {}\nstory: {}\nnew: {}\n")
    base = base_doc()
    assert {k: v for k, v in value.items() if k != "new"} == base.data
    assert value["new"] == {} and prov[("new",)] == A(4, 6)
    assert prov[("skills", 1)] == B(15, 5) and prov[("title",)] == B(1, 8)


def test_null_replaces_a_single_value():
    value, prov = run("summary: ~\n")
    assert value["summary"] is None and prov[("summary",)] == A(1, 10)


# --- list operators --------------------------------------------------------------------

def test_append_keeps_base_items_in_place_and_locates_new_ones():
    value, prov = run("""
        responsibilities:
          append:
            - text: Mentor engineers
              scope: company
    """)
    assert [r["text"] for r in value["responsibilities"]] == [
        "Own projects", "Lead a team", "Research prototypes", "Mentor engineers"]
    assert prov[("responsibilities",)] == A(2, 3)  # the list built by operators: the operator mapping
    assert prov[("responsibilities", 0, "text")] == B(9, 11)
    assert prov[("responsibilities", 3)] == A(3, 7)
    assert prov[("responsibilities", 3, "text")] == A(3, 13)
    assert prov[("responsibilities", 3, "scope")] == A(4, 14)
    assert set(prov) == all_paths(value)


def test_prepend_moves_each_items_whole_subtree():
    value, prov = run("""
        responsibilities:
          prepend:
            - Set the roadmap
    """)
    assert value["responsibilities"][0] == "Set the roadmap"
    assert prov[("responsibilities", 0)] == A(3, 7)
    # the base's first item is now at index 1; its text and scope still point at base lines 9-10
    assert value["responsibilities"][1] == {"text": "Own projects", "scope": "level"}
    assert prov[("responsibilities", 1)] == B(9, 5)
    assert prov[("responsibilities", 1, "text")] == B(9, 11)
    assert prov[("responsibilities", 1, "scope")] == B(10, 12)
    assert prov[("responsibilities", 3, "text")] == B(12, 11)
    assert ("responsibilities", 4) not in prov
    assert set(prov) == all_paths(value)


def test_replace_starts_from_a_new_list():
    value, prov = run("""
        skills:
          replace: [Rust, Go]
    """)
    assert value["skills"] == ["Rust", "Go"]
    assert prov[("skills", 1)] == A(2, 19)


def test_remove_by_text_title_or_item_with_spaces_stripped():
    value, prov = run("""
        responsibilities:
          remove: ["  Lead a team "]
        skills:
          remove: [Python]
        title_aliases:
          remove: [Sr. Engineer]
    """)
    assert [r["text"] for r in value["responsibilities"]] == ["Own projects", "Research prototypes"]
    assert prov[("responsibilities", 1, "text")] == B(12, 11)  # moved up from index 2
    assert value["skills"] == ["SQL"] and prov[("skills", 0)] == B(15, 5)
    assert value["title_aliases"] == [{"title": "Engineer IV"}]
    assert prov[("title_aliases", 0, "title")] == B(19, 12)
    assert set(prov) == all_paths(value)


def test_remove_drops_every_item_with_that_text():
    value, _ = run("skills: {remove: [a]}\n", "skills: [a, b, a, ' a', 3]\n")
    assert value["skills"] == ["b", 3]


def test_operators_apply_in_fixed_order_whatever_the_written_order():
    value, prov = run("""
        skills:
          append: [D]
          prepend: [A]
          remove: [X]
          replace: [X, B, C]
    """)
    assert value["skills"] == ["A", "B", "C", "D"]
    assert [prov[("skills", i)] for i in range(4)] == [A(3, 13), A(5, 16), A(5, 19), A(2, 12)]


def test_remove_does_not_see_appended_items():
    assert errors("skills: {append: [Go], remove: [Go]}\n") == [
        ("cannot remove 'Go' from skills: no such item", "the list has: 'Python', 'SQL'", A(1, 33))]


def test_operators_on_a_missing_or_empty_key_start_from_an_empty_list():
    value, prov = run("""
        tools: {append: [git], prepend: [vim]}
        extra: {replace: [x]}
    """, BASE + "extra: ~\n")
    assert value["tools"] == ["vim", "git"] and value["extra"] == ["x"]
    assert prov[("tools",)] == A(1, 8) and prov[("tools", 0)] == A(1, 34)
    assert errors("tools: {remove: [git]}\n") == [
        ("cannot remove 'git' from tools: no such item", "the list is empty", A(1, 18))]


def test_is_operator():
    assert is_operator({"append": []}) and is_operator(dict.fromkeys(OPERATORS, []))
    assert not is_operator({}) and not is_operator({"append": [], "x": 1})
    assert not is_operator(["append"]) and not is_operator("append")


# --- errors ----------------------------------------------------------------------------

def test_remove_unknown_text_suggests_a_close_or_case_different_item():
    assert errors("""
        responsibilities:
          remove:
            - Lead a Team
            - Own project
            - Cook dinner
    """) == [
        ("cannot remove 'Lead a Team' from responsibilities: no such item", "did you mean 'Lead a team'?", A(3, 7)),
        ("cannot remove 'Own project' from responsibilities: no such item", "did you mean 'Own projects'?", A(4, 7)),
        ("cannot remove 'Cook dinner' from responsibilities: no such item",
         "the list has: 'Own projects', 'Lead a team', 'Research prototypes'", A(5, 7)),
    ]


def test_remove_hint_lists_the_first_items_of_a_long_list():
    [(_, hint, _)] = errors("skills: {remove: [zzzz]}\n", "skills: [alpha, beta, gamma, delta]\n")
    assert hint == "the list has: 'alpha', 'beta', 'gamma', ... (4 items)"


def test_remove_takes_texts():
    assert errors("skills: {remove: [3]}\n") == [
        ("'remove' for skills takes texts, found the number 3", "write the text of the item to remove", A(1, 19))]


def test_operators_on_a_single_value_or_a_mapping():
    assert errors("title:\n  append: [x]\n") == [
        ("title is not a list, so 'append' cannot apply to it", "write the new value directly: title: ...", A(2, 3))]
    assert errors("story: {append: [y], prepend: [x]}\n") == [
        ("story is not a list, so 'prepend' and 'append' cannot apply to it",
         "write the keys to change below story, indented", A(1, 8))]


def test_an_operator_takes_a_list():
    assert errors("skills:\n  append: Go\n  remove: {a: 1}\n") == [
        ("'remove' for skills takes a list, found a mapping", "write it as `- item` lines", A(3, 11)),
        ("'append' for skills takes a list, found the text 'Go'", "write it as `- item` lines", A(2, 11)),
    ]


def test_operators_mixed_with_other_keys():
    assert errors("skills:\n  append: [Go]\n  foo: 1\n") == [
        ("skills mixes list operators (append) with other keys (foo)",
         "move the other keys out, or use only replace, remove, prepend and append", A(2, 3))]
    [(message, hint, _)] = errors("skills: {append: [Go], prepnd: [Rust]}\n")
    assert hint == "did you mean 'prepend' or 'append'?"


def test_single_values_lists_and_mappings_do_not_replace_each_other():
    fix_list = "write `- item` lines, or change it with replace, remove, prepend or append"
    assert errors("skills: Go\n") == [("cannot replace the list skills with a single value", fix_list, A(1, 9))]
    assert errors("story: Once upon a time\n") == [
        ("cannot replace the mapping story with a single value", "write the keys to change below story, indented",
         A(1, 8))]
    assert errors("story: [a]\n")[0][0] == "cannot replace the mapping story with a list"
    assert errors("title: [a, b]\n") == [
        ("cannot replace the single value title with a list", "write the new value directly: title: ...", A(1, 8))]
    assert errors("skills:\n  apend: [Go]\n") == [
        ("skills is a list, so it cannot take the keys apend", "did you mean 'append' or 'prepend'?", A(2, 3))]
    assert errors("skills: {foo: 1}\n") == [("skills is a list, so it cannot take the keys foo", fix_list, A(1, 9))]


def test_all_errors_of_a_merge_are_reported_with_dotted_paths():
    found = errors("""
        story:
          plan:
            remove: [Nope]
        responsibilities: text
        title: {append: [x]}
    """)
    assert [m for m, _, _ in found] == [
        "cannot remove 'Nope' from story.plan: no such item",
        "cannot replace the list responsibilities with a single value",
        "title is not a list, so 'append' cannot apply to it",
    ]


def test_the_path_argument_names_things_in_messages():
    base = parse_yaml("- text: a\n  tags: [x]\n", "base.yaml")
    with pytest.raises(InvalidInputError) as caught:
        merge(base.data[0], provenance_of(base, root=(0,)), {"tags": {"remove": ["y"]}}, {}, path=("skills", 2))
    [d] = caught.value.diagnostics()
    assert d.message == "cannot remove 'y' from skills[2].tags: no such item"
    assert d.location == Location("<merged>", 1, 1)  # no provenance given for the override


# --- inputs, identity, layers ----------------------------------------------------------

def test_inputs_are_not_mutated():
    base, over = base_doc(), doc("""
        title: New
        story: {plan: {prepend: [Listen], remove: [Build models]}}
        responsibilities: {append: [{text: x}], remove: [Lead a team]}
        skills: [Go]
        market_pay: {currency: USD, basis: year}
    """, "acme.yaml")
    base_prov, over_prov = provenance_of(base), provenance_of(over)
    snapshot = copy.deepcopy((base.data, base_prov, over.data, over_prov))
    value, prov = merge(base.data, base_prov, over.data, over_prov)
    assert (base.data, base_prov, over.data, over_prov) == snapshot
    assert value is not base.data and prov is not base_prov
    assert value["story"]["plan"] == ["Listen", "Assess needs"]


def test_an_empty_override_is_the_identity():
    base = base_doc()
    prov = provenance_of(base)
    value, out = merge(base.data, prov, {}, {})
    assert value is base.data and out is prov
    assert merge_layers(base.data, prov, []) == (base.data, prov)


def test_layers_apply_in_order_and_report_every_layers_errors():
    base = base_doc()
    company = doc("""
        defaults:
          summary: Acme default summary.
          skills: {append: [Teamwork]}
        roles:
          X.GEN.P4:
            skills: {remove: [SQL]}
            title: Acme Engineer
    """, "acme.yaml")
    layers = [Layer(company.data["defaults"], provenance_of(company, root=("defaults",)), "acme defaults"),
              Layer(company.data["roles"]["X.GEN.P4"], provenance_of(company, root=("roles", "X.GEN.P4")))]
    value, prov = merge_layers(base.data, provenance_of(base), layers)
    assert value["skills"] == ["Python", "Teamwork"] and value["title"] == "Acme Engineer"
    assert prov[("skills", 1)] == A(3, 21)  # appended by the defaults, moved by the role's remove
    assert prov[("skills",)] == A(6, 13) and prov[("summary",)] == A(2, 12)
    assert set(prov) == all_paths(value)

    bad = [Layer({"skills": {"remove": ["Nope"]}}, {}), Layer({"title": ["x"]}, {})]
    with pytest.raises(InvalidInputError) as caught:
        merge_layers(base.data, provenance_of(base), bad)
    assert len(caught.value.diagnostics()) == 2


def test_provenance_of_reroots_and_fills_in_aliases():
    company = doc("""
        roles:
          A: &shared
            skills: [x, y]
          B: *shared
    """, "acme.yaml")
    prov = provenance_of(company, root=("roles", "B"), prefix=("p",))
    # the alias's value is located where it was written: at the anchor
    assert prov == {("p",): A(2, 6), ("p", "skills"): A(2, 6), ("p", "skills", 0): A(2, 6),
                    ("p", "skills", 1): A(2, 6)}
    whole = provenance_of(company)
    assert set(whole) == all_paths(company.data)
    assert whole[("roles", "A", "skills", 1)] == A(3, 17)


# --- properties --------------------------------------------------------------------------

KEYS = ["a", "b", "c", "d", "e"]
words = st.text(alphabet="xyz ", max_size=3)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), words)
lists = st.one_of(st.lists(words, max_size=5),
                  st.lists(st.fixed_dictionaries({"text": words}, optional={"n": scalars}), max_size=5))
trees = st.recursive(st.one_of(scalars, lists), lambda inner: st.dictionaries(st.sampled_from(KEYS), inner, max_size=4),
                     max_leaves=20)
mappings = st.dictionaries(st.sampled_from(KEYS), st.one_of(lists, trees), max_size=5)  # lists are common


def numbered(value: Any, file: str) -> dict[tuple, Location]:
    return {path: Location(file, n, 1) for n, path in enumerate(sorted(all_paths(value), key=repr), 1)}


def text_of(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("text")
    return item if isinstance(item, str) else None


def override_for(draw, base: Any) -> Any:
    """A random override that merges onto ``base`` without errors."""
    if isinstance(base, dict):
        # mostly keys the base has, so that overrides meet what they override
        keys = draw(st.lists(st.sampled_from(sorted(base) * 3 + KEYS), unique=True, max_size=4))
        return {k: override_for(draw, base[k]) if k in base else draw(trees) for k in keys}
    if isinstance(base, list):
        if draw(st.integers(0, 3)) == 0:
            return draw(lists)
        ops = [op for op in OPERATORS if draw(st.booleans())]
        result: dict[str, Any] = {}
        current = base
        if "replace" in ops:
            current = result["replace"] = draw(lists)
        texts = [t for t in map(text_of, current) if t is not None]
        if "remove" in ops and texts:
            chosen = draw(st.lists(st.sampled_from(texts), min_size=1, max_size=3))
            result["remove"] = [draw(st.sampled_from([t, f" {t} "])) for t in chosen]
        for op in ("prepend", "append"):
            if op in ops:
                result[op] = draw(lists)
        return result or {"append": []}
    if base is None:
        return draw(trees)
    return draw(st.one_of(scalars, st.dictionaries(st.sampled_from(KEYS), scalars, max_size=2)))


def leaves_outside_operators(value: Any, path: tuple = ()):
    if is_operator(value):
        return
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves_outside_operators(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from leaves_outside_operators(child, path + (i,))
    else:
        yield path, value


def check_operator_lists(base: Any, override: Any, value: Any) -> None:
    """Every list built by operators equals a plain model: replace, remove, prepend, append."""
    if is_operator(override):
        items = list(override.get("replace", base if isinstance(base, list) else []))
        gone = {t.strip() for t in override.get("remove", [])}
        kept = [x for x in items if text_of(x) is None or text_of(x).strip() not in gone]
        assert value == override.get("prepend", []) + kept + override.get("append", [])
    elif isinstance(override, dict) and isinstance(base, dict):
        for key, sub in override.items():
            check_operator_lists(base.get(key), sub, value[key])


def same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


@st.composite
def cases(draw):
    base = draw(mappings)
    return base, override_for(draw, base)


@settings(max_examples=300, deadline=None)
@given(mappings)
def test_property_empty_override_is_identity(base):
    base_prov = numbered(base, "base.yaml")
    value, prov = merge(base, base_prov, {}, {})
    assert value == base and prov == base_prov


@settings(max_examples=300, deadline=None)
@given(cases())
def test_property_merge(case):
    base, override = case
    base_prov, over_prov = numbered(base, "base.yaml"), numbered(override, "acme.yaml")
    snapshot = copy.deepcopy((base, base_prov, override, over_prov))

    value, prov = merge(base, base_prov, override, over_prov)

    # inputs are not mutated
    assert (base, base_prov, override, over_prov) == snapshot
    # the override wins at every leaf it sets
    for path, leaf in leaves_outside_operators(override):
        assert same(at(value, path), leaf), path
    check_operator_lists(base, override, value)
    # every path of the result has provenance, and nothing else does
    assert set(prov) == all_paths(value)
    # keys the override does not touch keep the base's values and locations
    for key in set(base) - set(override):
        assert value[key] is base[key]
        for path in all_paths(base[key], (key,)):
            assert prov[path] == base_prov[path]
    # every location points at where that value was written
    sources = {loc: (base, path) for path, loc in base_prov.items()}
    sources.update({loc: (override, path) for path, loc in over_prov.items()})
    for path, loc in prov.items():
        tree, source_path = sources[loc]
        source, result = at(tree, source_path), at(value, path)
        if isinstance(result, list):
            assert isinstance(source, list) or is_operator(source), path
        elif isinstance(result, dict):
            assert isinstance(source, dict) and not is_operator(source), path
        else:
            assert same(source, result), path


@settings(max_examples=300, deadline=None)
@given(cases())
def test_property_layers_equal_merges_in_sequence(case):
    base, override = case
    base_prov, over_prov = numbered(base, "base.yaml"), numbered(override, "acme.yaml")
    once = merge(base, base_prov, override, over_prov)
    assert merge_layers(base, base_prov, [Layer(override, over_prov), Layer({}, {})]) == once


def test_a_generic_postings_provenance_reads_as_its_profiles_and_survives_pickling():
    """Rendering does not read it, so it is worked out on first use; read, it is the same mapping."""
    import pickle
    from datetime import date

    from jdgen.catalog.root import Catalog
    from jdgen.compose.posting import compose
    from jdgen.resources import builtin_catalog

    catalog = Catalog(builtin_catalog())
    loaded = catalog.profile("AIMLAM.GEN.P4")
    posting = compose(catalog, loaded, None, date(2026, 11, 23))
    expected = provenance_of(loaded.doc)
    assert dict(posting.provenance) == expected
    assert posting.provenance[("title",)] is expected[("title",)]
    assert posting.provenance.get(("no such key",)) is None and ("title",) in posting.provenance
    assert posting.provenance[("title",)].line == next(i for i, line in enumerate(loaded.doc.text.splitlines(), 1)
                                                      if line.startswith("title:"))
    again = pickle.loads(pickle.dumps(posting))
    assert dict(again.provenance) == expected and again == posting
