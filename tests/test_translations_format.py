"""Translation files as catalog input: schema and model agree, the shipped files are complete and in
the form `jdgen translate` writes, and a broken file is reported at its line like any catalog file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import write
from test_schemas import _model_shape, _published_shape

from jdgen.catalog.loading import kind_of
from jdgen.catalog.translation_models import Translation
from jdgen.catalog.root import Catalog
from jdgen.catalog.translations import text_hash, translation_files
from jdgen.catalog.yaml_source import load_yaml
from jdgen.compose.translation import pair, printed_slots
from jdgen.resources import builtin_catalog, shipped

SHIPPED = sorted((builtin_catalog() / "translations").rglob("*.yaml"))
SCHEMA = json.loads((shipped("schemas") / "translation.schema.json").read_text(encoding="utf-8"))


ROLES = sorted(path.stem for path in (builtin_catalog() / "roles").glob("*.yaml"))
FRENCH = ("AIMLAM.APP.P4", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4")


def test_the_shipped_translations_are_german_for_every_profile_and_french_for_three():
    names = {(p.parent.name, p.stem) for p in SHIPPED}
    assert names == {("de", code) for code in ROLES} | {("fr", code) for code in FRENCH}


def test_model_and_schema_have_the_same_shape():
    model_schema = Translation.model_json_schema()
    assert _model_shape(model_schema, model_schema, model_schema.get("$defs", {})) == \
        _published_shape(SCHEMA, SCHEMA["$defs"])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_file_loads_under_schema_and_model_and_names_its_schema(path: Path):
    assert kind_of(path) == "translation"
    data = load_yaml(path).data
    assert not [e.message for e in Draft202012Validator(SCHEMA).iter_errors(data)]
    Translation.model_validate(data)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (shipped("schemas") / "translation.schema.json").resolve()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_file_translates_every_printed_text_of_its_profile(path: Path):
    catalog = Catalog(builtin_catalog())
    profile = catalog.profile(path.stem)
    pairings, orphans = pair(printed_slots(profile.doc.data), Translation.model_validate(load_yaml(path).data))
    assert [(p.slot.field, p.slot.text, p.state) for p in pairings if p.state != "current"] == []
    assert orphans == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_refreshing_a_shipped_file_changes_no_byte(path: Path, run, tmp_path: Path):
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    before = path.read_bytes()
    result = run("--catalog", str(root), "translate", path.stem, "--language", path.parent.name)
    assert result.code == 0, result.err
    assert result.out == ""
    copy = root / "translations" / path.parent.name / path.name
    assert copy.read_bytes() == before
    texts = len(load_yaml(path).data.get("responsibilities", ()))
    assert texts and result.err.endswith(" translated\n") and " up to date: " in result.err


def test_seed_items_keep_their_english_and_print_in_translation():
    """AIMLAM.GEN.P4's seed items are translated like any other: the profile keeps the seed's words."""
    catalog = Catalog(builtin_catalog())
    profile = catalog.profile("AIMLAM.GEN.P4")
    assert profile.model.responsibilities[0].text == "Ownership of entire AI/ML projects or significant product areas"
    german = load_yaml(builtin_catalog() / "translations" / "de" / "AIMLAM.GEN.P4.yaml").data
    first = profile.model.responsibilities[0]
    assert german["responsibilities"][0] == {
        "source": text_hash(first.posting),
        "text": "KI/ML-Projekte oder einen wichtigen Produktbereich verantworten, von der ersten Idee bis zum "
                "Produktivbetrieb"}


def test_hash_is_the_first_ten_hex_of_sha256_of_the_text_with_spaces_collapsed():
    assert text_hash("Cross-functional collaboration") == "ed0c2e9922"
    assert text_hash("  Cross-functional\n   collaboration ") == "ed0c2e9922"
    assert text_hash("Cross-functional Collaboration") != "ed0c2e9922"


# --- broken files -------------------------------------------------------------------------------

GOOD = """\
schema_version: 1
code: AIMLAM.GEN.P4
language: de
title:
  source: "2b05be1ae6"
  text: Senior AI/ML Engineer / Tech Lead
skills:
  - source: ed0c2e9922
    text: Bereichsübergreifende Zusammenarbeit
"""


def _validate(run, catalog: Path, relative: str, text: str):
    write(catalog / relative, text)
    return run("validate", relative, cwd=catalog)


def test_a_valid_translation_file_validates(run, catalog: Path):
    result = _validate(run, catalog, "translations/nl/AIMLAM.GEN.P4.yaml", GOOD.replace("language: de", "language: nl"))
    assert (result.code, result.out) == (0, "")
    assert result.err == "1 file valid\n"


@pytest.mark.parametrize("relative, text, expected", [
    ("translations/de/AIMLAM.GEN.P3.yaml", GOOD,
     "translations/de/AIMLAM.GEN.P3.yaml:2:7: code 'AIMLAM.GEN.P4' does not match the file name 'AIMLAM.GEN.P3.yaml' "
     "(rename the file to AIMLAM.GEN.P4.yaml, or correct the code)"),
    ("translations/fr/AIMLAM.GEN.P4.yaml", GOOD,
     "translations/fr/AIMLAM.GEN.P4.yaml:3:11: language 'de' does not match the folder 'fr' "
     "(move the file to translations/de/, or correct the language)"),
    ("translations/en/AIMLAM.GEN.P4.yaml", GOOD.replace("language: de", "language: en"),
     "translations/en/AIMLAM.GEN.P4.yaml:3:11: language 'en' is the language profiles are written in, so there is "
     "nothing to translate (delete this file: postings in English print the profile)"),
    ("translations/de/AIMLAM.GEN.P4.yaml", GOOD + "  - source: ed0c2e9922\n    text: Zusammenarbeit\n",
     "translations/de/AIMLAM.GEN.P4.yaml:10:13: skills translates source ed0c2e9922 twice (first at line 8) "
     "(keep one entry per text: delete one of them)"),
    ("translations/de/AIMLAM.GEN.P4.yaml", GOOD.replace('"2b05be1ae6"', "2B05BE1AE6"),
     "translations/de/AIMLAM.GEN.P4.yaml:5:11: title.source '2B05BE1AE6' is not in the expected form "
     "(write the 10-character hash `jdgen translate` gives the English text, e.g. 3f2a9c01be)"),
    ("translations/de/AIMLAM.GEN.P4.yaml", GOOD.replace("    text: Bereichs", "    txt: Bereichs"),
     "translations/de/AIMLAM.GEN.P4.yaml:9:5: unknown key 'txt' in skills[0] (did you mean 'text'?)"),
    ("translations/de/AIMLAM.GEN.P4.yaml", GOOD.replace("text: Senior AI/ML Engineer / Tech Lead", "text: '  '"),
     "translations/de/AIMLAM.GEN.P4.yaml:6:9: title.text is blank "
     "(write the translation, or leave out `text:` until it is written)"),
])
def test_broken_translation_files_are_reported_at_their_line(run, catalog: Path, relative: str, text: str,
                                                             expected: str):
    result = _validate(run, catalog, relative, text)
    assert result.code == 1
    assert result.out == expected + "\n"


def test_a_translation_outside_a_language_folder_is_reported(run, catalog: Path):
    write(catalog / "translations" / "AIMLAM.GEN.P4.yaml", GOOD)
    result = run("validate", cwd=catalog)
    assert result.code == 1
    assert result.out == (
        "translations/AIMLAM.GEN.P4.yaml:1:1: this translation file is never read: translation files sit in "
        "translations/LANGUAGE/, one folder per language "
        "(move it to translations/<language>/AIMLAM.GEN.P4.yaml, e.g. translations/de/AIMLAM.GEN.P4.yaml)\n")


def test_a_translation_file_in_roles_is_named_for_what_it_is(run, catalog: Path):
    result = _validate(run, catalog, "roles/extra/AIMLAM.GEN.P4.yaml", GOOD)
    assert result.code == 1
    assert result.out == ("roles/extra/AIMLAM.GEN.P4.yaml:1:1: this looks like a translation file, but it is in "
                          "roles/extra/ (move it to translations/LANGUAGE/, e.g. translations/de/)\n")


def test_the_catalog_lists_its_translations_by_language_and_code():
    files = translation_files(Catalog(builtin_catalog()))
    assert sorted(files) == sorted([("de", code) for code in ROLES] + [("fr", code) for code in FRENCH])


def test_the_schema_command_prints_the_translation_schema(run):
    result = run("schema", "translation")
    assert result.code == 0
    assert json.loads(result.out)["$id"].endswith("translation.schema.json")
