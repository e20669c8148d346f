"""The shipped word lists come already parsed (lint/parsed/*.json), so a lint does not parse
their YAML on every start. A copy must be what parsing its YAML now gives, and is used only
while its digest is the YAML file's own: an edited list is read from its YAML."""

from __future__ import annotations

import json
import shutil

import pytest

from jdgen.lint import data
from jdgen.lint.analyse_shipped import parsed_copies


def test_the_shipped_copies_are_what_parsing_the_lists_now_gives():
    copies = parsed_copies()
    assert copies.keys() == {path.name for path in data.PARSED.glob("*.json")}, \
        "stale: run python -m jdgen.lint.analyse_shipped"
    for name, text in copies.items():
        assert (data.PARSED / name).read_text(encoding="utf-8") == text, \
            f"{name} is stale: run python -m jdgen.lint.analyse_shipped"


@pytest.fixture
def lists(tmp_path, monkeypatch):
    """A copy of the shipped lists and their parsed copies, which a test may edit."""
    shutil.copytree(data.DATA, tmp_path / "data")
    shutil.copytree(data.PARSED, tmp_path / "parsed")
    monkeypatch.setattr(data, "DATA", tmp_path / "data")
    monkeypatch.setattr(data, "PARSED", tmp_path / "parsed")
    return tmp_path


def test_a_list_is_read_from_its_copy_while_the_digests_agree(lists, monkeypatch):
    def parse(raw):
        raise AssertionError("parsed the YAML although its copy is current")

    monkeypatch.setattr(data, "parse_yaml", parse)
    assert data._load("review.yaml")["schema_version"] == 1


def test_an_edited_list_is_read_from_its_yaml(lists):
    path = lists / "data" / "review.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 7", 1),
                    encoding="utf-8")
    assert data._load("review.yaml")["schema_version"] == 7


@pytest.mark.parametrize("copy", ["", "{not json", "[]", '{"sha256": 3, "data": {}}', '{"data": {}}'])
def test_a_missing_or_unreadable_copy_is_not_used(lists, copy):
    target = lists / "parsed" / "review.json"
    target.write_text(copy, encoding="utf-8")
    assert data._load("review.yaml")["schema_version"] == 1
    target.unlink()
    assert data._load("review.yaml")["schema_version"] == 1


def test_each_read_gives_its_own_objects():
    first = data._load("review.yaml")
    first.clear()
    assert data._load("review.yaml")["schema_version"] == 1


def test_a_value_json_cannot_hold_stops_the_writer(lists):
    (lists / "data" / "dates.yaml").write_text("reviewed: 2026-12-06\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="dates.yaml: its data does not survive JSON; quote the value"):
        parsed_copies()


def test_a_copy_holds_the_digest_of_the_yaml_it_came_from():
    import hashlib

    copy = json.loads((data.PARSED / "review.json").read_text(encoding="utf-8"))
    assert copy["sha256"] == hashlib.sha256((data.DATA / "review.yaml").read_bytes()).hexdigest()
    assert copy["data"] == data.parse_yaml((data.DATA / "review.yaml").read_bytes())
