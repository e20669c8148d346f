"""What a cold ``jdgen render CODE`` imports: not the modules only other runs need.

A generic posting rendered to standard output reads no company file and no translation,
writes no file, names its role by code and has no template error to explain. Each module
below is imported only where it is used so that such a render does not pay for it (README,
"Where a cold ``jdgen render AIMLAM.GEN.P4`` goes"); a module-level import put back would
undo that silently, so a render runs in a fresh process and lists what it loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

NOT_IMPORTED = (
    "jdgen.catalog.company_models",      # 19 pydantic classes: a company's and a translation's
    "jdgen.catalog.translation_models",
    "jdgen.catalog.companies",
    "jdgen.catalog.currencies",
    "jdgen.catalog.translations",
    "jdgen.compose.translation",
    "jdgen.filesystem.writing",          # standard output: no file is written
    "jdgen.architecture.resolve",        # a role code needs no title resolution
    "jdgen.catalog.schema_messages",     # words why a file is refused, or a company's override
    "jdgen.render.blocks",               # explains a template syntax error, only when there is one
    "jdgen.render.html",
    "jdgen.render.jsonld",
    "markdown_it",                       # HTML, JSON-LD and DOCX only
    "docx",                              # python-docx: DOCX only
    "babel",                             # a generic posting in English formats no money or places
)

PROBE = """
import json, sys
from jdgen.cli import main
code = main(sys.argv[1:])
sys.stderr.write(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _render(*args: str, cwd) -> tuple[int, set[str]]:
    env = {**os.environ, "JDGEN_CACHE_DIR": ""}
    env.pop("JDGEN_CATALOG", None)
    done = subprocess.run([sys.executable, "-c", PROBE, "render", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)
    report = json.loads(done.stderr[done.stderr.index('{"code"'):])
    return report["code"], set(report["modules"])


def test_a_generic_render_to_stdout_imports_none_of_them(tmp_path):
    code, modules = _render("AIMLAM.GEN.P4", "--date", "2026-11-23", cwd=tmp_path)
    assert code == 0
    assert "jdgen.catalog.models" in modules and "jdgen.postings.batch" in modules  # the probe saw a render
    assert sorted(set(NOT_IMPORTED) & modules) == []


def test_a_company_render_to_a_file_imports_what_it_needs(tmp_path):
    code, modules = _render("AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", "-o", "out.md",
                            cwd=tmp_path)
    assert code == 0 and (tmp_path / "out.md").is_file()
    assert {"jdgen.catalog.company_models", "jdgen.catalog.companies", "jdgen.filesystem.writing"} <= modules
