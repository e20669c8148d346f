"""jdgen: job-description generator and validator.

The Python API mirrors the command line::

    import jdgen
    catalog = jdgen.discover()                 # --catalog / $JDGEN_CATALOG / jdgen.toml / built-in
    report = jdgen.validate(catalog)           # jdgen validate
    profile = catalog.profile("AIMLAM.GEN.P4") # jdgen show

Names are imported on first use so that ``import jdgen`` stays cheap for the CLI.

Code map. The folders follow a catalog through its stages: read it (``catalog``), compose
postings (``compose``), render them (``render``), write or check the files (``postings``);
``lint`` checks all of it and ``cli`` is a thin shell over the rest. Each line names a
folder, what it does, and the folders its modules may import besides their own folder and
the top level (a folder named includes its sub-folders; ``-`` is none, ``*`` is all).
``tests/test_import_graph.py`` reads this table from here and fails on any import it does
not allow and on any import cycle; the README's code map is checked to be the same::

    (top level)    errors, messages, text, data, workers        uses -
    __main__.py    python -m jdgen                              uses cli
    filesystem/    reads inside the catalog, writes inside -o   uses -
    catalog/       find, list, parse, check, type, cache; init  uses filesystem
    compose/       profile + level + company = Posting          uses catalog
    render/        Posting to Markdown, HTML, JSON-LD (Jinja)   uses filesystem catalog compose
    render/docx/   the posting's Markdown to .docx              uses filesystem catalog compose render
    documents/     read a posting file into titled sections     uses filesystem render
    architecture/  title to code; adjacent, compare, ladder     uses catalog compose render
    postings/      jdgen render: plan, render, write, --check   uses filesystem catalog compose render architecture
    importing/     jdgen import, translate: files to fill in    uses filesystem catalog compose architecture documents
    site/          jdgen site: a static career site, --check    uses filesystem catalog compose render architecture postings
    lint/          jdgen validate, jdgen lint and its rules/    uses filesystem catalog compose render architecture postings documents
    cli/           the jdgen command: options, views            uses *

A rule module (``lint/rules/``) imports no other rule module: what rules share lives in
``lint/`` itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "discover": "jdgen.catalog.root",
    "Catalog": "jdgen.catalog.root",
    "validate": "jdgen.lint.validate",
    "ValidationReport": "jdgen.lint.validate",
    "JdgenError": "jdgen.errors",
    "Diagnostic": "jdgen.diagnostics",
    "Location": "jdgen.diagnostics",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'jdgen' has no attribute {name!r}")
    return getattr(import_module(module), name)
