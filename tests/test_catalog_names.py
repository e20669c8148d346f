"""How a whole-catalog run names and sorts profile files without making a Path for each."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdgen.catalog.loading import kind_of
from jdgen.catalog.root import display_names
from jdgen.catalog.yaml_source import display_path


@pytest.mark.parametrize("where", ["inside", "outside", "relative", "at the root"])
def test_names_made_from_the_folder_are_the_names_display_path_gives(tmp_path, monkeypatch, where):
    roles = tmp_path / "catalog" / "roles"
    (roles / "sub dir").mkdir(parents=True)
    files = [roles / "A.GEN.P1.yaml", roles / "sub dir" / "b.gen.p2.yml", roles / "ünï.GEN.P3.yaml"]
    for path in files:
        path.write_text("code: x\n", encoding="utf-8")
    folder = roles
    if where == "inside":
        monkeypatch.chdir(tmp_path)
    elif where == "outside":
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")
    elif where == "relative":
        monkeypatch.chdir(tmp_path / "catalog")
        folder = Path("roles")
    else:
        monkeypatch.chdir(roles)
    name = display_names(folder)
    texts = [os.fspath(folder) + os.sep + os.path.relpath(path, roles) for path in files]
    assert [name(text) for text in texts] == [display_path(text) for text in texts]
    assert name(str(tmp_path / "other" / "x.yaml")) == display_path(str(tmp_path / "other" / "x.yaml"))


@pytest.mark.parametrize(("path", "kind"), [
    ("ladder.yaml", "ladder"), ("cat/Ladder.yml", "ladder"), ("cat/taxonomy.yaml", "taxonomy"),
    ("cat/companies/acme.yaml", "company"), ("companies/acme.yaml", "company"),
    ("cat/translations/de/A.GEN.P1.yaml", "translation"), ("translations/de/x.yaml", "translation"),
    ("cat/roles/A.GEN.P1.yaml", "profile"), ("A.GEN.P1.yaml", "profile"), ("cat/roles/companies.yaml", "profile"),
])
def test_a_file_kind_reads_the_same_from_text_and_from_a_path(path, kind):
    assert kind_of(path) == kind_of(Path(path)) == kind
