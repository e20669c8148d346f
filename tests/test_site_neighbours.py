"""The site's adjacent roles are `jdgen adjacent`'s, found without measuring every pair."""

from __future__ import annotations

import shutil

import pytest

from jdgen.architecture.relations import adjacent
from jdgen.catalog.root import Catalog
from jdgen.resources import builtin_catalog
from jdgen.site.neighbours import LATERAL_LIMIT, Neighbourhood

TAXONOMY = """schema_version: 1
super_functions:
  - code: TECH
    name: Technology
    functions: [AIMLAM, DATA]
functions:
  - code: AIMLAM
    name: AI/ML
    focuses: [{code: GEN, name: General}, {code: APP, name: Applications}, {code: ARC, name: Architecture},
              {code: NLP, name: NLP}, {code: MMR, name: Multimodal}]
  - code: DATA
    name: Data
    focuses: [{code: GEN, name: General}]
  - code: SALES
    name: Sales
    focuses: [{code: GEN, name: General}]
"""


def mixed_catalog(tmp_path):
    """The shipped roles plus copies in a sibling function, another super-function and the M track."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    (root / "taxonomy.yaml").write_text(TAXONOMY)
    source = (root / "roles" / "AIMLAM.GEN.P4.yaml").read_text()
    for code, level in (("DATA.GEN.P4", "P4"), ("DATA.GEN.P2", "P2"), ("SALES.GEN.P4", "P4"), ("SALES.GEN.M2", "M2"),
                        ("AIMLAM.GEN.M1", "M1"), ("DATA.GEN.P6", "P6")):
        function = code.split(".")[0]
        text = (source.replace("AIMLAM.GEN.P4", code).replace("level: P4", f"level: {level}")
                .replace("  code: AIMLAM\n", f"  code: {function}\n"))
        (root / "roles" / f"{code}.yaml").write_text(text)
    return Catalog(root)


@pytest.mark.parametrize("limit", [1, 5, 12, 40])
def test_the_same_list_as_jdgen_adjacent_for_every_role(tmp_path, limit):
    catalog = mixed_catalog(tmp_path)
    hood = Neighbourhood(catalog)
    for code in catalog.codes:
        assert hood.adjacent(code, limit) == adjacent(catalog, code, limit), code


def test_the_shipped_catalog_too():
    catalog = Catalog(builtin_catalog())
    hood = Neighbourhood(catalog)
    for code in catalog.codes:
        assert hood.adjacent(code, 8) == adjacent(catalog, code, 8)


def test_next_level_up_and_lateral_moves(tmp_path):
    catalog = mixed_catalog(tmp_path)
    hood = Neighbourhood(catalog)
    paths = hood.paths("AIMLAM.GEN.P4")
    assert (paths.up.code, paths.up.distance, paths.up.band) == ("AIMLAM.GEN.P5", 0.1, "close")
    assert [(n.code, n.distance, n.band) for n in paths.lateral] == [
        ("AIMLAM.APP.P4", 0.125, "close"), ("AIMLAM.MMR.P4", 0.125, "close"), ("DATA.GEN.P4", 0.25, "near")]
    assert all(n.distance <= LATERAL_LIMIT for n in paths.lateral)  # SALES.GEN.P4 (0.5, far) is no lateral move
    assert hood.paths("DATA.GEN.P2").up.code == "DATA.GEN.P4"  # the next level present, P3 is missing
    assert hood.paths("AIMLAM.GEN.P6").up is None
    assert hood.paths("AIMLAM.GEN.M1").up is None  # no M2 in its family: a P role is not "up"
